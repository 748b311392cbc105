package org.ecmsim.damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ecmsim.units.Units.celsiusToKelvin;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.junit.jupiter.api.Test;

/** The per-cell accumulation of Ω, CEM43, peak temperature and time above thresholds. */
class ThermalDoseRecorderTest {

    /** Isothermal Ω and CEM43 are exact up to the roundoff of summing N steps. */
    private static final double ISOTHERMAL_TOLERANCE = 1e-12;
    /** Relative accuracy asked of the Gauss–Legendre reference integrals. */
    private static final double REFERENCE_ACCURACY = 1e-13;
    /** A second-order rule's error ratio when the step halves is 4; allow ±5 %. */
    private static final double ORDER_RATIO_TOLERANCE = 0.2;
    /** The same with a rate discontinuity at a different fraction of a step at each refinement: ±15 %. */
    private static final double SPLIT_ORDER_RATIO_TOLERANCE = 0.6;
    /** Ramp 50 → 70 °C in 1000 steps: log-mean relative error (measured 1.26e-7, see the test). */
    private static final double RAMP_1000_STEPS_TOLERANCE = 2e-7;
    /** Ramp 50 → 70 °C in 10 steps: log-mean relative error (measured 1.23e-3). */
    private static final double RAMP_10_STEPS_TOLERANCE = 2e-3;
    /** Weaver–Stoll ramp 44 → 55 °C in one step across the switch (measured 4.9e-3). */
    private static final double WEAVER_STOLL_ONE_STEP_TOLERANCE = 1e-2;

    private static final Grid3D ONE_CELL = Grid3D.uniform(1, 1, 1, 1e-4);

    /** Ω = k(T)·t and CEM43 = R^(43 − T)·t/60 at constant T, T above and below 43 °C; time above = t or 0. */
    @Test
    void isothermalExposureIsExact() {
        for (double celsius : new double[] {41.5, 43.0, 47.0, 60.0}) {
            double t = celsiusToKelvin(celsius);
            ThermalDoseRecorder rec = ThermalDoseRecorder.builder(ONE_CELL)
                    .process(ArrheniusProcess.HENRIQUES_SKIN)
                    .threshold(celsiusToKelvin(45.0))
                    .threshold(t)
                    .build();
            double[] temp = {t};
            int steps = 250;
            double dt = 0.004;
            for (int i = 0; i < steps; i++) {
                rec.accumulate(dt, temp, temp);
            }
            double time = steps * dt;
            double omega = ArrheniusProcess.HENRIQUES_SKIN.rate(t) * time;
            double cem = Math.pow(celsius >= 43 ? 0.5 : 0.25, 43.0 - celsius) * time / 60.0;
            assertThat(rec.omega(0).values()[0]).as("Ω at %s °C", celsius)
                    .isCloseTo(omega, within(omega * ISOTHERMAL_TOLERANCE));
            assertThat(rec.cem43().values()[0]).as("CEM43 at %s °C", celsius)
                    .isCloseTo(cem, within(cem * ISOTHERMAL_TOLERANCE));
            assertThat(rec.timeAbove(0).values()[0]).isEqualTo(celsius >= 45 ? rec.elapsedTime() : 0.0);
            assertThat(rec.timeAbove(1).values()[0]).as("time at exactly the threshold counts")
                    .isEqualTo(rec.elapsedTime());
            assertThat(rec.elapsedTime()).isCloseTo(time, within(time * ISOTHERMAL_TOLERANCE));
            assertThat(rec.stepCount()).isEqualTo(steps);
            assertThat(rec.peakTemperature().values()[0]).isEqualTo(t);
        }
    }

