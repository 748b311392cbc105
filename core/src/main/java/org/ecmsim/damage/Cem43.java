package org.ecmsim.damage;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireTemperature;

import java.util.Objects;
import org.ecmsim.units.Units;

/**
 * The thermal dose of Sapareto &amp; Dewey: cumulative equivalent minutes at 43 °C,
 * {@code CEM43 = ∫ R^(43 − T(t)[°C]) dt} in minutes, with R = 0.5 at and above 43 °C and R = 0.25 below; the
 * classic discrete form is {@code Σ R^(43 − T_i)·Δt_i}. Temperatures are passed in kelvin; the result is in minutes.
 *
 * <p>The integrand {@code R^(43 − T)} is an exponential of T on either side of 43 °C and equals 1 at 43 °C from both
 * sides, so for a temperature that varies linearly in time the integral is computed exactly: the logarithmic mean of
 * the end values, after splitting the interval where it crosses 43 °C.
 *
 * <p>Source: S. A. Sapareto and W. C. Dewey, "Thermal dose determination in cancer therapy", Int. J. Radiat. Oncol.
 * Biol. Phys. 10 (1984) 787–800.
 */
public final class Cem43 {

    /** The reference temperature, 43 °C (K). */
    public static final double REFERENCE_TEMPERATURE = Quadrature.CEM43_REFERENCE;
    /** R at and above 43 °C (dimensionless): the dose rate doubles per kelvin. */
    public static final double R_AT_OR_ABOVE_43 = 0.5;
    /** R below 43 °C (dimensionless): the dose rate quarters per kelvin of cooling. */
    public static final double R_BELOW_43 = 0.25;

    private Cem43() {
    }

    /**
     * @param temperature T (K), finite and &gt; 0
     * @return R at that temperature: {@value #R_AT_OR_ABOVE_43} at and above 43 °C, {@value #R_BELOW_43} below
     */
    public static double r(double temperature) {
        requireTemperature("temperature", temperature);
        return temperature >= REFERENCE_TEMPERATURE ? R_AT_OR_ABOVE_43 : R_BELOW_43;
    }

    /**
     * The dose rate {@code R^(43 − T[°C])}: equivalent minutes at 43 °C per minute at T (dimensionless).
     *
     * @param temperature T (K), finite and &gt; 0
     * @return the dose rate
     */
    public static double rate(double temperature) {
        return Math.exp(lnRate(temperature));
    }

    /**
     * @param temperature T (K), finite and &gt; 0
     * @return {@code ln R^(43 − T[°C]) = (43 − T[°C])·ln R}
     */
    public static double lnRate(double temperature) {
        requireTemperature("temperature", temperature);
        return Quadrature.cem43LnRate(temperature);
    }

    /**
     * @param temperature constant temperature T (K), finite and &gt; 0
     * @param duration exposure time (s), finite and ≥ 0
     * @return the dose {@code R^(43 − T)·duration/60} (equivalent minutes at 43 °C)
     */
    public static double isothermal(double temperature, double duration) {
        requireFiniteNonNegative("duration", duration, "s");
        return rate(temperature) * duration / Units.MINUTE;
    }

    /**
     * The dose of a temperature that changes linearly in time, exact (split at 43 °C, logarithmic mean per piece).
     *
     * @param temperatureStart temperature at the start (K), finite and &gt; 0
     * @param temperatureEnd temperature at the end (K), finite and &gt; 0
     * @param duration ramp length (s), finite and ≥ 0
     * @return the dose (equivalent minutes at 43 °C)
     */
    public static double linearRamp(double temperatureStart, double temperatureEnd, double duration) {
        requireTemperature("temperatureStart", temperatureStart);
        requireTemperature("temperatureEnd", temperatureEnd);
        requireFiniteNonNegative("duration", duration, "s");
        return Quadrature.cem43Ramp(temperatureStart, temperatureEnd, duration);
    }

    /**
     * The dose of a sampled temperature history, taken as piecewise linear between the samples (for example a
     * probe's record): the sum of {@link #linearRamp(double, double, double)} over consecutive samples.
     *
     * @param times sample times (s), finite and non-decreasing
     * @param temperatures temperature at each sample (K), finite and &gt; 0, same length as {@code times}
     * @return the dose (equivalent minutes at 43 °C); 0 for fewer than two samples
     */
    public static double ofHistory(double[] times, double[] temperatures) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(temperatures, "temperatures");
        if (times.length != temperatures.length) {
            throw new IllegalArgumentException("times has " + times.length + " entries but temperatures has "
                    + temperatures.length + "; they must match");
        }
        double dose = 0.0;
        for (int i = 1; i < times.length; i++) {
            double dt = times[i] - times[i - 1];
            if (!(dt >= 0) || !Double.isFinite(dt)) {
                throw new IllegalArgumentException("times[" + i + "] = " + times[i] + " s follows times[" + (i - 1)
                        + "] = " + times[i - 1] + " s; times must be finite and non-decreasing");
            }
            dose += linearRamp(temperatures[i - 1], temperatures[i], dt);
        }
        return dose;
    }
}
