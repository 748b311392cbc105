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
