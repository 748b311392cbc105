package org.ecmsim.numerics;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.internal.Checks;

/**
 * A symmetric positive (semi-)definite 7-point operator on an {@code nx × ny × nz} cell grid, stored as face
 * conductances and a diagonal term:
 *
 * <pre>
 *   (A u)ᵢ = Σ_{j neighbour of i} c_{ij} (uᵢ − uⱼ) + dᵢ uᵢ
 * </pre>
 *
 * <p>Layout: all arrays are flat, of length {@code n = nx·ny·nz}, indexed like {@link Grid3D} ({@code index =
 * i + nx·(j + ny·k)}, x fastest). {@code cx[c]} is the conductance of the face between cell {@code c} and
 * {@code c + 1} (its x neighbour), {@code cy[c]} between {@code c} and {@code c + nx}, {@code cz[c]} between
 * {@code c} and {@code c + nx·ny}. Entries on the last plane of each axis ({@code i = nx − 1} for {@code cx},
 * {@code j = ny − 1} for {@code cy}, {@code k = nz − 1} for {@code cz}) have no neighbour and must be 0.
 * {@code d} holds non-negative diagonal terms (couplings to known values, zeroth-order terms); a row with all
 * conductances 0 and {@code d > 0} is a decoupled (eliminated) cell.
 *
 * <p><b>Scaling of eliminated rows.</b> A cell with a known value u₀ is best eliminated by moving each of its
 * face conductances c into its neighbours' {@code d} (and {@code c·u₀} into their right-hand side), zeroing those
 * faces and keeping the row {@code d·u = d·u₀}. Any {@code d > 0} gives the same solution, but {@code d} sets
 * the weight of that row in {@code ‖b − A x‖}: with {@code d = 1} while conductances are ~10⁻⁵, such rows
 * dominate {@code ‖b‖}, and a relative residual of 10⁻⁸ says little about the free cells (on a 48³ test with
 * values of order 1 it left errors of 10⁻⁴ with multigrid, 10⁻³ with Jacobi and 0.75 without preconditioner).
 * Choosing {@code d} of the order of the cell's removed conductances (for example their sum) keeps the criterion
 * meaningful (errors of 10⁻⁸ on the same test). The multigrid preconditioner itself does not depend on this choice.
 *
 * <p>With conductances ≥ 0 and {@code d ≥ 0} the operator is symmetric positive semi-definite; it is definite when
 * every connected group of cells (cells joined by faces of non-zero conductance) has {@code d > 0} somewhere.
 * {@link #validate()} checks the entries and the cheap necessary conditions for this.
 *
 * <p>The arrays are live: fill them through {@link #cx()}, {@link #cy()}, {@link #cz()} and {@link #d()}. Solvers and
 * preconditioners that precompute from the coefficients must be told when they change (see
 * {@link MultigridPreconditioner#rebuild()} and {@link ConjugateGradient#coefficientsChanged()}).
 */
public final class SevenPointOperator {

    private final int nx;
    private final int ny;
    private final int nz;
    private final int n;
    private final double[] cx;
    private final double[] cy;
    private final double[] cz;
    private final double[] d;

    /**
     * An operator with all conductances and diagonal terms 0 (fill it before use).
     *
     * @param nx cells along x, ≥ 1
     * @param ny cells along y, ≥ 1
     * @param nz cells along z, ≥ 1
     */
    public SevenPointOperator(int nx, int ny, int nz) {
        this(nx, ny, nz, zeros(nx, ny, nz), zeros(nx, ny, nz), zeros(nx, ny, nz), zeros(nx, ny, nz));
    }

    private static double[] zeros(int nx, int ny, int nz) {
        return new double[checkedCellCount(nx, ny, nz)];
    }

    /**
     * An operator on the cells of {@code grid}, with all conductances and diagonal terms 0.
     *
     * @param grid the grid (only its cell counts are used)
     */
    public SevenPointOperator(Grid3D grid) {
        this(Objects.requireNonNull(grid, "grid").nx(), grid.ny(), grid.nz());
    }

    /**
     * An operator that wraps the given arrays (no copy: later writes to them change the operator).
     *
     * @param nx cells along x, ≥ 1
     * @param ny cells along y, ≥ 1
     * @param nz cells along z, ≥ 1
     * @param cx x-face conductances, length {@code nx·ny·nz}
     * @param cy y-face conductances, length {@code nx·ny·nz}
     * @param cz z-face conductances, length {@code nx·ny·nz}
     * @param d diagonal terms, length {@code nx·ny·nz}
     * @throws IllegalArgumentException if a size is &lt; 1, the cell count overflows, or an array has the wrong
     *         length (the entries are checked by {@link #validate()})
     */
    public SevenPointOperator(int nx, int ny, int nz, double[] cx, double[] cy, double[] cz, double[] d) {
        this.n = checkedCellCount(nx, ny, nz);
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.cx = requireLength("cx", cx);
        this.cy = requireLength("cy", cy);
        this.cz = requireLength("cz", cz);
        this.d = requireLength("d", d);
    }

