package org.ecmsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.PointValuePair;
import org.junit.jupiter.api.Test;

class OptimisersTest {

    @Test
    void rootSolveFindsTheThresholdOfAMonotoneMetricWithinTolerance() {
        // A margin like a safety margin: 43 °C minus a peak that grows faster than linearly; zero at 37.5.
        double threshold = 37.5;
        Optimisers.Threshold t = Optimisers.highestSafe(e -> 6 * (1 - Math.pow(e / threshold, 1.4)), 10, 60, 0.1,
                12);
        assertThat(t.bracketed()).isTrue();
        assertThat(t.evaluations()).isLessThanOrEqualTo(12);
        assertThat(t.value()).isCloseTo(threshold, offset(0.1)).isLessThanOrEqualTo(threshold);
        assertThat(t.margin()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rootSolveReportsAnAllSafeAndAnAllUnsafeRange() {
        assertThat(Optimisers.highestSafe(e -> 1, 10, 60, 0.1, 12).value()).isEqualTo(60);
        assertThat(Optimisers.highestSafe(e -> -1, 10, 60, 0.1, 12).value()).isNaN();
        assertThat(Optimisers.highestSafe(e -> Double.NaN, 10, 60, 0.1, 12).value()).isNaN();
    }

    @Test
    void bobyqaFindsAConstrainedShiftedQuadraticOptimum() {
        // min (x-3)² + (y+1)² subject to x ≤ 2 (as 2 - x ≥ 0): optimum (2, -1).
        MultivariateFunction f = x -> (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        MultivariateFunction g = x -> 2 - x[0];
        PointValuePair p = Optimisers.bobyqa(f, new MultivariateFunction[] {g}, 1e6, new double[] {0, 0},
                new double[] {-5, -5}, new double[] {5, 5}, 2000);
        assertThat(p.getPoint()[0]).isCloseTo(2, offset(1e-3));
        assertThat(p.getPoint()[1]).isCloseTo(-1, offset(1e-3));
    }

    @Test
    void cmaesFindsTheRosenbrockMinimumWithinBounds() {
        MultivariateFunction rosen = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
        PointValuePair p = Optimisers.cmaes(rosen, new MultivariateFunction[0], 0, new double[] {-1, 2},
                new double[] {-2, -2}, new double[] {2, 3}, 20000, 3);
        assertThat(p.getPoint()[0]).isCloseTo(1, offset(1e-3));
        assertThat(p.getPoint()[1]).isCloseTo(1, offset(1e-3));
    }

    @Test
    void paretoKeepsTheNonDominatedRuns() {
        List<double[]> obj = List.of(new double[] {1, 5}, new double[] {2, 4}, new double[] {1, 4},
                new double[] {3, 1}, new double[] {Double.NaN, 9});
        // maximise the first, minimise the second
        assertThat(Pareto.front(obj, new boolean[] {true, false})).containsExactly(3);
        assertThat(Pareto.front(obj, new boolean[] {true, true})).containsExactly(0, 1, 3);
    }
}
