package org.ecmsim.thermal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.internal.Checks;

/**
 * Douglas alternating-direction implicit (ADI) time stepping of the Pennes equation, unconditionally stable.
 *
 * <p>Write the semi-discrete equation as M dT/dt = (L_x + L_y + L_z − W) T + f with M = diag(ρc), L_a the
 * conduction along axis a (including its boundary faces), W = diag(ω_b ρ_b c_b s) and f the sources, metabolism,
 * arterial and boundary inflow. With θ ∈ [½, 1] and the increment δ = T^{n+1} − T^n, one step solves
 * <pre>
 *   M δ₀ = Δt [ (L − W) T^n + f(t_n + Δt/2) ]
 *   (M − θΔt L_x) δ₁ = M δ₀
 *   (M − θΔt L_y) δ₂ = M δ₁
 *   (M − θΔt L_z) δ₃ = M δ₂
 *   (M + θΔt W)   δ  = M δ₃
 * </pre>
 * each a set of independent tridiagonal systems (one per grid line), solved by the Thomas algorithm with the pivots
 * cached per step length, or a diagonal. Multiplying out,
 * (M − θΔt(L − W)) δ = Δt[(L − W)T^n + f] + O(Δt²)·δ, i.e. Crank–Nicolson for θ = ½ (second order in time) and
 * backward Euler for θ = 1 (first order). Each factor is an M-matrix, so every line solve is well posed and free of
 * pivoting for any Δt. For the constant-coefficient problem the Douglas scheme is unconditionally stable for
 * θ ≥ ½ (Douglas &amp; Gunn, Numer Math 6:428 (1964)); with piecewise-constant materials that proof does not carry
 * over, and stability is checked by tests far above the explicit limit rather than proved. Two caveats: at θ = ½
 * the stiffest modes are damped slowly and may overshoot (no maximum principle), and with very large steps modes
 * that are stiff along all three axes decay slowly for any θ, so ADI used as a steady-state iteration should cycle
 * its step over the time scales of the problem.
 *
 * <p>Sources are evaluated at the step midpoint, so a source that is constant over each step (a pulse whose edges
 * fall on step boundaries) delivers exactly its energy for every θ.
 *
 * <p>The energy ledger includes the implicit parts of the boundary, fixed-cell and perfusion exchange, so it
 * closes to round-off as for the explicit solver. Lines are solved in parallel; results do not depend on the
 * thread count.
 */
public final class AdiHeatSolver extends AbstractHeatSolver {

    /** The default weight: Crank–Nicolson-like, second order in time. */
    public static final double DEFAULT_THETA = 0.5;

    private final double theta;
    /**
     * The increment δ, worked on in place through the sweeps. It is the {@code next} buffer of the step (whose old
     * contents are garbage), so the increment needs no memory of its own; the last pass turns it into T^{n+1}.
     */
    private double[] delta;
    private final ThreadLocal<Line> lines;
    /**
     * The reciprocal Thomas pivots of the three axis factors (M − θΔt L_a), per x-row (y + ny·z) an array over x: they
     * depend only on θΔt, the materials and the held cells, so they are computed once per step length and each
     * sweep is then free of divisions. Rows with equal pivots share one array (in layered tissue almost all rows of
     * a layer do), so the pivots take a few rows' worth of memory instead of 24 bytes per cell, and the sweeps read
     * them from cache.
     */
    private final double[][] pivotX;
    private final double[][] pivotY;
    private final double[][] pivotZ;
    /**
     * Per x-row, for the y and z factors: the reciprocal pivot shared by every interior cell of the row
     * (x = 1…nx−2), or NaN if they differ. In layered tissue most rows have one value, and the batched sweeps then
     * use it and the matching c′ as scalars.
     */
    private final double[] rowPivotY;
    private final double[] rowPivotZ;
    private double pivotStep = Double.NaN;
    /** Ledger corrections from the z sweep, which runs in parallel over y rows: [y][slot]. */
    private final double[][] rowPartial;

    /**
     * @param problem the problem
     * @param timeStep step length (s), any finite positive value
     */
    public AdiHeatSolver(BioheatProblem problem, double timeStep) {
        this(problem, timeStep, DEFAULT_THETA, ParallelExecutor.defaultExecutor());
    }

