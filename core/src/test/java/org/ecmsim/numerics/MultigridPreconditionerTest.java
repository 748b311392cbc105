package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecmsim.numerics.ConjugateGradient.Preconditioning;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.ecmsim.parallel.ParallelExecutor;

/** {@link MultigridPreconditioner}: the hierarchy, the coarse operators, and the V-cycle as an SPD operator. */
class MultigridPreconditionerTest {

    /** Round-off allowed in the symmetry of the assembled V-cycle matrix, relative to its largest entry. */
    private static final double SYMMETRY_ROUND_OFF = 1e-12;

    /** Coarse shapes are ⌈n/2⌉ per axis, an axis of one cell stays one cell, down to the coarsest-level limit. */
    @Test
    void coarsensEachAxisToHalfRoundedUp() {
        SevenPointOperator a = Operators.poisson(13, 1, 6);
        MultigridPreconditioner mg = new MultigridPreconditioner(a,
                MultigridPreconditioner.Settings.DEFAULT.withCoarsestMaxCells(2), ParallelExecutor.serial());
        int[][] expected = {{13, 1, 6}, {7, 1, 3}, {4, 1, 2}, {2, 1, 1}};
        assertThat(mg.levelCount()).isEqualTo(expected.length);
        for (int l = 0; l < expected.length; l++) {
            SevenPointOperator op = mg.levelOperator(l);
            assertThat(new int[] {op.nx(), op.ny(), op.nz()}).as("level %d", l).containsExactly(expected[l]);
            op.validate();
        }
        assertThat(mg.levelOperator(0)).isSameAs(a);
        assertThat(mg.coarsestIsDirect()).isTrue();
    }

    /**
     * For the homogeneous operator with conductance 1, the coarse interior face conductance is ½·(4 crossing fine
     * faces) = 2, the rediscretised value (face 4h², distance 2h: 2× the fine h²/h); the coarse d is the Galerkin
     * sum of the fine d: a coarse cell on one domain face has 4 fine cells with d = 2 there, so d = 8.
     */
    @Test
    void coarseOperatorOfHomogeneousLaplacianIsRediscretised() {
        MultigridPreconditioner mg = new MultigridPreconditioner(Operators.poisson(8, 8, 8),
                MultigridPreconditioner.Settings.DEFAULT.withCoarsestMaxCells(8), ParallelExecutor.serial());
        SevenPointOperator coarse = mg.levelOperator(1);
        assertThat(coarse.nx()).isEqualTo(4);
        int interior = 1 + 4 * (1 + 4 * 1);
        assertThat(coarse.cx()[interior]).isEqualTo(2.0);
        assertThat(coarse.cy()[interior]).isEqualTo(2.0);
        assertThat(coarse.cz()[interior]).isEqualTo(2.0);
        assertThat(coarse.d()[interior]).isZero();
        int onFaceX0 = 0 + 4 * (1 + 4 * 1);
        assertThat(coarse.d()[onFaceX0]).isEqualTo(8.0);
        SevenPointOperator coarser = mg.levelOperator(2);
        assertThat(coarser.cx()[0]).isEqualTo(4.0); // rediscretised again: 2 × 2
    }

    /**
     * Decoupled cells (all conductances 0) do not add their d to the coarse diagonal; an aggregate made only of
     * them gets d = 1 so that the coarse operator stays non-singular.
     */
    @Test
    void decoupledCellsAreLeftOutOfCoarseLevels() {
        SevenPointOperator a = Operators.poisson(4, 4, 4);
        // Decouple the 2×2×2 block at the origin (aggregate 0 on level 1) and cell (2, 0, 0) of aggregate 1.
        int[] cut = {0, 1, 4, 5, 16, 17, 20, 21, 2};
        for (int c : cut) {
            decouple(a, c);
            a.d()[c] = 1e3;
        }
        MultigridPreconditioner mg = new MultigridPreconditioner(a,
                MultigridPreconditioner.Settings.DEFAULT.withCoarsestMaxCells(8), ParallelExecutor.serial());
        SevenPointOperator coarse = mg.levelOperator(1);
        assertThat(coarse.d()[0]).isEqualTo(1.0);
        assertThat(coarse.cx()[0]).isZero();
        // Aggregate 1 = cells (2..3, 0..1, 0..1): without cell 2 its boundary d sum is that of the 7 others.
        double expected = 0;
        for (int c : new int[] {3, 6, 7, 18, 19, 22, 23}) {
            expected += a.d()[c];
        }
        assertThat(coarse.d()[1]).isEqualTo(expected);
    }

