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

    /**
     * The field at a point by trilinear interpolation between cell centres (see {@link PointStencil} for the
     * accuracy and for the half-cell strip along each face, where the value is clamped to the nearest centre).
     *
     * @param x x (m)
     * @param y y (m)
     * @param z z, depth (m)
     * @return the interpolated value (the unit of the field)
     * @throws IllegalArgumentException if the point is outside the grid
     */
    public double interpolate(double x, double y, double z) {
        return PointStencil.of(grid, x, y, z).interpolate(values);
    }

    /**
     * Values at {@code n} evenly spaced points of the segment from {@code from} to {@code to}, both ends included,
     * by trilinear interpolation: a depth profile is {@code sampleLine(new double[] {x, y, 0}, new double[] {x, y,
     * depth}, n)}.
     *
     * @param from start point {x, y, z} (m), inside the grid
     * @param to end point {x, y, z} (m), inside the grid
     * @param n number of points, ≥ 2
     * @return the n values, from {@code from} to {@code to}
     */
    public double[] sampleLine(double[] from, double[] to, int n) {
        if (from.length != 3 || to.length != 3) {
            throw new IllegalArgumentException("line ends must have 3 coordinates {x, y, z} (m); got "
                    + from.length + " and " + to.length);
        }
        if (n < 2) {
            throw new IllegalArgumentException("number of points n = " + n + " is invalid; it must be ≥ 2");
        }
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            double s = (double) p / (n - 1);
            out[p] = interpolate(from[0] + s * (to[0] - from[0]), from[1] + s * (to[1] - from[1]),
                    from[2] + s * (to[2] - from[2]));
        }
        return out;
    }

    /**
     * Values on a plane normal to an axis, at the cell centres of the two other axes, by linear interpolation
     * along the normal (the same rule as {@link #interpolate}). For {@code normal = Z} the result is indexed
     * {@code i + nx·j}; for {@code Y}, {@code i + nx·k}; for {@code X}, {@code j + ny·k} (the lower-ranked axis
     * fastest).
     *
     * @param normal the axis normal to the plane
     * @param coordinate the plane's position along that axis (m), inside the grid
     * @return the values, one per cell centre of the plane
     */
    public double[] samplePlane(Axis normal, double coordinate) {
        Axis a = normal == Axis.X ? Axis.Y : Axis.X;
        Axis b = normal == Axis.Z ? Axis.Y : Axis.Z;
        int na = grid.count(a);
        int nb = grid.count(b);
        double[] out = new double[na * nb];
        double[] p = new double[3];
        p[normal.ordinal()] = coordinate;
        for (int q = 0; q < nb; q++) {
            for (int r = 0; r < na; r++) {
                p[a.ordinal()] = grid.centre(a, r);
                p[b.ordinal()] = grid.centre(b, q);
                out[r + na * q] = interpolate(p[0], p[1], p[2]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ScalarField[" + grid + "]";
    }
}
