package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.verification.HomogeneousMedium;
import org.junit.jupiter.api.Test;

/** The explicit step's stability limit, its discrete maximum principle, and the refusal of unstable steps. */
class ExplicitStabilityTest {

    private static final double T0 = 310.15;

    private static BioheatProblem layeredProblem() {
        Grid3D grid = Grid3D.uniform(10, 10, 24, 25e-6);
        return BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid)).arterialTemperature(T0)
                .boundaries(BoundaryConditions.skin(T0)).build();
    }

    /**
     * Without sources, with every cell's update a convex combination of its neighbours, the arterial temperature
     * and the boundary temperatures (Δt at the limit), no value may leave the range of the initial values and those
     * temperatures: the discrete maximum principle.
     */
    @Test
    void noOvershootAtTheStabilityLimit() {
        BioheatProblem problem = layeredProblem();
        double limit = ExplicitHeatSolver.stabilityLimit(problem);
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem, limit, ParallelExecutor.serial());
        ScalarField start = new ScalarField(problem.grid());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < start.values().length; i++) {
            start.values()[i] = random.nextBoolean() ? T0 + 30 : T0 - 10; // a rough checkerboard-like field
        }
        solver.setTemperature(start);
        // The update is a convex combination in exact arithmetic; in floating point it may exceed the bounds by
        // round-off (a few ulps of 340 K, ~1e-13 K), far below anything physical or any overshoot of instability.
        double roundOff = 1e-10;
        double upper = T0 + 30 + roundOff;
        double lower = 298.15 - roundOff; // the 25 °C air of the default skin surface
        for (int s = 0; s < 200; s++) {
            solver.step();
            assertThat(solver.temperature().max()).as("step %d", s).isLessThanOrEqualTo(upper);
            assertThat(solver.temperature().min()).as("step %d", s).isGreaterThanOrEqualTo(lower);
        }
    }

    /** A step just above the limit is refused with a message that names the limit and the way out. */
    @Test
    void forcedUnstableStepIsRefused() {
        BioheatProblem problem = layeredProblem();
        double limit = ExplicitHeatSolver.stabilityLimit(problem);
        assertThatThrownBy(() -> new ExplicitHeatSolver(problem, 1.01 * limit, ParallelExecutor.serial()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the explicit stability limit")
                .hasMessageContaining("AdiHeatSolver");
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem);
        assertThatThrownBy(() -> solver.setTimeStep(2 * limit)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> solver.setTimeStep(-1)).hasMessageContaining("time step = -1 s");
    }

    /**
     * The limit is the per-cell bound ρc/(ΣG + ω_b ρ_b c_b); for a homogeneous, unperfused, insulated interior it is
     * the textbook h²/(6α).
     */
    @Test
    void limitMatchesTheTextbookValueForAHomogeneousMedium() {
        double h = 40e-6;
        BioheatProblem problem = HomogeneousMedium.cube(5, h, HomogeneousMedium.PLAIN);
        double textbook = HomogeneousMedium.explicitStabilityLimit(h, HomogeneousMedium.PLAIN);
        // the shared exact value is h²/(6α) with α = k/(ρc) = 0.5/(1000·4000)
        assertThat(textbook).isCloseTo(h * h / (6 * 0.5 / 4e6), org.assertj.core.data.Percentage.withPercentage(1e-12));
        assertThat(ExplicitHeatSolver.stabilityLimit(problem)).isCloseTo(textbook,
                org.assertj.core.data.Percentage.withPercentage(1e-10));
    }

    /** A NaN source stops the run with a message that says where and when. */
    @Test
    void nanSourceStopsTheRunWithLocation() {
        BioheatProblem problem = layeredProblem();
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem);
        ScalarField q = new ScalarField(problem.grid());
        q.set(3, 4, 5, Double.NaN);
        solver.addSource(HeatSource.constant(q));
        assertThatThrownBy(solver::step).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 4, 5)").hasMessageContaining("t = 0");
    }

    /** NaN appearing in the state (here planted directly) is caught and located. */
    @Test
    void nanTemperatureIsReportedWithCellAndTime() {
        BioheatProblem problem = layeredProblem();
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem);
        solver.step();
        solver.temperature().set(2, 2, 2, Double.NaN);
        // Stepping scans the state every FINITE_CHECK_INTERVAL steps, so the NaN is caught within that many.
        assertThatThrownBy(() -> {
            for (int s = 0; s < HeatSolver.FINITE_CHECK_INTERVAL; s++) {
                solver.step();
            }
        }).isInstanceOf(NumericalInstabilityException.class)
                .hasMessageContaining("NaN").hasMessageContaining("between t =");
    }

    /** advance() scans the state when it returns, however few steps it took. */
    @Test
    void nanTemperatureIsReportedAtTheEndOfAdvance() {
        BioheatProblem problem = layeredProblem();
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem);
        solver.temperature().set(2, 2, 2, Double.NaN);
        assertThatThrownBy(() -> solver.advance(solver.timeStep())).isInstanceOf(NumericalInstabilityException.class)
                .hasMessageContaining("NaN").hasMessageContaining("between t = 0.0 s").hasMessageContaining("(step 1,");
    }
}
