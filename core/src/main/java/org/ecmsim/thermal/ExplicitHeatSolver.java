package org.ecmsim.thermal;

import org.ecmsim.numerics.ParallelExecutor;

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
 * <p>The update is pointwise, parallel over z planes, and bitwise identical for any thread count.
 */
public final class ExplicitHeatSolver extends AbstractHeatSolver {

    /** The default step as a fraction of the stability limit. */
    public static final double DEFAULT_SAFETY_FACTOR = 0.9;

    private final double stabilityLimit;

    /**
     * A solver with the default step (0.9 × the stability limit) on the shared default executor.
     *
     * @param problem the problem
     */
    public ExplicitHeatSolver(BioheatProblem problem) {
        this(problem, Double.NaN, ParallelExecutor.defaultExecutor());
    }

    /**
     * @param problem the problem
     * @param timeStep step length (s), at most {@link #stabilityLimit()}; NaN for the default
     * @param executor the threads to use
     */
    public ExplicitHeatSolver(BioheatProblem problem, double timeStep, ParallelExecutor executor) {
        super(problem, executor);
        this.stabilityLimit = op.stableTimeStep();
        setTimeStep(Double.isNaN(timeStep) ? DEFAULT_SAFETY_FACTOR * stabilityLimit : timeStep);
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
}
