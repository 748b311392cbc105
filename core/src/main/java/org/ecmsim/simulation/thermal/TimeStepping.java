package org.ecmsim.simulation.thermal;

import org.ecmsim.internal.Checks;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.thermal.HeatSolver;

/**
 * How a thermal run steps in time: {@link Explicit} (forward Euler at a fraction of its stability limit) or
 * {@link Adi} (Douglas ADI with a fixed step and implicitness θ). A value, validated at construction.
 */
public sealed interface TimeStepping {

    /** @return explicit stepping at {@value ExplicitHeatSolver#DEFAULT_SAFETY_FACTOR} of the stability limit */
    static Explicit explicit() {
        return new Explicit(ExplicitHeatSolver.DEFAULT_SAFETY_FACTOR);
    }

    /**
     * @param step the ADI step (s)
     * @return ADI stepping with θ = {@value AdiHeatSolver#DEFAULT_THETA} (Crank–Nicolson-like, second order)
     */
    static Adi adi(double step) {
        return new Adi(step, AdiHeatSolver.DEFAULT_THETA);
    }

    /**
     * @param problem the problem
     * @param executor the threads
     * @return a new heat solver stepping this way
     */
    HeatSolver newSolver(BioheatProblem problem, ParallelExecutor executor);

    /**
     * Forward Euler at a fixed fraction of the stability limit; first order in time, and limited by the fastest
     * conducting cell (steel needles cap the step near 0.1 ms at 50 µm cells).
     *
     * @param safetyFactor the step as a fraction of the stability limit, in (0, 1]
     */
    record Explicit(double safetyFactor) implements TimeStepping {
        /**
         * Validates the factor.
         *
         * @param safetyFactor the step as a fraction of the stability limit, in (0, 1]
         */
        public Explicit {
            Checks.requireInRange("explicit safety factor", safetyFactor, Double.MIN_VALUE, 1.0, "");
        }

        @Override
        public HeatSolver newSolver(BioheatProblem problem, ParallelExecutor executor) {
            return safetyFactor == ExplicitHeatSolver.DEFAULT_SAFETY_FACTOR
                    ? new ExplicitHeatSolver(problem, executor)
                    : ExplicitHeatSolver.atFractionOfLimit(problem, safetyFactor, executor);
        }
    }

    /**
     * Douglas ADI, unconditionally stable for θ ≥ ½.
     *
     * @param step the time step (s), finite and &gt; 0
     * @param theta the implicitness, ½ (second order) to 1 (backward Euler, first order)
     */
    record Adi(double step, double theta) implements TimeStepping {
        /**
         * Validates the step and θ.
         *
         * @param step the time step (s), finite and &gt; 0
         * @param theta the implicitness, ½ to 1
         */
        public Adi {
            Checks.requireFinitePositive("ADI time step", step, "s");
            Checks.requireInRange("ADI theta", theta, 0.5, 1.0, "");
        }

        @Override
        public HeatSolver newSolver(BioheatProblem problem, ParallelExecutor executor) {
            return new AdiHeatSolver(problem, step, theta, executor);
        }
    }
}
