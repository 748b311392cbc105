package org.ecmsim.mechanics;

import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * Free thermal shrinkage of collagen as a function of the heating history, after Chen, Wright and Humphrey
 * (J. Biomech. Eng. 119 (1997) 372; 120 (1998) 382) and Wright and Humphrey (Annu. Rev. Biomed. Eng. 4 (2002) 109).
 *
 * <p><b>Time–temperature equivalence.</b> Chen et al. found that scaling the heating time by a temperature-dependent
 * characteristic time τ(T), which follows an Arrhenius law, collapses isothermal free-shrinkage curves of bovine
 * chordae tendineae (65–90 °C) onto one master curve, and that the cumulative, not the current, heating time
 * governs the shrinkage. Here the history enters through the equivalent time at a reference temperature,
 * {@code t_eq = ∫ exp(−(Ea/R)·(1/T − 1/T_ref)) dt}, and the reduced time {@code θ = t_eq/τ_ref}.
 *
 * <p><b>Master curve.</b> A logistic curve in θ, shifted so that s(0) = 0:
 * {@code s(θ) = s_max·(g(θ) − g(0))/(1 − g(0))}, {@code g(θ) = 1/(1 + exp(−a·(θ − 1)))}; s is the fractional
 * decrease in length (0.6 = 60 %).
 *
 * <p><b>Recovery.</b> Back at 37 °C part of the shrinkage is recovered, over time (Chen 1997, 1998; less after
 * loaded heating): {@code s_rec(t) = s·(1 − r·(1 − exp(−t/τ_rec)))}.
 *
 * @param maxShrinkage s_max, the largest fractional decrease in length, in (0, 1)
 * @param activationEnergy Ea (J/mol), &gt; 0
 * @param referenceTemperature T_ref (K), &gt; 0
 * @param referenceTime τ_ref, the characteristic time at T_ref (s), &gt; 0
 * @param steepness a, the slope of the master curve, &gt; 0
 * @param recoverableFraction r, the fraction of the shrinkage recovered at 37 °C after long times, in [0, 1]
 * @param recoveryTime τ_rec, the time constant of the recovery (s), &gt; 0
 */
public record ShrinkageKinetics(double maxShrinkage, double activationEnergy, double referenceTemperature,
        double referenceTime, double steepness, double recoverableFraction, double recoveryTime) {

    /**
     * Unloaded bovine chordae tendineae. Values: s_max = 0.60 (≈ 60 % largest free shrinkage in length, as quoted
     * for unloaded tendon; unverified), Ea = 440 kJ/mol (an activation energy in the range reported for collagen
     * denaturation and for the slope of ln τ vs 1/T in Chen 1997/1998; the fitted value was not checked:
     * unverified), T_ref = 80 °C, τ_ref = 60 s (read as an order of magnitude from the 65–85 °C, 120–1200 s range of
     * Chen 1997's tests; unverified), a = 4.95 (unverified secondary quotation of the 1998 fit), r = 0.3 and
     * τ_rec = 600 s (placeholder for the partial, time-dependent recovery reported qualitatively; unverified).
     * Skin-dermis-specific shrinkage kinetics (human dermis, in vivo, at the millisecond–second heating times of
     * RF microneedling) are not available here: every constant is for tendon under minutes of isothermal heating.
     */
    public static final ShrinkageKinetics CHEN_1998_TENDON = new ShrinkageKinetics(0.60, 4.4e5,
            Units.celsiusToKelvin(80.0), 60.0, 4.95, 0.3, 600.0);

    /** The gas constant R (J/(mol·K)). */
    public static final double GAS_CONSTANT = 8.314462618;

    /**
     * Validates the parameters.
     *
     * @param maxShrinkage s_max, in (0, 1)
     * @param activationEnergy Ea (J/mol), &gt; 0
     * @param referenceTemperature T_ref (K), &gt; 0
     * @param referenceTime τ_ref (s), &gt; 0
     * @param steepness a, &gt; 0
     * @param recoverableFraction r, in [0, 1]
     * @param recoveryTime τ_rec (s), &gt; 0
     */
    public ShrinkageKinetics {
        Checks.requireInRange("maxShrinkage", maxShrinkage, 1e-12, 0.999, "");
        Checks.requireFinitePositive("activationEnergy", activationEnergy, "J/mol");
        Checks.requireFinitePositive("referenceTemperature", referenceTemperature, "K");
        Checks.requireFinitePositive("referenceTime", referenceTime, "s");
        Checks.requireFinitePositive("steepness", steepness, "");
        Checks.requireInRange("recoverableFraction", recoverableFraction, 0.0, 1.0, "");
        Checks.requireFinitePositive("recoveryTime", recoveryTime, "s");
    }

    /**
     * @param temperature T (K), &gt; 0
     * @return ln of the equivalent-time rate at T, {@code −(Ea/R)·(1/T − 1/T_ref)}
     */
    public double lnRate(double temperature) {
        return -activationEnergy / GAS_CONSTANT * (1.0 / temperature - 1.0 / referenceTemperature);
    }

    /**
     * @param temperature T (K)
     * @return the characteristic time τ(T) = τ_ref·exp((Ea/R)·(1/T − 1/T_ref)) (s)
     */
    public double characteristicTime(double temperature) {
        return referenceTime * Math.exp(-lnRate(temperature));
    }

    /**
     * @param equivalentTime t_eq (s), ≥ 0
     * @return the free shrinkage s (fraction of length) after heating with that equivalent time, before recovery
     */
    public double shrinkage(double equivalentTime) {
        double theta = equivalentTime / referenceTime;
        double g0 = logistic(0.0);
        return maxShrinkage * (logistic(theta) - g0) / (1.0 - g0);
    }

    private double logistic(double theta) {
        return 1.0 / (1.0 + Math.exp(-steepness * (theta - 1.0)));
    }

    /**
     * @param shrinkage s at the end of heating
     * @param timeAtBodyTemperature time since (s), ≥ 0
     * @return the shrinkage left after that time at 37 °C
     */
    public double recovered(double shrinkage, double timeAtBodyTemperature) {
        return shrinkage * (1.0 - recoverableFraction * -Math.expm1(-timeAtBodyTemperature / recoveryTime));
    }
}
