package org.ecmsim.simulation;

import java.util.Map;
import org.ecmsim.biology.Species;

/**
 * Every biology field averaged over the lateral plane at each depth, on one day, treated and control.
 *
 * @param day the day (d)
 * @param depths depth of each biology plane's centre (m)
 * @param treated plane means per species
 * @param control the same for the control
 */
public record DepthProfile(double day, double[] depths, Map<Species, double[]> treated,
        Map<Species, double[]> control) {

    /**
     * Copies the arrays.
     *
     * @param day the day (d)
     * @param depths depth of each biology plane's centre (m)
     * @param treated plane means per species
     * @param control the same for the control
     */
    public DepthProfile {
        depths = depths.clone();
        treated = SpeciesMaps.copy(treated);
        control = SpeciesMaps.copy(control);
    }

}