    private static void decouple(SevenPointOperator a, int c) {
        int nx = a.nx();
        int sz = nx * a.ny();
        a.cx()[c] = 0;
        a.cy()[c] = 0;
        a.cz()[c] = 0;
        if (c % nx > 0) {
            a.cx()[c - 1] = 0;
        }
        if ((c / nx) % a.ny() > 0) {
            a.cy()[c - nx] = 0;
        }
        if (c >= sz) {
            a.cz()[c - sz] = 0;
        }
    }

    /**
     * The V-cycle B (assembled column by column as B eⱼ) is symmetric and positive definite (its Cholesky
     * factorisation exists), as CG requires, on a random heterogeneous operator with decoupled cells, an odd shape
     * and four levels.
     */
    @Test
    void vCycleIsSymmetricPositiveDefinite() {
        SevenPointOperator a = Operators.random(7, 6, 5, 41L, 1e6, 0.1);
        for (int c = 0; c < a.cellCount(); c += 9) {
            decouple(a, c);
            a.d()[c] = 1.0;
        }
        MultigridPreconditioner mg = new MultigridPreconditioner(a,
                MultigridPreconditioner.Settings.DEFAULT.withSweeps(1).withCoarsestMaxCells(2),
                ParallelExecutor.serial());
        assertThat(mg.levelCount()).isEqualTo(4);
        int n = a.cellCount();
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            mg.apply(e, column);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                b.set(i, j, column[i]);
            }
        }
        double scale = CommonOps_DDRM.elementMaxAbs(b);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(Math.abs(b.get(i, j) - b.get(j, i))).as("(%d, %d)", i, j)
                        .isLessThanOrEqualTo(SYMMETRY_ROUND_OFF * scale);
            }
        }
        DMatrixRMaj symmetric = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(0.5, b, 0.5, CommonOps_DDRM.transpose(b, null), symmetric);
        assertThat(DecompositionFactory_DDRM.chol(n, true).decompose(symmetric)).as("Cholesky of B").isTrue();
    }

    /**
     * A semi-definite operator (two cells coupled only to each other, d = 0 on both) cannot be factored: the
     * coarsest level falls back to Gauss–Seidel, and CG still converges for a right-hand side that is consistent
     * (zero on the floating pair).
     */
    @Test
    void singularCoarsestLevelFallsBackToGaussSeidel() {
        SevenPointOperator a = Operators.poisson(4, 4, 4);
        decouple(a, 0);
        decouple(a, 1);
        a.cx()[0] = 1.0;
        a.d()[0] = 0;
        a.d()[1] = 0;
        a.validate();
        MultigridPreconditioner mg = new MultigridPreconditioner(a, ParallelExecutor.serial());
        assertThat(mg.levelCount()).isEqualTo(1);
        assertThat(mg.coarsestIsDirect()).isFalse();
        double[] b = Operators.randomVector(a.cellCount(), 42L);
        b[0] = 0;
        b[1] = 0;
        SolveResult result = new ConjugateGradient(4, 4, 4, Preconditioning.MULTIGRID, ParallelExecutor.serial())
                .solve(a, b, new double[b.length], 1e-10, 200);
        assertThat(result.converged()).as("%s", result).isTrue();
    }

    /** rebuild(other) accepts only an operator of the same shape, and validates it. */
    @Test
    void rebuildChecksShapeAndValidity() {
        MultigridPreconditioner mg = new MultigridPreconditioner(Operators.poisson(6, 6, 6), ParallelExecutor.serial());
        assertThatThrownBy(() -> mg.rebuild(Operators.poisson(6, 6, 5))).hasMessageContaining("6×6×6");
        SevenPointOperator bad = Operators.poisson(6, 6, 6);
        bad.d()[3] = Double.NaN;
        assertThatThrownBy(() -> mg.rebuild(bad)).hasMessageContaining("d[3] = NaN");
        assertThatThrownBy(() -> new MultigridPreconditioner.Settings(0, 100)).hasMessageContaining("sweeps = 0");
        assertThatThrownBy(() -> new MultigridPreconditioner.Settings(2, 0))
                .hasMessageContaining("coarsestMaxCells = 0");
    }
}
