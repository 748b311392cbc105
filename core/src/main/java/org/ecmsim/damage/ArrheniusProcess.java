package org.ecmsim.damage;

import static org.ecmsim.internal.Checks.requireFinite;
import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;
import static org.ecmsim.internal.Checks.requireTemperature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecmsim.units.Units;

/**
 * A named thermal damage process with first-order Arrhenius kinetics: the damage integral grows at the rate
 * {@code k(T) = A·exp(−Ea/(R·T))} (1/s), so that {@code Ω = ∫ k(T(t)) dt} and the damaged fraction is
 * {@code 1 − e^(−Ω)}. R is {@link Units#GAS_CONSTANT}.
 *
 * <p>A process may have several regimes, each with its own A and Ea, that apply in consecutive temperature ranges
 * (as in the two-regime skin model of Weaver &amp; Stoll). Regime i applies for
 * {@code lowerTemperature_i ≤ T < lowerTemperature_(i+1)}; the first regime's lower temperature is 0 K. The rate
 * need not be continuous where the regime changes.
 *
 * <p>Frequency factors such as 3.1·10⁹⁸ /s make {@code A·exp(−Ea/(R·T))} a ratio of huge numbers, so everything is
 * computed in log space: {@link #lnRate(double)} is {@code ln A − Ea/(R·T)}, and each regime stores ln A.
 *
 * @param name a short name, used in reports (not blank)
 * @param regimes the regimes in increasing order of lower temperature (at least one; the first starts at 0 K)
 */
public record ArrheniusProcess(String name, List<Regime> regimes) {

    /**
     * Skin (epidermal injury), A = 3.1·10⁹⁸ /s, Ea = 6.28·10⁵ J/mol. Source: F. C. Henriques, "Studies of thermal
     * injury V. The predictability and the significance of thermally induced rate processes leading to irreversible
     * epidermal injury", Arch. Pathol. 43 (1947) 489–502. With these values Ω = 1 takes ≈ 0.94 s at 60 °C.
     */
    public static final ArrheniusProcess HENRIQUES_SKIN = single("Henriques 1947 skin", 3.1e98, 6.28e5);

    /**
     * Skin, two regimes: below 50 °C A = 2.185·10¹²⁴ /s, Ea/R = 93 534.9 K; at and above 50 °C A = 1.823·10⁵¹ /s,
     * Ea/R = 39 109.8 K. Source: J. A. Weaver and A. M. Stoll, "Mathematical model of skin exposed to thermal
     * radiation", Aerospace Med. 40 (1969) 24–30. The two regimes do not meet exactly: at 50 °C the rate jumps from
     * 0.043 /s to 0.050 /s.
     */
    public static final ArrheniusProcess WEAVER_STOLL_SKIN = builder("Weaver & Stoll 1969 skin")
            .regime(2.185e124, 93534.9 * Units.GAS_CONSTANT)
            .regimeFrom(Units.celsiusToKelvin(50.0), 1.823e51, 39109.8 * Units.GAS_CONSTANT)
            .build();

    /**
     * Collagen denaturation measured as loss of birefringence, A = e¹³⁰ ≈ 2.9·10⁵⁶ /s (stored as ln A = 130),
     * Ea = 3.72·10⁵ J/mol. Source: D. J. Maitland and J. T. Walsh Jr., "Quantitative measurements of linear
     * birefringence during heating of native collagen", Lasers Surg. Med. 20 (1997) 310–318.
     */
    public static final ArrheniusProcess MAITLAND_WALSH_COLLAGEN =
            singleLn("Maitland & Walsh 1997 collagen birefringence", 130.0, 3.72e5);

    /**
     * Skin collagen, A = 1.606·10⁴⁵ /s, Ea = 3.06·10⁵ J/mol, as attributed to J. A. Pearce (widely quoted for skin
     * collagen denaturation). <b>Unverified:</b> the primary source of this pair has not been checked.
     */
    public static final ArrheniusProcess PEARCE_SKIN_COLLAGEN = single("Pearce skin collagen (unverified)", 1.606e45,
            3.06e5);

    /**
     * Fat, A = 4.43·10¹⁶ /s, Ea = 1.3·10⁵ J/mol. Source: COMSOL Multiphysics materials library (bioheat, "Fat").
     * The low activation energy makes this rate small but not negligible at body temperature (5.7·10⁻⁶ /s at 37 °C,
     * Ω = 1 after ≈ 2 days): it is meant for heated tissue, and the recorder's floor temperature keeps the
     * body-temperature background out of Ω.
     */
    public static final ArrheniusProcess FAT = single("COMSOL fat", 4.43e16, 1.3e5);