    /**
     * @param problem the problem
     * @param timeStep step length (s)
     * @param theta implicitness θ, in [0.5, 1]: 0.5 is second order in time, 1 is first order with stronger damping
     *        of the stiff modes
     * @param executor the threads to use
     */
    public AdiHeatSolver(BioheatProblem problem, double timeStep, double theta, ParallelExecutor executor) {
        super(problem, executor);
        this.theta = Checks.requireInRange("theta", theta, 0.5, 1.0, "");
        this.pivotX = new double[grid.ny() * grid.nz()][];
        this.pivotY = new double[grid.ny() * grid.nz()][];
        this.pivotZ = new double[grid.ny() * grid.nz()][];
        this.rowPivotY = new double[grid.ny() * grid.nz()];
        this.rowPivotZ = new double[grid.ny() * grid.nz()];
        this.damping = new double[op.materials];
        int longest = Math.max(grid.nx(), Math.max(grid.ny(), grid.nz()));
        int batch = grid.nx() * Math.max(grid.ny(), grid.nz());
        this.lines = ThreadLocal.withInitial(() -> new Line(longest, batch));
        this.rowPartial = new double[grid.ny()][PennesOperator.SLOTS];
        setTimeStep(timeStep);
    }

    /** @return the implicitness θ */
    public double theta() {
        return theta;
    }

    @Override
    void checkTimeStep(double dt) {
        // Unconditionally stable: any finite positive step is accepted.
    }

    @Override
    double sourceEvaluationFraction() {
        return 0.5;
    }

    @Override
    void advanceOneStep(double t, double h) {
        final double[] coefficient = stepOverHeatCapacity(h);
        final double th = theta * h;
        if (th != pivotStep) {
            factorize(th);
            pivotStep = th;
        }
        final boolean track = tracking();
        final boolean unit = unitPerfusion();
        final double[] in = current;
        final double[] out = next;
        delta = next;
        final double[] damping = perfusionDamping(th);
        final int nx = grid.nx();
        final int ny = grid.ny();
        final int nz = grid.nz();
        // Plane by plane, while the plane's δ stays in cache: δ₀ = Δt/ρc · rate(T^n) (and the explicit part of the
        // budget at T^n), then the x lines of the plane, then its y lines solved together with x innermost. All
        // three touch only plane z of δ, so one parallel pass over the planes does them without a trip to memory
        // in between.
        executor.forRange(nz, (from, to) -> {
            Line line = lines.get();
            for (int z = from; z < to; z++) {
                if (track) {
                    op.budget(in, power, perfusion, partial, z, z + 1);
                }
                op.apply(in, power, perfusion, sourceRows, delta, 0.0, coefficient, z, z + 1);
                for (int y = 0; y < ny; y++) {
                    sweepLine(op.sy * y + op.sz * z, nx, 1, op.gx, th, pivotX[y + ny * z], line);
                    if (track) {
                        addImplicitExchange(op.sy * y + op.sz * z, nx, 1, op.gx, 0, partial[z]);
                    }
                }
                sweepBatched(op.sz * z, ny, op.sy, op.gy, 2, th, pivotY, rowPivotY, line);
                if (track) {
                    for (int x = 0; x < nx; x++) {
                        addImplicitExchange(x + op.sz * z, ny, op.sy, op.gy, 2, partial[z]);
                    }
                }
            }
        });
        // z lines, parallel over y rows, batched over x the same way.
        if (track) {
            for (double[] p : rowPartial) {
                Arrays.fill(p, 0.0);
            }
        }
        executor.forRange(ny, (from, to) -> {
            Line line = lines.get();
            for (int y = from; y < to; y++) {
                sweepBatched(op.sy * y, nz, op.sz, op.gz, 4, th, pivotZ, rowPivotZ, line);
                if (track) {
                    for (int x = 0; x < nx; x++) {
                        addImplicitExchange(x + op.sy * y, nz, op.sz, op.gz, 4, rowPartial[y]);
                    }
                }
            }
        });
        if (track) {
            for (double[] p : rowPartial) {
                for (int slot = 0; slot < PennesOperator.SLOTS; slot++) {
                    partial[0][slot] += p[slot];
                }
            }
        }
        // Perfusion factor (M + θΔt W) δ = M δ₃, then T^{n+1} = T^n + δ (in place: out is δ's buffer). Doing this
        // inside the z sweep's back substitution was tried and measured 10 % slower for the whole step: there it
        // reads T^n in nx-long pieces a plane apart, here it streams.
        executor.forRange(nz, (from, to) -> {
            int plane = op.sz;
            for (int z = from; z < to; z++) {
                if (unit && !track) {
                    // ρc/(ρc + θΔt w) depends on the material only: one multiply per cell, constant along a row of
                    // one material. Held cells have δ = 0 exactly (identity rows in every sweep): they keep T^n.
                    for (int row = z * ny; row < (z + 1) * ny; row++) {
                        int b = row * nx;
                        int mp = op.rowMaterial[row];
                        if (mp < 0) {
                            for (int i = b; i < b + nx; i++) {
                                out[i] = in[i] + damping[op.mat[i] & 0xFF] * delta[i];
                            }
                            continue;
                        }
                        double f = damping[mp];
                        out[b] = in[b] + damping[op.mat[b] & 0xFF] * delta[b];
                        for (int i = b + 1; i < b + nx - 1; i++) {
                            out[i] = in[i] + f * delta[i];
                        }
                        out[b + nx - 1] = in[b + nx - 1] + damping[op.mat[b + nx - 1] & 0xFF] * delta[b + nx - 1];
                    }
                    continue;
                }
                double perfusionCorrection = 0;
                for (int i = plane * z; i < plane * (z + 1); i++) {
                    if (op.isFixed(i)) {
                        out[i] = in[i];
                        continue;
                    }
                    int m = op.mat[i] & 0xFF;
                    double w = op.wb[m] * PennesOperator.scale(perfusion, i);
                    double d = op.rc[m] * delta[i] / (op.rc[m] + th * w);
                    perfusionCorrection -= theta * w * d;
                    out[i] = in[i] + d;
                }
                if (track) {
                    partial[z][PennesOperator.SLOT_PERFUSION] += perfusionCorrection * op.volume;
                }
            }
            if (track) {
                op.storedChange(in, out, partial, from, to);
            }
        });
    }

