package org.ecmsim.biology;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;

/**
 * What one treatment's heat did, per biology cell, as the remodelling model needs it. Each value is a mean over the
 * thermal cells of the biology cell, so the fractions are fractions of the cell's volume:
 * <ul>
 *   <li>{@code killed}: the fraction of cells killed, mean of 1 − e^{−Ω} for the cell-death process;</li>
 *   <li>{@code denatured}: the fraction of collagen denatured, mean of 1 − e^{−Ω} for the collagen process;</li>
 *   <li>{@code heatShock}: the heat-shock induction of the survivors, mean of (1 − e^{−CEM43/D₀}) e^{−Ω_death},
 *       from 0 (none) to 1 (saturating), with D₀ the model's dose scale: sublethal heat induces, lethal heat
 *       leaves no cell to respond.</li>
 * </ul>
 *
 * @param grid the biology grid
 * @param killed killed fraction per cell, in [0, 1]
 * @param denatured denatured collagen fraction per cell, in [0, 1]
 * @param heatShock heat-shock induction per cell, in [0, 1]
 */
public record ThermalInsult(Grid3D grid, double[] killed, double[] denatured, double[] heatShock) {

    /**
     * Validates lengths and ranges (copies nothing: the arrays are owned by the insult).
     *
     * @param grid the biology grid
     * @param killed killed fraction per cell, in [0, 1]
     * @param denatured denatured collagen fraction per cell, in [0, 1]
     * @param heatShock heat-shock induction per cell, in [0, 1]
     */
    public ThermalInsult {
        Objects.requireNonNull(grid, "grid");
        check("killed", killed, grid);
        check("denatured", denatured, grid);
        check("heatShock", heatShock, grid);
    }

    private static void check(String name, double[] a, Grid3D grid) {
        if (a.length != grid.cellCount()) {
            throw new IllegalArgumentException(name + " has " + a.length + " entries; the biology grid has "
                    + grid.cellCount() + " cells");
        }
        for (int c = 0; c < a.length; c++) {
            if (!(a[c] >= 0 && a[c] <= 1)) {
                throw new IllegalArgumentException(name + " fraction at cell " + c + " = " + a[c]
                        + " is outside the valid range 0 to 1");
            }
        }
    }
}