    /**
     * One Arrhenius regime: {@code ln k(T) = ln A − Ea/(R·T)} for T at or above {@code lowerTemperature}, up to the
     * next regime's.
     *
     * @param lowerTemperature the lowest temperature at which this regime applies (K), finite and ≥ 0; 0 for the
     *         first regime of a process
     * @param lnFrequencyFactor ln A, the natural log of the frequency factor A (A in 1/s), finite
     * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
     */
    public record Regime(double lowerTemperature, double lnFrequencyFactor, double activationEnergy) {

        /**
         * Validates the values.
         *
         * @param lowerTemperature the lowest temperature at which this regime applies (K), finite and ≥ 0
         * @param lnFrequencyFactor ln A (A in 1/s), finite
         * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
         */
        public Regime {
            requireFiniteNonNegative("regime lower temperature", lowerTemperature, "K");
            requireFinite("ln of frequency factor (ln A)", lnFrequencyFactor, "(A in 1/s)");
            requireFinitePositive("activation energy Ea", activationEnergy, "J/mol");
        }

        /**
         * A regime from its frequency factor.
         *
         * @param lowerTemperature lowest temperature at which it applies (K), ≥ 0
         * @param frequencyFactor frequency factor A (1/s), finite and &gt; 0
         * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
         * @return the regime
         */
        public static Regime of(double lowerTemperature, double frequencyFactor, double activationEnergy) {
            requireFinitePositive("frequency factor A", frequencyFactor, "1/s");
            return new Regime(lowerTemperature, Math.log(frequencyFactor), activationEnergy);
        }

        /** @return the frequency factor A (1/s); may be large, use {@link #lnFrequencyFactor()} for arithmetic */
        public double frequencyFactor() {
            return Math.exp(lnFrequencyFactor);
        }

        /** @return the activation temperature Ea/R (K) */
        public double activationTemperature() {
            return activationEnergy / Units.GAS_CONSTANT;
        }

        /**
         * @param temperature T (K), &gt; 0
         * @return {@code ln A − Ea/(R·T)}, the log of this regime's rate in 1/s (whether or not T is in its range)
         */
        public double lnRate(double temperature) {
            return lnFrequencyFactor - activationTemperature() / temperature;
        }
    }