    private final double[] damping;
    private double dampingStep = Double.NaN;

    /** @return ρc/(ρc + θΔt ω_b ρ_b c_b) per material, for unit perfusion scale; recomputed when θΔt changes */
    private double[] perfusionDamping(double th) {
        if (th != dampingStep) {
            for (int m = 0; m < damping.length; m++) {
                damping[m] = op.rc[m] / (op.rc[m] + th * op.wb[m]);
            }
            dampingStep = th;
        }
        return damping;
    }

    /** Computes the reciprocal pivots of the three axis factors for θΔt = th. */
    private void factorize(double th) {
        final int nx = grid.nx();
        final int ny = grid.ny();
        final int nz = grid.nz();
        final Map<PivotRow, double[]> shared = new ConcurrentHashMap<>();
        executor.forRange(nz, (from, to) -> {
            double[] scratch = lines.get().batchC;
            for (int z = from; z < to; z++) {
                for (int y = 0; y < ny; y++) {
                    factorLine(op.sy * y + op.sz * z, nx, 1, op.gx, 0, th, scratch, 0, 1);
                    pivotX[y + ny * z] = intern(shared, scratch, 0, nx);
                }
                for (int x = 0; x < nx; x++) {
                    factorLine(x + op.sz * z, ny, op.sy, op.gy, 2, th, scratch, x, nx);
                }
                for (int y = 0; y < ny; y++) {
                    pivotY[y + ny * z] = intern(shared, scratch, y * nx, nx);
                }
            }
        });
        executor.forRange(ny, (from, to) -> {
            double[] scratch = lines.get().batchC;
            for (int y = from; y < to; y++) {
                for (int x = 0; x < nx; x++) {
                    factorLine(x + op.sy * y, nz, op.sz, op.gz, 4, th, scratch, x, nx);
                }
                for (int z = 0; z < nz; z++) {
                    pivotZ[y + ny * z] = intern(shared, scratch, z * nx, nx);
                }
            }
        });
        executor.forRange(ny * nz, (from, to) -> {
            for (int row = from; row < to; row++) {
                rowPivotY[row] = sharedPivot(pivotY[row], row);
                rowPivotZ[row] = sharedPivot(pivotZ[row], row);
            }
        });
    }

