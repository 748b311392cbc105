package org.ecmsim.simulation.course;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;

/**
 * What one session did that a clinician reads: the immediate contraction of the skin surface from the thermal
 * shrinkage of collagen (with the displacement field), the epidermis's and the fat's thermal damage against the
 * burn and necrosis thresholds, and the downtime proxies. All on the session's own frame (the needle at the centre
 * of the unit cell). Equations: docs/model.md, "Clinical outcomes".
 *
 * @param time the session's time (s)
 * @param immediateArealContractionPercent the areal contraction of the skin surface right after the session, from
 *        that session's shrinkage alone (%, positive = the surface shrinks)
 * @param maxShrinkage the largest free shrinkage of any dermal cell right after the session (fraction of length)
 * @param solverIterations the CG iterations of the contraction solve
 * @param grid the thermal grid the displacement is on
 * @param displacementX the displacement at every cell centre, x component (m), x measured from the needle axis
 * @param displacementY the y component (m)
 * @param displacementZ the z component (m), positive downward
 * @param epidermis the epidermis's damage and openings
 * @param fat the subcutaneous fat's damage and openings (NaN fields if the site has no fat)
 * @param barrierRecoveryDays days until the epidermal openings (needle pores and their coagulated rims) are
 *        re-epithelialised, T₅₀₀·r/250 µm
 * @param woundJump the rise of the papillary dermis's mean wound signal over the control's at the session (0–1)
 * @param erythemaDays days until the acute erythema signal falls below the tolerance, τ_e·ln(jump/tolerance)
 *        (0 if the jump is below it)
 * @param oedemaThickness the dermal swelling right after the session from inflammatory oedema (m)
 * @param oedemaDays days until that swelling falls below 1 µm, τ_o·ln(thickness/1 µm) (0 if below already)
 */
public record SessionClinical(double time, double immediateArealContractionPercent, double maxShrinkage,
        int solverIterations, Grid3D grid, double[] displacementX, double[] displacementY, double[] displacementZ,
        LayerSafety epidermis, LayerSafety fat, double barrierRecoveryDays, double woundJump, double erythemaDays,
        double oedemaThickness, double oedemaDays) {

    /**
     * Checks the lengths.
     *
     * @param time the session's time (s)
     * @param immediateArealContractionPercent immediate areal contraction (%)
     * @param maxShrinkage largest free shrinkage (fraction)
     * @param solverIterations CG iterations
     * @param grid the thermal grid
     * @param displacementX x displacement per cell (m)
     * @param displacementY y displacement per cell (m)
     * @param displacementZ z displacement per cell (m)
     * @param epidermis the epidermis
     * @param fat the fat
     * @param barrierRecoveryDays barrier recovery (d)
     * @param woundJump wound-signal jump (0–1)
     * @param erythemaDays erythema (d)
     * @param oedemaThickness oedema swelling (m)
     * @param oedemaDays oedema (d)
     */
    public SessionClinical {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(epidermis, "epidermis");
        Objects.requireNonNull(fat, "fat");
        for (double[] a : new double[][] {displacementX, displacementY, displacementZ}) {
            if (a.length != grid.cellCount()) {
                throw new IllegalArgumentException("a displacement component has " + a.length + " values; the grid "
                        + grid + " has " + grid.cellCount() + " cells");
            }
        }
    }

    /**
     * The thermal damage of one layer in a session, excluding the needle's own cells.
     *
     * @param layer the layer's label
     * @param maxOmega the largest Ω of the cell-death process (Henriques) in the layer
     * @param maxCem43 the largest CEM43 in the layer (min)
     * @param lethalVolumePercent the share of the layer's volume with Ω ≥ 1 (%)
     * @param poreAreaPercent the share of the skin area where the needles pass through the layer (%)
     * @param openedAreaPercent the share of the skin area where the layer is pierced or coagulated (Ω ≥ 1) at some
     *        depth (%)
     */
    public record LayerSafety(String layer, double maxOmega, double maxCem43, double lethalVolumePercent,
            double poreAreaPercent, double openedAreaPercent) {

        /**
         * @param layer the label
         * @param maxOmega largest Ω
         * @param maxCem43 largest CEM43 (min)
         * @param lethalVolumePercent volume with Ω ≥ 1 (%)
         * @param poreAreaPercent pierced area (%)
         * @param openedAreaPercent pierced or coagulated area (%)
         */
        public LayerSafety {
            Objects.requireNonNull(layer, "layer");
        }

        /**
         * @param threshold a damage threshold (Ω or CEM43 min)
         * @param value the layer's value
         * @return how many times the value could grow before reaching the threshold (threshold/value; infinite
         *         for 0)
         */
        public static double margin(double threshold, double value) {
            return value > 0 ? threshold / value : Double.POSITIVE_INFINITY;
        }

        /** @return {@link ClinicalParameters#FIRST_DEGREE_OMEGA}/Ω: above 1 the first-degree threshold is not met */
        public double firstDegreeMargin() {
            return margin(ClinicalParameters.FIRST_DEGREE_OMEGA, maxOmega);
        }

        /** @return {@link ClinicalParameters#SECOND_DEGREE_OMEGA}/Ω */
        public double secondDegreeMargin() {
            return margin(ClinicalParameters.SECOND_DEGREE_OMEGA, maxOmega);
        }

        /** @return 240 min / CEM43 (the necrosis threshold of most soft tissues, Sapareto and Dewey 1984) */
        public double cem43Margin() {
            return margin(org.ecmsim.simulation.thermal.ThermalRunResult.CEM43_NECROSIS_THRESHOLD, maxCem43);
        }
    }
}
