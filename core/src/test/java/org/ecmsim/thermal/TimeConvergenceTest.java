package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.Tissue;
import org.junit.jupiter.api.Test;

/**
 * Order of accuracy in time, isolated from the space error: on an insulated 1-D column of n cells, the mode
 * cos(π(k+½)/n) is an exact eigenvector of the discrete conduction operator, with eigenvalue
 * λ = α(2 − 2cos(π/n))/Δz². Its semi-discrete amplitude decays as e^{−λt}; each method's error against that is
 * purely the time discretisation. Forward Euler must converge at order 1, Douglas ADI with θ = ½ at order 2 and
 * with θ = 1 at order 1.
 */
class TimeConvergenceTest {

    private static final int N = 32;
    private static final double DZ = 25e-6;
    private static final double T0 = 310.15;
    private static final double AMPLITUDE = 5.0;

    private static BioheatProblem problem() {
        Grid3D grid = new Grid3D(1, 1, N, DZ, DZ, DZ);
        return BioheatProblem.builder(Tissue.homogeneous(grid, Problems.PLAIN)).arterialTemperature(T0).build();
    }

    private static double lambda() {
        return Problems.PLAIN.thermalDiffusivity() * (2 - 2 * Math.cos(Math.PI / N)) / (DZ * DZ);
    }

    private static double error(HeatSolver solver, double duration) {
        ScalarField t = new ScalarField(solver.problem().grid());
        for (int k = 0; k < N; k++) {
            t.set(0, 0, k, T0 + AMPLITUDE * Math.cos(Math.PI * (k + 0.5) / N));
        }
        solver.setTemperature(t);
        solver.advance(duration);
        double decay = Math.exp(-lambda() * duration);
        double max = 0;
        for (int k = 0; k < N; k++) {
            double exact = T0 + AMPLITUDE * decay * Math.cos(Math.PI * (k + 0.5) / N);
            max = Math.max(max, Math.abs(solver.temperature().get(0, 0, k) - exact));
        }
        return max;
    }

    private static double observedOrder(java.util.function.DoubleFunction<HeatSolver> withStep, double dt,
            double duration) {
        double e1 = error(withStep.apply(dt), duration);
        double e2 = error(withStep.apply(dt / 2), duration);
        double e3 = error(withStep.apply(dt / 4), duration);
        double order = Math.log(e2 / e3) / Math.log(2);
        System.out.printf("errors %.3e %.3e %.3e K, observed order %.3f%n", e1, e2, e3, order);
        return order;
    }

    @Test
    void forwardEulerIsFirstOrder() {
        double limit = ExplicitHeatSolver.stabilityLimit(problem());
        double duration = 200 * limit;
        double order = observedOrder(dt -> new ExplicitHeatSolver(problem(), dt, ParallelExecutor.serial()),
                limit / 2, duration);
        assertThat(order).isBetween(0.9, 1.1);
    }

    @Test
    void douglasAdiCrankNicolsonIsSecondOrder() {
        double duration = 1.0 / lambda();
        double order = observedOrder(dt -> new AdiHeatSolver(problem(), dt, 0.5, ParallelExecutor.serial()),
                duration / 10, duration);
        assertThat(order).isBetween(1.9, 2.1);
    }

    @Test
    void douglasAdiBackwardEulerIsFirstOrder() {
        double duration = 1.0 / lambda();
        double order = observedOrder(dt -> new AdiHeatSolver(problem(), dt, 1.0, ParallelExecutor.serial()),
                duration / 20, duration);
        assertThat(order).isBetween(0.9, 1.1);
    }

    /**
     * Far above the explicit limit the implicit solver stays bounded: during one hundred steps of 1000× the explicit
     * limit the stiffest mode, started at amplitude A, never exceeds 1.2 A (Crank–Nicolson damps it slowly and lets
     * it ring: amplification factor close to −1), and after them it is no larger than A.
     */
    @Test
    void adiIsStableFarAboveTheExplicitLimit() {
        double limit = ExplicitHeatSolver.stabilityLimit(problem());
        AdiHeatSolver solver = new AdiHeatSolver(problem(), 1000 * limit, 0.5, ParallelExecutor.serial());
        ScalarField t = new ScalarField(solver.problem().grid());
        for (int k = 0; k < N; k++) {
            t.set(0, 0, k, T0 + AMPLITUDE * (k % 2 == 0 ? 1 : -1)); // the stiffest mode
        }
        solver.setTemperature(t);
        for (int s = 0; s < 100; s++) {
            solver.step();
            assertThat(solver.temperature().max()).as("step %d", s).isLessThanOrEqualTo(T0 + 1.2 * AMPLITUDE);
            assertThat(solver.temperature().min()).as("step %d", s).isGreaterThanOrEqualTo(T0 - 1.2 * AMPLITUDE);
        }
        assertThat(solver.temperature().max()).isLessThanOrEqualTo(T0 + AMPLITUDE);
        assertThat(solver.temperature().min()).isGreaterThanOrEqualTo(T0 - AMPLITUDE);
    }
}
