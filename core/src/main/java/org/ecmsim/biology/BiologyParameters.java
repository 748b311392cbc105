package org.ecmsim.biology;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;
import static org.ecmsim.internal.Checks.requireInRange;

import java.util.Objects;
import org.ecmsim.units.Units;

/**
 * The rate constants of the remodelling model in eight immutable, validated groups: {@link HeatShock} (HSP70 and
 * HSP47), {@link Wound} (with the growth factor), {@link Fibroblasts}, {@link Mmp}, {@link Matrix}, {@link Vessels},
 * {@link Aging} and {@link Collagen} (the two collagen pools). Every value is SI inside (times in s, rates in 1/s, diffusivities in m²/s) and has a getter on its
 * group and a {@code withX} copy; {@code BiologyParameters} holds the groups, with a {@code withGroup} copy for
 * each. Every group validates its values when it is made, and the message names the parameter, its value, its
 * unit and the valid range.
 *
 * <p>{@link #defaults()} are the values documented in docs/model.md (Remodelling 10), where each is marked as taken
 * from a source, fitted (and to what), or a model choice. A modified copy:
 * <pre>
 *   BiologyParameters d = BiologyParameters.defaults();
 *   BiologyParameters p = d.withWound(d.wound().withTime(14 * Units.DAY));
 * </pre>
 *
 * @param heatShock the heat-shock response
 * @param wound the wound signal and growth factor
 * @param fibroblasts the fibroblast kinetics and migration
 * @param mmp MMP activity
 * @param matrix matrix turnover and synthesis boosts
 * @param vessels vessel recovery
 * @param aging the aging factors
 * @param collagen the collagen pools: synthesis, early degradation, cross-linking
 */
