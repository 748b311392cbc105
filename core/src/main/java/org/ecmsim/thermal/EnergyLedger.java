package org.ecmsim.thermal;

/**
 * The heat budget of a run so far, in joules, as the scheme itself moves heat: each term is what the discrete
 * update actually added, so {@link #storedHeat()} equals the sum of the others to round-off
 * ({@link #imbalance()}).
 *
 * @param storedHeat change of the heat content Σ ρc·(T − T₀)·V of the free (non-fixed) cells (J)
 * @param sourceHeat heat injected by the {@link HeatSource}s (J)
 * @param metabolicHeat heat from metabolism Q_met (J)
 * @param perfusionHeat heat gained from blood, Σ ω_b ρ_b c_b (T_a − T)·V·dt; negative when blood cools (J)
 * @param boundaryHeat heat gained through each face, indexed by {@link org.ecmsim.grid.Face#ordinal()};
 *        negative when heat leaves (J)
 * @param fixedCellHeat heat gained from cells held at a fixed temperature (J)
 */
public record EnergyLedger(double storedHeat, double sourceHeat, double metabolicHeat, double perfusionHeat,
        double[] boundaryHeat, double fixedCellHeat) {

    /**
     * Copies the per-face array.
     *
     * @param storedHeat change of the heat content Σ ρc·(T − T₀)·V of the free (non-fixed) cells (J)
     * @param sourceHeat heat injected by the {@link HeatSource}s (J)
     * @param metabolicHeat heat from metabolism Q_met (J)
     * @param perfusionHeat heat gained from blood, Σ ω_b ρ_b c_b (T_a − T)·V·dt; negative when blood cools (J)
     * @param boundaryHeat heat gained through each face, indexed by {@link org.ecmsim.grid.Face#ordinal()}; negative when heat leaves (J)
     * @param fixedCellHeat heat gained from cells held at a fixed temperature (J)
     */
    public EnergyLedger {
        boundaryHeat = boundaryHeat.clone();
    }

    /** @return the per-face heat (J), a copy */
    @Override
    public double[] boundaryHeat() {
        return boundaryHeat.clone();
    }

    /** A ledger with every term zero. */
    public static final EnergyLedger ZERO = new EnergyLedger(0, 0, 0, 0, new double[6], 0);

    /**
     * @param other another ledger, e.g. of an earlier part of the same run
     * @return the term-by-term sum
     */
    public EnergyLedger plus(EnergyLedger other) {
        double[] faces = new double[boundaryHeat.length];
        for (int f = 0; f < faces.length; f++) {
            faces[f] = boundaryHeat[f] + other.boundaryHeat[f];
        }
        return new EnergyLedger(storedHeat + other.storedHeat, sourceHeat + other.sourceHeat,
                metabolicHeat + other.metabolicHeat, perfusionHeat + other.perfusionHeat, faces,
                fixedCellHeat + other.fixedCellHeat);
    }

    /** @return heat gained through all faces together (J) */
    public double totalBoundaryHeat() {
        double s = 0;
        for (double b : boundaryHeat) {
            s += b;
        }
        return s;
    }

    /** @return stored − (source + metabolic + perfusion + boundary + fixed) (J); zero up to round-off */
    public double imbalance() {
        return storedHeat - (sourceHeat + metabolicHeat + perfusionHeat + totalBoundaryHeat() + fixedCellHeat);
    }
}
