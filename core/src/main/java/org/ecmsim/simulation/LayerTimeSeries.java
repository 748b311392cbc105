package org.ecmsim.simulation;

import java.util.Map;
import org.ecmsim.biology.Species;

/**
 * The mean of every biology field in one layer, sampled over time, for the treated tissue and the untreated control.
 *
 * @param layer the layer (material) name
 * @param days the sampling days (d)
 * @param treated mean value per species and day, in the species' unit
 * @param control the same for the untreated control
 */
public record LayerTimeSeries(String layer, double[] days, Map<Species, double[]> treated,
        Map<Species, double[]> control) {

    /**
     * Copies the arrays.
     *
     * @param layer the layer (material) name
     * @param days the sampling days (d)
     * @param treated mean value per species and day, in the species' unit
     * @param control the same for the untreated control
     */
    public LayerTimeSeries {
        days = days.clone();
        treated = SpeciesMaps.copy(treated);
        control = SpeciesMaps.copy(control);
    }


    /**
     * @param species a species
     * @param sample a sample index
     * @return (treated − control)/control × 100 at that sample (%), NaN where the control is 0
     */
    public double percentVsControl(Species species, int sample) {
        double t = treated.get(species)[sample];
        double c = control.get(species)[sample];
        return c == 0 ? Double.NaN : 100.0 * (t - c) / c;
    }

    /**
     * @param species a species
     * @param sample a sample index
     * @return (treated − baseline)/baseline × 100, the baseline being the day-0 control value (%)
     */
    public double percentVsBaseline(Species species, int sample) {
        double t = treated.get(species)[sample];
        double b = control.get(species)[0];
        return b == 0 ? Double.NaN : 100.0 * (t - b) / b;
    }

    /**
     * @param day a day
     * @return the index of the sample closest to it
     */
    public int sampleAt(double day) {
        int best = 0;
        for (int s = 1; s < days.length; s++) {
            if (Math.abs(days[s] - day) < Math.abs(days[best] - day)) {
                best = s;
            }
        }
        return best;
    }
}