public record BiologyParameters(HeatShock heatShock, Wound wound, Fibroblasts fibroblasts, Mmp mmp, Matrix matrix,
        Vessels vessels, Aging aging, Collagen collagen) {

    private static final double MINUTE = Units.MINUTE;
    private static final double HOUR = Units.HOUR;
    private static final double DAY = Units.DAY;
    private static final double YEAR = 365.25 * Units.DAY;

    /**
     * Checks that no group is missing.
     *
     * @param heatShock the heat-shock response
     * @param wound the wound signal and growth factor
     * @param fibroblasts the fibroblast kinetics and migration
     * @param mmp MMP activity
     * @param matrix matrix turnover and synthesis boosts
     * @param vessels vessel recovery
     * @param aging the aging factors
     * @param collagen the collagen pools
     */
    public BiologyParameters {
        Objects.requireNonNull(heatShock, "heatShock");
        Objects.requireNonNull(wound, "wound");
        Objects.requireNonNull(fibroblasts, "fibroblasts");
        Objects.requireNonNull(mmp, "mmp");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(vessels, "vessels");
        Objects.requireNonNull(aging, "aging");
        Objects.requireNonNull(collagen, "collagen");
    }

    /** @return the documented default parameters (docs/model.md, Remodelling 10) */
    public static BiologyParameters defaults() {
        return new BiologyParameters(HeatShock.DEFAULTS, Wound.DEFAULTS, Fibroblasts.DEFAULTS, Mmp.DEFAULTS,
                Matrix.DEFAULTS, Vessels.DEFAULTS, Aging.DEFAULTS, Collagen.DEFAULTS);
    }

    /**
     * @param value the new heatShock group
     * @return a copy with {@code heatShock} replaced
     */
    public BiologyParameters withHeatShock(HeatShock value) {
        return new BiologyParameters(value, wound, fibroblasts, mmp, matrix, vessels, aging, collagen);
    }

    /**
     * @param value the new wound group
     * @return a copy with {@code wound} replaced
     */
    public BiologyParameters withWound(Wound value) {
        return new BiologyParameters(heatShock, value, fibroblasts, mmp, matrix, vessels, aging, collagen);
    }

    /**
     * @param value the new fibroblasts group
     * @return a copy with {@code fibroblasts} replaced
     */
    public BiologyParameters withFibroblasts(Fibroblasts value) {
        return new BiologyParameters(heatShock, wound, value, mmp, matrix, vessels, aging, collagen);
    }

    /**
     * @param value the new mmp group
     * @return a copy with {@code mmp} replaced
     */
    public BiologyParameters withMmp(Mmp value) {
        return new BiologyParameters(heatShock, wound, fibroblasts, value, matrix, vessels, aging, collagen);
    }

    /**
     * @param value the new matrix group
     * @return a copy with {@code matrix} replaced
     */
    public BiologyParameters withMatrix(Matrix value) {
        return new BiologyParameters(heatShock, wound, fibroblasts, mmp, value, vessels, aging, collagen);
    }

    /**
     * @param value the new vessels group
     * @return a copy with {@code vessels} replaced
     */
    public BiologyParameters withVessels(Vessels value) {
        return new BiologyParameters(heatShock, wound, fibroblasts, mmp, matrix, value, aging, collagen);
    }

    /**
     * @param value the new aging group
     * @return a copy with {@code aging} replaced
     */
    public BiologyParameters withAging(Aging value) {
        return new BiologyParameters(heatShock, wound, fibroblasts, mmp, matrix, vessels, value, collagen);
    }

    /**
     * @param value the new collagen group
     * @return a copy with {@code collagen} replaced
     */
    public BiologyParameters withCollagen(Collagen value) {
        return new BiologyParameters(heatShock, wound, fibroblasts, mmp, matrix, vessels, aging, value);
    }

    /**
     * The heat-shock response: HSP70 (HeatShockCascade: the induction cascade, its height and its dose scale) and
     * HSP47, which relaxes over τ_47 to the local collagen synthesis per resting cell plus η_47 times the HSP70
     * excess.
     *
     * @param signalTime τ_s, the time constant of each of the 3 induction stages (s), finite, &gt; 0
     * @param proteinTime τ_h, the time constant of heat-shock protein decay (s), finite, &gt; 0
     * @param peak h_peak, the HSP excess over basal at the peak of a saturating sublethal dose (9 means 10× basal)
     *        (dimensionless), finite, ≥ 0
     * @param doseScale D₀, the CEM43 dose at which induction reaches 1 − 1/e of its maximum, as a time (CEM43 is a
     *        time at 43 °C) (s), finite, &gt; 0
     * @param hsp47Time τ_47, the time over which HSP47 follows its target (s), finite, &gt; 0; default 1 d (model
     *        choice: HSP47 is a short-lived ER protein that tracks collagen synthesis)
     * @param hsp47FromHeatShock η_47, HSP47 fold added per unit HSP70 excess (HSP47 is itself heat-inducible)
     *        (dimensionless), finite, ≥ 0; default 0.1 (model choice)
     */
    public record HeatShock(double signalTime, double proteinTime, double peak, double doseScale, double hsp47Time,
            double hsp47FromHeatShock) {

        /** The documented defaults. */
        public static final HeatShock DEFAULTS = new HeatShock(5.025 * HOUR, 5.025 * HOUR, 9.0, 30.0 * MINUTE,
                1.0 * DAY, 0.1);

        /**
         * Validates every value.
         *
         * @param signalTime τ_s, the time constant of each of the 3 induction stages (s), finite, &gt; 0
         * @param proteinTime τ_h, the time constant of heat-shock protein decay (s), finite, &gt; 0
         * @param peak h_peak, the HSP excess over basal at the peak of a saturating sublethal dose (9 means 10×
         *        basal) (dimensionless), finite, ≥ 0
         * @param doseScale D₀, the CEM43 dose at which induction reaches 1 − 1/e of its maximum, as a time (CEM43 is
         *        a time at 43 °C) (s), finite, &gt; 0
         * @param hsp47Time τ_47, the time over which HSP47 follows its target (s), finite, &gt; 0
         * @param hsp47FromHeatShock η_47, HSP47 fold added per unit HSP70 excess (dimensionless), finite, ≥ 0
         */
        public HeatShock {
            requireFinitePositive("HSP47 time", hsp47Time, "s");
            requireFiniteNonNegative("HSP47 from heat shock", hsp47FromHeatShock, "(dimensionless)");
            requireFinitePositive("heat-shock signal time", signalTime, "s");
            requireFinitePositive("heat-shock protein time", proteinTime, "s");
            requireFiniteNonNegative("heat-shock peak", peak, "(dimensionless)");
            requireFinitePositive("heat-shock dose scale", doseScale, "s");
        }

        /** @return D₀ in minutes, the unit of the CEM43 dose it scales: doseScale / 60 (min) */
        public double doseScaleMinutes() {
            return doseScale / MINUTE;
        }

        /**
         * The induction that makes the HSP excess of a saturating sublethal dose peak at {@link #peak()}.
         *
         * @return the full induction S (dimensionless), the input to the {@link HeatShockCascade}
         */
        public double fullInduction() {
            HeatShockCascade c = cascade();
            return peak / c.response(c.peakTime());
        }

        /** @return the time from the heat shock to the HSP peak (s) */
        public double peakTime() {
            return cascade().peakTime();
        }

        /**
         * @param t time after the heat shock (s)
         * @return the HSP excess over basal after a saturating dose, in units of basal (dimensionless)
         */
        public double response(double t) {
            HeatShockCascade c = cascade();
            return peak * c.response(t) / c.response(c.peakTime());
        }

        HeatShockCascade cascade() {
            return new HeatShockCascade(signalTime, proteinTime);
        }

        /**
         * @param value τ_s, the time constant of each of the 3 induction stages (s), finite, &gt; 0
         * @return a copy with {@code signalTime} replaced
         */
        public HeatShock withSignalTime(double value) {
            return new HeatShock(value, proteinTime, peak, doseScale, hsp47Time, hsp47FromHeatShock);
        }

        /**
         * @param value τ_h, the time constant of heat-shock protein decay (s), finite, &gt; 0
         * @return a copy with {@code proteinTime} replaced
         */
        public HeatShock withProteinTime(double value) {
            return new HeatShock(signalTime, value, peak, doseScale, hsp47Time, hsp47FromHeatShock);
        }

        /**
         * @param value h_peak, the HSP excess over basal at the peak of a saturating sublethal dose (9 means 10×
         *        basal) (dimensionless), finite, ≥ 0
         * @return a copy with {@code peak} replaced
         */
        public HeatShock withPeak(double value) {
            return new HeatShock(signalTime, proteinTime, value, doseScale, hsp47Time, hsp47FromHeatShock);
        }

        /**
         * @param value D₀, the CEM43 dose at which induction reaches 1 − 1/e of its maximum, as a time (CEM43 is a
         *        time at 43 °C) (s), finite, &gt; 0
         * @return a copy with {@code doseScale} replaced
         */
        public HeatShock withDoseScale(double value) {
            return new HeatShock(signalTime, proteinTime, peak, value, hsp47Time, hsp47FromHeatShock);
        }
    
        /**
         * @param value τ_47, the time over which HSP47 follows its target (s), finite, &gt; 0
         * @return a copy with {@code hsp47Time} replaced
         */
        public HeatShock withHsp47Time(double value) {
            return new HeatShock(signalTime, proteinTime, peak, doseScale, value, hsp47FromHeatShock);
        }

        /**
         * @param value η_47, HSP47 fold added per unit HSP70 excess (dimensionless), finite, ≥ 0
         * @return a copy with {@code hsp47FromHeatShock} replaced
         */
        public HeatShock withHsp47FromHeatShock(double value) {
            return new HeatShock(signalTime, proteinTime, peak, doseScale, hsp47Time, value);
        }
    }

    /**
     * The wound signal and the growth factor it releases.
     *
     * @param time τ_w, the time constant of the wound signal (s), finite, &gt; 0
     * @param growthFactorDiffusivity D_g, the growth-factor diffusivity (m²/s), finite, ≥ 0
     * @param growthFactorDecay k_g, the growth-factor decay rate (1/s), finite, &gt; 0
     * @param growthFactorFromWound p_w, growth-factor production per unit wound signal (1/s), finite, ≥ 0
     * @param growthFactorFromActivated p_a, growth-factor production by activated and synthetic fibroblasts at the
     *        resting density (1/s), finite, ≥ 0
     */
    public record Wound(double time, double growthFactorDiffusivity, double growthFactorDecay,
            double growthFactorFromWound, double growthFactorFromActivated) {

        /** The documented defaults. */
        public static final Wound DEFAULTS = new Wound(21.0 * DAY, 1e-12, Math.log(2) / (12.0 * HOUR), 2.107 / DAY,
                0.0);

        /**
         * Validates every value.
         *
         * @param time τ_w, the time constant of the wound signal (s), finite, &gt; 0
         * @param growthFactorDiffusivity D_g, the growth-factor diffusivity (m²/s), finite, ≥ 0
         * @param growthFactorDecay k_g, the growth-factor decay rate (1/s), finite, &gt; 0
         * @param growthFactorFromWound p_w, growth-factor production per unit wound signal (1/s), finite, ≥ 0
         * @param growthFactorFromActivated p_a, growth-factor production by activated and synthetic fibroblasts at
         *        the resting density (1/s), finite, ≥ 0
         */
        public Wound {
            requireFinitePositive("wound time", time, "s");
            requireFiniteNonNegative("growth-factor diffusivity", growthFactorDiffusivity, "m²/s");
            requireFinitePositive("growth-factor decay", growthFactorDecay, "1/s");
            requireFiniteNonNegative("growth factor from wound", growthFactorFromWound, "1/s");
            requireFiniteNonNegative("growth factor from activated fibroblasts", growthFactorFromActivated, "1/s");
        }

        /**
         * @param value τ_w, the time constant of the wound signal (s), finite, &gt; 0
         * @return a copy with {@code time} replaced
         */
        public Wound withTime(double value) {
            return new Wound(value, growthFactorDiffusivity, growthFactorDecay, growthFactorFromWound,
                    growthFactorFromActivated);
        }

        /**
         * @param value D_g, the growth-factor diffusivity (m²/s), finite, ≥ 0
         * @return a copy with {@code growthFactorDiffusivity} replaced
         */
        public Wound withGrowthFactorDiffusivity(double value) {
            return new Wound(time, value, growthFactorDecay, growthFactorFromWound, growthFactorFromActivated);
        }

        /**
         * @param value k_g, the growth-factor decay rate (1/s), finite, &gt; 0
         * @return a copy with {@code growthFactorDecay} replaced
         */
        public Wound withGrowthFactorDecay(double value) {
            return new Wound(time, growthFactorDiffusivity, value, growthFactorFromWound, growthFactorFromActivated);
        }

        /**
         * @param value p_w, growth-factor production per unit wound signal (1/s), finite, ≥ 0
         * @return a copy with {@code growthFactorFromWound} replaced
         */
        public Wound withGrowthFactorFromWound(double value) {
            return new Wound(time, growthFactorDiffusivity, growthFactorDecay, value, growthFactorFromActivated);
        }

        /**
         * @param value p_a, growth-factor production by activated and synthetic fibroblasts at the resting density
         *        (1/s), finite, ≥ 0
         * @return a copy with {@code growthFactorFromActivated} replaced
         */
        public Wound withGrowthFactorFromActivated(double value) {
            return new Wound(time, growthFactorDiffusivity, growthFactorDecay, growthFactorFromWound, value);
        }
    }

    /**
     * Fibroblast activation, phase changes, proliferation, death and migration.
     *
     * @param activationByHeatShock a_h, the activation rate by HSP at saturation (1/s), finite, ≥ 0
     * @param heatShockHalfSaturation K_h, the HSP excess at which activation by heat shock is half its maximum
     *        (dimensionless), finite, &gt; 0
     * @param activationByGrowthFactor a_g, the activation rate by growth factor at saturation (1/s), finite, ≥ 0
     * @param maturationRate k_mat, the rate from activated to synthetic (1/s), finite, ≥ 0
     * @param quiescenceRate k_q, the rate from synthetic back to quiescent (1/s), finite, ≥ 0
     * @param quiescentDeath δ_q, the death rate of quiescent fibroblasts (1/s), finite, &gt; 0
     * @param carryingCapacityFactor κ_K, the carrying capacity as a multiple of the resting density (dimensionless),
     *        1.01 to 100
     * @param activatedProliferation r_a, the division rate of activated and synthetic fibroblasts at saturating
     *        growth factor and low density (1/s), finite, ≥ 0
     * @param activatedDeath δ_a, the death rate of activated and synthetic fibroblasts (1/s), finite, ≥ 0
     * @param motility D_f, the random motility of activated and synthetic fibroblasts (m²/s), finite, ≥ 0
     * @param chemotaxis χ, the chemotactic sensitivity to the growth factor (m²/s), finite, ≥ 0
     */
    public record Fibroblasts(double activationByHeatShock, double heatShockHalfSaturation,
            double activationByGrowthFactor, double maturationRate, double quiescenceRate, double quiescentDeath,
            double carryingCapacityFactor, double activatedProliferation, double activatedDeath, double motility,
            double chemotaxis) {

        /** The documented defaults. */
        public static final Fibroblasts DEFAULTS = new Fibroblasts(0.01089 / DAY, 2.0, 0.3 / DAY, 1.0 / (5.0 * DAY),
                1.0 / (21.0 * DAY), 1.0 / (60.0 * DAY), 1.1, 0.27 / DAY, 1.0 / (60.0 * DAY), 1e-14,
                2e-14);

        /**
         * Validates every value.
         *
         * @param activationByHeatShock a_h, the activation rate by HSP at saturation (1/s), finite, ≥ 0
         * @param heatShockHalfSaturation K_h, the HSP excess at which activation by heat shock is half its maximum
         *        (dimensionless), finite, &gt; 0
         * @param activationByGrowthFactor a_g, the activation rate by growth factor at saturation (1/s), finite, ≥ 0
         * @param maturationRate k_mat, the rate from activated to synthetic (1/s), finite, ≥ 0
         * @param quiescenceRate k_q, the rate from synthetic back to quiescent (1/s), finite, ≥ 0
         * @param quiescentDeath δ_q, the death rate of quiescent fibroblasts (1/s), finite, &gt; 0
         * @param carryingCapacityFactor κ_K, the carrying capacity as a multiple of the resting density
         *        (dimensionless), 1.01 to 100
         * @param activatedProliferation r_a, the division rate of activated and synthetic fibroblasts at saturating
         *        growth factor and low density (1/s), finite, ≥ 0
         * @param activatedDeath δ_a, the death rate of activated and synthetic fibroblasts (1/s), finite, ≥ 0
         * @param motility D_f, the random motility of activated and synthetic fibroblasts (m²/s), finite, ≥ 0
         * @param chemotaxis χ, the chemotactic sensitivity to the growth factor (m²/s), finite, ≥ 0
         */
        public Fibroblasts {
            requireFiniteNonNegative("activation by heat shock", activationByHeatShock, "1/s");
            requireFinitePositive("heat-shock half-saturation", heatShockHalfSaturation, "(dimensionless)");
            requireFiniteNonNegative("activation by growth factor", activationByGrowthFactor, "1/s");
            requireFiniteNonNegative("maturation rate", maturationRate, "1/s");
            requireFiniteNonNegative("quiescence rate", quiescenceRate, "1/s");
            requireFinitePositive("quiescent death rate", quiescentDeath, "1/s");
            requireInRange("carrying capacity factor", carryingCapacityFactor, 1.01, 100, "(dimensionless)");
            requireFiniteNonNegative("activated proliferation", activatedProliferation, "1/s");
            requireFiniteNonNegative("activated death rate", activatedDeath, "1/s");
            requireFiniteNonNegative("fibroblast motility", motility, "m²/s");
            requireFiniteNonNegative("chemotaxis", chemotaxis, "m²/s");
        }

        /**
         * @param value a_h, the activation rate by HSP at saturation (1/s), finite, ≥ 0
         * @return a copy with {@code activationByHeatShock} replaced
         */
        public Fibroblasts withActivationByHeatShock(double value) {
            return new Fibroblasts(value, heatShockHalfSaturation, activationByGrowthFactor, maturationRate,
                    quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value K_h, the HSP excess at which activation by heat shock is half its maximum (dimensionless),
         *        finite, &gt; 0
         * @return a copy with {@code heatShockHalfSaturation} replaced
         */
        public Fibroblasts withHeatShockHalfSaturation(double value) {
            return new Fibroblasts(activationByHeatShock, value, activationByGrowthFactor, maturationRate,
                    quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value a_g, the activation rate by growth factor at saturation (1/s), finite, ≥ 0
         * @return a copy with {@code activationByGrowthFactor} replaced
         */
        public Fibroblasts withActivationByGrowthFactor(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, value, maturationRate,
                    quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value k_mat, the rate from activated to synthetic (1/s), finite, ≥ 0
         * @return a copy with {@code maturationRate} replaced
         */
        public Fibroblasts withMaturationRate(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor, value,
                    quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value k_q, the rate from synthetic back to quiescent (1/s), finite, ≥ 0
         * @return a copy with {@code quiescenceRate} replaced
         */
        public Fibroblasts withQuiescenceRate(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, value, quiescentDeath, carryingCapacityFactor, activatedProliferation,
                    activatedDeath, motility, chemotaxis);
        }

        /**
         * @param value δ_q, the death rate of quiescent fibroblasts (1/s), finite, &gt; 0
         * @return a copy with {@code quiescentDeath} replaced
         */
        public Fibroblasts withQuiescentDeath(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, value, carryingCapacityFactor, activatedProliferation,
                    activatedDeath, motility, chemotaxis);
        }

        /**
         * @param value κ_K, the carrying capacity as a multiple of the resting density (dimensionless), 1.01 to 100
         * @return a copy with {@code carryingCapacityFactor} replaced
         */
        public Fibroblasts withCarryingCapacityFactor(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, quiescentDeath, value, activatedProliferation, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value r_a, the division rate of activated and synthetic fibroblasts at saturating growth factor and
         *        low density (1/s), finite, ≥ 0
         * @return a copy with {@code activatedProliferation} replaced
         */
        public Fibroblasts withActivatedProliferation(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, quiescentDeath, carryingCapacityFactor, value, activatedDeath,
                    motility, chemotaxis);
        }

        /**
         * @param value δ_a, the death rate of activated and synthetic fibroblasts (1/s), finite, ≥ 0
         * @return a copy with {@code activatedDeath} replaced
         */
        public Fibroblasts withActivatedDeath(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation,
                    value, motility, chemotaxis);
        }

        /**
         * @param value D_f, the random motility of activated and synthetic fibroblasts (m²/s), finite, ≥ 0
         * @return a copy with {@code motility} replaced
         */
        public Fibroblasts withMotility(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation,
                    activatedDeath, value, chemotaxis);
        }

        /**
         * @param value χ, the chemotactic sensitivity to the growth factor (m²/s), finite, ≥ 0
         * @return a copy with {@code chemotaxis} replaced
         */
        public Fibroblasts withChemotaxis(double value) {
            return new Fibroblasts(activationByHeatShock, heatShockHalfSaturation, activationByGrowthFactor,
                    maturationRate, quiescenceRate, quiescentDeath, carryingCapacityFactor, activatedProliferation,
                    activatedDeath, motility, value);
        }
    }

    /**
     * MMP activity: its relaxation time and what raises its target.
     *
     * @param time τ_m, the relaxation time of MMP activity (s), finite, &gt; 0
     * @param fromActivated μ_a, MMP made by an activated or synthetic cell relative to a resting one (dimensionless),
     *        finite, ≥ 0
     * @param fromWound μ_w, MMP added by a full wound signal, relative to resting activity (dimensionless), finite, ≥
     *        0
     */
    public record Mmp(double time, double fromActivated, double fromWound) {

        /** The documented defaults. */
        public static final Mmp DEFAULTS = new Mmp(1.0 * DAY, 3.0, 6.776);

        /**
         * Validates every value.
         *
         * @param time τ_m, the relaxation time of MMP activity (s), finite, &gt; 0
         * @param fromActivated μ_a, MMP made by an activated or synthetic cell relative to a resting one
         *        (dimensionless), finite, ≥ 0
         * @param fromWound μ_w, MMP added by a full wound signal, relative to resting activity (dimensionless),
         *        finite, ≥ 0
         */
        public Mmp {
            requireFinitePositive("MMP time", time, "s");
            requireFiniteNonNegative("MMP from activated fibroblasts", fromActivated, "(dimensionless)");
            requireFiniteNonNegative("MMP from wound", fromWound, "(dimensionless)");
        }

        /**
         * @param value τ_m, the relaxation time of MMP activity (s), finite, &gt; 0
         * @return a copy with {@code time} replaced
         */
        public Mmp withTime(double value) {
            return new Mmp(value, fromActivated, fromWound);
        }

        /**
         * @param value μ_a, MMP made by an activated or synthetic cell relative to a resting one (dimensionless),
         *        finite, ≥ 0
         * @return a copy with {@code fromActivated} replaced
         */
        public Mmp withFromActivated(double value) {
            return new Mmp(time, value, fromWound);
        }

        /**
         * @param value μ_w, MMP added by a full wound signal, relative to resting activity (dimensionless), finite, ≥
         *        0
         * @return a copy with {@code fromWound} replaced
         */
        public Mmp withFromWound(double value) {
            return new Mmp(time, fromActivated, value);
        }
    }

    /**
     * Matrix turnover: half-lives at resting MMP activity and the synthesis boosts of activated (early) and synthetic
     * (late) fibroblasts relative to resting ones.
     *
     * @param collagenHalfLife t½,C, the half-life of mature collagen at rest, at any age (s), finite, &gt; 0
     * @param collagenIBoostActivated β_I,a, collagen I synthesis of an activated cell relative to a quiescent one
     *        (dimensionless), finite, ≥ 0
     * @param collagenIBoostSynthetic β_I,s, collagen I synthesis of a synthetic cell relative to a quiescent one
     *        (dimensionless), finite, ≥ 0
     * @param collagenIIIBoostActivated β_III,a, collagen III synthesis of an activated cell relative to a quiescent
     *        one (dimensionless), finite, ≥ 0
     * @param collagenIIIBoostSynthetic β_III,s, collagen III synthesis of a synthetic cell relative to a quiescent
     *        one (dimensionless), finite, ≥ 0
     * @param denaturedClearanceTime τ_d, the clearance time of denatured collagen at MMP activity 1 (young resting);
     *        clearance runs at m/τ_d (s), finite, &gt; 0
     * @param elastinHalfLife t½,E, the elastin half-life at resting young MMP activity (s), finite, &gt; 0
     * @param elastinBoost β_E, elastin synthesis of an activated or synthetic cell relative to a resting one
     *        (dimensionless), finite, ≥ 0
     * @param hyaluronanHalfLife t½,H, the hyaluronan half-life (s), finite, &gt; 0
     * @param hyaluronanBoost β_H, hyaluronan synthesis of an activated or synthetic cell relative to a resting one
     *        (dimensionless), finite, ≥ 0
     */
    public record Matrix(double collagenHalfLife, double collagenIBoostActivated, double collagenIBoostSynthetic,
            double collagenIIIBoostActivated, double collagenIIIBoostSynthetic, double denaturedClearanceTime,
            double elastinHalfLife, double elastinBoost, double hyaluronanHalfLife, double hyaluronanBoost) {

        /** The documented defaults. */
        public static final Matrix DEFAULTS = new Matrix(15.0 * YEAR, 10.0, 6.886, 30.0, 6.886 / 3, 96.78 * DAY,
                70.0 * YEAR, 20.0, 1.5 * DAY, 3.0);

        /**
         * Validates every value.
         *
         * @param collagenHalfLife t½,C, the half-life of mature collagen at rest, at any age (s), finite, &gt; 0
         * @param collagenIBoostActivated β_I,a, collagen I synthesis of an activated cell relative to a quiescent one
         *        (dimensionless), finite, ≥ 0
         * @param collagenIBoostSynthetic β_I,s, collagen I synthesis of a synthetic cell relative to a quiescent one
         *        (dimensionless), finite, ≥ 0
         * @param collagenIIIBoostActivated β_III,a, collagen III synthesis of an activated cell relative to a
         *        quiescent one (dimensionless), finite, ≥ 0
         * @param collagenIIIBoostSynthetic β_III,s, collagen III synthesis of a synthetic cell relative to a
         *        quiescent one (dimensionless), finite, ≥ 0
         * @param denaturedClearanceTime τ_d, the clearance time of denatured collagen (s), finite, &gt; 0
         * @param elastinHalfLife t½,E, the elastin half-life at resting young MMP activity (s), finite, &gt; 0
         * @param elastinBoost β_E, elastin synthesis of an activated or synthetic cell relative to a resting one
         *        (dimensionless), finite, ≥ 0
         * @param hyaluronanHalfLife t½,H, the hyaluronan half-life (s), finite, &gt; 0
         * @param hyaluronanBoost β_H, hyaluronan synthesis of an activated or synthetic cell relative to a resting
         *        one (dimensionless), finite, ≥ 0
         */
        public Matrix {
            requireFinitePositive("collagen half-life", collagenHalfLife, "s");
            requireFiniteNonNegative("collagen I boost (activated)", collagenIBoostActivated, "(dimensionless)");
            requireFiniteNonNegative("collagen I boost (synthetic)", collagenIBoostSynthetic, "(dimensionless)");
            requireFiniteNonNegative("collagen III boost (activated)", collagenIIIBoostActivated, "(dimensionless)");
            requireFiniteNonNegative("collagen III boost (synthetic)", collagenIIIBoostSynthetic, "(dimensionless)");
            requireFinitePositive("denatured-collagen clearance time", denaturedClearanceTime, "s");
            requireFinitePositive("elastin half-life", elastinHalfLife, "s");
            requireFiniteNonNegative("elastin boost", elastinBoost, "(dimensionless)");
            requireFinitePositive("hyaluronan half-life", hyaluronanHalfLife, "s");
            requireFiniteNonNegative("hyaluronan boost", hyaluronanBoost, "(dimensionless)");
        }

        /**
         * @param value t½,C, the half-life of mature collagen at rest, at any age (s), finite, &gt; 0
         * @return a copy with {@code collagenHalfLife} replaced
         */
        public Matrix withCollagenHalfLife(double value) {
            return new Matrix(value, collagenIBoostActivated, collagenIBoostSynthetic, collagenIIIBoostActivated,
                    collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value β_I,a, collagen I synthesis of an activated cell relative to a quiescent one (dimensionless),
         *        finite, ≥ 0
         * @return a copy with {@code collagenIBoostActivated} replaced
         */
        public Matrix withCollagenIBoostActivated(double value) {
            return new Matrix(collagenHalfLife, value, collagenIBoostSynthetic, collagenIIIBoostActivated,
                    collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value β_I,s, collagen I synthesis of a synthetic cell relative to a quiescent one (dimensionless),
         *        finite, ≥ 0
         * @return a copy with {@code collagenIBoostSynthetic} replaced
         */
        public Matrix withCollagenIBoostSynthetic(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, value, collagenIIIBoostActivated,
                    collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value β_III,a, collagen III synthesis of an activated cell relative to a quiescent one
         *        (dimensionless), finite, ≥ 0
         * @return a copy with {@code collagenIIIBoostActivated} replaced
         */
        public Matrix withCollagenIIIBoostActivated(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic, value,
                    collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value β_III,s, collagen III synthesis of a synthetic cell relative to a quiescent one
         *        (dimensionless), finite, ≥ 0
         * @return a copy with {@code collagenIIIBoostSynthetic} replaced
         */
        public Matrix withCollagenIIIBoostSynthetic(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, value, denaturedClearanceTime, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value τ_d, the clearance time of denatured collagen (s), finite, &gt; 0
         * @return a copy with {@code denaturedClearanceTime} replaced
         */
        public Matrix withDenaturedClearanceTime(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, collagenIIIBoostSynthetic, value, elastinHalfLife, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value t½,E, the elastin half-life at resting young MMP activity (s), finite, &gt; 0
         * @return a copy with {@code elastinHalfLife} replaced
         */
        public Matrix withElastinHalfLife(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, collagenIIIBoostSynthetic, denaturedClearanceTime, value, elastinBoost,
                    hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value β_E, elastin synthesis of an activated or synthetic cell relative to a resting one
         *        (dimensionless), finite, ≥ 0
         * @return a copy with {@code elastinBoost} replaced
         */
        public Matrix withElastinBoost(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife,
                    value, hyaluronanHalfLife, hyaluronanBoost);
        }

        /**
         * @param value t½,H, the hyaluronan half-life (s), finite, &gt; 0
         * @return a copy with {@code hyaluronanHalfLife} replaced
         */
        public Matrix withHyaluronanHalfLife(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife,
                    elastinBoost, value, hyaluronanBoost);
        }

        /**
         * @param value β_H, hyaluronan synthesis of an activated or synthetic cell relative to a resting one
         *        (dimensionless), finite, ≥ 0
         * @return a copy with {@code hyaluronanBoost} replaced
         */
        public Matrix withHyaluronanBoost(double value) {
            return new Matrix(collagenHalfLife, collagenIBoostActivated, collagenIBoostSynthetic,
                    collagenIIIBoostActivated, collagenIIIBoostSynthetic, denaturedClearanceTime, elastinHalfLife,
                    elastinBoost, hyaluronanHalfLife, value);
        }
    }

    /**
     * Recovery of coagulated microvasculature.
     *
     * @param recoveryTime τ_v, the time constant of vessel recovery (s), finite, &gt; 0
     */
    public record Vessels(double recoveryTime) {

        /** The documented defaults. */
        public static final Vessels DEFAULTS = new Vessels(14.0 * DAY);

        /**
         * Validates every value.
         *
         * @param recoveryTime τ_v, the time constant of vessel recovery (s), finite, &gt; 0
         */
        public Vessels {
            requireFinitePositive("vessel recovery time", recoveryTime, "s");
        }

        /**
         * @param value τ_v, the time constant of vessel recovery (s), finite, &gt; 0
         * @return a copy with {@code recoveryTime} replaced
         */
        public Vessels withRecoveryTime(double value) {
            return new Vessels(value);
        }
    }

    /**
     * Aging: relative changes from age 25 to age 80, linear in between and constant outside (continuous in age).
     *
     * @param synthesisDeclineAt80 ΔS(80), the relative decline of per-cell synthesis (0.32 = −32 %) (dimensionless),
     *        0 to 0.9; default 0.32 (Varani et al., Am J Pathol 168:1861 (2006): type I procollagen 56 vs 82 ng/ml
     *        from fibroblasts of 80+ vs 18–29 year olds)
     * @param fibroblastDeclineAt80 ΔF(80), the relative decline of the resting fibroblast density (0.1 = −10 %)
     *        (dimensionless), 0 to 0.9; default 0.10 (model choice, unverified)
     * @param mmpRiseAt80 Δm*(80), the relative rise of resting MMP activity (3 = 4-fold) (dimensionless), 0 to 10;
     *        default 3 (Fisher et al., Am J Pathol 174:101 (2009): MMP-1 several-fold higher in skin over 80 than at
     *        21–30 years; about 8-fold at the mRNA level per a secondary summary, unverified)
     * @param collagenLossPerDecade ΔD, the relative loss of resting collagen per volume per decade of age over 25
     *        (dimensionless per decade), 0 to 0.15; default 0.06, the rate at which Branchet et al., Gerontology
     *        36:28 (1990) found the dermis to thin: with the layers at their young thickness (the default), the
     *        collagen per skin area then falls as it would with the thinning (model choice)
     * @param layerThinningPerDecade the relative thinning per decade over 25, compounded, that the dermis on the grid
     *        already has (dimensionless per decade), 0 to 0.15; default 0 (layers at their young thickness).
     *        {@code RemodellingSimulation.Builder.agedLayers} sets it to the 0.06 of {@code SiteGeometry.agedSkin};
     *        the collagen density factor then carries only the loss the thinning does not
     *        ({@link #collagenFactor}), so the collagen per skin area is D(age) either way and is not counted twice
     */
    public record Aging(double synthesisDeclineAt80, double fibroblastDeclineAt80, double mmpRiseAt80,
            double collagenLossPerDecade, double layerThinningPerDecade) {

        /** The documented defaults. */
        public static final Aging DEFAULTS = new Aging(0.32, 0.10, 3.0, 0.06, 0.0);

        /**
         * The aging factors on layers of young thickness ({@code layerThinningPerDecade} = 0).
         *
         * @param synthesisDeclineAt80 ΔS(80) (dimensionless), 0 to 0.9
         * @param fibroblastDeclineAt80 ΔF(80) (dimensionless), 0 to 0.9
         * @param mmpRiseAt80 Δm*(80) (dimensionless), 0 to 10
         * @param collagenLossPerDecade ΔD (dimensionless per decade), 0 to 0.15
         */
        public Aging(double synthesisDeclineAt80, double fibroblastDeclineAt80, double mmpRiseAt80,
                double collagenLossPerDecade) {
            this(synthesisDeclineAt80, fibroblastDeclineAt80, mmpRiseAt80, collagenLossPerDecade, 0.0);
        }

        /**
         * Validates every value.
         *
         * @param synthesisDeclineAt80 ΔS(80), the relative decline of per-cell synthesis (0.32 = −32 %)
         *        (dimensionless), 0 to 0.9
         * @param fibroblastDeclineAt80 ΔF(80), the relative decline of the resting fibroblast density (0.1 = −10 %)
         *        (dimensionless), 0 to 0.9
         * @param mmpRiseAt80 Δm*(80), the relative rise of resting MMP activity (3 = 4-fold) (dimensionless), 0 to
         *        10
         * @param collagenLossPerDecade ΔD, the relative loss of resting collagen per volume per decade over 25
         *        (dimensionless per decade), 0 to 0.15
         * @param layerThinningPerDecade the relative thinning per decade of the dermis on the grid (dimensionless per
         *        decade), 0 to 0.15
         */
        public Aging {
            requireInRange("synthesis decline at 80", synthesisDeclineAt80, 0, 0.9, "(dimensionless)");
            requireInRange("fibroblast decline at 80", fibroblastDeclineAt80, 0, 0.9, "(dimensionless)");
            requireInRange("MMP rise at 80", mmpRiseAt80, 0, 10, "(dimensionless)");
            requireInRange("collagen loss per decade", collagenLossPerDecade, 0, 0.15,
                    "(dimensionless per decade)");
            requireInRange("layer thinning per decade", layerThinningPerDecade, 0, 0.15,
                    "(dimensionless per decade)");
        }

        /**
         * The aging factor of a quantity that changes linearly from age 25 to age 80 by {@code changeAt80} (a
         * relative change; negative for a decline), held constant outside that range.
         */
        static double ageFactor(double ageYears, double changeAt80) {
            double x = Math.max(0.0, Math.min(1.0, (ageYears - 25.0) / 55.0));
            return 1.0 + changeAt80 * x;
        }

        /**
         * @param ageYears age (years)
         * @return per-cell synthesis relative to age 25: 1 at 25, 1 − ΔS(80) at 80 and above
         */
        public double synthesisFactor(double ageYears) {
            return ageFactor(ageYears, -synthesisDeclineAt80);
        }

        /**
         * @param ageYears age (years)
         * @return resting fibroblast density relative to age 25
         */
        public double fibroblastFactor(double ageYears) {
            return ageFactor(ageYears, -fibroblastDeclineAt80);
        }

        /**
         * @param ageYears age (years)
         * @return resting MMP activity relative to age 25
         */
        public double mmpFactor(double ageYears) {
            return ageFactor(ageYears, mmpRiseAt80);
        }

        /**
         * The resting collagen per volume relative to age 25: D(age) = 1 − ΔD (age − 25)/10 between 25 and 80 (the
         * collagen per skin area on layers of young thickness), divided by the thickness factor the layers already
         * carry, (1 − layerThinningPerDecade)^((age − 25)/10), and at most 1: with aged layers the density carries
         * only the loss the thinning does not, so that density × thickness is D(age) either way.
         *
         * @param ageYears age (years)
         * @return resting collagen per volume relative to age 25 (dimensionless), in (0, 1]
         */
        public double collagenFactor(double ageYears) {
            double perArea = ageFactor(ageYears, -collagenLossPerDecade * 5.5);
            double thickness = Math.pow(1 - layerThinningPerDecade, Math.max(0, (ageYears - 25) / 10));
            return Math.min(1.0, perArea / thickness);
        }

        /**
         * @param value ΔS(80), the relative decline of per-cell synthesis (0.32 = −32 %) (dimensionless), 0 to 0.9
         * @return a copy with {@code synthesisDeclineAt80} replaced
         */
        public Aging withSynthesisDeclineAt80(double value) {
            return new Aging(value, fibroblastDeclineAt80, mmpRiseAt80, collagenLossPerDecade,
                    layerThinningPerDecade);
        }

        /**
         * @param value ΔF(80), the relative decline of the resting fibroblast density (0.1 = −10 %) (dimensionless),
         *        0 to 0.9
         * @return a copy with {@code fibroblastDeclineAt80} replaced
         */
        public Aging withFibroblastDeclineAt80(double value) {
            return new Aging(synthesisDeclineAt80, value, mmpRiseAt80, collagenLossPerDecade,
                    layerThinningPerDecade);
        }

        /**
         * @param value Δm*(80), the relative rise of resting MMP activity (3 = 4-fold) (dimensionless), 0 to 10
         * @return a copy with {@code mmpRiseAt80} replaced
         */
        public Aging withMmpRiseAt80(double value) {
            return new Aging(synthesisDeclineAt80, fibroblastDeclineAt80, value, collagenLossPerDecade,
                    layerThinningPerDecade);
        }

        /**
         * @param value ΔD, the relative loss of resting collagen per volume per decade over 25 (dimensionless
         *        per decade), 0 to 0.15
         * @return a copy with {@code collagenLossPerDecade} replaced
         */
        public Aging withCollagenLossPerDecade(double value) {
            return new Aging(synthesisDeclineAt80, fibroblastDeclineAt80, mmpRiseAt80, value,
                    layerThinningPerDecade);
        }

        /**
         * @param value the relative thinning per decade of the dermis on the grid (dimensionless per decade), 0 to
         *        0.15
         * @return a copy with {@code layerThinningPerDecade} replaced
         */
        public Aging withLayerThinningPerDecade(double value) {
            return new Aging(synthesisDeclineAt80, fibroblastDeclineAt80, mmpRiseAt80, collagenLossPerDecade, value);
        }
    }

    /**
     * The two collagen pools of each type: newly made (immature) collagen, most of it degraded within hours, the
     * rest cross-linking into the mature pool, which turns over with the collagen half-life of {@link Matrix}.
     * <pre>
     *   P = σ S(age) w(f),  σ = r_syn C₀/F₀                        (synthesis; w in resting-cell equivalents)
     *   dN/dt = P − (k_N + 1/τ_x + κ_C m/m*₀) N                         (immature)
     *   dM/dt = N/τ_x − κ_C (m/m*₀) M                                 (mature, C = N + M)
     *   k_N = k_N0 (C/C_rest)^n                                     (degradation of new collagen, set point)
     * </pre>
     * k_N0 is not a parameter: it follows from the resting balance (at rest the maturation flux N/τ_x equals the
     * mature turnover κ_C M at the start age's resting MMP activity m*₀), so untreated tissue stays at rest. The set point makes the degradation of new
     * collagen fall where collagen is missing (a denatured lesion) and rise where it is in excess, as McAnulty and
     * Laurent report that the degradation of newly synthesised collagen is regulated in the direction of the
     * change in content (a model choice built on that observation).
     *
     * @param synthesisRate r_syn, the fractional synthesis rate of skin collagen at rest, young (1/s), 1e-10 to
     *        1e-5; default 0.037 %/h (Babraj et al., Am J Physiol Endocrinol Metab 289:E864 (2005), human skin)
     * @param crossLinkingTime τ_x, the mean time for new collagen to cross-link into the mature pool (s), 1 h to
     *        1 year; default 14 d (model choice: immature cross-links form over days to weeks)
     * @param setPointExponent n, the sensitivity of new-collagen degradation to the collagen content relative to
     *        rest (dimensionless), 0 to 64; default 28 (the fitted 27.62 rounded to a whole number, which the stepper
     *        raises by multiplications; docs/validation.md "Biology: calibration"; the
     *        form is a model choice: a sharp set point, so that a denatured lesion fills back to its resting content
     *        while intact tissue gains little)
     */
    public record Collagen(double synthesisRate, double crossLinkingTime, double setPointExponent) {

        /** The documented defaults. */
        public static final Collagen DEFAULTS = new Collagen(0.037e-2 / HOUR, 14.0 * DAY, 28.0);

        /**
         * Validates every value.
         *
         * @param synthesisRate r_syn, the fractional synthesis rate of skin collagen at rest, young (1/s), 1e-10 to
         *        1e-5
         * @param crossLinkingTime τ_x, the mean time for new collagen to cross-link (s), 1 h to 1 year
         * @param setPointExponent n, the sensitivity of new-collagen degradation to the collagen content relative
         *        to rest (dimensionless), 0 to 64
         */
        public Collagen {
            requireInRange("collagen synthesis rate", synthesisRate, 1e-10, 1e-5, "1/s");
            requireInRange("collagen cross-linking time", crossLinkingTime, HOUR, YEAR, "s");
            requireInRange("collagen set-point exponent", setPointExponent, 0, 64, "(dimensionless)");
        }

        /**
         * @param value r_syn, the fractional synthesis rate of skin collagen at rest, young (1/s), 1e-10 to 1e-5
         * @return a copy with {@code synthesisRate} replaced
         */
        public Collagen withSynthesisRate(double value) {
            return new Collagen(value, crossLinkingTime, setPointExponent);
        }

        /**
         * @param value τ_x, the mean time for new collagen to cross-link (s), 1 h to 1 year
         * @return a copy with {@code crossLinkingTime} replaced
         */
        public Collagen withCrossLinkingTime(double value) {
            return new Collagen(synthesisRate, value, setPointExponent);
        }

        /**
         * @param value n, the sensitivity of new-collagen degradation to the collagen content relative to rest
         *        (dimensionless), 0 to 64
         * @return a copy with {@code setPointExponent} replaced
         */
        public Collagen withSetPointExponent(double value) {
            return new Collagen(synthesisRate, crossLinkingTime, value);
        }
    }
}
