package org.ecmsim.thermal;

import java.util.Arrays;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.numerics.Tridiagonal;
import org.ecmsim.units.Checks;

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
 * each a set of independent tridiagonal systems (one per grid line) or a diagonal. Multiplying out,
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
    private final double[] delta;
    private final double[] coefficient;
    private double coefficientStep = Double.NaN;
    private final ThreadLocal<Line> lines;
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
        this.delta = new double[grid.cellCount()];
        this.coefficient = new double[op.materials];
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
        if (h != coefficientStep) {
            for (int m = 0; m < coefficient.length; m++) {
                coefficient[m] = h / op.rc[m];
            }
            coefficientStep = h;
        }
        final double th = theta * h;
        final boolean track = tracking();
        final boolean unit = unitPerfusion();
        final double[] in = current;
        final double[] out = next;
        final int nx = grid.nx();
        final int ny = grid.ny();
        final int nz = grid.nz();
        // δ₀ = Δt/ρc · rate(T^n); the explicit part of the budget at T^n.
        executor.forRange(nz, (from, to) -> {
            if (track) {
                op.budget(in, power, perfusion, partial, from, to);
            }
            op.apply(in, power, perfusion, delta, 0.0, coefficient, from, to, unit);
        });
        // x lines, parallel over z planes.
        executor.forRange(nz, (from, to) -> {
            Line line = lines.get();
            for (int z = from; z < to; z++) {
                for (int y = 0; y < ny; y++) {
                    sweep(op.sy * y + op.sz * z, nx, 1, op.gx, 0, th, line, track ? partial[z] : null);
                }
            }
        });
        // y lines, parallel over z planes; each plane's lines are solved together, x innermost.
        executor.forRange(nz, (from, to) -> {
            Line line = lines.get();
            for (int z = from; z < to; z++) {
                sweepBatched(op.sz * z, ny, op.sy, op.gy, 2, th, line);
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
                sweepBatched(op.sy * y, nz, op.sz, op.gz, 4, th, line);
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
        // Perfusion factor (M + θΔt W) δ = M δ₃, then T^{n+1} = T^n + δ.
        executor.forRange(nz, (from, to) -> {
            int plane = op.sz;
            for (int z = from; z < to; z++) {
                double perfusionCorrection = 0;
                for (int i = plane * z; i < plane * (z + 1); i++) {
                    if (op.isFixed(i)) {
                        out[i] = in[i];
                        continue;
                    }
                    int m = op.mat[i] & 0xFF;
                    double w = op.wb[m] * perfusion[i];
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

    /**
     * Solves (M − θΔt L_a) δ_new = M δ_old along one grid line and adds the implicit boundary and fixed-cell
     * exchange, −θ Σ G δ_new V (a power, W), to {@code budget} when it is not null.
     */
    private void sweep(int start, int n, int stride, double[] g, int faceLo, double th, Line line, double[] budget) {
        final double[] lo = line.lower;
        final double[] di = line.diagonal;
        final double[] up = line.upper;
        final double[] rhs = line.rhs;
        final int mm = op.materials;
        final byte[] mat = op.mat;
        for (int p = 0, i = start; p < n; p++, i += stride) {
            if (op.isFixed(i)) {
                lo[p] = 0;
                di[p] = 1;
                up[p] = 0;
                rhs[p] = 0;
                continue;
            }
            int m = mat[i] & 0xFF;
            int mo = m * mm;
            double diag = op.rc[m];
            if (p > 0) {
                double gl = g[mo + (mat[i - stride] & 0xFF)];
                diag += th * gl;
                lo[p] = op.isFixed(i - stride) ? 0 : -th * gl;
            } else {
                diag += th * op.gFace[faceLo][m];
                lo[p] = 0;
            }
            if (p < n - 1) {
                double gr = g[mo + (mat[i + stride] & 0xFF)];
                diag += th * gr;
                up[p] = op.isFixed(i + stride) ? 0 : -th * gr;
            } else {
                diag += th * op.gFace[faceLo + 1][m];
                up[p] = 0;
            }
            di[p] = diag;
            rhs[p] = op.rc[m] * delta[i];
        }
        Tridiagonal.solve(lo, di, up, rhs, line.scratch, n);
        for (int p = 0, i = start; p < n; p++, i += stride) {
            delta[i] = rhs[p];
        }
        if (budget != null) {
            addImplicitExchange(start, n, stride, g, faceLo, budget);
        }
    }

    /**
     * Solves (M − θΔt L_a) δ_new = M δ_old on the nx lines that start at {@code base + x} (x = 0…nx−1) and run
     * {@code n} cells with index step {@code stride}: the Thomas algorithm on all of them at once, with x innermost so
     * that every pass streams contiguous memory. The same arithmetic as {@link Tridiagonal#solve} per line.
     */
    private void sweepBatched(int base, int n, int stride, double[] g, int faceLo, double th, Line line) {
        final int nx = grid.nx();
        final double[] cp = line.batchC;
        final double[] dp = line.batchD;
        final int mm = op.materials;
        final byte[] mat = op.mat;
        final double[] rc = op.rc;
        final double[] faceLoG = op.gFace[faceLo];
        final double[] faceHiG = op.gFace[faceLo + 1];
        final boolean anyFixed = op.fixed != null;
        for (int p = 0; p < n; p++) {
            int row = base + p * stride;
            int w = p * nx;
            for (int x = 0; x < nx; x++) {
                int i = row + x;
                if (anyFixed && op.fixed[i]) {
                    cp[w + x] = 0;
                    dp[w + x] = 0;
                    continue;
                }
                int m = mat[i] & 0xFF;
                int mo = m * mm;
                double diag = rc[m];
                double lower = 0;
                double upper = 0;
                if (p > 0) {
                    double gl = g[mo + (mat[i - stride] & 0xFF)];
                    diag += th * gl;
                    lower = anyFixed && op.fixed[i - stride] ? 0 : -th * gl;
                } else {
                    diag += th * faceLoG[m];
                }
                if (p < n - 1) {
                    double gr = g[mo + (mat[i + stride] & 0xFF)];
                    diag += th * gr;
                    upper = anyFixed && op.fixed[i + stride] ? 0 : -th * gr;
                } else {
                    diag += th * faceHiG[m];
                }
                double r = rc[m] * delta[i];
                if (p == 0) {
                    cp[w + x] = upper / diag;
                    dp[w + x] = r / diag;
                } else {
                    double beta = diag - lower * cp[w - nx + x];
                    cp[w + x] = upper / beta;
                    dp[w + x] = (r - lower * dp[w - nx + x]) / beta;
                }
            }
        }
        for (int p = n - 1; p >= 0; p--) {
            int row = base + p * stride;
            int w = p * nx;
            if (p == n - 1) {
                for (int x = 0; x < nx; x++) {
                    delta[row + x] = dp[w + x];
                }
            } else {
                for (int x = 0; x < nx; x++) {
                    double v = dp[w + x] - cp[w + x] * dp[w + nx + x];
                    dp[w + x] = v;
                    delta[row + x] = v;
                }
            }
        }
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

    /** Per-thread work arrays for one line solve. */
    private static final class Line {
        final double[] lower;
        final double[] diagonal;
        final double[] upper;
        final double[] rhs;
        final double[] scratch;

        final double[] batchC;
        final double[] batchD;

        Line(int n, int batch) {
            batchC = new double[batch];
            batchD = new double[batch];
            lower = new double[n];
            diagonal = new double[n];
            upper = new double[n];
            rhs = new double[n];
            scratch = new double[n];
        }
    }
}
