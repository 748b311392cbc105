package org.ecmsim.damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ecmsim.units.Units.celsiusToKelvin;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.ecmsim.verification.PublishedValues;
import org.junit.jupiter.api.Test;

/** CEM43 = ∫ R^(43 − T[°C]) dt in minutes, R = 0.5 at/above 43 °C, 0.25 below (Sapareto &amp; Dewey 1984). */
class Cem43Test {

    /** Relative tolerance for closed forms evaluated two ways. */
    private static final double ROUNDOFF = 1e-12;
    /** Relative accuracy asked of, and met by, the Gauss–Legendre reference integrals. */
    private static final double REFERENCE_ACCURACY = 1e-13;
    /** Relative tolerance against the reference integral: the ramp formula is exact, so roundoff only. */
    private static final double EXACT_VS_REFERENCE = 1e-11;

    /** 1 min at 43 °C is 1 CEM43; 1 min at 44 °C is 2; 1 min at 42 °C is 0.25; 1 min at 37 °C is 0.25⁶. */
    @Test
    void isothermalDoseFollowsTheDefinition() {
        assertThat(Cem43.isothermal(celsiusToKelvin(43.0), 60.0)).isCloseTo(1.0, within(ROUNDOFF));
        assertThat(Cem43.isothermal(celsiusToKelvin(44.0), 60.0)).isCloseTo(2.0, within(2 * ROUNDOFF));
        assertThat(Cem43.isothermal(celsiusToKelvin(42.0), 60.0)).isCloseTo(0.25, within(ROUNDOFF));
        assertThat(Cem43.isothermal(celsiusToKelvin(37.0), 60.0))
                .isCloseTo(Math.pow(0.25, 6), within(Math.pow(0.25, 6) * ROUNDOFF));
        assertThat(Cem43.r(celsiusToKelvin(43.0))).isEqualTo(0.5);
        assertThat(Cem43.r(celsiusToKelvin(42.99))).isEqualTo(0.25);
        // 240 CEM43 (a common necrosis threshold) is 240 min at 43 °C or 3.75 min at 49 °C.
        assertThat(Cem43.isothermal(celsiusToKelvin(49.0), 3.75 * 60)).isCloseTo(240.0, within(240 * ROUNDOFF));
        // the same case as shared with ecmsim validate
        assertThat(Cem43.isothermal(celsiusToKelvin(PublishedValues.CEM43_49C_TEMPERATURE_CELSIUS),
                PublishedValues.CEM43_49C_MINUTES * 60)).isCloseTo(PublishedValues.CEM43_THRESHOLD_MINUTES,
                within(240 * ROUNDOFF));
    }

    /** A ramp 40 → 46 °C over 60 s crosses 43 °C at 30 s; compare with ∫ R^(43 − T(t)) dt/60 by Gauss–Legendre. */
    @Test
    void rampAcross43IsSplitAtTheCrossing() {
        double t0 = celsiusToKelvin(40.0);
        double t1 = celsiusToKelvin(46.0);
        double duration = 60.0;
        double reference = referenceRamp(t0, t1, duration);
        assertThat(Cem43.linearRamp(t0, t1, duration)).isCloseTo(reference, within(reference * EXACT_VS_REFERENCE));
        assertThat(Cem43.linearRamp(t1, t0, duration)).isCloseTo(reference, within(reference * EXACT_VS_REFERENCE));
        // An unsplit log-mean with ln R evaluated at each end in its own regime would be off by far more.
        double unsplit = Quadrature.expOfLinear(duration, Quadrature.cem43LnRate(t0), Quadrature.cem43LnRate(t1)) / 60;
        assertThat(Math.abs(unsplit / reference - 1)).isGreaterThan(0.05);
        // Unequal pieces: 42 → 50 °C crosses at 1/8 of the step.
        double r2 = referenceRamp(celsiusToKelvin(42.0), celsiusToKelvin(50.0), 10.0);
        assertThat(Cem43.linearRamp(celsiusToKelvin(42.0), celsiusToKelvin(50.0), 10.0))
                .isCloseTo(r2, within(r2 * EXACT_VS_REFERENCE));
    }

    /** A piecewise-linear history is the sum of its ramps; a constant one the isothermal dose. */
    @Test
    void historyIsTheSumOfItsRamps() {
        double[] times = {0.0, 10.0, 25.0, 25.0, 60.0};
        double[] temps = {celsiusToKelvin(37), celsiusToKelvin(48), celsiusToKelvin(45), celsiusToKelvin(45),
            celsiusToKelvin(39)};
        double expected = 0;
        for (int i = 1; i < times.length; i++) {
            expected += referenceRamp(temps[i - 1], temps[i], times[i] - times[i - 1]);
        }
        assertThat(Cem43.ofHistory(times, temps)).isCloseTo(expected, within(expected * EXACT_VS_REFERENCE));
        assertThatThrownBy(() -> Cem43.ofHistory(new double[] {0, 2, 1}, new double[] {310, 320, 330}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times[2] = 1");
        assertThatThrownBy(() -> Cem43.ofHistory(new double[] {0, 2}, new double[] {310}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> Cem43.isothermal(celsiusToKelvin(45), -1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration = -1 s");
        assertThatThrownBy(() -> Cem43.linearRamp(Double.NaN, 320, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperatureStart = NaN");
    }

    /**
     * ∫₀^d R^(43 − T(t)) dt / 60 for T linear, by iterated 16-point Gauss–Legendre on each side of the crossing
     * (the integrand has a kink there).
     */
    static double referenceRamp(double t0, double t1, double duration) {
        if (duration == 0) {
            return 0;
        }
        UnivariateFunction f = t -> {
            double temp = t0 + (t1 - t0) * t / duration;
            double celsius = temp - Cem43.REFERENCE_TEMPERATURE;
            return Math.pow(celsius >= 0 ? 0.5 : 0.25, -celsius);
        };
        double ref = Cem43.REFERENCE_TEMPERATURE;
        double[] cuts = {0.0, duration};
        if ((t0 - ref) * (t1 - ref) < 0) {
            cuts = new double[] {0.0, duration * (ref - t0) / (t1 - t0), duration};
        }
        double sum = 0;
        for (int i = 1; i < cuts.length; i++) {
            sum += new IterativeLegendreGaussIntegrator(16, REFERENCE_ACCURACY, 1e-300)
                    .integrate(1_000_000, f, cuts[i - 1], cuts[i]);
        }
        return sum / 60.0;
    }
}