    /**
     * T rising linearly 50 → 70 °C over 1 s, Henriques process, against ∫₀¹ k(T(t)) dt by Gauss–Legendre. The
     * log-mean rule is second order: the error falls by ≈ 4 each time the step halves. Measured: Ω_ref = 61.14;
     * relative errors 1.23e-3 (10 steps), 3.14e-4, 7.88e-5, 1.97e-5 (80 steps); ratios 3.92, 3.98, 3.99; 1.26e-7
     * at 1000 steps. The trapezoid rule with 10 steps is off by 1.35e-1 (110 times more).
     */
    @Test
    void linearRampConvergesAtSecondOrder() {
        ArrheniusProcess h = ArrheniusProcess.HENRIQUES_SKIN;
        double t0 = celsiusToKelvin(50.0);
        double t1 = celsiusToKelvin(70.0);
        double duration = 1.0;
        double reference = referenceOmega(h, t0, t1, duration);

        int[] stepCounts = {10, 20, 40, 80};
        double[] errors = new double[stepCounts.length];
        for (int s = 0; s < stepCounts.length; s++) {
            errors[s] = Math.abs(rampOmega(h, t0, t1, duration, stepCounts[s]) / reference - 1);
        }
        for (int s = 1; s < errors.length; s++) {
            assertThat(errors[s - 1] / errors[s]).as("error ratio %d → %d steps", stepCounts[s - 1], stepCounts[s])
                    .isCloseTo(4.0, within(ORDER_RATIO_TOLERANCE));
        }
        assertThat(errors[0]).isLessThan(RAMP_10_STEPS_TOLERANCE);
        assertThat(Math.abs(rampOmega(h, t0, t1, duration, 1000) / reference - 1))
                .isLessThan(RAMP_1000_STEPS_TOLERANCE);

        // The trapezoid rule on the same 10 steps, for comparison: much worse on this transient.
        double trapezoid = 0;
        for (int i = 0; i < 10; i++) {
            double ta = t0 + (t1 - t0) * i / 10;
            double tb = t0 + (t1 - t0) * (i + 1) / 10;
            trapezoid += 0.5 * (h.rate(ta) + h.rate(tb)) * duration / 10;
        }
        assertThat(Math.abs(trapezoid / reference - 1)).isGreaterThan(50 * errors[0]);
    }

    /** The recorder's CEM43 over a step that crosses 43 °C equals the reference integral (the split is exact). */
    @Test
    void cem43CrossingWithinAStep() {
        ThermalDoseRecorder rec = new ThermalDoseRecorder(ONE_CELL, List.of());
        double t0 = celsiusToKelvin(41.0);
        double t1 = celsiusToKelvin(47.0);
        rec.accumulate(30.0, new double[] {t0}, new double[] {t1});
        rec.accumulate(30.0, new double[] {t1}, new double[] {t0});
        double reference = 2 * Cem43Test.referenceRamp(t0, t1, 30.0);
        assertThat(rec.cem43().values()[0]).isCloseTo(reference, within(reference * 1e-11));
    }

    /**
     * Weaver–Stoll (rate jumps by 16 % at 50 °C) on a ramp 44 → 55 °C over 10 s that crosses the switch inside a
     * step, against the reference integral of the discontinuous rate. One step: error 4.9e-3 (measured), where a
     * log-mean between the lower regime at 44 °C and the upper at 55 °C without the split would be off by about 40 %.
     * Refined: 2, 4, 8, 16 steps give 4.6e-3, 1.3e-3, 3.5e-4, 9.3e-5 (ratios 3.45, 3.77, 3.79: second order; the
     * ratio is not exactly 4 because the switch sits at a different fraction of its step at each refinement).
     */
    @Test
    void weaverStollRampAcrossTheSwitch() {
        ArrheniusProcess ws = ArrheniusProcess.WEAVER_STOLL_SKIN;
        double t0 = celsiusToKelvin(44.0);
        double t1 = celsiusToKelvin(55.0);
        double duration = 10.0;
        double reference = referenceOmega(ws, t0, t1, duration);
        double oneStep = rampOmega(ws, t0, t1, duration, 1);
        assertThat(Math.abs(oneStep / reference - 1)).isLessThan(WEAVER_STOLL_ONE_STEP_TOLERANCE);
        assertThat(ws.omegaOfLinearRamp(t0, t1, duration)).isEqualTo(oneStep);

        double unsplit = Quadrature.expOfLinear(duration, ws.regimes().get(0).lnRate(t0),
                ws.regimes().get(1).lnRate(t1));
        assertThat(Math.abs(unsplit / reference - 1)).isGreaterThan(0.3);

        int[] stepCounts = {4, 8, 16};
        double[] errors = new double[stepCounts.length];
        for (int s = 0; s < stepCounts.length; s++) {
            errors[s] = Math.abs(rampOmega(ws, t0, t1, duration, stepCounts[s]) / reference - 1);
        }
        for (int s = 1; s < errors.length; s++) {
            assertThat(errors[s - 1] / errors[s]).as("error ratio %d → %d steps", stepCounts[s - 1], stepCounts[s])
                    .isCloseTo(4.0, within(SPLIT_ORDER_RATIO_TOLERANCE));
        }
    }

