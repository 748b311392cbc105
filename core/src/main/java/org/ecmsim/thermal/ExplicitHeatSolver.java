package org.ecmsim.thermal;

import org.ecmsim.internal.Checks;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * Forward-Euler (explicit) time stepping of the Pennes equation:
 * <pre>
 *   T_P^{n+1} = T_P^n + Δt/(ρc)_P · [ Σ G (T_N^n − T_P^n) + ω_b ρ_b c_b s_P (T_a − T_P^n) + Q_met + Q_P(t_n) ]
 * </pre>
 * First order in time, second order in space. Stable, and free of overshoot (discrete maximum principle), when
 * every cell's update is a convex combination: Δt ≤ (ρc)_P / (Σ G + ω_b ρ_b c_b) for every free cell
 * ({@link #stabilityLimit()}). The default step is {@value #DEFAULT_SAFETY_FACTOR} of that limit; a larger step
 * is refused with an error. For long or coarse runs use {@link AdiHeatSolver}.
 *
 * <p>The update is pointwise, parallel over z planes (over x-rows, one per (y, z), when the grid has fewer than
 * {@value #ROW_SPLIT_BELOW_PLANES} planes, so a quasi-2-D problem with nz = 1 uses every thread), and bitwise
 * identical for any thread count: the energy ledger is summed per plane (per row) in a fixed order.
 */
public final class ExplicitHeatSolver extends AbstractHeatSolver {

    /** The default step as a fraction of the stability limit. */
    public static final double DEFAULT_SAFETY_FACTOR = 0.9;

    /** Grids with fewer z planes than this split the work over x-rows instead of planes. */
    public static final int ROW_SPLIT_BELOW_PLANES = 16;

    private final double stabilityLimit;
    /** Per-row budget partials [y + ny·z][slot] when the work is split over rows, else null. */
    private double[][] rowPartial;

    /**
     * A solver with the default step (0.9 × the stability limit) on the shared default executor.
     *
     * @param problem the problem
     */
    public ExplicitHeatSolver(BioheatProblem problem) {
        this(problem, ParallelExecutor.defaultExecutor());
    }

    /**
     * A solver with the default step ({@value #DEFAULT_SAFETY_FACTOR} × the stability limit).
     *
     * @param problem the problem
     * @param executor the threads to use
     */
    public ExplicitHeatSolver(BioheatProblem problem, ParallelExecutor executor) {
        super(problem, executor);
        this.stabilityLimit = op.stableTimeStep();
        setTimeStep(DEFAULT_SAFETY_FACTOR * stabilityLimit);
    }

    /**
     * @param problem the problem
     * @param timeStep step length (s), finite, &gt; 0 and at most {@link #stabilityLimit()}
     * @param executor the threads to use
     */
    public ExplicitHeatSolver(BioheatProblem problem, double timeStep, ParallelExecutor executor) {
        super(problem, executor);
        this.stabilityLimit = op.stableTimeStep();
        setTimeStep(timeStep);
    }

    /**
     * A solver whose step is a fraction of the stability limit.
     *
     * @param problem the problem
     * @param safetyFactor the step as a fraction of {@link #stabilityLimit()}, in (0, 1]
     * @param executor the threads to use
     * @return the solver
     */
    public static ExplicitHeatSolver atFractionOfLimit(BioheatProblem problem, double safetyFactor,
            ParallelExecutor executor) {
        ExplicitHeatSolver s = new ExplicitHeatSolver(problem, executor);
        s.setTimeStep(Checks.requireInRange("safety factor", safetyFactor, Double.MIN_VALUE, 1.0, "")
                * s.stabilityLimit);
        return s;
    }

    /**
     * The stability limit of the problem, without building a solver.
     *
     * @param problem the problem
     * @return the largest stable step (s)
     */
    public static double stabilityLimit(BioheatProblem problem) {
        return new PennesOperator(problem).stableTimeStep();
    }

    /** @return the largest step for which the update is stable and free of overshoot (s) */
    public double stabilityLimit() {
        return stabilityLimit;
    }

    @Override
    void checkTimeStep(double dt) {
        if (dt > stabilityLimit) {
            throw new IllegalArgumentException(String.format(
                    "time step %.4g s exceeds the explicit stability limit %.4g s (ρc/(ΣG + ω_b ρ_b c_b) over the"
                            + " cells of grid %s); use a step ≤ %.4g s or AdiHeatSolver",
                    dt, stabilityLimit, grid, stabilityLimit));
        }
    }

    @Override
    double sourceEvaluationFraction() {
        return 0.0;
    }

    @Override
    void advanceOneStep(double t, double h) {
        final double[] coefficient = stepOverHeatCapacity(h);
        final double[] in = current;
        final double[] out = next;
        final boolean track = tracking();
        final float[] s = perfusion;
        if (grid.nz() < ROW_SPLIT_BELOW_PLANES) {
            advanceByRows(in, out, coefficient, track, s);
            return;
        }
        executor.forRange(grid.nz(), (from, to) -> {
            if (track) {
                op.budget(in, power, s, partial, from, to);
            }
            op.apply(in, power, s, sourceRows, out, 1.0, coefficient, from, to);
            if (track) {
                op.storedChange(in, out, partial, from, to);
            }
        });
    }

    /**
     * The same update split over x-rows; the budget partials are kept per row and added into the per-plane
     * partials in row order afterwards, so the ledger does not depend on the thread count.
     */
    private void advanceByRows(double[] in, double[] out, double[] coefficient, boolean track, float[] s) {
        int rows = grid.ny() * grid.nz();
        if (track) {
            if (rowPartial == null) {
                rowPartial = new double[rows][PennesOperator.SLOTS];
            }
            for (double[] p : rowPartial) {
                java.util.Arrays.fill(p, 0.0);
            }
        }
        final double[][] rp = rowPartial;
        executor.forRange(rows, (from, to) -> {
            if (track) {
                op.budgetRows(in, power, s, rp, from, to);
            }
            op.applyRows(in, power, s, sourceRows, out, 1.0, coefficient, from, to);
            if (track) {
                op.storedChangeRows(in, out, rp, from, to);
            }
        });
        if (track) {
            int ny = grid.ny();
            for (int r = 0; r < rows; r++) {
                double[] target = partial[r / ny];
                for (int slot = 0; slot < PennesOperator.SLOTS; slot++) {
                    target[slot] += rp[r][slot];
                }
            }
        }
    }
}
