package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.ecmsim.numerics.ConjugateGradient.Preconditioning;
import org.junit.jupiter.api.Test;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * How well multigrid preconditions CG: iteration counts to a relative residual of 10⁻⁸ that stay nearly flat as
 * the grid is refined, far below those of plain CG, also with high-contrast coefficients and eliminated cells.
 * Counts are deterministic (fixed seeds, results independent of threads); times are printed for information only.
 */
class MultigridEffectivenessTest {

    private static final double TOLERANCE = 1e-8;
    private static final int MAX_ITERATIONS = 5000;
    /** Growth of the MG-PCG count allowed from 16³ to 64³ (the ideal, a size-independent count, is 1). */
    private static final double MAX_GROWTH = 1.5;
    /** MG-PCG at 64³ must need at most this fraction of plain CG's iterations. */
    private static final double MAX_FRACTION_OF_PLAIN = 0.2;
    /** Bound on the MG-PCG count for the high-contrast problem (measured: 5 and 11 at 64³ with default settings). */
    private static final int HETEROGENEOUS_MAX_ITERATIONS = 25;

    /**
     * Homogeneous operator (conductance 1, d = 2 per domain face, see {@link Operators#poisson}) at 16³, 32³, 64³
     * with a random right-hand side.
     */
    @Test
    void iterationCountsStayFlatUnderRefinement() {
        int[] sizes = {16, 32, 64};
        warmUp();
        Map<Preconditioning, int[]> counts = new EnumMap<>(Preconditioning.class);
        System.out.println("Homogeneous 7-point operator, CG iterations to ‖r‖/‖b‖ ≤ 1e-8 (time, 1 thread):");
        System.out.printf("%8s %18s %18s %18s%n", "size", "NONE", "JACOBI", "MULTIGRID");
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            SevenPointOperator a = Operators.poisson(n, n, n);
            double[] b = Operators.randomVector(a.cellCount(), 50L + n);
            StringBuilder line = new StringBuilder(String.format("%8s", n + "³"));
            for (Preconditioning p : Preconditioning.values()) {
                ConjugateGradient cg = new ConjugateGradient(n, n, n, p, ParallelExecutor.serial());
                double[] x = new double[b.length];
                long start = System.nanoTime();
                SolveResult result = cg.solve(a, b, x, TOLERANCE, MAX_ITERATIONS);
                double ms = (System.nanoTime() - start) / 1e6;
                assertThat(result.converged()).as("%d³ %s: %s", n, p, result).isTrue();
                counts.computeIfAbsent(p, k -> new int[sizes.length])[s] = result.iterations();
                line.append(String.format(" %8d (%6.0f ms)", result.iterations(), ms));
            }
            System.out.println(line);
        }
        int[] mg = counts.get(Preconditioning.MULTIGRID);
        assertThat((double) mg[2]).isLessThanOrEqualTo(MAX_GROWTH * mg[0]);
        assertThat((double) mg[2]).isLessThanOrEqualTo(MAX_FRACTION_OF_PLAIN * counts.get(Preconditioning.NONE)[2]);
    }

    /** One small solve per preconditioner, so that the printed times do not include compiling the kernels. */
    private static void warmUp() {
        SevenPointOperator a = Operators.poisson(16, 16, 16);
        double[] b = Operators.randomVector(a.cellCount(), 1L);
        for (Preconditioning p : Preconditioning.values()) {
            new ConjugateGradient(16, 16, 16, p, ParallelExecutor.serial()).solve(a, b, new double[b.length], 1e-4, 50);
        }
    }

    /**
     * The high-contrast problem of {@link Problems#fixedColumns}: a block and sheaths with σ 2·10⁵ times
     * below the background, and two columns of eliminated cells (d = 1 while conductances are ~10⁻⁵). Solved for
     * the right-hand side of the fixed values (dominated by the eliminated rows) and for random sources in the free
     * cells (dominated by the free cells, so the residual criterion bites on the hard part of the problem).
     */
    @Test
    void convergesWithHighContrastAndEliminatedCells() {
        int n = 64;
        Problems.LinearSystem system = Problems.fixedColumns(n);
        SevenPointOperator a = system.operator();
        double[] sources = Operators.randomVector(a.cellCount(), 60L);
        for (int c = 0; c < sources.length; c++) {
            sources[c] = a.offDiagonalSum(c) == 0 ? 0 : 1e-5 * sources[c];
        }
        ConjugateGradient mg = new ConjugateGradient(n, n, n, Preconditioning.MULTIGRID, ParallelExecutor.serial());
        ConjugateGradient jacobi = new ConjugateGradient(n, n, n, Preconditioning.JACOBI, ParallelExecutor.serial());
        System.out.println("64³ high-contrast problem with eliminated cells, iterations to 1e-8 (time, 1 thread):");
        for (double[] b : new double[][] {system.rhs(), sources}) {
            String name = b == sources ? "random sources" : "fixed values";
            long start = System.nanoTime();
            double[] x = new double[b.length];
            SolveResult withMg = mg.solve(a, b, x, TOLERANCE, MAX_ITERATIONS);
            double msMg = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            SolveResult withJacobi = jacobi.solve(a, b, new double[b.length], TOLERANCE, MAX_ITERATIONS);
            double msJacobi = (System.nanoTime() - start) / 1e6;
            System.out.printf("  %-15s MULTIGRID %4d (%5.0f ms)   JACOBI %5d (%5.0f ms)%n", name,
                    withMg.iterations(), msMg, withJacobi.iterations(), msJacobi);
            assertThat(withMg.converged()).as("%s", withMg).isTrue();
            assertThat(withMg.iterations()).isLessThanOrEqualTo(HETEROGENEOUS_MAX_ITERATIONS);
            assertThat(withJacobi.converged()).isTrue();
        }
    }
}
