package org.ecmsim.simulation.course;

import java.util.Map;
import java.util.Objects;
import org.ecmsim.biology.Species;
import org.ecmsim.tissue.LayerRole;

/**
 * The mean of every biology field in one layer, sampled over time, for the treated tissue and the untreated control.
 *
 * @param layer the layer (material) name, for reports
 * @param role what the layer is
 * @param times the sampling times (s)
 * @param treated mean value per species and sampling time, in the species' unit
 * @param control the same for the untreated control
 */
public record LayerTimeSeries(String layer, LayerRole role, double[] times, Map<Species, double[]> treated,
        Map<Species, double[]> control) {

    /**
     * Copies the arrays.
     *
     * @param layer the layer (material) name, for reports
     * @param role what the layer is
     * @param times the sampling times (s)
     * @param treated mean value per species and sampling time, in the species' unit
     * @param control the same for the untreated control
     */
    public LayerTimeSeries {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(role, "role");
        times = times.clone();
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

    /** @return the sampling times (s), a copy */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return the number of samples */
    public int sampleCount() {
        return times.length;
    }

    /**
     * @param sample a sample index
     * @return its time (s)
     */
    public double time(int sample) {
        return times[sample];
    }

    /**
     * @param time a time (s)
     * @return the index of the sample closest to it
     */
    public int sampleAt(double time) {
        return Samples.nearest(times, time);
    }
}
