package org.ecmsim.grid;

import static org.ecmsim.internal.Checks.requireFinitePositive;

import org.ecmsim.internal.Checks;

/**
 * A uniform, cell-centred Cartesian grid of {@code nx × ny × nz} cells with spacings {@code dx, dy, dz}.
 *
 * <p>Cell {@code (i, j, k)} occupies {@code [x₀ + i·dx, x₀ + (i+1)·dx] × [y₀ + j·dy, …] × [z₀ + k·dz, …]}; its
 * centre is at {@code (x₀ + (i+½)·dx, y₀ + (j+½)·dy, z₀ + (k+½)·dz)}, where {@code (x₀, y₀, z₀)} is the
 * {@linkplain #originX() origin}, the corner of cell (0, 0, 0). The origin is (0, 0, 0) unless set with
 * {@link #withOrigin(double, double, double)}; every constructor and factory without an origin gives the zero
 * origin, and with it every position is exactly what it was before origins existed ({@code x₀ + …} adds +0.0).
 * By convention in ecmsim the z axis points into the skin and {@code z = 0} is the skin surface, so {@code k}
 * counts cells downward from the surface.
 *
 * <p>Positions map to cells with {@link #cellAt(double, double, double)} (the cell containing a point, points on
 * a face between two cells going to the upper one and points on the domain's upper face to the last cell); fields
 * are read at points with {@link ScalarField#interpolate(double, double, double)}.
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
 * @param originX x of the domain's lower corner, the corner of cell (0, 0, 0) (m), finite
 * @param originY y of the domain's lower corner (m), finite
 * @param originZ z of the domain's lower corner (m), finite
 */
public record Grid3D(int nx, int ny, int nz, double dx, double dy, double dz, double originX, double originY,
        double originZ) {

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
     * @param originX x of the domain's lower corner, the corner of cell (0, 0, 0) (m), finite
     * @param originY y of the domain's lower corner (m), finite
     * @param originZ z of the domain's lower corner (m), finite
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
        Checks.requireFinite("origin x", originX, "m");
        Checks.requireFinite("origin y", originY, "m");
        Checks.requireFinite("origin z", originZ, "m");
    }

    /**
     * A grid with its origin at (0, 0, 0).
     *
     * @param nx number of cells along x (≥ 1)
     * @param ny number of cells along y (≥ 1)
     * @param nz number of cells along z, the depth axis (≥ 1)
     * @param dx cell size along x (m), finite and &gt; 0
     * @param dy cell size along y (m), finite and &gt; 0
     * @param dz cell size along z (m), finite and &gt; 0
     */
    public Grid3D(int nx, int ny, int nz, double dx, double dy, double dz) {
        this(nx, ny, nz, dx, dy, dz, 0.0, 0.0, 0.0);
    }

    /**
     * The same cells moved so that the corner of cell (0, 0, 0) is at the given point; for instance
     * {@code withOrigin(-lengthX()/2, -lengthY()/2, 0)} centres the domain on the z axis.
     *
     * @param x x of the new origin (m), finite
     * @param y y of the new origin (m), finite
     * @param z z of the new origin (m), finite
     * @return the moved grid
     */
    public Grid3D withOrigin(double x, double y, double z) {
        return new Grid3D(nx, ny, nz, dx, dy, dz, x, y, z);
    }

    /** @return true if the origin is exactly (0, 0, 0) */
    public boolean hasZeroOrigin() {
        return originX == 0 && originY == 0 && originZ == 0;
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
        return originX + (i + 0.5) * dx;
    }

    /**
     * @param j cell index along y
     * @return y of the cell centre (m)
     */
    public double y(int j) {
        return originY + (j + 0.5) * dy;
    }

    /**
     * @param k cell index along z
     * @return z (depth) of the cell centre (m)
     */
    public double z(int k) {
        return originZ + (k + 0.5) * dz;
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

    /**
     * @param axis an axis
     * @return the origin's coordinate along it (m)
     */
    public double origin(Axis axis) {
        return switch (axis) {
            case X -> originX;
            case Y -> originY;
            case Z -> originZ;
        };
    }

    /**
     * @param axis an axis
     * @param index a cell index along it
     * @return the coordinate of that cell's centre along the axis (m)
     */
    public double centre(Axis axis, int index) {
        return switch (axis) {
            case X -> x(index);
            case Y -> y(index);
            case Z -> z(index);
        };
    }

    /**
     * @param x x (m)
     * @param y y (m)
     * @param z z (m)
     * @return true if the point lies in the closed box of the domain
     */
    public boolean contains(double x, double y, double z) {
        return inside(x, originX, lengthX()) && inside(y, originY, lengthY()) && inside(z, originZ, lengthZ());
    }

    private static boolean inside(double v, double lo, double length) {
        return v >= lo && v <= lo + length;
    }

    /**
     * The cell index along one axis of the cell containing a coordinate: {@code floor((c − origin)/spacing)}, with
     * a coordinate on the domain's upper face giving the last cell.
     *
     * @param axis the axis
     * @param coordinate the coordinate (m), in the closed range of the domain along that axis
     * @return the cell index, {@code 0 ≤ index < count(axis)}
     * @throws IllegalArgumentException if the coordinate is outside the domain (or not finite)
     */
    public int cellIndex(Axis axis, double coordinate) {
        double lo = origin(axis);
        double hi = lo + count(axis) * spacing(axis);
        if (!(coordinate >= lo && coordinate <= hi)) {
            throw new IllegalArgumentException(String.format("%s = %.6g mm is outside the grid %s, which spans"
                    + " [%.6g, %.6g] mm along %s", axis.name().toLowerCase(java.util.Locale.ROOT), coordinate * 1e3,
                    this, lo * 1e3, hi * 1e3, axis));
        }
        int n = (int) Math.floor((coordinate - lo) / spacing(axis));
        return Math.min(Math.max(n, 0), count(axis) - 1);
    }

    /**
     * The cell that contains a point (a point on a face shared by two cells belongs to the upper one; a point on
     * the domain's upper face to the last cell).
     *
     * @param x x (m)
     * @param y y (m)
     * @param z z (m), depth
     * @return the flat index of the cell
     * @throws IllegalArgumentException if the point is outside the domain, naming the coordinate and the range
     */
    public int cellAt(double x, double y, double z) {
        return index(cellIndex(Axis.X, x), cellIndex(Axis.Y, y), cellIndex(Axis.Z, z));
    }

    @Override
    public String toString() {
        String cells = String.format("Grid3D[%d×%d×%d cells, %.4g×%.4g×%.4g µm", nx, ny, nz, dx * 1e6, dy * 1e6,
                dz * 1e6);
        return hasZeroOrigin() ? cells + "]"
                : cells + String.format(", origin (%.4g, %.4g, %.4g) mm]", originX * 1e3, originY * 1e3,
                        originZ * 1e3);
    }
}
