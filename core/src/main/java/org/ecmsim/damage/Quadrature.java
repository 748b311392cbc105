package org.ecmsim.damage;

import org.ecmsim.units.Units;

/**
 * The time integrals behind {@link ThermalDoseRecorder}, {@link Cem43} and
 * {@link ArrheniusProcess#omegaOfLinearRamp(double, double, double)}: integrals over one step during which the
 * temperature is taken to vary linearly in time. No checks, no allocation: callers validate.
 *
 * <p>Every integrand here is a rate r(t) whose logarithm is (close to) linear in time over the step; for such an
 * integrand {@code ∫₀^Δt r dt = Δt·(r₁ − r₀)/(ln r₁ − ln r₀)}, the logarithmic mean of the end rates times Δt.
 */
final class Quadrature {

    /**
     * Below this |ln r₁ − ln r₀| the logarithmic mean is replaced by the geometric mean {@code exp((ln r₀ + ln r₁)/2)};
     * the relative difference between the two is ≈ d²/24 ≤ 4·10⁻¹⁴ there.
     */
    static final double LOG_MEAN_SWITCH = 1e-6;

    /** 43 °C (K), the CEM43 reference temperature. */
    static final double CEM43_REFERENCE = Units.celsiusToKelvin(43.0);
    /** ln 0.5: ln R at and above 43 °C. */
    static final double LN_R_ABOVE = Math.log(0.5);
    /** ln 0.25: ln R below 43 °C. */
    static final double LN_R_BELOW = Math.log(0.25);

    private Quadrature() {
    }

    /**
     * The exact integral of an exponential-of-linear function: {@code ∫₀^d exp(ln0 + (ln1 − ln0)·t/d) dt}.
     *
     * @param duration interval length d (s)
     * @param ln0 the logarithm of the integrand at the start
     * @param ln1 the logarithm of the integrand at the end
     * @return the integral (integrand unit × s)
     */
    static double expOfLinear(double duration, double ln0, double ln1) {
        double d = ln1 - ln0;
        double ad = d < 0 ? -d : d;
        if (ad < LOG_MEAN_SWITCH) {
            return duration * Math.exp(0.5 * (ln0 + ln1));
        }
        // Δt·(r₁ − r₀)/(ln r₁ − ln r₀) = Δt·r_max·(1 − e^(−|d|))/|d|: no cancellation, no overflow beyond r_max.
        double lnMax = d > 0 ? ln1 : ln0;
        return duration * Math.exp(lnMax) * (-Math.expm1(-ad)) / ad;
    }

    /**
     * The CEM43 integrand's logarithm, {@code ln R^(43 − T[°C]) = (43 °C − T)·ln R}, with R = 0.5 at and above 43 °C
     * and 0.25 below.
     *
     * @param temperature T (K)
     * @return ln of the equivalent-minutes rate (dimensionless)
     */
    static double cem43LnRate(double temperature) {
        return (CEM43_REFERENCE - temperature) * (temperature >= CEM43_REFERENCE ? LN_R_ABOVE : LN_R_BELOW);
    }

    /**
     * The CEM43 dose of a linear temperature ramp, exact: R^(43 − T) is an exponential of T, hence of t, on either
     * side of 43 °C, and a ramp crossing 43 °C is split at the crossing time (where the integrand is 1 from both
     * sides).
     *
     * @param t0 temperature at the start (K)
     * @param t1 temperature at the end (K)
     * @param duration ramp length (s)
     * @return the dose (equivalent minutes at 43 °C)
     */
    static double cem43Ramp(double t0, double t1, double duration) {
        double ref = CEM43_REFERENCE;
        double seconds;
        if ((t0 < ref && t1 > ref) || (t0 > ref && t1 < ref)) {
            double s = duration * (ref - t0) / (t1 - t0);
            seconds = expOfLinear(s, cem43LnRate(t0), 0.0) + expOfLinear(duration - s, 0.0, cem43LnRate(t1));
        } else {
            seconds = expOfLinear(duration, cem43LnRate(t0), cem43LnRate(t1));
        }
        return seconds / Units.MINUTE;
    }

    /**
     * Ω of a linear temperature ramp for a process given as flat regime arrays {@code [first, end)}: the ramp is
     * split where it crosses a regime's lower temperature, and each piece is integrated with the log-mean rule in its
     * own regime (the one its mid-temperature lies in), so a discontinuous rate is integrated as such.
     *
     * @param lower regime lower temperatures (K), increasing from {@code lower[first] = 0}
     * @param lnA ln of the regimes' frequency factors (ln(1/s))
     * @param theta the regimes' activation temperatures Ea/R (K)
     * @param first index of the process's first regime
     * @param end one past its last regime
     * @param t0 temperature at the start (K)
     * @param t1 temperature at the end (K)
     * @param duration ramp length (s)
     * @return Ω over the ramp (dimensionless)
     */
    static double arrheniusRamp(double[] lower, double[] lnA, double[] theta, int first, int end, double t0,
            double t1, double duration) {
        if (end - first == 1) {
            return expOfLinear(duration, lnA[first] - theta[first] / t0, lnA[first] - theta[first] / t1);
        }
        double sum = 0.0;
        double tPrev = t0;
        double sPrev = 0.0;
        if (t1 > t0) {
            for (int r = first + 1; r < end; r++) {
                double ts = lower[r];
                if (ts > t0 && ts < t1) {
                    double s = duration * (ts - t0) / (t1 - t0);
                    sum += segment(lower, lnA, theta, first, end, tPrev, ts, s - sPrev);
                    tPrev = ts;
                    sPrev = s;
                }
            }
        } else if (t1 < t0) {
            for (int r = end - 1; r > first; r--) {
                double ts = lower[r];
                if (ts < t0 && ts > t1) {
                    double s = duration * (t0 - ts) / (t0 - t1);
                    sum += segment(lower, lnA, theta, first, end, tPrev, ts, s - sPrev);
                    tPrev = ts;
                    sPrev = s;
                }
            }
        }
        return sum + segment(lower, lnA, theta, first, end, tPrev, t1, duration - sPrev);
    }

    private static double segment(double[] lower, double[] lnA, double[] theta, int first, int end, double ta,
            double tb, double duration) {
        int r = regimeIndex(lower, first, end, 0.5 * (ta + tb));
        return expOfLinear(duration, lnA[r] - theta[r] / ta, lnA[r] - theta[r] / tb);
    }

    /**
     * @param lower regime lower temperatures (K)
     * @param first first regime
     * @param end one past the last regime
     * @param temperature T (K)
     * @return the last regime whose lower temperature is ≤ T
     */
    static int regimeIndex(double[] lower, int first, int end, double temperature) {
        int r = first;
        for (int i = first + 1; i < end; i++) {
            if (temperature >= lower[i]) {
                r = i;
            }
        }
        return r;
    }
}