    /**
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     * @return {@code nx·ny·nz}
     * @throws IllegalArgumentException if a count is &lt; 1 or the product does not fit in one array
     */
    static int checkedCellCount(int nx, int ny, int nz) {
        requireCount("nx", nx);
        requireCount("ny", ny);
        requireCount("nz", nz);
        long cells = (long) nx * ny * nz;
        if (cells > Grid3D.MAX_CELLS) {
            throw new IllegalArgumentException("operator size " + nx + "×" + ny + "×" + nz + " has " + cells
                    + " cells; at most " + Grid3D.MAX_CELLS + " fit in one array");
        }
        return (int) cells;
    }

    private static void requireCount(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("cell count " + name + " = " + value + " is invalid; it must be ≥ 1");
        }
    }

    private double[] requireLength(String name, double[] a) {
        Objects.requireNonNull(a, name);
        if (a.length != n) {
            throw new IllegalArgumentException("array " + name + " has length " + a.length + "; it must have one entry"
                    + " per cell, nx·ny·nz = " + nx + "·" + ny + "·" + nz + " = " + n);
        }
        return a;
    }

    /** @return cells along x */
    public int nx() {
        return nx;
    }

    /** @return cells along y */
    public int ny() {
        return ny;
    }

    /** @return cells along z */
    public int nz() {
        return nz;
    }

    /** @return the number of cells (unknowns), {@code nx·ny·nz} */
    public int cellCount() {
        return n;
    }

    /**
     * @return the backing array of x-face conductances: {@code cx[c]} couples cell {@code c} and {@code c + 1}
     *         (0 on the plane {@code i = nx − 1})
     */
    public double[] cx() {
        return cx;
    }

    /**
     * @return the backing array of y-face conductances: {@code cy[c]} couples cell {@code c} and {@code c + nx}
     *         (0 on the plane {@code j = ny − 1})
     */
    public double[] cy() {
        return cy;
    }

    /**
     * @return the backing array of z-face conductances: {@code cz[c]} couples cell {@code c} and
     *         {@code c + nx·ny} (0 on the plane {@code k = nz − 1})
     */
    public double[] cz() {
        return cz;
    }

    /** @return the backing array of diagonal terms {@code d}, each ≥ 0 */
    public double[] d() {
        return d;
    }

    /** Sets every face conductance and diagonal term to 0, for reassembly. */
    public void clear() {
        java.util.Arrays.fill(cx, 0.0);
        java.util.Arrays.fill(cy, 0.0);
        java.util.Arrays.fill(cz, 0.0);
        java.util.Arrays.fill(d, 0.0);
    }

    /**
     * @param other another operator
     * @return whether both have the same cell counts along every axis
     */
    public boolean sameShape(SevenPointOperator other) {
        return other.nx == nx && other.ny == ny && other.nz == nz;
    }

    /**
     * {@code out = A u}, computed in parallel over z planes; bitwise identical for any thread count.
     *
     * @param u the vector to multiply, length {@link #cellCount()}
     * @param out receives {@code A u}, length {@link #cellCount()}, not the same array as {@code u}
     * @param executor runs the per-plane work
     * @throws IllegalArgumentException if an array has the wrong length or {@code out == u}
     */
    public void apply(double[] u, double[] out, ParallelExecutor executor) {
        requireVector("u", u);
        requireVector("out", out);
        if (u == out) {
            throw new IllegalArgumentException("apply needs distinct arrays for u and out; they are the same array");
        }
        Objects.requireNonNull(executor, "executor");
        executor.forRange(nz, (from, to) -> applyPlanes(u, out, null, from, to));
    }

    /**
     * Checks the array length of a vector over this operator's cells.
     *
     * @param name the parameter name, for the message
     * @param v the vector
     * @throws IllegalArgumentException if its length is not {@link #cellCount()}
     */
    void requireVector(String name, double[] v) {
        Objects.requireNonNull(v, name);
        if (v.length != n) {
            throw new IllegalArgumentException("vector " + name + " has length " + v.length + "; it must have one"
                    + " entry per cell, " + nx + "·" + ny + "·" + nz + " = " + n);
        }
    }

    /**
     * Checks that the operator is a valid symmetric positive definite 7-point operator, as far as cheaply possible:
     * every conductance and diagonal term finite and ≥ 0, the conductances on the last plane of each axis 0, no
     * cell with a zero row (no coupling and {@code d = 0}), and {@code d > 0} in at least one cell. It does not
     * find larger groups of cells cut off from every {@code d > 0} by zero conductances (the operator is then only
     * semi-definite; solvers still converge when the right-hand side is consistent).
     *
     * @throws IllegalArgumentException naming the first offending entry and what to change
     */
    public void validate() {
        checkConductances("cx", cx, 1, nx, "i", "x");
        checkConductances("cy", cy, nx, ny, "j", "y");
        checkConductances("cz", cz, nx * ny, nz, "k", "z");
        boolean anyD = false;
        for (int c = 0; c < n; c++) {
            double v = d[c];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("d[" + c + "] = " + v + " at cell " + cell(c)
                        + " is invalid; diagonal terms must be finite and ≥ 0");
            }
            anyD |= v > 0;
        }
        if (!anyD) {
            throw new IllegalArgumentException("d is 0 in every cell of the " + nx + "×" + ny + "×" + nz
                    + " operator: without a diagonal term the operator is singular "
                    + "(constants are in its null space); set d > 0 in at least one cell");
        }
        for (int k = 0, c = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, c++) {
                    if (d[c] == 0 && offDiagonalSum(c, i, j, k) == 0) {
                        throw new IllegalArgumentException("cell " + cell(c) + " (index " + c + ") has no coupling "
                                + "to any neighbour and d = 0: its row of the operator is zero, so the operator is "
                                + "singular; give it a diagonal term d > 0 or couple it to a neighbour");
                    }
                }
            }
        }
    }

    private void checkConductances(String name, double[] c, int stride, int count, String axisIndex, String axis) {
        for (int idx = 0; idx < n; idx++) {
            double v = c[idx];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(name + "[" + idx + "] = " + v + " at cell " + cell(idx)
                        + " is invalid; conductances must be finite and ≥ 0");
            }
        }
        // The last plane along the axis: indices whose axis coordinate (idx / stride) % count is count − 1.
        int block = stride * count;
        for (int base = (count - 1) * stride; base < n; base += block) {
            for (int idx = base; idx < base + stride; idx++) {
                double v = c[idx];
                if (v != 0) {
                    throw new IllegalArgumentException(name + "[" + idx + "] = " + v + " at cell " + cell(idx)
                            + " is on the last " + axis + " plane (" + axisIndex + " = " + (count - 1)
                            + "), which has no neighbour along +" + axis + "; it must be 0");
                }
            }
        }
    }

    /**
     * {@link #validate()} with its checks run over the z planes in parallel; if any check fails, the sequential
     * {@link #validate()} is run to throw its message (the first invalid entry in index order), so the outcome is
     * the same.
     *
     * @param executor runs the planes
     * @throws IllegalArgumentException as {@link #validate()}
     */
    void validate(ParallelExecutor executor) {
        boolean[] planeOk = new boolean[nz];
        boolean[] planeAnyD = new boolean[nz];
        executor.forRange(nz, (from, to) -> {
            for (int k = from; k < to; k++) {
                boolean ok = true;
                boolean anyD = false;
                for (int j = 0, c = k * nx * ny; j < ny; j++) {
                    for (int i = 0; i < nx; i++, c++) {
                        double x = cx[c];
                        double y = cy[c];
                        double z = cz[c];
                        double v = d[c];
                        ok &= x >= 0 && Double.isFinite(x) && (i < nx - 1 || x == 0)
                                && y >= 0 && Double.isFinite(y) && (j < ny - 1 || y == 0)
                                && z >= 0 && Double.isFinite(z) && (k < nz - 1 || z == 0)
                                && v >= 0 && Double.isFinite(v);
                        anyD |= v > 0;
                    }
                }
                if (ok) {
                    for (int j = 0, c = k * nx * ny; j < ny; j++) {
                        for (int i = 0; i < nx; i++, c++) {
                            ok &= d[c] != 0 || offDiagonalSum(c, i, j, k) != 0;
                        }
                    }
                }
                planeOk[k] = ok;
                planeAnyD[k] = anyD;
            }
        });
        boolean ok = true;
        boolean anyD = false;
        for (int k = 0; k < nz; k++) {
            ok &= planeOk[k];
            anyD |= planeAnyD[k];
        }
        if (!ok || !anyD) {
            validate();
            throw new AssertionError("the parallel check found an invalid entry that validate() did not");
        }
    }

    /**
     * {@link #offDiagonalSums(double[])} over the z planes in parallel (each entry is computed alone, so the result
     * does not depend on the thread count).
     *
     * @param out length {@link #cellCount()}
     * @param executor runs the planes
     */
    void offDiagonalSums(double[] out, ParallelExecutor executor) {
        executor.forRange(nz, (from, to) -> {
            for (int k = from, c = from * nx * ny; k < to; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++, c++) {
                        out[c] = offDiagonalSum(c, i, j, k);
                    }
                }
            }
        });
    }

    /**
     * {@code out[c] = Σ} of the conductances of the faces of cell c, for every cell.
     *
     * @param out length {@link #cellCount()}
     */
    void offDiagonalSums(double[] out) {
        for (int k = 0, c = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, c++) {
                    out[c] = offDiagonalSum(c, i, j, k);
                }
            }
        }
    }

    /**
     * @param c flat index
     * @return "(i, j, k)"
     */
    String cell(int c) {
        return "(" + c % nx + ", " + (c / nx) % ny + ", " + c / (nx * ny) + ")";
    }

    /**
     * @param c flat cell index
     * @return the sum of the conductances of the (up to six) faces of cell {@code c}
     */
    double offDiagonalSum(int c) {
        return offDiagonalSum(c, c % nx, (c / nx) % ny, c / (nx * ny));
    }

    /**
     * @param c flat cell index of cell (i, j, k)
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @return the sum of the conductances of the (up to six) faces of cell {@code c}, in a fixed order
     */
    double offDiagonalSum(int c, int i, int j, int k) {
        double s = 0;
        if (i > 0) {
            s += cx[c - 1];
        }
        if (i < nx - 1) {
            s += cx[c];
        }
        if (j > 0) {
            s += cy[c - nx];
        }
        if (j < ny - 1) {
            s += cy[c];
        }
        if (k > 0) {
            s += cz[c - nx * ny];
        }
        if (k < nz - 1) {
            s += cz[c];
        }
        return s;
    }

    /**
     * The kernel: {@code out = A u} on the z planes {@code [k0, k1)}; if {@code partial} is not null, also
     * {@code partial[k] = Σ_{c in plane k} u[c]·out[c]} (for deterministic {@code uᵀAu}).
     */
    void applyPlanes(double[] u, double[] out, double[] partial, int k0, int k1) {
        final int sy = nx;
        final int sz = nx * ny;
        final double[] cx = this.cx;
        final double[] cy = this.cy;
        final double[] cz = this.cz;
        final double[] d = this.d;
        for (int k = k0; k < k1; k++) {
            double dot = 0;
            for (int j = 0; j < ny; j++) {
                int row = sy * j + sz * k;
                if (j > 0 && j < ny - 1 && k > 0 && k < nz - 1 && nx > 2) {
                    // Interior line: every cell but the two ends has all six neighbours, no branches needed.
                    dot += applyCell(u, out, row, 0, j, k);
                    int end = row + nx - 1;
                    for (int c = row + 1; c < end; c++) {
                        double uc = u[c];
                        // (A u)_c = d_c u_c + Σ c_f (u_c − u_neighbour), terms in the same order as applyCell
                        double s = d[c] * uc
                                + cx[c - 1] * (uc - u[c - 1]) + cx[c] * (uc - u[c + 1])
                                + cy[c - sy] * (uc - u[c - sy]) + cy[c] * (uc - u[c + sy])
                                + cz[c - sz] * (uc - u[c - sz]) + cz[c] * (uc - u[c + sz]);
                        out[c] = s;
                        dot += uc * s;
                    }
                    dot += applyCell(u, out, end, nx - 1, j, k);
                } else {
                    for (int i = 0; i < nx; i++) {
                        dot += applyCell(u, out, row + i, i, j, k);
                    }
                }
            }
            if (partial != null) {
                partial[k] = dot;
            }
        }
    }

    /** {@code out[c] = (A u)_c} for cell c = (i, j, k), any position; returns {@code u[c]·out[c]}. */
    private double applyCell(double[] u, double[] out, int c, int i, int j, int k) {
        final int sy = nx;
        final int sz = nx * ny;
        double uc = u[c];
        double s = d[c] * uc;
        if (i > 0) {
            s += cx[c - 1] * (uc - u[c - 1]);
        }
        if (i < nx - 1) {
            s += cx[c] * (uc - u[c + 1]);
        }
        if (j > 0) {
            s += cy[c - sy] * (uc - u[c - sy]);
        }
        if (j < ny - 1) {
            s += cy[c] * (uc - u[c + sy]);
        }
        if (k > 0) {
            s += cz[c - sz] * (uc - u[c - sz]);
        }
        if (k < nz - 1) {
            s += cz[c] * (uc - u[c + sz]);
        }
        out[c] = s;
        return uc * s;
    }

    @Override
    public String toString() {
        return "SevenPointOperator[" + nx + "×" + ny + "×" + nz + "]";
    }
}
