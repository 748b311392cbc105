package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.numerics.ConjugateGradient.Preconditioning;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * {@link ConjugateGradient} with each preconditioner: against dense direct solves and exact discrete solutions,
 * the reported residual, the edge cases of the contract, and results independent of the thread count.
 */
class ConjugateGradientTest {

    /** Solver tolerance for the accuracy tests: far below the checked error, so the check measures the solver. */
    private static final double TIGHT = 1e-12;
    /** Required agreement with a direct solve or an exact solution (relative, 2-norm). */
    private static final double SOLUTION_TOLERANCE = 1e-8;
    /** Round-off allowed between the reported and an independently recomputed relative residual. */
    private static final double RESIDUAL_ROUND_OFF = 1e-10;
    private static final int MAX_ITERATIONS = 2000;
    /** Coarsest-level limit for small test grids, so that even 3×3×3 gets a second level. */
    private static final MultigridPreconditioner.Settings DEEP =
            MultigridPreconditioner.Settings.DEFAULT.withCoarsestMaxCells(4);

    private static ConjugateGradient solver(SevenPointOperator a, Preconditioning p, ParallelExecutor executor) {
        return new ConjugateGradient(a.nx(), a.ny(), a.nz(), p, DEEP, executor);
    }

    static List<Arguments> shapesAndPreconditioners() {
        int[][] shapes = {{6, 5, 7}, {7, 7, 7}, {10, 9, 8}, {1, 1, 9}, {9, 1, 1}, {5, 8, 1}, {3, 1, 4}, {1, 1, 1}};
        List<Arguments> list = new ArrayList<>();
        long seed = 100;
        for (int[] s : shapes) {
            for (Preconditioning p : Preconditioning.values()) {
                list.add(Arguments.of(s[0], s[1], s[2], p, seed++));
            }
        }
        return list;
    }

    /**
     * CG agrees with EJML's dense Cholesky solve to {@link #SOLUTION_TOLERANCE} on random heterogeneous SPD
     * operators (conductance contrast 10², d &gt; 0 on ~30 % of the cells), including odd and degenerate shapes.
     */
    @ParameterizedTest(name = "{0}×{1}×{2} {3}")
    @MethodSource("shapesAndPreconditioners")
    void matchesDenseDirectSolve(int nx, int ny, int nz, Preconditioning p, long seed) {
        SevenPointOperator a = Operators.random(nx, ny, nz, seed, 1e2, 0.3);
        double[] b = Operators.randomVector(a.cellCount(), seed + 1000);
        int n = a.cellCount();
        LinearSolverDense<DMatrixRMaj> direct = LinearSolverFactory_DDRM.chol(n);
        assertThat(direct.setA(Operators.dense(a))).as("dense Cholesky").isTrue();
        DMatrixRMaj expected = new DMatrixRMaj(n, 1);
        direct.solve(DMatrixRMaj.wrap(n, 1, b.clone()), expected);

        double[] x = new double[n];
        SolveResult result = solver(a, p, ParallelExecutor.serial()).solve(a, b, x, TIGHT, MAX_ITERATIONS);
        assertThat(result.converged()).as("%s", result).isTrue();
        assertThat(Operators.relativeDifference(x, expected.getData())).isLessThan(SOLUTION_TOLERANCE);
    }

