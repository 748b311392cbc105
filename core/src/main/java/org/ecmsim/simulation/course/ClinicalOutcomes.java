package org.ecmsim.simulation.course;

import java.util.List;
import java.util.Objects;

/**
 * What a clinician reads from a course: per session the immediate contraction and the safety and downtime figures
 * ({@link SessionClinical}), and on every sampled day the areal contraction of the skin surface from what is left of
 * the thermal shrinkage and from myofibroblast traction. Equations: docs/model.md, "Clinical outcomes".
 *
 * @param parameters the constants used
 * @param sessions one record per session, in order
 * @param times the sampling times (s)
 * @param arealContractionPercent the areal contraction of the skin surface on each sampling time (%, positive =
 *        the surface shrinks), treated vs the untreated control (which does not contract)
 * @param thermalContractionPercent the part of it from thermal shrinkage alone (the traction set to 0) (%)
 * @param dermalThicknessChange the change of the dermis's thickness vs the control on each sampling time (m): matrix
 *        volume, hyaluronan-bound water and oedema per unit skin area
 * @param oedemaThickness the oedema's part of it (m)
 * @param dermalThicknessPercent the change vs the control's dermal thickness (%)
 * @param firmnessPercent the firmness proxy vs control (%): mature collagen I (native minus immature) plus elastin of the dermis
 */
public record ClinicalOutcomes(ClinicalParameters parameters, List<SessionClinical> sessions, double[] times,
        double[] arealContractionPercent, double[] thermalContractionPercent, double[] dermalThicknessChange,
        double[] oedemaThickness, double[] dermalThicknessPercent, double[] firmnessPercent) {

    /**
     * Copies the arrays and checks their lengths.
     *
     * @param parameters the constants used
     * @param sessions one record per session
     * @param times the sampling times (s)
     * @param arealContractionPercent areal contraction per time (%)
     * @param thermalContractionPercent its thermal part per time (%)
     * @param dermalThicknessChange dermal thickness change per time (m)
     * @param oedemaThickness its oedema part (m)
     * @param dermalThicknessPercent dermal thickness change per time (%)
     * @param firmnessPercent firmness proxy per time (%)
     */
    public ClinicalOutcomes {
        Objects.requireNonNull(parameters, "parameters");
        sessions = List.copyOf(sessions);
        times = times.clone();
        arealContractionPercent = arealContractionPercent.clone();
        thermalContractionPercent = thermalContractionPercent.clone();
        dermalThicknessChange = dermalThicknessChange.clone();
        oedemaThickness = oedemaThickness.clone();
        dermalThicknessPercent = dermalThicknessPercent.clone();
        firmnessPercent = firmnessPercent.clone();
        for (double[] a : new double[][] {arealContractionPercent, thermalContractionPercent, dermalThicknessChange,
            oedemaThickness, dermalThicknessPercent, firmnessPercent}) {
            if (a.length != times.length) {
                throw new IllegalArgumentException("a series of " + a.length + " values for " + times.length
                        + " times");
            }
        }
    }

    /** @return the sampling times (s), a copy */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** @return the areal contraction per sampling time (%), a copy */
    @Override
    public double[] arealContractionPercent() {
        return arealContractionPercent.clone();
    }

    /** @return the thermal part per sampling time (%), a copy */
    @Override
    public double[] thermalContractionPercent() {
        return thermalContractionPercent.clone();
    }

    /** @return the dermal thickness change per sampling time (m), a copy */
    @Override
    public double[] dermalThicknessChange() {
        return dermalThicknessChange.clone();
    }

    /** @return the oedema part of it (m), a copy */
    @Override
    public double[] oedemaThickness() {
        return oedemaThickness.clone();
    }

    /** @return the dermal thickness change per sampling time (%), a copy */
    @Override
    public double[] dermalThicknessPercent() {
        return dermalThicknessPercent.clone();
    }

    /** @return the firmness proxy per sampling time (% vs control), a copy */
    @Override
    public double[] firmnessPercent() {
        return firmnessPercent.clone();
    }

    /**
     * @param time a time (s)
     * @return the areal contraction (%) at the sampling time nearest to it
     */
    public double arealContractionAt(double time) {
        if (times.length == 0) {
            throw new IllegalStateException("no sampling times recorded");
        }
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - time) < Math.abs(times[best] - time)) {
                best = i;
            }
        }
        return arealContractionPercent[best];
    }
}