    /**
     * @return the array of {@code values[from … from+n)}, shared with every other row of the same pivots. Which
     *         copy is kept depends on thread timing, but all copies are equal, so the results do not.
     */
    private static double[] intern(Map<PivotRow, double[]> shared, double[] values, int from, int n) {
        double[] row = Arrays.copyOfRange(values, from, from + n);
        double[] existing = shared.putIfAbsent(new PivotRow(row), row);
        return existing != null ? existing : row;
    }

    /** A row of pivots as a map key: equal when the values are bitwise equal. */
    private record PivotRow(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PivotRow other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "PivotRow" + Arrays.toString(values);
        }
    }

    /** @return the pivot shared by the interior cells of an x-row of one material, else NaN */
    private double sharedPivot(double[] pivot, int row) {
        int nx = grid.nx();
        if (op.rowMaterial[row] < 0) {
            return Double.NaN;
        }
        double v = pivot[1];
        for (int x = 2; x < nx - 1; x++) {
            if (pivot[x] != v) {
                return Double.NaN;
            }
        }
        return v;
    }

    /**
     * The Thomas elimination of one line's matrix: β_p = b_p − a_p c′_{p−1}, c′_p = c_p/β_p; stores 1/β_p. Held
     * cells are identity rows (1/β = 1, c′ = 0), which decouples them; their neighbours keep the conductance to them
     * on the diagonal.
     */
    private void factorLine(int start, int n, int stride, double[] g, int faceLo, double th, double[] pivot,
            int outStart, int outStride) {
        final int mm = op.materials;
        final byte[] mat = op.mat;
        double previous = 0;
        for (int p = 0, i = start; p < n; p++, i += stride) {
            if (op.isFixed(i)) {
                pivot[outStart + p * outStride] = 1;
                previous = 0;
                continue;
            }
            int m = mat[i] & 0xFF;
            int mo = m * mm;
            double diag = op.rc[m];
            double lower = 0;
            double upper = 0;
            if (p > 0) {
                double gl = g[mo + (mat[i - stride] & 0xFF)] + op.correction(i, faceLo);
                diag += th * gl;
                lower = -th * gl;
            } else {
                diag += th * op.gFace[faceLo][m];
            }
            if (p < n - 1) {
                double gr = g[mo + (mat[i + stride] & 0xFF)] + op.correction(i, faceLo + 1);
                diag += th * gr;
                upper = -th * gr;
            } else {
                diag += th * op.gFace[faceLo + 1][m];
            }
            double inverse = 1.0 / (diag - lower * previous);
            pivot[outStart + p * outStride] = inverse;
            previous = upper * inverse;
        }
    }

    /**
     * Solves (M − θΔt L_a) δ_new = M δ_old along one contiguous grid line with the cached pivots: forward
     * d′_p = r_p/β_p − (a_p/β_p) d′_{p−1}, back δ_p = d′_p − c′_p δ_{p+1}, each written as one fused multiply-add
     * on the recurrence so that the dependency chain from cell to cell is one FMA long. A held neighbour's d′ and
     * δ are 0, so the off-diagonal coupling to it drops out by itself.
     */
    private void sweepLine(int start, int n, int stride, double[] g, double th, double[] pivot, Line line) {
        final double[] cp = line.upper;
        final double[] dp = line.rhs;
        final int mm = op.materials;
        final double[] rc = op.rc;
        int uniform = stride == 1 && n > 2 && !op.hasCorrections(start / n) ? op.rowMaterial[start / n] : -1;
        if (uniform >= 0) {
            // Interior of a row of one material: constant off-diagonals (a = c); only the two ends are general.
            double off = -th * g[uniform * mm + uniform];
            double rcm = rc[uniform];
            double previous = lineCell(start, 0, n, stride, g, th, pivot, cp, dp, 0);
            for (int p = 1, i = start + 1; p < n - 1; p++, i++) {
                double inverse = pivot[p];
                double scaled = off * inverse;
                cp[p] = scaled;
                previous = Math.fma(-scaled, previous, rcm * delta[i] * inverse);
                dp[p] = previous;
            }
            lineCell(start, n - 1, n, stride, g, th, pivot, cp, dp, previous);
        } else {
            double previous = 0;
            for (int p = 0; p < n; p++) {
                previous = lineCell(start, p, n, stride, g, th, pivot, cp, dp, previous);
            }
        }
        double next = 0;
        for (int p = n - 1, i = start + (n - 1) * stride; p >= 0; p--, i -= stride) {
            next = Math.fma(-cp[p], next, dp[p]);
            delta[i] = next;
        }
    }

    /** One cell of a line's forward elimination, general case; returns its d′. */
    private double lineCell(int start, int p, int n, int stride, double[] g, double th, double[] pivot, double[] cp,
            double[] dp, double previous) {
        int i = start + p * stride;
        if (op.isFixed(i)) {
            cp[p] = 0;
            dp[p] = 0;
            return 0;
        }
        final byte[] mat = op.mat;
        int m = mat[i] & 0xFF;
        int mo = m * op.materials;
        double inverse = pivot[p];
        double lower = p > 0 ? -th * (g[mo + (mat[i - stride] & 0xFF)] + op.correction(i, 0)) : 0;
        double upper = p < n - 1 ? -th * (g[mo + (mat[i + stride] & 0xFF)] + op.correction(i, 1)) : 0;
        cp[p] = upper * inverse;
        double d = Math.fma(-(lower * inverse), previous, op.rc[m] * delta[i] * inverse);
        dp[p] = d;
        return d;
    }

    /**
     * The same solve on the nx lines that start at {@code base + x} (x = 0…nx−1) and run {@code n} cells with index
     * step {@code stride}, all at once with x innermost, so that every pass streams contiguous memory.
     */
    private void sweepBatched(int base, int n, int stride, double[] g, int faceLo, double th, double[][] pivots,
            double[] rowPivot, Line line) {
        final int nx = grid.nx();
        final double[] cp = line.batchC;
        final double[] dp = line.batchD;
        final double[] rowC = line.rowC;
        final int mm = op.materials;
        final double[] rc = op.rc;
        final int[] rowMaterial = op.rowMaterial;
        for (int p = 0; p < n; p++) {
            int row = base + p * stride;
            int w = p * nx;
            double[] pivot = pivots[row / nx];
            rowC[p] = Double.NaN;
            // Interior of a row of one material between rows of one material: constant coefficients, streaming.
            int mp = rowMaterial[row / nx];
            int mLo = p > 0 ? rowMaterial[(row - stride) / nx] : mp;
            int mHi = p < n - 1 ? rowMaterial[(row + stride) / nx] : mp;
            if (mp >= 0 && mLo >= 0 && mHi >= 0 && !op.hasCorrections(row / nx)) {
                batchCell(row, 0, p, n, stride, g, faceLo, th, pivot, cp, dp, w, nx);
                batchCell(row, nx - 1, p, n, stride, g, faceLo, th, pivot, cp, dp, w, nx);
                double upper = p < n - 1 ? -th * g[mp * mm + mHi] : 0;
                double lower = p > 0 ? th * g[mp * mm + mLo] : 0;
                double rcm = rc[mp];
                int previous = p > 0 ? w - nx : w; // at p = 0, lower = 0 and the product vanishes
                double shared = rowPivot[row / nx];
                if (shared == shared) {
                    // One pivot for the whole interior: c′ is one number for the row, kept in rowC.
                    rowC[p] = upper * shared;
                    double a = lower * shared;
                    double r = rcm * shared;
                    for (int x = 1; x < nx - 1; x++) {
                        dp[w + x] = Math.fma(a, dp[previous + x], r * delta[row + x]);
                    }
                    continue;
                }
                for (int x = 1; x < nx - 1; x++) {
                    double inverse = pivot[x];
                    cp[w + x] = upper * inverse;
                    dp[w + x] = Math.fma(lower, dp[previous + x], rcm * delta[row + x]) * inverse;
                }
                continue;
            }
            for (int x = 0; x < nx; x++) {
                batchCell(row, x, p, n, stride, g, faceLo, th, pivot, cp, dp, w, nx);
            }
        }
        for (int p = n - 1; p >= 0; p--) {
            int row = base + p * stride;
            int w = p * nx;
            if (p < n - 1) {
                double c = rowC[p];
                if (c == c) {
                    dp[w] = Math.fma(-cp[w], dp[w + nx], dp[w]);
                    for (int x = 1; x < nx - 1; x++) {
                        dp[w + x] = Math.fma(-c, dp[w + nx + x], dp[w + x]);
                    }
                    dp[w + nx - 1] = Math.fma(-cp[w + nx - 1], dp[w + 2 * nx - 1], dp[w + nx - 1]);
                } else {
                    for (int x = 0; x < nx; x++) {
                        dp[w + x] = Math.fma(-cp[w + x], dp[w + nx + x], dp[w + x]);
                    }
                }
            }
            System.arraycopy(dp, w, delta, row, nx);
        }
    }

    /** The forward elimination of one cell of a batched sweep, general case (any materials, held cells). */
    private void batchCell(int row, int x, int p, int n, int stride, double[] g, int faceLo, double th,
            double[] pivot, double[] cp, double[] dp, int w, int nx) {
        int i = row + x;
        if (op.isFixed(i)) {
            cp[w + x] = 0;
            dp[w + x] = 0;
            return;
        }
        final byte[] mat = op.mat;
        int m = mat[i] & 0xFF;
        int mo = m * op.materials;
        double inverse = pivot[x];
        double upper = p < n - 1 ? -th * (g[mo + (mat[i + stride] & 0xFF)] + op.correction(i, faceLo + 1)) : 0;
        cp[w + x] = upper * inverse;
        double lower = p > 0 ? th * (g[mo + (mat[i - stride] & 0xFF)] + op.correction(i, faceLo)) : 0;
        double previous = p > 0 ? dp[w - nx + x] : 0;
        dp[w + x] = Math.fma(lower, previous, op.rc[m] * delta[i]) * inverse;
    }

    private void addImplicitExchange(int start, int n, int stride, double[] g, int faceLo, double[] budget) {
        final double v = op.volume;
        int first = start;
        int last = start + (n - 1) * stride;
        if (!op.isFixed(first)) {
            budget[PennesOperator.SLOT_FACE0 + faceLo] -= theta * op.gFace[faceLo][op.mat[first] & 0xFF]
                    * delta[first] * v;
        }
        if (!op.isFixed(last)) {
            budget[PennesOperator.SLOT_FACE0 + faceLo + 1] -= theta * op.gFace[faceLo + 1][op.mat[last] & 0xFF]
                    * delta[last] * v;
        }
        if (op.fixed == null) {
            return;
        }
        int mm = op.materials;
        for (int p = 0, i = start; p < n; p++, i += stride) {
            if (op.isFixed(i)) {
                continue;
            }
            int mo = (op.mat[i] & 0xFF) * mm;
            if (p > 0 && op.isFixed(i - stride)) {
                budget[PennesOperator.SLOT_FIXED] -= theta * g[mo + (op.mat[i - stride] & 0xFF)] * delta[i] * v;
            }
            if (p < n - 1 && op.isFixed(i + stride)) {
                budget[PennesOperator.SLOT_FIXED] -= theta * g[mo + (op.mat[i + stride] & 0xFF)] * delta[i] * v;
            }
        }
    }

    /** Per-thread work arrays for the line solves. */
    private static final class Line {
        /** c′ and d′ of one line (x sweeps). */
        final double[] upper;
        final double[] rhs;
        /** c′ and d′ of a plane's or row's lines, x innermost (y and z sweeps). */
        final double[] batchC;
        final double[] batchD;
        /** Per row of a batched sweep: its scalar c′ when the row shares one pivot, else NaN. */
        final double[] rowC;


        Line(int n, int batch) {
            rowC = new double[n];
            upper = new double[n];
            rhs = new double[n];
            batchC = new double[batch];
            batchD = new double[batch];
        }
    }
}
