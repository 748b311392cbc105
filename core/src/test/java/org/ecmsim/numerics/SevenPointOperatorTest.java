package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.ecmsim.parallel.ParallelExecutor;

/** {@link SevenPointOperator}: the product against a dense matrix, symmetry, and the input checks. */
class SevenPointOperatorTest {

    /** Round-off bound for products of O(1) entries summed over at most 7 terms, relative to ‖A‖·‖u‖. */
    private static final double ROUND_OFF = 1e-14;

    /**
     * apply() equals the dense matrix assembled face by face from cell coordinates ({@link Operators#dense}), on a
     * 6×5×7 random operator with a conductance contrast of 10³ and d > 0 on a third of the cells.
     */
    @Test
    void applyMatchesIndependentlyAssembledDenseMatrix() {
        SevenPointOperator a = Operators.random(6, 5, 7, 11L, 1e3, 0.3);
        DMatrixRMaj dense = Operators.dense(a);
        double[] u = Operators.randomVector(a.cellCount(), 12L);
        double[] out = new double[u.length];
        a.apply(u, out, ParallelExecutor.serial());
        DMatrixRMaj expected = new DMatrixRMaj(u.length, 1);
        CommonOps_DDRM.mult(dense, DMatrixRMaj.wrap(u.length, 1, u), expected);
        double scale = CommonOps_DDRM.elementMaxAbs(dense) * Operators.norm(u);
        for (int c = 0; c < u.length; c++) {
            assertThat(Math.abs(out[c] - expected.get(c))).as("cell %d", c).isLessThanOrEqualTo(ROUND_OFF * scale);
        }
    }

    /** The dense assembly is symmetric, and uᵀ(Av) = vᵀ(Au) through apply() to round-off. */
    @Test
    void operatorIsSymmetric() {
        SevenPointOperator a = Operators.random(7, 4, 5, 21L, 1e6, 0.2);
        DMatrixRMaj dense = Operators.dense(a);
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(dense, null);
        assertThat(dense.getData()).containsExactly(transposed.getData());
        double[] u = Operators.randomVector(a.cellCount(), 22L);
        double[] v = Operators.randomVector(a.cellCount(), 23L);
        double[] au = new double[u.length];
        double[] av = new double[u.length];
        a.apply(u, au, ParallelExecutor.serial());
        a.apply(v, av, ParallelExecutor.serial());
        double uAv = Operators.dot(u, av);
        double vAu = Operators.dot(v, au);
        double scale = Operators.norm(u) * Operators.norm(av) + Operators.norm(v) * Operators.norm(au);
        assertThat(Math.abs(uAv - vAu)).isLessThanOrEqualTo(ROUND_OFF * scale);
    }

    /** apply() gives the same bits with 1, 2 and 3 threads (each cell is computed by one fixed expression). */
    @Test
    void applyIsIndependentOfThreadCount() {
        SevenPointOperator a = Operators.random(9, 8, 13, 31L, 1e3, 0.3);
        double[] u = Operators.randomVector(a.cellCount(), 32L);
        double[] serial = new double[u.length];
        a.apply(u, serial, ParallelExecutor.serial());
        for (int threads : new int[] {2, 3}) {
            try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                double[] out = new double[u.length];
                a.apply(u, out, executor);
                assertThat(out).as("%d threads", threads).containsExactly(serial);
            }
        }
    }

    @Test
    void validOperatorPassesValidation() {
        Operators.poisson(4, 3, 2).validate();
        Operators.random(1, 1, 5, 1L, 10, 0.5).validate();
    }

    @Test
    void negativeConductanceIsRejectedByName() {
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        a.cy()[5] = -0.5;
        assertThatThrownBy(a::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cy[5] = -0.5").hasMessageContaining("cell (1, 1, 0)")
                .hasMessageContaining("finite and ≥ 0");
    }

    @Test
    void nonFiniteConductanceIsRejected() {
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        a.cz()[2] = Double.NaN;
        assertThatThrownBy(a::validate).hasMessageContaining("cz[2] = NaN").hasMessageContaining("finite");
    }

    @Test
    void wrongArrayLengthIsRejectedByName() {
        double[] ok = new double[24];
        assertThatThrownBy(() -> new SevenPointOperator(4, 3, 2, ok, ok, new double[23], ok))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cz has length 23").hasMessageContaining("= 24");
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        assertThatThrownBy(() -> a.apply(new double[24], new double[25], ParallelExecutor.serial()))
                .hasMessageContaining("out has length 25");
    }

    @Test
    void nonZeroLastPlaneConductanceIsRejectedForEachAxis() {
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        a.cx()[3] = 1.0; // cell (3, 0, 0): i = nx − 1
        assertThatThrownBy(a::validate).hasMessageContaining("cx[3] = 1").hasMessageContaining("last x plane")
                .hasMessageContaining("i = 3").hasMessageContaining("must be 0");
        a.cx()[3] = 0.0;
        a.cy()[9] = 2.0; // cell (1, 2, 0): j = ny − 1
        assertThatThrownBy(a::validate).hasMessageContaining("cy[9] = 2").hasMessageContaining("last y plane");
        a.cy()[9] = 0.0;
        a.cz()[12] = 3.0; // cell (0, 0, 1): k = nz − 1
        assertThatThrownBy(a::validate).hasMessageContaining("cz[12] = 3").hasMessageContaining("last z plane");
    }

    @Test
    void allZeroDiagonalIsRejectedAsSingular() {
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        java.util.Arrays.fill(a.d(), 0.0);
        assertThatThrownBy(a::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d is 0 in every cell").hasMessageContaining("singular");
    }

    @Test
    void negativeDiagonalAndZeroRowAreRejected() {
        SevenPointOperator a = Operators.poisson(4, 3, 2);
        a.d()[7] = -1;
        assertThatThrownBy(a::validate).hasMessageContaining("d[7] = -1").hasMessageContaining("≥ 0");
        a.d()[7] = 0;
        // Cut cell (1, 1, 1) = index 17 off from all neighbours with d = 0: a zero row.
        a.cx()[16] = 0;
        a.cx()[17] = 0;
        a.cy()[13] = 0;
        a.cy()[17] = 0;
        a.cz()[5] = 0;
        a.d()[17] = 0;
        assertThatThrownBy(a::validate).hasMessageContaining("cell (1, 1, 1)").hasMessageContaining("row")
                .hasMessageContaining("singular");
    }

    @Test
    void applyRejectsAliasedArrays() {
        SevenPointOperator a = Operators.poisson(2, 2, 2);
        double[] u = new double[8];
        assertThatThrownBy(() -> a.apply(u, u, ParallelExecutor.serial())).hasMessageContaining("distinct");
    }
}
