package org.ecmsim.simulation.course;

import java.util.Map;
import org.ecmsim.biology.Species;

/**
 * Every biology field averaged over the lateral plane at each depth, at one time, treated and control.
 *
 * @param time the time (s)
 * @param depths depth of each biology plane's centre (m)
 * @param treated plane means per species
 * @param control the same for the control
 */
public record DepthProfile(double time, double[] depths, Map<Species, double[]> treated,
        Map<Species, double[]> control) {

    /**
     * Copies the arrays.
     *
     * @param time the time (s)
     * @param depths depth of each biology plane's centre (m)
     * @param treated plane means per species
     * @param control the same for the control
     */
    public DepthProfile {
        depths = depths.clone();
        treated = SpeciesMaps.copy(treated);
        control = SpeciesMaps.copy(control);
    }

    /** @return the depths of the plane centres (m), a copy */
    @Override
    public double[] depths() {
        return depths.clone();
    }
}
