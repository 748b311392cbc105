package org.ecmsim.grid;

import static org.ecmsim.internal.Checks.requireFinitePositive;

/**
 * A uniform, cell-centred Cartesian grid of {@code nx × ny × nz} cells with spacings {@code dx, dy, dz}.
 *
 * <p>Cell {@code (i, j, k)} occupies {@code [i·dx, (i+1)·dx] × [j·dy, (j+1)·dy] × [k·dz, (k+1)·dz]}; its centre is at
 * {@code ((i+½)·dx, (j+½)·dy, (k+½)·dz)}. By convention in ecmsim the z axis points into the skin and {@code z = 0}
 * is the skin surface, so {@code k} counts cells downward from the surface.
 *
 * <p>Fields over the grid are flat {@code double[]} arrays of length {@link #cellCount()} with x fastest:
 * {@code index = i + nx·(j + ny·k)}. {@link #strideY()} and {@link #strideZ()} are the index steps to the
 * neighbours in y and z.
 *
 * @param nx number of cells along x (≥ 1)
 * @param ny number of cells along y (≥ 1)
 * @param nz number of cells along z, the depth axis (≥ 1)
 * @param dx cell size along x (m), finite and &gt; 0
 * @param dy cell size along y (m), finite and &gt; 0
 * @param dz cell size along z (m), finite and &gt; 0
 */
public record Grid3D(int nx, int ny, int nz, double dx, double dy, double dz) {

    /** Largest number of cells a grid may hold: one Java array must index every cell. */
    public static final long MAX_CELLS = Integer.MAX_VALUE - 8L;

    /**
     * Validates the sizes and spacings.
     *
     * @param nx number of cells along x (≥ 1)
     * @param ny number of cells along y (≥ 1)
     * @param nz number of cells along z, the depth axis (≥ 1)
     * @param dx cell size along x (m), finite and &gt; 0
     * @param dy cell size along y (m), finite and &gt; 0
     * @param dz cell size along z (m), finite and &gt; 0
     */
    public Grid3D {
        requireCount("nx", nx);
        requireCount("ny", ny);
        requireCount("nz", nz);
        long cells = (long) nx * ny * nz;
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("grid " + nx + "×" + ny + "×" + nz + " has " + cells
                    + " cells; at most " + MAX_CELLS + " fit in one array");
        }
        requireFinitePositive("dx", dx, "m");
        requireFinitePositive("dy", dy, "m");
        requireFinitePositive("dz", dz, "m");
    }

    /**
     * A grid with the same spacing on every axis.
     *
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     * @param spacing cell size (m)
     * @return the grid
     */
    public static Grid3D uniform(int nx, int ny, int nz, double spacing) {
        return new Grid3D(nx, ny, nz, spacing, spacing, spacing);
    }

    /**
     * A grid with the same spacing on every axis, spacing given in millimetres.
     *
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     * @param spacingMillimetres cell size (mm)
     * @return the grid
     */
    public static Grid3D uniformMillimetres(int nx, int ny, int nz, double spacingMillimetres) {
        return uniform(nx, ny, nz, spacingMillimetres * 1e-3);
    }

    private static void requireCount(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cell count " + name + " = " + n + " is invalid; it must be ≥ 1");
        }
    }

    /** @return the number of cells, {@code nx·ny·nz} */
    public int cellCount() {
        return nx * ny * nz;
    }

    /** @return the index step between neighbours along y, {@code nx} */
    public int strideY() {
        return nx;
    }

    /** @return the index step between neighbours along z, {@code nx·ny} */
    public int strideZ() {
        return nx * ny;
    }

    /** @return the volume of one cell (m³) */
    public double cellVolume() {
        return dx * dy * dz;
    }

    /**
     * @param i cell index along x, {@code 0 ≤ i < nx}
     * @param j cell index along y, {@code 0 ≤ j < ny}
     * @param k cell index along z, {@code 0 ≤ k < nz}
     * @return the flat index {@code i + nx·(j + ny·k)}
     * @throws IndexOutOfBoundsException if a cell index is outside the grid
     */
    public int index(int i, int j, int k) {
        if (i < 0 || i >= nx || j < 0 || j >= ny || k < 0 || k >= nz) {
            throw new IndexOutOfBoundsException("cell (" + i + ", " + j + ", " + k + ") is outside the grid "
                    + nx + "×" + ny + "×" + nz);
        }
        return i + nx * (j + ny * k);
    }

    /**
     * @param index flat index
     * @return the cell index along x
     */
    public int i(int index) {
        return index % nx;
    }

    /**
     * @param index flat index
     * @return the cell index along y
     */
    public int j(int index) {
        return (index / nx) % ny;
    }

    /**
     * @param index flat index
     * @return the cell index along z
     */
    public int k(int index) {
        return index / (nx * ny);
    }

    /**
     * @param i cell index along x
     * @return x of the cell centre (m)
     */
    public double x(int i) {
        return (i + 0.5) * dx;
    }

    /**
     * @param j cell index along y
     * @return y of the cell centre (m)
     */
    public double y(int j) {
        return (j + 0.5) * dy;
    }

    /**
     * @param k cell index along z
     * @return z (depth) of the cell centre (m)
     */
    public double z(int k) {
        return (k + 0.5) * dz;
    }

    /** @return the domain length along x (m) */
    public double lengthX() {
        return nx * dx;
    }

    /** @return the domain length along y (m) */
    public double lengthY() {
        return ny * dy;
    }

    /** @return the domain length along z (m) */
    public double lengthZ() {
        return nz * dz;
    }

    /**
     * @param axis an axis
     * @return the number of cells along it
     */
    public int count(Axis axis) {
        return switch (axis) {
            case X -> nx;
            case Y -> ny;
            case Z -> nz;
        };
    }

    /**
     * @param axis an axis
     * @return the cell size along it (m)
     */
    public double spacing(Axis axis) {
        return switch (axis) {
            case X -> dx;
            case Y -> dy;
            case Z -> dz;
        };
    }

    /**
     * @param axis an axis
     * @return the flat-index step between neighbours along it
     */
    public int stride(Axis axis) {
        return switch (axis) {
            case X -> 1;
            case Y -> nx;
            case Z -> nx * ny;
        };
    }

    @Override
    public String toString() {
        return String.format("Grid3D[%d×%d×%d cells, %.4g×%.4g×%.4g µm]", nx, ny, nz, dx * 1e6, dy * 1e6, dz * 1e6);
    }
}
