package org.ecmsim.thermal;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;

/**
 * A per-cell factor in [0, 1] on the blood-perfusion term ω_b ρ_b c_b (T_a − T), for instance 0 where vessels have
 * coagulated. Immutable, in single precision: a relative rounding of 6e-8 is far below what any perfusion estimate
 * can resolve, and it halves the memory and bandwidth of a double field. This one type carries the scale from the
 * biology that computes it to the heat solver that applies it, so the values are rounded once.
 *
 * <p>A scale whose values all round to exactly 1 is {@linkplain #isUnit() the unit scale}: a solver given it keeps
 * no array at all.
 */
public final class PerfusionScale {

    private final Grid3D grid;
    /** The factors, or null for the unit scale. */
    private final float[] values;

    private PerfusionScale(Grid3D grid, float[] values) {
        this.grid = grid;
        this.values = values;
    }

    /**
     * @param grid the grid
     * @return the scale 1 everywhere (no array)
     */
    public static PerfusionScale unit(Grid3D grid) {
        return new PerfusionScale(Objects.requireNonNull(grid, "grid"), null);
    }

    /**
     * @param grid the grid
     * @param value the factor of every cell, in [0, 1]
     * @return a uniform scale
     */
    public static PerfusionScale uniform(Grid3D grid, double value) {
        return of(ScalarField.constant(grid, value));
    }

    /**
     * Rounds a field of factors to single precision, once.
     *
     * @param field factor per cell, each in [0, 1]
     * @return the scale on the field's grid; the unit scale if every value rounds to 1
     * @throws IllegalArgumentException naming the first cell whose value is outside [0, 1] or not a number
     */
    public static PerfusionScale of(ScalarField field) {
        Grid3D grid = field.grid();
        double[] v = field.values();
        boolean unit = true;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException("perfusion scale at cell (" + grid.i(i) + ", " + grid.j(i) + ", "
                        + grid.k(i) + ") = " + v[i] + " is outside the valid range 0 to 1");
            }
            // Decided on the rounded value: a factor that rounds to 1 is 1.
            unit &= (float) v[i] == 1.0f;
        }
        if (unit) {
            return unit(grid);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return new PerfusionScale(grid, f);
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return true if every factor is exactly 1 (no array is held) */
    public boolean isUnit() {
        return values == null;
    }

    /**
     * @param cell flat cell index
     * @return the factor of the cell
     */
    public double get(int cell) {
        return values == null ? 1.0 : values[cell];
    }

    /** @return the factors as a double field (a new array) */
    public ScalarField toField() {
        double[] v = new double[grid.cellCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = get(i);
        }
        return new ScalarField(grid, v);
    }

    /** @return the single-precision factors, shared (never written), or null for the unit scale */
    float[] array() {
        return values;
    }
}
