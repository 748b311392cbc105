package org.ecmsim.mechanics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

class ShrinkageRecorderTest {

    private static final ShrinkageKinetics K = ShrinkageKinetics.CHEN_1998_TENDON;

    @Test
    void isothermalHeatingAtTheReferenceTemperatureGivesItsOwnTime() {
        Grid3D g = Grid3D.uniform(2, 2, 2, 1e-4);
        ShrinkageRecorder r = new ShrinkageRecorder(g, K, 0.0, ParallelExecutor.serial());
        double[] t = new double[g.cellCount()];
        Arrays.fill(t, K.referenceTemperature());
        for (int s = 0; s < 60; s++) {
            r.accumulate(1.0, t, t);
        }
        assertThat(r.equivalentTime()[3]).isCloseTo(60.0, within(1e-9));
        assertThat(r.shrinkage(3, 0)).isCloseTo(K.shrinkage(K.referenceTime()), within(1e-15));
        assertThat(K.shrinkage(0)).isEqualTo(0.0);
        assertThat(K.shrinkage(1e9)).isCloseTo(K.maxShrinkage(), within(1e-9));
    }

    @Test
    void timeTemperatureEquivalenceFollowsTheArrheniusShift() {
        // 10 °C hotter: the same shrinkage in τ(T+10)/τ(T) of the time.
        double t1 = Units.celsiusToKelvin(70);
        double t2 = Units.celsiusToKelvin(80);
        double ratio = K.characteristicTime(t1) / K.characteristicTime(t2);
        assertThat(ratio).isCloseTo(Math.exp(K.activationEnergy() / ShrinkageKinetics.GAS_CONSTANT
                * (1 / t1 - 1 / t2)), within(1e-9 * ratio));
        // A linear ramp is integrated to second order: halving dt changes the result by ~1/4 as much.
        double[] e = new double[3];
        int[] steps = {10, 20, 40};
        for (int m = 0; m < 3; m++) {
            Grid3D g = Grid3D.uniform(1, 1, 1, 1e-4);
            ShrinkageRecorder r = new ShrinkageRecorder(g, K, 0.0, ParallelExecutor.serial());
            double[] a = new double[1];
            double[] b = new double[1];
            for (int s = 0; s < steps[m]; s++) {
                a[0] = Units.celsiusToKelvin(60 + 30.0 * s / steps[m]);
                b[0] = Units.celsiusToKelvin(60 + 30.0 * (s + 1) / steps[m]);
                r.accumulate(10.0 / steps[m], a, b);
            }
            e[m] = r.equivalentTime()[0];
        }
        double order = Math.log(Math.abs(e[0] - e[1]) / Math.abs(e[1] - e[2])) / Math.log(2);
        System.out.printf("ramp 60→90 °C in 10 s: t_eq = %.6f s, observed order %.2f%n", e[2], order);
        assertThat(order).isBetween(1.8, 2.2);
    }

    @Test
    void recoveryAndEigenstrain() {
        Grid3D g = Grid3D.uniform(2, 1, 1, 1e-4);
        ShrinkageRecorder r = new ShrinkageRecorder(g, K, 0.0, ParallelExecutor.serial());
        double[] t = {K.referenceTemperature(), Units.celsiusToKelvin(37)};
        r.accumulate(120.0, t, t);
        double s0 = r.shrinkage(0, 0);
        assertThat(s0).isGreaterThan(0.3);
        assertThat(r.shrinkage(1, 0)).isLessThan(1e-9);
        assertThat(r.shrinkage(0, 1e9)).isCloseTo(s0 * (1 - K.recoverableFraction()), within(1e-12));
        double[] ex = new double[2];
        double[] ey = new double[2];
        double[] ez = new double[2];
        r.eigenstrain(new double[] {1, 1}, 0, ShrinkageRecorder.ShrinkageMode.IN_PLANE, ex, ey, ez);
        assertThat(ex[0]).isEqualTo(-s0);
        assertThat(ez[0]).isEqualTo(0.0);
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        Grid3D g = Grid3D.uniform(5, 4, 7, 1e-4);
        double[] a = new double[g.cellCount()];
        double[] b = new double[g.cellCount()];
        for (int c = 0; c < a.length; c++) {
            a[c] = Units.celsiusToKelvin(40 + (c * 37) % 50);
            b[c] = Units.celsiusToKelvin(45 + (c * 13) % 45);
        }
        ShrinkageRecorder one = new ShrinkageRecorder(g, K, ShrinkageRecorder.DEFAULT_FLOOR_TEMPERATURE,
                ParallelExecutor.serial());
        try (ParallelExecutor three = new ParallelExecutor(3)) {
            ShrinkageRecorder many = new ShrinkageRecorder(g, K, ShrinkageRecorder.DEFAULT_FLOOR_TEMPERATURE, three);
            for (int s = 0; s < 5; s++) {
                one.accumulate(0.01, a, b);
                many.accumulate(0.01, a, b);
            }
            assertThat(many.equivalentTime()).containsExactly(one.equivalentTime());
        }
    }
}