    /**
     * A known discrete solution in 3-D: with conductance 1 and d = 1 per domain face, A = T⊗I⊗I + I⊗T⊗I + I⊗I⊗T
     * with T = tridiag(−1, 2, −1), whose eigenvectors are products of sin(π m (i+1)/(n+1)) with eigenvalues
     * Σ 2 − 2cos(π m/(n+1)) (e.g. LeVeque, Finite Difference Methods, §2.10). For b an eigenvector, x = b/λ.
     */
    @ParameterizedTest
    @EnumSource(Preconditioning.class)
    void solvesEigenvectorRightHandSideExactly(Preconditioning p) {
        int nx = 17;
        int ny = 12;
        int nz = 20;
        int[] mode = {1, 2, 3};
        SevenPointOperator a = new SevenPointOperator(nx, ny, nz);
        double[] b = new double[a.cellCount()];
        double lambda = eigenvalue(mode[0], nx) + eigenvalue(mode[1], ny) + eigenvalue(mode[2], nz);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + nx * (j + ny * k);
                    a.cx()[c] = i < nx - 1 ? 1 : 0;
                    a.cy()[c] = j < ny - 1 ? 1 : 0;
                    a.cz()[c] = k < nz - 1 ? 1 : 0;
                    a.d()[c] = (i == 0 ? 1 : 0) + (i == nx - 1 ? 1 : 0) + (j == 0 ? 1 : 0) + (j == ny - 1 ? 1 : 0)
                            + (k == 0 ? 1 : 0) + (k == nz - 1 ? 1 : 0);
                    b[c] = sine(mode[0], i, nx) * sine(mode[1], j, ny) * sine(mode[2], k, nz);
                }
            }
        }
        double[] exact = new double[b.length];
        for (int c = 0; c < b.length; c++) {
            exact[c] = b[c] / lambda;
        }
        double[] x = new double[b.length];
        SolveResult result = solver(a, p, ParallelExecutor.serial()).solve(a, b, x, TIGHT, MAX_ITERATIONS);
        assertThat(result.converged()).isTrue();
        assertThat(Operators.relativeDifference(x, exact)).isLessThan(SOLUTION_TOLERANCE);
    }

    private static double eigenvalue(int m, int n) {
        return 2 - 2 * Math.cos(Math.PI * m / (n + 1));
    }

    private static double sine(int m, int i, int n) {
        return Math.sin(Math.PI * m * (i + 1) / (n + 1));
    }

    /**
     * A 1-D chain along z with random conductances and d: CG agrees with the Thomas algorithm
     * ({@link Tridiagonal}), an independent direct solver for the same tridiagonal matrix.
     */
    @ParameterizedTest
    @EnumSource(Preconditioning.class)
    void oneDimensionalChainMatchesThomasAlgorithm(Preconditioning p) {
        int n = 64;
        SevenPointOperator a = Operators.random(1, 1, n, 7L, 1e3, 0.1);
        double[] lower = new double[n];
        double[] diagonal = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            double left = k > 0 ? a.cz()[k - 1] : 0;
            lower[k] = -left;
            upper[k] = -a.cz()[k];
            diagonal[k] = a.d()[k] + left + a.cz()[k];
        }
        double[] b = Operators.randomVector(n, 8L);
        double[] expected = b.clone();
        Tridiagonal.solve(lower, diagonal, upper, expected, new double[n], n);
        double[] x = new double[n];
        assertThat(solver(a, p, ParallelExecutor.serial()).solve(a, b, x, TIGHT, MAX_ITERATIONS).converged()).isTrue();
        assertThat(Operators.relativeDifference(x, expected)).isLessThan(SOLUTION_TOLERANCE);
    }

    /** A manufactured solution u (smooth plus noise) on a random heterogeneous 3-D operator: solve A x = A u. */
    @ParameterizedTest
    @EnumSource(Preconditioning.class)
    void recoversManufacturedSolution(Preconditioning p) {
        SevenPointOperator a = Operators.random(19, 14, 11, 9L, 1e4, 0.05);
        double[] u = Operators.randomVector(a.cellCount(), 10L);
        for (int c = 0; c < u.length; c++) {
            u[c] += Math.sin(0.3 * c);
        }
        double[] b = new double[u.length];
        a.apply(u, b, ParallelExecutor.serial());
        double[] x = new double[u.length];
        assertThat(solver(a, p, ParallelExecutor.serial()).solve(a, b, x, 1e-13, 5000).converged()).isTrue();
        assertThat(Operators.relativeDifference(x, u)).isLessThan(SOLUTION_TOLERANCE);
    }

    /** The reported relative residual is ‖b − A x‖/‖b‖ of the returned x, recomputed here independently. */
    @ParameterizedTest
    @EnumSource(Preconditioning.class)
    void reportsTheTrueRelativeResidual(Preconditioning p) {
        SevenPointOperator a = Operators.random(8, 9, 10, 12L, 1e3, 0.2);
        double[] b = Operators.randomVector(a.cellCount(), 13L);
        double[] x = new double[b.length];
        SolveResult result = solver(a, p, ParallelExecutor.serial()).solve(a, b, x, 1e-6, MAX_ITERATIONS);
        double relative = trueRelativeResidual(a, b, x);
        assertThat(result.converged()).isTrue();
        assertThat(result.relativeResidual()).isLessThanOrEqualTo(1e-6)
                .isCloseTo(relative, org.assertj.core.api.Assertions.within(RESIDUAL_ROUND_OFF));
    }

    private static double trueRelativeResidual(SevenPointOperator a, double[] b, double[] x) {
        double[] ax = new double[x.length];
        a.apply(x, ax, ParallelExecutor.serial());
        double[] r = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            r[c] = b[c] - ax[c];
        }
        return Operators.norm(r) / Operators.norm(b);
    }

    /** b = 0: the solution is x = 0, reached without iterating, whatever the initial guess. */
    @Test
    void zeroRightHandSideGivesZero() {
        SevenPointOperator a = Operators.poisson(4, 5, 6);
        double[] x = Operators.randomVector(a.cellCount(), 1L);
        SolveResult result = solver(a, Preconditioning.MULTIGRID, ParallelExecutor.serial())
                .solve(a, new double[x.length], x, 1e-8, 10);
        assertThat(result).isEqualTo(new SolveResult(0, 0.0, true));
        assertThat(x).containsOnly(0.0);
    }

    /** An initial guess that already meets the tolerance is returned unchanged after 0 iterations. */
    @Test
    void exactInitialGuessNeedsNoIteration() {
        SevenPointOperator a = Operators.poisson(6, 5, 4);
        double[] u = Operators.randomVector(a.cellCount(), 2L);
        double[] b = new double[u.length];
        a.apply(u, b, ParallelExecutor.serial());
        double[] x = u.clone();
        SolveResult result = solver(a, Preconditioning.JACOBI, ParallelExecutor.serial()).solve(a, b, x, 1e-8, 10);
        assertThat(result.iterations()).isZero();
        assertThat(result.converged()).isTrue();
        assertThat(x).containsExactly(u);
    }

    /** Hitting maxIterations returns converged = false with the true residual of the last iterate. */
    @Test
    void reportsNonConvergence() {
        SevenPointOperator a = Operators.poisson(16, 16, 16);
        double[] b = Operators.randomVector(a.cellCount(), 3L);
        double[] x = new double[b.length];
        SolveResult result = solver(a, Preconditioning.NONE, ParallelExecutor.serial()).solve(a, b, x, 1e-8, 3);
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.relativeResidual()).isGreaterThan(1e-8)
                .isCloseTo(trueRelativeResidual(a, b, x), org.assertj.core.api.Assertions.within(RESIDUAL_ROUND_OFF));
    }

    /**
     * Conductances of 10³⁰⁷ are finite and valid, but pᵀAp overflows in the first iteration: an
     * IllegalStateException names the iteration instead of NaNs spreading into x.
     */
    @Test
    void overflowIsReportedWithTheIteration() {
        SevenPointOperator a = Operators.poisson(5, 5, 5);
        for (double[] c : new double[][] {a.cx(), a.cy(), a.cz()}) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= 1e307;
            }
        }
        double[] b = Operators.randomVector(a.cellCount(), 4L);
        assertThatThrownBy(() -> solver(a, Preconditioning.NONE, ParallelExecutor.serial())
                .solve(a, b, new double[b.length], 1e-8, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iteration 1");
    }

    @Test
    void invalidArgumentsAreRejectedByName() {
        SevenPointOperator a = Operators.poisson(3, 4, 5);
        ConjugateGradient cg = solver(a, Preconditioning.JACOBI, ParallelExecutor.serial());
        double[] b = new double[a.cellCount()];
        double[] x = new double[a.cellCount()];
        assertThatThrownBy(() -> cg.solve(a, b, x, 0.0, 10)).hasMessageContaining("relativeTolerance = 0.0");
        assertThatThrownBy(() -> cg.solve(a, b, x, Double.NaN, 10)).hasMessageContaining("relativeTolerance = NaN");
        assertThatThrownBy(() -> cg.solve(a, b, x, 1.5, 10)).hasMessageContaining("< 1");
        assertThatThrownBy(() -> cg.solve(a, b, x, 1e-8, -1)).hasMessageContaining("maxIterations = -1");
        assertThatThrownBy(() -> cg.solve(a, new double[7], x, 1e-8, 10)).hasMessageContaining("b has length 7");
        assertThatThrownBy(() -> cg.solve(a, b, b, 1e-8, 10)).hasMessageContaining("distinct");
        double[] bad = new double[a.cellCount()];
        bad[5] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> cg.solve(a, bad, x, 1e-8, 10)).hasMessageContaining("b[5] = Infinity");
        SevenPointOperator other = Operators.poisson(3, 5, 4);
        assertThatThrownBy(() -> cg.solve(other, b, x, 1e-8, 10)).hasMessageContaining("3×4×5");
        a.cx()[0] = -1;
        assertThatThrownBy(() -> cg.solve(a, b, x, 1e-8, 10)).hasMessageContaining("cx[0] = -1");
        assertThatThrownBy(() -> new ConjugateGradient(0, 4, 5, Preconditioning.NONE, ParallelExecutor.serial()))
                .hasMessageContaining("nx = 0");
    }

    /**
     * Solutions and results are bitwise identical with 1, 2 and 3 threads, for every preconditioner: dot products
     * are summed per z plane and then in plane order. The grid is large enough (21 504 cells) for the multigrid
     * fine level to run in parallel too.
     */
    @ParameterizedTest
    @EnumSource(Preconditioning.class)
    void bitwiseIdenticalForAnyThreadCount(Preconditioning p) {
        SevenPointOperator a = Operators.random(24, 28, 32, 14L, 1e2, 0.1);
        assertThat(a.cellCount()).isGreaterThanOrEqualTo(MultigridPreconditioner.PARALLEL_MIN_CELLS);
        double[] b = Operators.randomVector(a.cellCount(), 15L);
        double[] serial = new double[b.length];
        SolveResult reference = solver(a, p, ParallelExecutor.serial()).solve(a, b, serial, 1e-10, MAX_ITERATIONS);
        assertThat(reference.converged()).isTrue();
        for (int threads : new int[] {2, 3}) {
            try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                double[] x = new double[b.length];
                SolveResult result = solver(a, p, executor).solve(a, b, x, 1e-10, MAX_ITERATIONS);
                assertThat(result).as("%d threads", threads).isEqualTo(reference);
                assertThat(x).as("%d threads", threads).containsExactly(serial);
            }
        }
    }

    /**
     * After the coefficients change in place and {@link ConjugateGradient#coefficientsChanged()} is called, a
     * reused solver gives bitwise the same result as a fresh one (the multigrid hierarchy was rebuilt).
     */
    @Test
    void coefficientsChangedRebuildsTheMultigridHierarchy() {
        SevenPointOperator a = Operators.random(20, 18, 16, 16L, 1e2, 0.1);
        double[] b = Operators.randomVector(a.cellCount(), 17L);
        ConjugateGradient reused = new ConjugateGradient(20, 18, 16, Preconditioning.MULTIGRID,
                ParallelExecutor.serial());
        assertThat(reused.solve(a, b, new double[b.length], 1e-10, 100).converged()).isTrue();
        // A jump of 10³ across the mid plane (isotropic: point smoothers do not handle strong anisotropy well).
        for (int c = 0; c < a.cellCount() / 2; c++) {
            a.cx()[c] *= 1e3;
            a.cy()[c] *= 1e3;
            a.cz()[c] *= 1e3;
        }
        reused.coefficientsChanged();
        double[] x = new double[b.length];
        SolveResult after = reused.solve(a, b, x, 1e-10, 100);
        ConjugateGradient fresh = new ConjugateGradient(20, 18, 16, Preconditioning.MULTIGRID,
                ParallelExecutor.serial());
        double[] expected = new double[b.length];
        assertThat(after).isEqualTo(fresh.solve(a, b, expected, 1e-10, 100));
        assertThat(after.converged()).isTrue();
        assertThat(x).containsExactly(expected);
    }
}
