package org.ecmsim.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntToDoubleFunction;
import org.ecmsim.parallel.ParallelExecutor;
import org.junit.jupiter.api.Test;

/**
 * The three textbook problems of docs/validation.md (line source, steady and instantaneous point sources in perfused
 * tissue), each set up through the public API, converge to their exact solutions at second order: on three grids
 * halving the cell size, the observed order log₂(e(h)/e(h/2)) of the error at the probes lies in [1.8, 2.2].
 */
class TextbookProblemsTest {

    private static double[] orders(int[] cells, IntToDoubleFunction error, String name) {
        double[] e = new double[cells.length];
        for (int g = 0; g < cells.length; g++) {
            e[g] = error.applyAsDouble(cells[g]);
        }
        double[] p = new double[cells.length - 1];
        for (int g = 0; g < p.length; g++) {
            p[g] = Math.log(e[g] / e[g + 1]) / Math.log((double) cells[g + 1] / cells[g]);
        }
        System.out.printf("%s: errors %s, orders %s%n", name, java.util.Arrays.toString(e),
                java.util.Arrays.toString(p));
        return p;
    }

    @Test
    void exponentialIntegralMatchesTabulatedValues() {
        // Abramowitz & Stegun, Table 5.1: E1(0.5) = 0.5597735948, E1(1) = 0.2193839344, E1(2) = 0.0489005107.
        assertThat(ExponentialIntegral.e1(0.5)).isCloseTo(0.5597735948, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(ExponentialIntegral.e1(1.0)).isCloseTo(0.2193839344, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(ExponentialIntegral.e1(2.0)).isCloseTo(0.0489005107, org.assertj.core.api.Assertions.within(1e-10));
    }

    @Test
    void lineSourceInUnperfusedMediumConvergesAtSecondOrder() {
        ParallelExecutor ex = ParallelExecutor.defaultExecutor();
        double[] p = orders(LineSourceInUnperfusedMedium.GRIDS, n -> LineSourceInUnperfusedMedium.error(n, ex), "line source");
        for (double o : p) {
            assertThat(o).isBetween(1.8, 2.2);
        }
    }

    @Test
    void steadyPointSourceInPerfusedTissueConvergesAtSecondOrder() {
        ParallelExecutor ex = ParallelExecutor.defaultExecutor();
        double[] p = orders(SteadyPointSourceInPerfusedTissue.GRIDS, n -> SteadyPointSourceInPerfusedTissue.error(n, ex),
                "steady point source");
        for (double o : p) {
            assertThat(o).isBetween(1.8, 2.2);
        }
    }

    @Test
    void instantPointSourceInPerfusedTissueConvergesAtSecondOrder() {
        ParallelExecutor ex = ParallelExecutor.defaultExecutor();
        double[] p = orders(InstantPointSourceInPerfusedTissue.GRIDS, n -> InstantPointSourceInPerfusedTissue.error(n, ex),
                "instantaneous point source");
        for (double o : p) {
            assertThat(o).isBetween(1.8, 2.2);
        }
    }
}
