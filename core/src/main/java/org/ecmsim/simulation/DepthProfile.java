package org.ecmsim.simulation;

import java.util.EnumMap;
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
        treated = copy(treated);
        control = copy(control);
    }

    private static Map<Species, double[]> copy(Map<Species, double[]> m) {
        Map<Species, double[]> c = new EnumMap<>(Species.class);
        m.forEach((k, v) -> c.put(k, v.clone()));
        return java.util.Collections.unmodifiableMap(c);
    }
}
