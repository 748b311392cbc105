package org.ecmsim.thermal;

import org.ecmsim.grid.Face;
import org.ecmsim.grid.ScalarField;

/**
 * The outcome of a {@link SteadyStateSolver} solve: the steady temperature, how the iteration ended, and the power
 * balance of the discrete solution, in watts, each term as the heat solvers' {@link EnergyLedger} counts it (free
 * cells only). At a steady state nothing is stored, so
 * {@code sourcePower + metabolicPower + perfusionPower + boundaryPower + fixedCellPower = 0}
 * (source and metabolic heat = perfusion loss + boundary loss + loss to held cells) up to the solver tolerance:
 * {@link #imbalance()}.
 *
 * @param temperature the steady temperature (K)
 * @param iterations conjugate-gradient iterations taken
 * @param relativeResidual ‖b − A·u‖₂/‖b‖₂ of the discrete system at the end (0 when b = 0)
 * @param sourcePower power of the {@link HeatSource}s (W)
 * @param metabolicPower metabolic heat Σ Q_met·V (W)
 * @param perfusionPower heat gained from blood Σ ω_b ρ_b c_b s (T_a − T)·V; negative when blood cools (W)
 * @param boundaryPower heat gained through each face, indexed by {@link Face#ordinal()}; negative when heat
 *        leaves (W)
 * @param fixedCellPower heat gained from held cells (W)
 */
public record SteadyStateResult(ScalarField temperature, int iterations, double relativeResidual,
        double sourcePower, double metabolicPower, double perfusionPower, double[] boundaryPower,
        double fixedCellPower) {

    /**
     * Copies the per-face array.
     *
     * @param temperature the steady temperature (K)
     * @param iterations conjugate-gradient iterations taken
     * @param relativeResidual ‖b − A·u‖₂/‖b‖₂ at the end
     * @param sourcePower power of the heat sources (W)
     * @param metabolicPower metabolic heat (W)
     * @param perfusionPower heat gained from blood (W)
     * @param boundaryPower heat gained through each face (W)
     * @param fixedCellPower heat gained from held cells (W)
     */
    public SteadyStateResult {
        boundaryPower = boundaryPower.clone();
    }

    /** @return the per-face power (W), a copy */
    @Override
    public double[] boundaryPower() {
        return boundaryPower.clone();
    }

    /** @return heat gained through all faces together (W); negative when heat leaves */
    public double totalBoundaryPower() {
        double s = 0;
        for (double b : boundaryPower) {
            s += b;
        }
        return s;
    }

    /** @return source + metabolic + perfusion + boundary + held-cell power (W): zero at an exact steady state */
    public double imbalance() {
        return sourcePower + metabolicPower + perfusionPower + totalBoundaryPower() + fixedCellPower;
    }

    /** @return the imbalance relative to the heat put in, |imbalance|/(|source| + |metabolic|), or 0 if none */
    public double relativeImbalance() {
        double in = Math.abs(sourcePower) + Math.abs(metabolicPower);
        return in == 0 ? 0.0 : Math.abs(imbalance()) / in;
    }
}
