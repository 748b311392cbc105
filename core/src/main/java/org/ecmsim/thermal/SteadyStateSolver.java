package org.ecmsim.thermal;

import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.internal.Checks;
import org.ecmsim.numerics.ConjugateGradient;
import org.ecmsim.numerics.SevenPointOperator;
import org.ecmsim.numerics.SolveResult;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * Solves the steady Pennes problem directly:
 * <pre>
 *   −∇·(k∇T) + ω_b ρ_b c_b s (T − T_a) = Q_met + Q
 * </pre>
 * with the same discretisation as the transient solvers ({@link ExplicitHeatSolver}, {@link AdiHeatSolver}: the
 * same conductances, face conductances of {@link BioheatProblem.Builder#faceConductance}, faces and held cells), so
 * its answer is the state those solvers reach after a long time. The
 * symmetric positive-definite system for u = T − T_a is solved by conjugate gradients preconditioned with a
 * multigrid V-cycle ({@link ConjugateGradient}, {@link org.ecmsim.numerics.MultigridPreconditioner}), as the
 * electric potential is: iteration counts nearly independent of the grid size.
 *
 * <p>Held cells ({@link BioheatProblem.Builder#fixedCells}) keep the problem's initial temperature, or the value in
 * the field given to {@link #solve(List, ScalarField, double)}. The problem needs something that fixes the level:
 * perfusion somewhere, a fixed-temperature or convective face, or a held cell; a fully insulated, unperfused
 * problem without held cells has no steady state and is refused.
 *
 * <pre>{@code
 * SteadyStateResult r = SteadyStateSolver.solve(problem, List.of(PointSource.of(grid, 0.1, x, y, z, Set.of())), 1e-10);
 * double peak = r.temperature().max();           // K
 * double check = r.relativeImbalance();          // heat in vs perfusion + boundary loss
 * }</pre>
 */
public final class SteadyStateSolver {

    /** The most conjugate-gradient iterations per solve (multigrid-preconditioned solves take tens). */
    public static final int MAX_ITERATIONS = 1000;

    /** The default relative residual at which the iteration stops. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final BioheatProblem problem;
    private final ParallelExecutor executor;
    private final PennesOperator op;
    private final Grid3D grid;
    private PerfusionScale perfusionScale;
    private double sourceTime;

    /**
     * @param problem the problem (its initial temperature is the value of held cells)
     * @param executor the threads for the solve
     */
    public SteadyStateSolver(BioheatProblem problem, ParallelExecutor executor) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.op = new PennesOperator(problem);
        this.grid = problem.grid();
        this.perfusionScale = PerfusionScale.unit(grid);
    }

    /**
     * Solves with the shared default executor.
     *
     * @param problem the problem
     * @param sources the heat sources (evaluated at time 0)
     * @param tolerance relative residual at which to stop, in (0, 1e-3]
     * @return the steady state
     */
    public static SteadyStateResult solve(BioheatProblem problem, List<HeatSource> sources, double tolerance) {
        return new SteadyStateSolver(problem, ParallelExecutor.defaultExecutor()).solve(sources, tolerance);
    }

    /**
     * @param scale per-cell perfusion factor, as for the transient solvers (default: 1 everywhere)
     * @return this solver
     */
    public SteadyStateSolver perfusionScale(PerfusionScale scale) {
        if (!scale.grid().equals(grid)) {
            throw new IllegalArgumentException("perfusion scale grid " + scale.grid() + " differs from " + grid);
        }
        this.perfusionScale = scale;
        return this;
    }

    /**
     * @param seconds the time at which the sources are evaluated (s); default 0
     * @return this solver
     */
    public SteadyStateSolver sourceTime(double seconds) {
        this.sourceTime = Checks.requireFinite("source time", seconds, "s");
        return this;
    }

    /**
     * Solves to {@link #DEFAULT_TOLERANCE} with held cells at the problem's initial temperature.
     *
     * @param sources the heat sources
     * @return the steady state
     */
    public SteadyStateResult solve(List<HeatSource> sources) {
        return solve(sources, DEFAULT_TOLERANCE);
    }

    /**
     * Solves with held cells at the problem's initial temperature.
     *
     * @param sources the heat sources
     * @param tolerance relative residual ‖b − A·u‖₂/‖b‖₂ at which to stop, in [1e-15, 1e-3]
     * @return the steady state
     * @throws IllegalStateException if the iteration does not reach the tolerance
     */
    public SteadyStateResult solve(List<HeatSource> sources, double tolerance) {
        return solve(sources, ScalarField.constant(grid, problem.initialTemperature()), tolerance);
    }

    /**
     * Solves with held cells at the values of {@code held}.
     *
     * @param sources the heat sources
     * @param held temperature (K) of the held cells (other cells' values are the starting guess)
     * @param tolerance relative residual ‖b − A·u‖₂/‖b‖₂ at which to stop, in [1e-15, 1e-3]; below about 1e-12
     *        round-off may keep the iteration from reaching it
     * @return the steady state
     * @throws IllegalStateException if the iteration does not reach the tolerance in {@value #MAX_ITERATIONS}
     *         iterations
     */
    public SteadyStateResult solve(List<HeatSource> sources, ScalarField held, double tolerance) {
        Checks.requireInRange("steady-state tolerance", tolerance, 1e-15, 1e-3, "");
        if (!held.grid().equals(grid)) {
            throw new IllegalArgumentException("held temperature grid " + held.grid() + " differs from " + grid);
        }
        int n = grid.cellCount();
        double[] q = new double[n];
        for (HeatSource s : sources) {
            s.addTo(sourceTime, q);
        }
        for (int c = 0; c < n; c++) {
            if (!Double.isFinite(q[c])) {
                throw new IllegalArgumentException("the heat sources give power density " + q[c] + " W/m³ at cell ("
                        + grid.i(c) + ", " + grid.j(c) + ", " + grid.k(c) + "); it must be finite");
            }
        }
        float[] s = perfusionScale.array();
        double ta = op.arterial;
        double v = op.volume;
        SevenPointOperator a = new SevenPointOperator(grid);
        double[] cx = a.cx();
        double[] cy = a.cy();
        double[] cz = a.cz();
        double[] d = a.d();
        double[] b = new double[n];
        double[] u = new double[n];
        double[] t0 = held.values();
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int mm = op.materials;
        boolean anchored = false;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + nx * (j + ny * k);
                    int m = op.mat[c] & 0xFF;
                    boolean fc = op.isFixed(c);
                    u[c] = t0[c] - ta;
                    if (!fc) {
                        double w = op.wb[m] * PennesOperator.scale(s, c);
                        d[c] += w * v;
                        anchored |= w > 0;
                        b[c] += (op.qmet[m] + q[c]) * v;
                    }
                    // Faces to the +x, +y, +z neighbours.
                    if (i < nx - 1) {
                        couple(cx, d, b, t0, ta, c, c + 1, op.faceConductance(c, 0) * v);
                    }
                    if (j < ny - 1) {
                        couple(cy, d, b, t0, ta, c, c + op.sy, op.faceConductance(c, 1) * v);
                    }
                    if (k < nz - 1) {
                        couple(cz, d, b, t0, ta, c, c + op.sz, op.faceConductance(c, 2) * v);
                    }
                    if (!fc) {
                        int[] faces = {i == 0 ? 0 : -1, i == nx - 1 ? 1 : -1, j == 0 ? 2 : -1, j == ny - 1 ? 3 : -1,
                            k == 0 ? 4 : -1, k == nz - 1 ? 5 : -1};
                        for (int f : faces) {
                            if (f >= 0 && op.gFace[f][m] > 0) {
                                double g = op.gFace[f][m] * v;
                                d[c] += g;
                                b[c] += g * (op.tFace[f] - ta);
                                anchored = true;
                            }
                        }
                    }
                }
            }
        }
        if (op.fixed != null) {
            anchored = true;
            for (int c = 0; c < n; c++) {
                if (op.fixed[c]) {
                    // A held row: d·u = d·u₀ with d of the order of the removed conductances (see
                    // SevenPointOperator on the scaling of eliminated rows).
                    int m = op.mat[c] & 0xFF;
                    double dd = d[c] > 0 ? d[c] : op.gx[m * mm + m] * v;
                    d[c] = dd;
                    b[c] = dd * (t0[c] - ta);
                    u[c] = t0[c] - ta;
                }
            }
        }
        if (!anchored) {
            throw new IllegalArgumentException("the steady problem on " + grid + " has no steady state: no perfusion,"
                    + " every face insulated and no held cell, so nothing removes the heat; add perfusion, a"
                    + " fixed-temperature or convective face, or held cells");
        }
        ConjugateGradient cg = new ConjugateGradient(nx, ny, nz, ConjugateGradient.Preconditioning.MULTIGRID,
                executor);
        SolveResult r = cg.solve(a, b, u, tolerance, MAX_ITERATIONS);
        if (!r.converged()) {
            throw new IllegalStateException(String.format("the steady-state solve did not converge: relative residual"
                    + " %.3g after %d iterations (tolerance %.1g)", r.relativeResidual(), r.iterations(), tolerance));
        }
        double[] t = new double[n];
        for (int c = 0; c < n; c++) {
            t[c] = op.isFixed(c) ? t0[c] : u[c] + ta;
        }
        double[][] partial = new double[nz][PennesOperator.SLOTS];
        op.budget(t, q, s, partial, 0, nz);
        double[] tot = new double[PennesOperator.SLOTS];
        for (double[] p : partial) {
            for (int slot = 0; slot < tot.length; slot++) {
                tot[slot] += p[slot];
            }
        }
        double[] faces = new double[6];
        for (Face f : Face.values()) {
            faces[f.ordinal()] = tot[PennesOperator.SLOT_FACE0 + f.ordinal()];
        }
        return new SteadyStateResult(new ScalarField(grid, t), r.iterations(), r.relativeResidual(),
                tot[PennesOperator.SLOT_SOURCE], tot[PennesOperator.SLOT_METABOLIC],
                tot[PennesOperator.SLOT_PERFUSION], faces, tot[PennesOperator.SLOT_FIXED]);
    }

    /**
     * Adds the face between cells p and nb (conductance g, W/K): between two free cells a face of the operator;
     * between a free and a held cell, a diagonal term and a known value on the free side; nothing between two
     * held cells.
     */
    private void couple(double[] cFace, double[] d, double[] b, double[] t0, double ta, int p, int nb, double g) {
        boolean fp = op.isFixed(p);
        boolean fn = op.isFixed(nb);
        if (!fp && !fn) {
            cFace[p] = g;
        } else if (fp && !fn) {
            d[nb] += g;
            b[nb] += g * (t0[p] - ta);
            d[p] += g;
        } else if (!fp) {
            d[p] += g;
            b[p] += g * (t0[nb] - ta);
            d[nb] += g;
        }
    }
}
