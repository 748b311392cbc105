package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link BandedCholesky}, the coarsest-level solver of the multigrid: against EJML's dense LU solve of the same
 * operator (assembled independently, face by face, by {@link Operators#dense}), for the three bandwidths the flat
 * ordering gives (1 on a line, nx on a plane, nx·ny in 3-D), and its refusal of singular and indefinite operators.
 */
class BandedCholeskyTest {

    /**
     * Backward-stable Cholesky: ‖b − A x‖ ≤ c·n·ε·‖A‖·‖x‖ with c small. n ≤ 240, ε = 2.2e-16, so 1e-13 leaves a
     * factor of about 2 over n·ε; a wrong band entry gives residuals of order 1.
     */
    private static final double RESIDUAL_ROUND_OFF = 1e-13;
    /** Agreement with the dense solve: condition number (≤ 10⁴ for these operators) times round-off. */
    private static final double SOLUTION_AGREEMENT = 1e-10;

    /** Random SPD operators of several shapes (bandwidths 1, 7, 5·4, 6·6): banded solve = dense solve. */
    @Test
    void solvesLikeADenseSolveForEveryBandwidth() {
        int[][] shapes = {{40, 1, 1}, {7, 9, 1}, {5, 4, 6}, {6, 6, 6}, {1, 1, 1}, {1, 8, 3}};
        long seed = 1;
        for (int[] s : shapes) {
            for (double contrast : new double[] {1.0, 1e2}) {
                SevenPointOperator a = Operators.random(s[0], s[1], s[2], seed++, contrast, 0.3);
                BandedCholesky chol = new BandedCholesky(s[0], s[1], s[2]);
                assertThat(chol.factor(a)).isTrue();
                assertThat(chol.factored()).isTrue();
                double[] b = Operators.randomVector(a.cellCount(), seed++);
                double[] x = new double[b.length];
                chol.solve(b, x);

                DMatrixRMaj dense = Operators.dense(a);
                DMatrixRMaj expected = new DMatrixRMaj(b.length, 1);
                assertThat(CommonOps_DDRM.solve(dense, DMatrixRMaj.wrap(b.length, 1, b.clone()), expected)).isTrue();
                double difference = Operators.relativeDifference(x, expected.data);

                DMatrixRMaj ax = new DMatrixRMaj(b.length, 1);
                CommonOps_DDRM.mult(dense, DMatrixRMaj.wrap(x.length, 1, x), ax);
                double r = 0;
                for (int c = 0; c < b.length; c++) {
                    r += (b[c] - ax.data[c]) * (b[c] - ax.data[c]);
                }
                double residual = Math.sqrt(r) / (NormOps_DDRM.normF(dense) * Operators.norm(x));
                System.out.printf("banded Cholesky %d×%d×%d contrast %.0e: residual %.1e, vs dense %.1e%n", s[0],
                        s[1], s[2], contrast, residual, difference);
                assertThat(residual).as("%d×%d×%d", s[0], s[1], s[2]).isLessThan(RESIDUAL_ROUND_OFF);
                assertThat(difference).as("%d×%d×%d", s[0], s[1], s[2]).isLessThan(SOLUTION_AGREEMENT);
            }
        }
    }

    /** solve(b, b) overwrites b with the solution (documented: x may be b). */
    @Test
    void solvesInPlace() {
        SevenPointOperator a = Operators.random(4, 3, 5, 77L, 10, 0.5);
        BandedCholesky chol = new BandedCholesky(4, 3, 5);
        assertThat(chol.factor(a)).isTrue();
        double[] b = Operators.randomVector(a.cellCount(), 78L);
        double[] x = new double[b.length];
        chol.solve(b, x);
        chol.solve(b, b);
        assertThat(b).containsExactly(x);
    }

    /** A second factor() replaces the first (the multigrid refactors when the coefficients change). */
    @Test
    void refactoringReplacesTheFactor() {
        BandedCholesky chol = new BandedCholesky(5, 4, 3);
        SevenPointOperator first = Operators.random(5, 4, 3, 5L, 10, 0.3);
        SevenPointOperator second = Operators.random(5, 4, 3, 6L, 1e3, 0.1);
        assertThat(chol.factor(first)).isTrue();
        assertThat(chol.factor(second)).isTrue();
        double[] b = Operators.randomVector(second.cellCount(), 8L);
        double[] x = new double[b.length];
        chol.solve(b, x);
        DMatrixRMaj expected = new DMatrixRMaj(b.length, 1);
        CommonOps_DDRM.solve(Operators.dense(second), DMatrixRMaj.wrap(b.length, 1, b.clone()), expected);
        assertThat(Operators.relativeDifference(x, expected.data)).isLessThan(SOLUTION_AGREEMENT);
    }

    /**
     * The class claims factor() returns false when a pivot is zero or negative. Pure Neumann (d = 0 everywhere:
     * constants are in the null space) is singular; a negative diagonal term makes the operator indefinite. After
     * a refusal factored() is false, also when a successful factor came before.
     */
    @Test
    void singularAndIndefiniteOperatorsAreRefused() {
        SevenPointOperator singular = Operators.random(4, 4, 4, 9L, 10, 0.0);
        java.util.Arrays.fill(singular.d(), 0.0);
        BandedCholesky chol = new BandedCholesky(4, 4, 4);
        assertThat(chol.factor(Operators.random(4, 4, 4, 10L, 10, 0.3))).isTrue();
        assertThat(chol.factor(singular)).as("pure Neumann operator").isFalse();
        assertThat(chol.factored()).isFalse();

        SevenPointOperator indefinite = Operators.poisson(3, 3, 3);
        indefinite.d()[13] = -20; // centre cell: its Gershgorin disc lies left of 0, Aᵢᵢ = 6 − 20 < 0
        assertThat(chol.factor(Operators.random(4, 4, 4, 10L, 10, 0.3))).isTrue();
        BandedCholesky small = new BandedCholesky(3, 3, 3);
        assertThat(small.factor(indefinite)).as("negative diagonal entry").isFalse();
        assertThat(small.factored()).isFalse();

        // indefinite although every diagonal entry is positive: a Neumann line (null space: constants) with
        // d = −0.5 on its first cell, so A₀₀ = 1 − 0.5 > 0 but 1ᵀA1 = −0.5 < 0
        SevenPointOperator line = new SevenPointOperator(10, 1, 1);
        for (int c = 0; c < 9; c++) {
            line.cx()[c] = 1;
        }
        line.d()[0] = -0.5;
        DMatrixRMaj dense = Operators.dense(line);
        assertThat(DecompositionFactory_DDRM.chol(10, true).decompose(dense.copy()))
                .as("EJML also finds the test operator not SPD").isFalse();
        assertThat(new BandedCholesky(10, 1, 1).factor(line)).isFalse();
    }
}
