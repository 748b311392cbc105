package org.ecmsim.grid;

import java.util.Objects;

/**
 * The trilinear interpolation stencil of one point of a {@link Grid3D}: the eight cells whose centres surround the
 * point and their weights, which are non-negative and sum to 1. A field's value at the point is
 * {@code Σ wₙ·values[cellₙ]}: exact for a field linear in x, y and z (at cell centres), and second-order accurate,
 * error O(Δ²), for a smooth one.
 *
 * <p><b>Edges.</b> Between a domain face and the centre of the cell next to it (a strip half a cell wide) there is
 * no centre on the far side to interpolate from; there the coordinate is clamped to the nearest cell centre, so the
 * value is constant across that strip along that axis (first-order there; on a symmetry face, where the field's
 * normal derivative is zero, the clamp is second-order accurate). An axis with one cell is constant along it.
 * Points outside the domain are refused.
 *
 * <p>Build it once with {@link #of(Grid3D, double, double, double)} and apply it to many fields or many time
 * steps: {@link #interpolate(double[])} allocates nothing.
 */
public final class PointStencil {

    private final Grid3D grid;
    private final double x;
    private final double y;
    private final double z;
    private final int[] cells = new int[8];
    private final double[] weights = new double[8];

    private PointStencil(Grid3D grid, double x, double y, double z) {
        this.grid = grid;
        this.x = x;
        this.y = y;
        this.z = z;
        // Validates the point (throws with the coordinate and the range if it is outside).
        grid.cellAt(x, y, z);
        int[] lo = new int[3];
        int[] hi = new int[3];
        double[] f = new double[3];
        double[] p = {x, y, z};
        for (Axis a : Axis.values()) {
            int n = grid.count(a);
            double u = (p[a.ordinal()] - grid.origin(a)) / grid.spacing(a) - 0.5;
            int l;
            double w;
            if (n == 1 || u <= 0) {
                l = 0;
                w = 0;
            } else if (u >= n - 1) {
                l = n - 2;
                w = 1;
            } else {
                l = (int) Math.floor(u);
                w = u - l;
            }
            lo[a.ordinal()] = l;
            hi[a.ordinal()] = Math.min(l + 1, n - 1);
            f[a.ordinal()] = w;
        }
        int c = 0;
        for (int dk = 0; dk < 2; dk++) {
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    int i = di == 0 ? lo[0] : hi[0];
                    int j = dj == 0 ? lo[1] : hi[1];
                    int k = dk == 0 ? lo[2] : hi[2];
                    cells[c] = grid.index(i, j, k);
                    weights[c] = (di == 0 ? 1 - f[0] : f[0]) * (dj == 0 ? 1 - f[1] : f[1]) * (dk == 0 ? 1 - f[2] : f[2]);
                    c++;
                }
            }
        }
    }

    /**
     * @param grid the grid
     * @param x x of the point (m)
     * @param y y of the point (m)
     * @param z z (depth) of the point (m)
     * @return the stencil
     * @throws IllegalArgumentException if the point is outside the domain
     */
    public static PointStencil of(Grid3D grid, double x, double y, double z) {
        return new PointStencil(Objects.requireNonNull(grid, "grid"), x, y, z);
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return x of the point (m) */
    public double x() {
        return x;
    }

    /** @return y of the point (m) */
    public double y() {
        return y;
    }

    /** @return z of the point (m) */
    public double z() {
        return z;
    }

    /** @return the flat indices of the eight cells (some repeat at edges and on axes with one cell), a copy */
    public int[] cells() {
        return cells.clone();
    }

    /** @return the eight weights, in the order of {@link #cells()}, ≥ 0, summing to 1; a copy */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * @param values one value per cell of the grid, x fastest
     * @return the interpolated value at the point (the unit of the values)
     */
    public double interpolate(double[] values) {
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("values has " + values.length + " entries; the grid " + grid
                    + " has " + grid.cellCount() + " cells");
        }
        double s = 0;
        for (int c = 0; c < 8; c++) {
            s += weights[c] * values[cells[c]];
        }
        return s;
    }

    /**
     * @param field a field on this stencil's grid
     * @return the interpolated value at the point
     */
    public double interpolate(ScalarField field) {
        if (!field.grid().equals(grid)) {
            throw new IllegalArgumentException("field grid " + field.grid() + " differs from " + grid);
        }
        return interpolate(field.values());
    }

    @Override
    public String toString() {
        return String.format("PointStencil[(%.6g, %.6g, %.6g) mm on %s]", x * 1e3, y * 1e3, z * 1e3, grid);
    }
}
