package org.ecmsim.numerics;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * One implicit step of diffusion with first-order decay for scalar fields with constant coefficients,
 *
 * <pre>
 *   ∂u/∂t = D ∇²u − k u   on the grid, zero flux (Neumann) on all six faces,
 * </pre>
 *
 * by the locally one-dimensional (LOD) backward-Euler splitting of the cell-centred 7-point Laplacian
 * {@code L = L_x + L_y + L_z} (Neumann by omitting the boundary faces' fluxes):
 *
 * <pre>
 *   (I − Δt D L_x) u₁ = uⁿ,   (I − Δt D L_y) u₂ = u₁,   (I − Δt D L_z) u₃ = u₂,   uⁿ⁺¹ = u₃ / (1 + Δt k).
 * </pre>
 *
 * <p>Along an axis with {@code n} cells of size {@code h}, with {@code r = Δt D / h²}, each factor is the
 * tridiagonal matrix with off-diagonals {@code −r} and diagonal {@code 1 + 2r} ({@code 1 + r} in the first and last
 * cell; {@code 1} when {@code n = 1}). Properties, for any {@code Δt > 0}:
 * <ul>
 * <li>unconditionally stable, positivity and maximum-principle preserving: each factor is a symmetric M-matrix with
 * unit row sums, so its inverse is non-negative with unit row sums and every line solve is a convex combination;
 * the Thomas factors below have only positive pivots and non-negative multipliers, so no subtraction occurs and the
 * computed result of a non-negative field is non-negative;</li>
 * <li>with {@code k = 0}, {@code Σ u·V} is conserved exactly (to round-off): each factor's columns sum to 1;</li>
 * <li>first order in time (backward Euler and the splitting error are both O(Δt)), second order in space.</li>
 * </ul>
 *
 * <p>Method: with constant coefficients the tridiagonal matrix is the same for every line along an axis, so the
 * Thomas factors are computed once per axis and value of {@code (Δt·D, Δt·k)} and cached. The pivots are formed
 * without cancellation from the row-sum excess {@code q_i = p_i − r} ({@code q_0 = 1},
 * {@code q_i = 1 + r q_{i−1}/(q_{i−1} + r)}), which stays ≥ 1, so even huge steps ({@code r ≫ 1}) factor
 * accurately. Writing {@code m_i = 1/p_i} and {@code e_i = r m_i}, the sweeps are
 * {@code d'_i = m_i d_i + e_i d'_{i−1}} forward and {@code u_i = d'_i + e_i u_{i+1}} backward, in place, with
 * fused multiply–adds of non-negative terms. The x and y sweeps run per z plane (x lines eight at a time, so eight
 * independent recurrences hide the multiply–add latency; y as a batched Thomas whose inner loop runs along x), the
 * z sweep per block of rows, again with the inner loop along x; the decay factor is folded into the {@code m} of the
 * last axis solved. Every cell gets the same sequence of operations whatever the split into planes and blocks, so
 * the result is bitwise identical for any {@link ParallelExecutor}.
 *
 * <p>An instance holds only its factor cache: it allocates nothing per step once the cache holds the
 * {@code (Δt·D, Δt·k)} pairs in use. It is not thread-safe; use one instance per calling thread.
 */
public final class LodDiffusion {

    /** How many distinct {@code (Δt·D, Δt·k)} pairs are cached; the oldest is replaced beyond this. */
    public static final int CACHE_CAPACITY = 16;

    /**
     * Largest number of cells per plane in one z-sweep block: long inner loops, while the block's nz segments of
     * 16 KiB at most stream well (measured on 128³: 2048 beats 512 by ~20 %).
     */
    private static final int Z_BLOCK_CELLS = 2048;
    /** Fewest z-sweep blocks when ny allows, so that the blocks balance over a few threads. */
    private static final int MIN_Z_BLOCKS = 8;

    private final Grid3D grid;
    private final ParallelExecutor executor;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int plane;
    /**
     * Rows (of nx cells) per z-sweep block, fixed by the grid. (Every z line gets the same arithmetic whatever the
     * blocking, so the blocking could not change the result anyway.)
     */
    private final int rowsPerZBlock;
    private final int zBlocks;
    private final Factors[] cache = new Factors[CACHE_CAPACITY];
    private int cacheNext;

    /**
     * @param grid the grid the fields live on; its spacings (m) set the Laplacian
     * @param executor runs the sweeps; the result does not depend on its thread count
     */
    public LodDiffusion(Grid3D grid, ParallelExecutor executor) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.nx = grid.nx();
        this.ny = grid.ny();
        this.nz = grid.nz();
        this.plane = nx * ny;
        this.rowsPerZBlock = Math.max(1, Math.min((ny + MIN_Z_BLOCKS - 1) / MIN_Z_BLOCKS, Z_BLOCK_CELLS / nx));
        this.zBlocks = (ny + rowsPerZBlock - 1) / rowsPerZBlock;
    }

    /** @return the grid the fields live on */
    public Grid3D grid() {
        return grid;
    }

    /** @return the executor the sweeps run on */
    public ParallelExecutor executor() {
        return executor;
    }

    /**
     * Advances one field by one LOD backward-Euler step of {@code ∂u/∂t = D ∇²u − k u}, in place.
     *
     * @param u the field (any unit), flat with x fastest, length {@link Grid3D#cellCount()}; overwritten with
     *        {@code uⁿ⁺¹}
     * @param diffusivity diffusion coefficient D (m²/s), finite and ≥ 0
     * @param decayRate first-order decay rate k (1/s), finite and ≥ 0
     * @param dt time step Δt (s), finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range, {@code u} has the wrong length, or
     *         {@code Δt·D/h²} overflows
     */
    public void step(double[] u, double diffusivity, double decayRate, double dt) {
        requireFinitePositive("dt", dt, "s");
        requireField("u", u);
        requireFiniteNonNegative("diffusivity", diffusivity, "m²/s");
        requireFiniteNonNegative("decayRate", decayRate, "1/s");
        advance(u, factors(diffusivity, decayRate, dt));
    }

    /**
     * Advances several fields sharing this grid by one step of the same {@code Δt}, each with its own D and k, in
     * place. Equivalent to calling {@link #step(double[], double, double, double)} on each in order; all arguments
     * are validated before any field is changed.
     *
     * @param fields the fields, each of length {@link Grid3D#cellCount()}
     * @param diffusivities D per field (m²/s), finite and ≥ 0
     * @param decayRates k per field (1/s), finite and ≥ 0
     * @param dt time step Δt (s), finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range or the array lengths disagree
     */
    public void step(double[][] fields, double[] diffusivities, double[] decayRates, double dt) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(diffusivities, "diffusivities");
        Objects.requireNonNull(decayRates, "decayRates");
        requireFinitePositive("dt", dt, "s");
        if (diffusivities.length != fields.length || decayRates.length != fields.length) {
            throw new IllegalArgumentException("fields.length = " + fields.length + ", diffusivities.length = "
                    + diffusivities.length + " and decayRates.length = " + decayRates.length
                    + " are invalid; they must be equal (one D and one k per field)");
        }
        for (int f = 0; f < fields.length; f++) {
            requireField("fields[" + f + "]", fields[f]);
            requireFiniteNonNegative("diffusivities[" + f + "]", diffusivities[f], "m²/s");
            requireFiniteNonNegative("decayRates[" + f + "]", decayRates[f], "1/s");
            factors(diffusivities[f], decayRates[f], dt); // validates Δt·D/h² before any field changes
        }
        for (int f = 0; f < fields.length; f++) {
            advance(fields[f], factors(diffusivities[f], decayRates[f], dt));
        }
    }

    private void requireField(String name, double[] u) {
        Objects.requireNonNull(u, name);
        if (u.length != grid.cellCount()) {
            throw new IllegalArgumentException(name + ".length = " + u.length + " is invalid; it must equal the "
                    + "grid's cell count " + grid.cellCount() + " (" + nx + "×" + ny + "×" + nz + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Factors

    /** The Thomas factors of the three 1-D operators for one (Δt·D, Δt·k); a null axis is skipped. */
    private static final class Factors {
        final double dtD;
        final double dtK;
        /** Reciprocal pivots m_i and multipliers e_i = r·m_i per axis, or null for an axis with no solve. */
        final double[] mx;
        final double[] ex;
        final double[] my;
        final double[] ey;
        final double[] mz;
        final double[] ez;
        /** 1/(1 + Δt k) when no axis solve carries it (D = 0 or a 1×1×1 grid), else 1. */
        final double scale;

        Factors(double dtD, double dtK, double[][] x, double[][] y, double[][] z, double scale) {
            this.dtD = dtD;
            this.dtK = dtK;
            this.mx = x == null ? null : x[0];
            this.ex = x == null ? null : x[1];
            this.my = y == null ? null : y[0];
            this.ey = y == null ? null : y[1];
            this.mz = z == null ? null : z[0];
            this.ez = z == null ? null : z[1];
            this.scale = scale;
        }
    }

    private Factors factors(double diffusivity, double decayRate, double dt) {
        double dtD = dt * diffusivity;
        double dtK = dt * decayRate;
        for (Factors f : cache) {
            if (f != null && f.dtD == dtD && f.dtK == dtK) {
                return f;
            }
        }
        double rx = ratio("x", dtD, grid.dx());
        double ry = ratio("y", dtD, grid.dy());
        double rz = ratio("z", dtD, grid.dz());
        if (!Double.isFinite(dtK)) {
            throw new IllegalArgumentException("dt·decayRate = " + dtK + " is invalid; it must be finite");
        }
        // uⁿ⁺¹ = u₃/(1 + Δt k): folded into the m of the last axis that is solved.
        double s = 1.0 / (1.0 + dtK);
        boolean solveX = nx > 1 && rx > 0;
        boolean solveY = ny > 1 && ry > 0;
        boolean solveZ = nz > 1 && rz > 0;
        double[][] z = solveZ ? thomas(nz, rz, s) : null;
        double[][] y = solveY ? thomas(ny, ry, solveZ ? 1.0 : s) : null;
        double[][] x = solveX ? thomas(nx, rx, solveZ || solveY ? 1.0 : s) : null;
        Factors f = new Factors(dtD, dtK, x, y, z, solveX || solveY || solveZ ? 1.0 : s);
        cache[cacheNext] = f;
        cacheNext = (cacheNext + 1) % CACHE_CAPACITY;
        return f;
    }

    private static double ratio(String axis, double dtD, double h) {
        double r = dtD / (h * h);
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("dt·diffusivity/d" + axis + "² = " + r + " (dt·diffusivity = " + dtD
                    + " m², d" + axis + " = " + h + " m) is invalid; it must be finite: use a smaller step");
        }
        return r;
    }

    /**
     * Factors of the n×n matrix with off-diagonals −r, diagonal 1 + r·(number of neighbours), scaled by s.
     * Pivots p_i = q_i + r (p_{n−1} = q_{n−1}) with q_0 = 1, q_i = 1 + r q_{i−1}/p_{i−1}: all terms positive.
     *
     * @return {m, e} with m_i = s/p_i and e_i = r/p_i
     */
    private static double[][] thomas(int n, double r, double s) {
        double[] m = new double[n];
        double[] e = new double[n];
        double q = 1.0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double pPrevious = q + r;
                q = 1.0 + r * (q / pPrevious);
            }
            double p = i < n - 1 ? q + r : q;
            m[i] = s / p;
            e[i] = r / p;
        }
        // e_0 is used only by the back substitution, e_{n−1} only by the forward elimination.
        return new double[][] {m, e};
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sweeps

    private void advance(double[] u, Factors f) {
        if (f.mx != null || f.my != null) {
            final double[] mx = f.mx;
            final double[] ex = f.ex;
            final double[] my = f.my;
            final double[] ey = f.ey;
            executor.forRange(nz, (from, to) -> {
                for (int k = from; k < to; k++) {
                    int base = k * plane;
                    if (mx != null) {
                        sweepX(u, base, mx, ex);
                    }
                    if (my != null) {
                        sweepY(u, base, my, ey);
                    }
                }
            });
        }
        if (f.mz != null) {
            final double[] mz = f.mz;
            final double[] ez = f.ez;
            executor.forRange(zBlocks, (from, to) -> {
                for (int b = from; b < to; b++) {
                    int start = b * rowsPerZBlock * nx;
                    int end = Math.min(ny, (b + 1) * rowsPerZBlock) * nx;
                    sweepZ(u, start, end, mz, ez);
                }
            });
        }
        if (f.scale != 1.0) {
            final double s = f.scale;
            executor.forRange(nz, (from, to) -> {
                for (int c = from * plane, end = to * plane; c < end; c++) {
                    u[c] *= s;
                }
            });
        }
    }

    /**
     * Solves every x line of the plane starting at {@code base}: eight lines at a time, so that eight independent
     * recurrences hide the latency of each fused multiply–add, then the remaining lines one by one.
     */
    private void sweepX(double[] u, int base, double[] m, double[] e) {
        final int n = nx;
        int j = 0;
        for (; j + 8 <= ny; j += 8) {
            sweepX8(u, base + j * n, n, m, e);
        }
        for (; j < ny; j++) {
            int a = base + j * n;
            double pa = m[0] * u[a];
            u[a] = pa;
            for (int i = 1; i < n; i++) {
                pa = Math.fma(e[i], pa, m[i] * u[a + i]);
                u[a + i] = pa;
            }
            for (int i = n - 2; i >= 0; i--) {
                pa = Math.fma(e[i], pa, u[a + i]);
                u[a + i] = pa;
            }
        }
    }

    /** Eight consecutive x lines of n cells from {@code a}: d'_i = m_i d_i + e_i d'_{i−1}, u_i = d'_i + e_i u_{i+1}. */
    private static void sweepX8(double[] u, int a, int n, double[] m, double[] e) {
        final int b = a + n;
        final int c = b + n;
        final int d = c + n;
        final int f = d + n;
        final int g = f + n;
        final int h = g + n;
        final int l = h + n;
        double m0 = m[0];
        double pa = m0 * u[a];
        double pb = m0 * u[b];
        double pc = m0 * u[c];
        double pd = m0 * u[d];
        double pf = m0 * u[f];
        double pg = m0 * u[g];
        double ph = m0 * u[h];
        double pl = m0 * u[l];
        u[a] = pa;
        u[b] = pb;
        u[c] = pc;
        u[d] = pd;
        u[f] = pf;
        u[g] = pg;
        u[h] = ph;
        u[l] = pl;
        for (int i = 1; i < n; i++) {
            double mi = m[i];
            double ei = e[i];
            pa = Math.fma(ei, pa, mi * u[a + i]);
            pb = Math.fma(ei, pb, mi * u[b + i]);
            pc = Math.fma(ei, pc, mi * u[c + i]);
            pd = Math.fma(ei, pd, mi * u[d + i]);
            pf = Math.fma(ei, pf, mi * u[f + i]);
            pg = Math.fma(ei, pg, mi * u[g + i]);
            ph = Math.fma(ei, ph, mi * u[h + i]);
            pl = Math.fma(ei, pl, mi * u[l + i]);
            u[a + i] = pa;
            u[b + i] = pb;
            u[c + i] = pc;
            u[d + i] = pd;
            u[f + i] = pf;
            u[g + i] = pg;
            u[h + i] = ph;
            u[l + i] = pl;
        }
        for (int i = n - 2; i >= 0; i--) {
            double ei = e[i];
            pa = Math.fma(ei, pa, u[a + i]);
            pb = Math.fma(ei, pb, u[b + i]);
            pc = Math.fma(ei, pc, u[c + i]);
            pd = Math.fma(ei, pd, u[d + i]);
            pf = Math.fma(ei, pf, u[f + i]);
            pg = Math.fma(ei, pg, u[g + i]);
            ph = Math.fma(ei, ph, u[h + i]);
            pl = Math.fma(ei, pl, u[l + i]);
            u[a + i] = pa;
            u[b + i] = pb;
            u[c + i] = pc;
            u[d + i] = pd;
            u[f + i] = pf;
            u[g + i] = pg;
            u[h + i] = ph;
            u[l + i] = pl;
        }
    }

    /** Solves every y line of the plane starting at {@code base}: a batched Thomas over rows, inner loop along x. */
    private void sweepY(double[] u, int base, double[] m, double[] e) {
        final int n = nx;
        scaleRange(u, base, base + n, m[0]);
        for (int j = 1; j < ny; j++) {
            forwardRow(u, base + j * n, base + (j - 1) * n, n, m[j], e[j]);
        }
        for (int j = ny - 2; j >= 0; j--) {
            backwardRow(u, base + j * n, base + (j + 1) * n, n, e[j]);
        }
    }

    /** Solves the z lines through rows {@code [start, end)} of every plane: a batched Thomas over planes. */
    private void sweepZ(double[] u, int start, int end, double[] m, double[] e) {
        final int len = end - start;
        final int p = plane;
        scaleRange(u, start, end, m[0]);
        for (int k = 1; k < nz; k++) {
            forwardRow(u, start + k * p, start + (k - 1) * p, len, m[k], e[k]);
        }
        for (int k = nz - 2; k >= 0; k--) {
            backwardRow(u, start + k * p, start + (k + 1) * p, len, e[k]);
        }
    }

    private static void scaleRange(double[] u, int from, int to, double s) {
        for (int c = from; c < to; c++) {
            u[c] *= s;
        }
    }

    /** {@code u[row+i] = m·u[row+i] + e·u[previous+i]} for i in [0, len): one forward elimination step. */
    private static void forwardRow(double[] u, int row, int previous, int len, double m, double e) {
        for (int i = 0; i < len; i++) {
            u[row + i] = Math.fma(e, u[previous + i], m * u[row + i]);
        }
    }

    /** {@code u[row+i] += e·u[next+i]} for i in [0, len): one back-substitution step. */
    private static void backwardRow(double[] u, int row, int next, int len, double e) {
        for (int i = 0; i < len; i++) {
            u[row + i] = Math.fma(e, u[next + i], u[row + i]);
        }
    }
}
