package org.ecmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sobol and Morris estimators against the Ishigami function (a = 7, b = 0.1), whose indices are known exactly. */
class SensitivityTest {

    private static final double[] S1 = {0.3139, 0.4424, 0.0};
    private static final double[] ST = {0.5576, 0.4424, 0.2437};

    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    private static double error(int n) {
        Sensitivity.Sobol[] s = sobol(n);
        double e = 0;
        for (int i = 0; i < 3; i++) {
            e = Math.max(e, Math.max(Math.abs(s[i].first() - S1[i]), Math.abs(s[i].total() - ST[i])));
        }
        return e;
    }

    private static Sensitivity.Sobol[] sobol(int n) {
        List<double[]> pts = Designs.saltelli(3, n);
        double[] y = pts.stream().mapToDouble(SensitivityTest::ishigami).toArray();
        return Sensitivity.sobol(y, 3, 200, 42);
    }

    @Test
    void sobolIndicesApproachIshigamiAndTheErrorShrinksWithN() {
        double coarse = error(256);
        double fine = error(8192);
        assertThat(fine).isLessThan(coarse).isLessThan(0.02);
        assertThat(coarse).isLessThan(0.2);
    }

    @Test
    void bootstrapIntervalsHoldTheEstimateAndTheHalfSampleIsClose() {
        Sensitivity.Sobol[] s = sobol(4096);
        for (int i = 0; i < 3; i++) {
            assertThat(s[i].first()).isBetween(s[i].firstLow() - 1e-12, s[i].firstHigh() + 1e-12);
            assertThat(s[i].total()).isBetween(s[i].totalLow() - 1e-12, s[i].totalHigh() + 1e-12);
            assertThat(s[i].convergence()).isLessThan(0.05);
            assertThat(ST[i]).isBetween(s[i].totalLow() - 0.02, s[i].totalHigh() + 0.02);
        }
    }

    @Test
    void morrisRanksX1AndX2AboveX3ByMuStar() {
        List<double[]> pts = Designs.morris(3, 50, 4, 7);
        double[] y = pts.stream().mapToDouble(SensitivityTest::ishigami).toArray();
        Sensitivity.Morris[] m = Sensitivity.morris(pts, y, 3);
        assertThat(m[0].muStar()).isGreaterThan(m[2].muStar());
        assertThat(m[1].muStar()).isGreaterThan(m[2].muStar());
        assertThat(m[0].effects()).isEqualTo(50);
    }

    @Test
    void morrisTrajectoriesChangeOneFactorPerStepByDelta() {
        List<double[]> pts = Designs.morris(4, 5, 4, 1);
        assertThat(pts).hasSize(25);
        for (int t = 0; t < 5; t++) {
            for (int s = 1; s <= 4; s++) {
                double[] a = pts.get(t * 5 + s - 1);
                double[] b = pts.get(t * 5 + s);
                int changed = 0;
                for (int i = 0; i < 4; i++) {
                    if (a[i] != b[i]) {
                        changed++;
                        assertThat(Math.abs(b[i] - a[i])).isCloseTo(2.0 / 3,
                                org.assertj.core.data.Offset.offset(1e-12));
                    }
                    assertThat(b[i]).isBetween(0.0, 1.0);
                }
                assertThat(changed).isEqualTo(1);
            }
        }
    }
}