    /**
     * Validates the name and the order of the regimes, and copies the list.
     *
     * @param name a short name, used in reports (not blank)
     * @param regimes the regimes in increasing order of lower temperature (at least one; the first starts at 0 K)
     */
    public ArrheniusProcess {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("damage process name is blank");
        }
        Objects.requireNonNull(regimes, "regimes");
        regimes = List.copyOf(regimes);
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("damage process '" + name + "' has no regime; it needs at least one");
        }
        if (regimes.get(0).lowerTemperature() != 0.0) {
            throw new IllegalArgumentException("the first regime of damage process '" + name
                    + "' has lower temperature = " + regimes.get(0).lowerTemperature()
                    + " K; it must be 0 K (the first regime covers every temperature below the second's)");
        }
        for (int i = 1; i < regimes.size(); i++) {
            double prev = regimes.get(i - 1).lowerTemperature();
            double t = regimes.get(i).lowerTemperature();
            if (!(t > prev)) {
                throw new IllegalArgumentException("regime " + i + " of damage process '" + name
                        + "' has lower temperature = " + t + " K, not above regime " + (i - 1) + "'s " + prev
                        + " K; switch temperatures must increase strictly");
            }
        }
    }

    /**
     * A process with one regime.
     *
     * @param name a short name
     * @param frequencyFactor frequency factor A (1/s), finite and &gt; 0
     * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
     * @return the process
     */
    public static ArrheniusProcess single(String name, double frequencyFactor, double activationEnergy) {
        return new ArrheniusProcess(name, List.of(Regime.of(0.0, frequencyFactor, activationEnergy)));
    }

    /**
     * A process with one regime, given ln A: for frequency factors published as a power of e.
     *
     * @param name a short name
     * @param lnFrequencyFactor ln A (A in 1/s), finite
     * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
     * @return the process
     */
    public static ArrheniusProcess singleLn(String name, double lnFrequencyFactor, double activationEnergy) {
        return new ArrheniusProcess(name, List.of(new Regime(0.0, lnFrequencyFactor, activationEnergy)));
    }

    /**
     * A builder for a process with several regimes: {@code builder(name).regime(A₀, Ea₀).regimeFrom(T₁, A₁, Ea₁)
     * .build()}.
     *
     * @param name a short name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects regimes in increasing order of temperature; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String name;
        private final List<Regime> regimes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds the first regime, which applies from 0 K.
         *
         * @param frequencyFactor frequency factor A (1/s), finite and &gt; 0
         * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
         * @return this builder
         */
        public Builder regime(double frequencyFactor, double activationEnergy) {
            return regimeFrom(0.0, frequencyFactor, activationEnergy);
        }

        /**
         * Adds a regime that applies from {@code lowerTemperature} up to the next regime's.
         *
         * @param lowerTemperature the switch temperature (K), above the previous regime's
         * @param frequencyFactor frequency factor A (1/s), finite and &gt; 0
         * @param activationEnergy activation energy Ea (J/mol), finite and &gt; 0
         * @return this builder
         */
        public Builder regimeFrom(double lowerTemperature, double frequencyFactor, double activationEnergy) {
            regimes.add(Regime.of(lowerTemperature, frequencyFactor, activationEnergy));
            return this;
        }

        /**
         * Adds a regime.
         *
         * @param regime the regime, with its lower temperature (K)
         * @return this builder
         */
        public Builder regime(Regime regime) {
            regimes.add(Objects.requireNonNull(regime, "regime"));
            return this;
        }

        /** @return the process */
        public ArrheniusProcess build() {
            return new ArrheniusProcess(name, regimes);
        }
    }

    /** @return the number of regimes */
    public int regimeCount() {
        return regimes.size();
    }

    /**
     * @param temperature T (K), finite and &gt; 0
     * @return the regime that applies at T: the last one whose lower temperature is ≤ T
     */
    public Regime regimeAt(double temperature) {
        requireTemperature("temperature", temperature);
        Regime r = regimes.get(0);
        for (int i = 1; i < regimes.size(); i++) {
            if (temperature >= regimes.get(i).lowerTemperature()) {
                r = regimes.get(i);
            }
        }
        return r;
    }

    /**
     * The natural log of the rate, {@code ln k(T) = ln A − Ea/(R·T)} in the regime that applies at T; finite where
     * {@link #rate(double)} would overflow or underflow.
     *
     * @param temperature T (K), finite and &gt; 0
     * @return ln k (k in 1/s)
     */
    public double lnRate(double temperature) {
        return regimeAt(temperature).lnRate(temperature);
    }

    /**
     * @param temperature T (K), finite and &gt; 0
     * @return the rate {@code k(T) = A·exp(−Ea/(R·T))} (1/s)
     */
    public double rate(double temperature) {
        return Math.exp(lnRate(temperature));
    }

    /**
     * The exposure time at constant temperature that accumulates a given Ω: {@code t = Ω/k(T)}.
     *
     * @param omega the damage integral Ω (dimensionless), finite and ≥ 0
     * @param temperature T (K), finite and &gt; 0
     * @return the time (s); infinite if k(T) underflows
     */
    public double isothermalTimeTo(double omega, double temperature) {
        requireFiniteNonNegative("omega", omega, "");
        return omega * Math.exp(-lnRate(temperature));
    }

    /**
     * Ω accumulated while the temperature changes linearly from {@code temperatureStart} to {@code temperatureEnd}
     * over {@code duration}, with the quadrature {@link ThermalDoseRecorder} uses: split at regime switches, then the
     * logarithmic mean of the end rates per piece (exact when ln k is linear in time, second order in the step
     * otherwise).
     *
     * @param temperatureStart temperature at the start (K), finite and &gt; 0
     * @param temperatureEnd temperature at the end (K), finite and &gt; 0
     * @param duration ramp length (s), finite and ≥ 0
     * @return Ω (dimensionless)
     */
    public double omegaOfLinearRamp(double temperatureStart, double temperatureEnd, double duration) {
        requireTemperature("temperatureStart", temperatureStart);
        requireTemperature("temperatureEnd", temperatureEnd);
        requireFiniteNonNegative("duration", duration, "s");
        int n = regimes.size();
        double[] lower = new double[n];
        double[] lnA = new double[n];
        double[] theta = new double[n];
        fill(lower, lnA, theta, 0);
        return Quadrature.arrheniusRamp(lower, lnA, theta, 0, n, temperatureStart, temperatureEnd, duration);
    }

    /** @return the switch temperatures, the lower temperatures of regimes 1, 2, … (K), a new array */
    public double[] switchTemperatures() {
        double[] t = new double[regimes.size() - 1];
        for (int i = 1; i < regimes.size(); i++) {
            t[i - 1] = regimes.get(i).lowerTemperature();
        }
        return t;
    }

    /**
     * @param newName the name
     * @return a copy with that name
     */
    public ArrheniusProcess withName(String newName) {
        return new ArrheniusProcess(newName, regimes);
    }

    /**
     * Writes this process's regimes into flat arrays from {@code offset}: the layout kernels use.
     *
     * @param lower receives the lower temperatures (K)
     * @param lnA receives ln A (A in 1/s)
     * @param theta receives Ea/R (K)
     * @param offset first index written
     */
    void fill(double[] lower, double[] lnA, double[] theta, int offset) {
        for (int i = 0; i < regimes.size(); i++) {
            Regime r = regimes.get(i);
            lower[offset + i] = r.lowerTemperature();
            lnA[offset + i] = r.lnFrequencyFactor();
            theta[offset + i] = r.activationTemperature();
        }
    }
}
