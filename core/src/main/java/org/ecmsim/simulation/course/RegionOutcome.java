package org.ecmsim.simulation.course;

import java.util.Map;
import java.util.Objects;
import org.ecmsim.biology.Species;

/**
 * The outcomes of a course in one {@link OutcomeRegion}, sampled over time, treated against the untreated control:
 * the volume-weighted mean of every biology field over the region (the same weights for both), and a
 * histology-like stained-area fraction.
 *
 * <p>Stained area, read as an image analysis of a collagen stain would: inside each biology cell the native collagen
 * density (I + III; denatured collagen does not stain as fibrillar collagen) is taken as log-normally spread about
 * the cell's mean, with log standard deviation s ({@link OutcomeRegions#stainSpread()}), and a pixel stains where
 * its density exceeds a threshold set on the untreated control: the control's mean collagen in the same cell at the
 * same time, so the control stains half of every cell. The treated cell stains Φ(ln(C_treated/C_control)/s) of its
 * area (Φ the standard normal distribution); the region's fraction is the weighted mean over its cells, the
 * control's is 1/2, and the change is treated − control in percentage points. A threshold per cell removes the
 * difference between layers that one threshold over a section would stain; the fraction depends on s, so compare
 * changes, not levels.
 *
 * @param region the region
 * @param times the sampling times (s)
 * @param volume the region's volume at each sample (m³); 0 before any session for the lesion regions
 * @param treated weighted mean per species and sample (species unit); NaN where the region is empty
 * @param control the same for the untreated control
 * @param stainedTreated stained-area fraction of the treated tissue per sample (0–1)
 * @param stainedControl stained-area fraction of the control per sample (0–1)
 */
public record RegionOutcome(OutcomeRegion region, double[] times, double[] volume, Map<Species, double[]> treated,
        Map<Species, double[]> control, double[] stainedTreated, double[] stainedControl) {

    /**
     * Copies the arrays.
     *
     * @param region the region
     * @param times the sampling times (s)
     * @param volume the region's volume at each sample (m³)
     * @param treated weighted mean per species and sample (species unit)
     * @param control the same for the untreated control
     * @param stainedTreated stained-area fraction of the treated tissue per sample (0–1)
     * @param stainedControl stained-area fraction of the control per sample (0–1)
     */
    public RegionOutcome {
        Objects.requireNonNull(region, "region");
        times = times.clone();
        volume = volume.clone();
        treated = SpeciesMaps.copy(treated);
        control = SpeciesMaps.copy(control);
        stainedTreated = stainedTreated.clone();
        stainedControl = stainedControl.clone();
    }

    /** @return the sampling times (s), a copy */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return the region's volume per sample (m³), a copy */
    @Override
    public double[] volume() {
        return volume.clone();
    }

    /** @return the treated stained-area fraction per sample, a copy */
    @Override
    public double[] stainedTreated() {
        return stainedTreated.clone();
    }

    /** @return the control's stained-area fraction per sample, a copy */
    @Override
    public double[] stainedControl() {
        return stainedControl.clone();
    }

    /** @return the number of samples */
    public int sampleCount() {
        return times.length;
    }

    /**
     * @param time a time (s)
     * @return the index of the sample closest to it
     */
    public int sampleAt(double time) {
        return Samples.nearest(times, time);
    }

    /**
     * @param species a species
     * @param sample a sample index
     * @return (treated − control)/control × 100 (%), NaN where the region is empty or the control is 0
     */
    public double percentVsControl(Species species, int sample) {
        return percent(treated.get(species)[sample], control.get(species)[sample]);
    }

    /**
     * @param sample a sample index
     * @return native collagen (I + III) of the treated tissue vs the control (%)
     */
    public double collagenPercentVsControl(int sample) {
        return percent(sum(treated, sample, Species.COLLAGEN_I, Species.COLLAGEN_III),
                sum(control, sample, Species.COLLAGEN_I, Species.COLLAGEN_III));
    }

    /**
     * @param sample a sample index
     * @return fibroblast density (quiescent + activated + synthetic) of the treated tissue vs the control (%)
     */
    public double fibroblastsPercentVsControl(int sample) {
        return percent(sum(treated, sample, Species.QUIESCENT_FIBROBLASTS, Species.ACTIVATED_FIBROBLASTS,
                Species.SYNTHETIC_FIBROBLASTS), sum(control, sample, Species.QUIESCENT_FIBROBLASTS,
                        Species.ACTIVATED_FIBROBLASTS, Species.SYNTHETIC_FIBROBLASTS));
    }

    /**
     * @param sample a sample index
     * @return HSP70 of the treated tissue as a multiple of the basal level, 1 + h (dimensionless)
     */
    public double heatShockFoldOverBasal(int sample) {
        return 1 + treated.get(Species.HEAT_SHOCK_PROTEIN)[sample];
    }

    /**
     * @param sample a sample index
     * @return HSP47 of the treated tissue as a multiple of the control's over the same region (its basal level)
     *         (dimensionless)
     */
    public double hsp47FoldOverBasal(int sample) {
        double c = control.get(Species.HSP47)[sample];
        return c == 0 || Double.isNaN(c) ? Double.NaN : treated.get(Species.HSP47)[sample] / c;
    }

    /**
     * The new-collagen fraction: the share of the native collagen (I + III) made since labelling began at the first
     * session, including the collagen that was still immature then ({@link Species#NEW_COLLAGEN_I}).
     *
     * @param sample a sample index
     * @return the treated tissue's new-collagen fraction (0–1), NaN where the region is empty
     */
    public double newCollagenFraction(int sample) {
        return fraction(treated, sample);
    }

    /**
     * @param sample a sample index
     * @return the control's new-collagen fraction over the same region (0–1): what resting turnover alone renews
     */
    public double newCollagenFractionControl(int sample) {
        return fraction(control, sample);
    }

    /**
     * @param sample a sample index
     * @return the share of type III in the treated tissue's new collagen (0–1), NaN where there is none
     */
    public double typeIIIShareOfNewCollagen(int sample) {
        double n1 = treated.get(Species.NEW_COLLAGEN_I)[sample];
        double n3 = treated.get(Species.NEW_COLLAGEN_III)[sample];
        return n1 + n3 > 0 ? n3 / (n1 + n3) : Double.NaN;
    }

    private static double fraction(Map<Species, double[]> m, int sample) {
        double total = sum(m, sample, Species.COLLAGEN_I, Species.COLLAGEN_III);
        return total > 0 ? sum(m, sample, Species.NEW_COLLAGEN_I, Species.NEW_COLLAGEN_III) / total : Double.NaN;
    }

    /**
     * @param sample a sample index
     * @return the treated tissue's stained-area fraction (0–1), NaN where the region is empty
     */
    public double stainedAreaFraction(int sample) {
        return stainedTreated[sample];
    }

    /**
     * @param sample a sample index
     * @return the stained-area fraction of the treated tissue minus the control's, in percentage points
     */
    public double stainedAreaChangePoints(int sample) {
        return 100 * (stainedTreated[sample] - stainedControl[sample]);
    }

    private static double sum(Map<Species, double[]> m, int sample, Species... species) {
        double s = 0;
        for (Species sp : species) {
            s += m.get(sp)[sample];
        }
        return s;
    }

    private static double percent(double t, double c) {
        return c == 0 || Double.isNaN(c) ? Double.NaN : 100.0 * (t - c) / c;
    }
}
