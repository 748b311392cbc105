package org.ecmsim.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * A scalar value per cell of a {@link Grid3D}, stored in one flat {@code double[]} with x fastest
 * ({@code index = i + nx·(j + ny·k)}).
 *
 * <p>{@link #values()} returns the backing array itself, not a copy, so that solvers and kernels read and write it
 * without overhead; the unit of the values is whatever the producer documents (kelvin for temperatures, W/m³ for
 * power densities, and so on).
 */
public final class ScalarField {

    private final Grid3D grid;
    private final double[] values;

    /**
     * A field of zeros.
     *
     * @param grid the grid
     */
    public ScalarField(Grid3D grid) {
        this(grid, new double[Objects.requireNonNull(grid, "grid").cellCount()]);
    }

    /**
     * A field over an existing array, which is used as is (not copied).
     *
     * @param grid the grid
     * @param values one value per cell, length {@code grid.cellCount()}
     */
    public ScalarField(Grid3D grid, double[] values) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("values has " + values.length + " entries; the grid " + grid
                    + " has " + grid.cellCount() + " cells");
        }
    }

    /**
     * A field with every cell set to one value.
     *
     * @param grid the grid
     * @param value the value of every cell
     * @return the field
     */
    public static ScalarField constant(Grid3D grid, double value) {
        ScalarField f = new ScalarField(grid);
        f.fill(value);
        return f;
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the backing array (not a copy), x fastest */
    public double[] values() {
        return values;
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @return the value of the cell
     */
    public double get(int i, int j, int k) {
        return values[grid.index(i, j, k)];
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @param value the new value
     */
    public void set(int i, int j, int k, double value) {
        values[grid.index(i, j, k)] = value;
    }

    /** @param value the value every cell is set to */
    public void fill(double value) {
        Arrays.fill(values, value);
    }

    /** @return an independent copy */
    public ScalarField copy() {
        return new ScalarField(grid, values.clone());
    }

    /** @return the smallest value (NaN if any value is NaN) */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.min(m, v);
        }
        return m;
    }

    /** @return the largest value (NaN if any value is NaN) */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the flat index of the largest value (the first one, if several are equal) */
    public int argMax() {
        int best = 0;
        for (int n = 1; n < values.length; n++) {
            if (values[n] > values[best]) {
                best = n;
            }
        }
        return best;
    }

    /** @return the sum of the values, in index order */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** @return the integral over the domain, {@code Σ value·cellVolume} (value unit × m³) */
    public double integral() {
        return sum() * grid.cellVolume();
    }

    @Override
    public String toString() {
        return "ScalarField[" + grid + "]";
    }
}