    /** Several processes at once: each Ω is its own k·t; damaged fraction is 1 − e^(−Ω). */
    @Test
    void recordsSeveralProcessesAtOnce() {
        List<ArrheniusProcess> all = List.of(ArrheniusProcess.HENRIQUES_SKIN, ArrheniusProcess.WEAVER_STOLL_SKIN,
                ArrheniusProcess.MAITLAND_WALSH_COLLAGEN, ArrheniusProcess.PEARCE_SKIN_COLLAGEN, ArrheniusProcess.FAT);
        Grid3D grid = Grid3D.uniform(2, 1, 1, 1e-4);
        ThermalDoseRecorder rec = ThermalDoseRecorder.builder(grid).processes(all).build();
        double[] temp = {celsiusToKelvin(58.0), celsiusToKelvin(45.0)};
        for (int i = 0; i < 20; i++) {
            rec.accumulate(0.05, temp, temp);
        }
        for (int p = 0; p < all.size(); p++) {
            for (int n = 0; n < 2; n++) {
                double omega = all.get(p).rate(temp[n]) * 1.0;
                assertThat(rec.omega(p).values()[n]).as("%s cell %d", all.get(p).name(), n)
                        .isCloseTo(omega, within(omega * ISOTHERMAL_TOLERANCE));
                assertThat(rec.damagedFraction(all.get(p)).values()[n])
                        .isCloseTo(1 - Math.exp(-omega), within(1e-15 + 1e-12 * omega));
            }
            assertThat(rec.omega(all.get(p))).isSameAs(rec.omega(p));
        }
        assertThatThrownBy(() -> rec.omega(ArrheniusProcess.FAT.withName("other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not recorded");
        assertThatThrownBy(() -> rec.omega(5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("process index = 5");
    }

    /** Below the floor (both ends) nothing is added to Ω or CEM43; one end at/above it counts the whole step. */
    @Test
    void floorSkipsColdCellsAndZeroDisablesIt() {
        Grid3D grid = Grid3D.uniform(3, 1, 1, 1e-4);
        double cold = celsiusToKelvin(38.5);
        double[] before = {cold, cold, cold};
        double[] after = {cold, celsiusToKelvin(39.0), celsiusToKelvin(40.0)};
        ThermalDoseRecorder withFloor = ThermalDoseRecorder.builder(grid).process(ArrheniusProcess.FAT)
                .threshold(celsiusToKelvin(38.0)).build();
        ThermalDoseRecorder noFloor = ThermalDoseRecorder.builder(grid).process(ArrheniusProcess.FAT)
                .threshold(celsiusToKelvin(38.0)).floorTemperature(0.0).build();
        assertThat(withFloor.floorTemperature()).isEqualTo(ThermalDoseRecorder.DEFAULT_FLOOR_TEMPERATURE)
                .isEqualTo(312.15);
        withFloor.accumulate(1.0, before, after);
        noFloor.accumulate(1.0, before, after);

        assertThat(withFloor.omega(0).values()[0]).isZero();
        assertThat(withFloor.cem43().values()[0]).isZero();
        assertThat(withFloor.peakTemperature().values()[0]).isEqualTo(cold);
        assertThat(withFloor.timeAbove(0).values()[0]).isEqualTo(1.0);
        for (int n = 1; n < 3; n++) {
            assertThat(withFloor.omega(0).values()[n]).isEqualTo(noFloor.omega(0).values()[n]).isPositive();
            assertThat(withFloor.cem43().values()[n]).isEqualTo(noFloor.cem43().values()[n]).isPositive();
        }
        double k = ArrheniusProcess.FAT.rate(cold);
        assertThat(noFloor.omega(0).values()[0]).isCloseTo(k, within(k * ISOTHERMAL_TOLERANCE));
        assertThat(noFloor.cem43().values()[0]).isCloseTo(Cem43.isothermal(cold, 1.0), within(1e-15));
    }

    /** The built-in rates at the default floor (39 °C) are all below 1e-5 /s, as the class documentation says. */
    @Test
    void builtInRatesAtTheFloorAreSmall() {
        for (ArrheniusProcess p : List.of(ArrheniusProcess.HENRIQUES_SKIN, ArrheniusProcess.WEAVER_STOLL_SKIN,
                ArrheniusProcess.MAITLAND_WALSH_COLLAGEN, ArrheniusProcess.PEARCE_SKIN_COLLAGEN,
                ArrheniusProcess.FAT)) {
            assertThat(p.rate(ThermalDoseRecorder.DEFAULT_FLOOR_TEMPERATURE)).as(p.name()).isLessThan(1e-5);
        }
        assertThat(ArrheniusProcess.FAT.rate(ThermalDoseRecorder.DEFAULT_FLOOR_TEMPERATURE))
                .isCloseTo(7.8e-6, within(0.1e-6));
    }

    /** Time above a threshold: Δt·(T_hi − θ)/(T_hi − T_lo) for a crossing step, rising or falling. */
    @Test
    void timeAboveCountsTheCrossingFraction() {
        Grid3D grid = Grid3D.uniform(5, 1, 1, 1e-4);
        double th = celsiusToKelvin(45.0);
        ThermalDoseRecorder rec = ThermalDoseRecorder.builder(grid).threshold(th).build();
        double[] before = {celsiusToKelvin(40), celsiusToKelvin(50), celsiusToKelvin(44), th, celsiusToKelvin(46)};
        double[] after = {celsiusToKelvin(50), celsiusToKelvin(40), th, celsiusToKelvin(41), celsiusToKelvin(47)};
        rec.accumulate(2.0, before, after);
        double[] got = rec.timeAbove(0).values();
        assertThat(got[0]).isCloseTo(1.0, within(1e-12));  // rising through 45 at half-step
        assertThat(got[1]).isCloseTo(1.0, within(1e-12));  // falling through 45 at half-step
        assertThat(got[2]).isZero();                        // only touches 45 at the end
        assertThat(got[3]).isZero();                        // leaves 45 at the start
        assertThat(got[4]).isEqualTo(2.0);                  // above throughout
        double[] peak = rec.peakTemperature().values();
        assertThat(peak[0]).isEqualTo(after[0]);
        assertThat(peak[1]).isEqualTo(before[1]);
        double[] quarter = new double[5];
        Arrays.fill(quarter, celsiusToKelvin(44));
        quarter[0] = celsiusToKelvin(48);
        rec.accumulate(1.0, quarter, quarter);
        assertThat(got[0]).isCloseTo(2.0, within(1e-12));
        assertThat(rec.thresholdTemperatures()).containsExactly(th);
    }

    /** Bitwise identical results on 1, 2 and 3 threads (pointwise updates, fixed slabs). */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Grid3D grid = new Grid3D(9, 7, 13, 1e-4, 1e-4, 5e-5);
        int n = grid.cellCount();
        SplittableRandom random = new SplittableRandom(20240611L);
        int steps = 6;
        double[][] temps = new double[steps + 1][n];
        for (double[] t : temps) {
            for (int i = 0; i < n; i++) {
                t[i] = celsiusToKelvin(35.0 + 45.0 * random.nextDouble());
            }
        }
        double[] reference = null;
        try (ParallelExecutor two = new ParallelExecutor(2); ParallelExecutor three = new ParallelExecutor(3)) {
            for (ParallelExecutor ex : new ParallelExecutor[] {ParallelExecutor.serial(), two, three}) {
                ThermalDoseRecorder rec = ThermalDoseRecorder.builder(grid)
                        .process(ArrheniusProcess.HENRIQUES_SKIN).process(ArrheniusProcess.WEAVER_STOLL_SKIN)
                        .threshold(celsiusToKelvin(50)).threshold(celsiusToKelvin(60)).executor(ex).build();
                for (int s = 0; s < steps; s++) {
                    rec.accumulate(1e-3 * (s + 1), temps[s], temps[s + 1]);
                }
                double[] all = concat(rec.omega(0), rec.omega(1), rec.cem43(), rec.peakTemperature(),
                        rec.timeAbove(0), rec.timeAbove(1));
                if (reference == null) {
                    reference = all;
                    assertThat(rec.omega(1).max()).isPositive();
                } else {
                    assertThat(Arrays.equals(all, reference)).as("%d threads vs serial", ex.threads()).isTrue();
                }
            }
        }
    }

    @Test
    void resetClearsEverything() {
        ThermalDoseRecorder rec = ThermalDoseRecorder.builder(ONE_CELL).process(ArrheniusProcess.FAT)
                .threshold(300.0).build();
        double[] t = {celsiusToKelvin(60)};
        rec.accumulate(1.0, t, t);
        rec.reset();
        assertThat(rec.omega(0).values()).containsOnly(0.0);
        assertThat(rec.cem43().values()).containsOnly(0.0);
        assertThat(rec.peakTemperature().values()).containsOnly(0.0);
        assertThat(rec.timeAbove(0).values()).containsOnly(0.0);
        assertThat(rec.elapsedTime()).isZero();
        assertThat(rec.stepCount()).isZero();
    }

    /** dt ≤ 0 or NaN, wrong lengths, bad temperatures, bad thresholds: messages name the parameter and value. */
    @Test
    void rejectsBadInput() {
        Grid3D grid = Grid3D.uniform(2, 2, 1, 1e-4);
        ThermalDoseRecorder rec = ThermalDoseRecorder.builder(grid).process(ArrheniusProcess.FAT).build();
        double[] ok = new double[4];
        Arrays.fill(ok, 320.0);
        assertThatThrownBy(() -> rec.accumulate(0.0, ok, ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time step dt = 0 s");
        assertThatThrownBy(() -> rec.accumulate(-1e-3, ok, ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time step dt = -0.00100000 s");
        assertThatThrownBy(() -> rec.accumulate(Double.NaN, ok, ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time step dt = NaN");
        assertThatThrownBy(() -> rec.accumulate(1.0, new double[3], ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperatureBefore has length 3").hasMessageContaining("4 cells");
        assertThatThrownBy(() -> rec.accumulate(1.0, ok, new double[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperatureAfter has length 5");
        assertThat(rec.stepCount()).isZero();
        assertThat(rec.omega(0).values()).containsOnly(0.0);

        double[] bad = ok.clone();
        bad[3] = Double.NaN;
        assertThatThrownBy(() -> rec.accumulate(1.0, ok, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell 3 (1, 1, 0)").hasMessageContaining("temperatureAfter = NaN");
        assertThatThrownBy(() -> rec.accumulate(1.0, new ScalarField(Grid3D.uniform(4, 1, 1, 1e-4)),
                new ScalarField(grid))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperatureBefore is on the grid");

        assertThatThrownBy(() -> ThermalDoseRecorder.builder(grid).threshold(-5.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold temperature [0] = -5 K");
        assertThatThrownBy(() -> ThermalDoseRecorder.builder(grid).floorTemperature(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floor temperature = NaN");
    }

    /** Ω of the linear ramp t0 → t1 through the recorder in {@code steps} equal steps. */
    private static double rampOmega(ArrheniusProcess p, double t0, double t1, double duration, int steps) {
        ThermalDoseRecorder rec = ThermalDoseRecorder.builder(ONE_CELL).process(p).floorTemperature(0.0).build();
        double[] a = new double[1];
        double[] b = new double[1];
        for (int i = 0; i < steps; i++) {
            a[0] = t0 + (t1 - t0) * i / steps;
            b[0] = t0 + (t1 - t0) * (i + 1) / steps;
            rec.accumulate(duration / steps, a, b);
        }
        return rec.omega(0).values()[0];
    }

    /** ∫₀^d k(T(t)) dt, T linear, by iterated Gauss–Legendre, split at the process's switch temperatures. */
    private static double referenceOmega(ArrheniusProcess p, double t0, double t1, double duration) {
        UnivariateFunction f = t -> {
            double temp = t0 + (t1 - t0) * t / duration;
            return p.rate(temp);
        };
        double[] cuts = {0.0, duration};
        for (double ts : p.switchTemperatures()) {
            if ((ts - t0) * (ts - t1) < 0) {
                cuts = new double[] {0.0, duration * (ts - t0) / (t1 - t0), duration};
            }
        }
        double sum = 0;
        for (int i = 1; i < cuts.length; i++) {
            sum += new IterativeLegendreGaussIntegrator(16, REFERENCE_ACCURACY, 1e-300)
                    .integrate(1_000_000, f, cuts[i - 1], cuts[i]);
        }
        return sum;
    }

    private static double[] concat(ScalarField... fields) {
        double[] all = new double[0];
        for (ScalarField f : fields) {
            int at = all.length;
            all = Arrays.copyOf(all, at + f.values().length);
            System.arraycopy(f.values(), 0, all, at, f.values().length);
        }
        return all;
    }
}
