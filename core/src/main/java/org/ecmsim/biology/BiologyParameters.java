package org.ecmsim.biology;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;
import static org.ecmsim.internal.Checks.requireInRange;

import org.ecmsim.units.Units;

/**
 * The rate constants of the remodelling model, all SI (s, 1/s, m²/s) inside. Build with {@link #builder()}, whose
 * setters take the usual units (hours, days, years) and say so in their names; {@link #defaults()} are the values
 * documented in docs/model.md, where each is marked as taken from a source, fitted (and to what), or a model
 * choice.
 *
 * <p>Immutable. {@link #toBuilder()} starts a modified copy.
 */
public final class BiologyParameters {

    // Heat shock
    final double heatShockSignalTime;
    final double heatShockProteinTime;
    final double heatShockPeak;
    final double heatShockDoseScale;
    // Wound and growth factor
    final double woundTime;
    final double growthFactorDiffusivity;
    final double growthFactorDecay;
    final double growthFactorFromWound;
    final double growthFactorFromActivated;
    // Fibroblasts
    final double activationByHeatShock;
    final double heatShockHalfSaturation;
    final double activationByGrowthFactor;
    final double maturationRate;
    final double quiescenceRate;
    final double quiescentDeath;
    final double carryingCapacityFactor;
    final double activatedProliferation;
    final double activatedDeath;
    final double fibroblastMotility;
    final double chemotaxis;
    // MMP
    final double mmpTime;
    final double mmpFromActivated;
    final double mmpFromWound;
    // Matrix
    final double collagenHalfLife;
    final double collagenIIIBoostActivated;
    final double collagenIIIBoostSynthetic;
    final double collagenIBoostActivated;
    final double collagenIBoostSynthetic;
    final double denaturedClearanceTime;
    final double elastinHalfLife;
    final double elastinBoost;
    final double hyaluronanHalfLife;
    final double hyaluronanBoost;
    // Vessels
    final double vesselRecoveryTime;
    // Aging
    final double synthesisDeclineAt80;
    final double fibroblastDeclineAt80;
    final double mmpRiseAt80;

    private BiologyParameters(Builder b) {
        heatShockSignalTime = requireFinitePositive("heat-shock signal time", b.heatShockSignalTime, "s");
        heatShockProteinTime = requireFinitePositive("heat-shock protein time", b.heatShockProteinTime, "s");
        heatShockPeak = requireFiniteNonNegative("heat-shock peak", b.heatShockPeak, "");
        heatShockDoseScale = requireFinitePositive("heat-shock dose scale", b.heatShockDoseScale, "min");
        woundTime = requireFinitePositive("wound time", b.woundTime, "s");
        growthFactorDiffusivity = requireFiniteNonNegative("growth-factor diffusivity", b.growthFactorDiffusivity,
                "m²/s");
        growthFactorDecay = requireFinitePositive("growth-factor decay", b.growthFactorDecay, "1/s");
        growthFactorFromWound = requireFiniteNonNegative("growth factor from wound", b.growthFactorFromWound, "1/s");
        growthFactorFromActivated = requireFiniteNonNegative("growth factor from activated fibroblasts",
                b.growthFactorFromActivated, "1/s");
        activationByHeatShock = requireFiniteNonNegative("activation by heat shock", b.activationByHeatShock, "1/s");
        heatShockHalfSaturation = requireFinitePositive("heat-shock half-saturation", b.heatShockHalfSaturation, "");
        activationByGrowthFactor = requireFiniteNonNegative("activation by growth factor",
                b.activationByGrowthFactor, "1/s");
        maturationRate = requireFiniteNonNegative("maturation rate", b.maturationRate, "1/s");
        quiescenceRate = requireFiniteNonNegative("quiescence rate", b.quiescenceRate, "1/s");
        quiescentDeath = requireFinitePositive("quiescent death rate", b.quiescentDeath, "1/s");
        carryingCapacityFactor = requireInRange("carrying capacity factor", b.carryingCapacityFactor, 1.01, 100, "");
        activatedProliferation = requireFiniteNonNegative("activated proliferation", b.activatedProliferation, "1/s");
        activatedDeath = requireFiniteNonNegative("activated death rate", b.activatedDeath, "1/s");
        fibroblastMotility = requireFiniteNonNegative("fibroblast motility", b.fibroblastMotility, "m²/s");
        chemotaxis = requireFiniteNonNegative("chemotaxis", b.chemotaxis, "m²/s");
        mmpTime = requireFinitePositive("MMP time", b.mmpTime, "s");
        mmpFromActivated = requireFiniteNonNegative("MMP from activated fibroblasts", b.mmpFromActivated, "");
        mmpFromWound = requireFiniteNonNegative("MMP from wound", b.mmpFromWound, "");
        collagenHalfLife = requireFinitePositive("collagen half-life", b.collagenHalfLife, "s");
        collagenIIIBoostActivated = requireFiniteNonNegative("collagen III boost (activated)",
                b.collagenIIIBoostActivated, "");
        collagenIIIBoostSynthetic = requireFiniteNonNegative("collagen III boost (synthetic)",
                b.collagenIIIBoostSynthetic, "");
        collagenIBoostActivated = requireFiniteNonNegative("collagen I boost (activated)", b.collagenIBoostActivated,
                "");
        collagenIBoostSynthetic = requireFiniteNonNegative("collagen I boost (synthetic)", b.collagenIBoostSynthetic,
                "");
        denaturedClearanceTime = requireFinitePositive("denatured-collagen clearance time", b.denaturedClearanceTime,
                "s");
        elastinHalfLife = requireFinitePositive("elastin half-life", b.elastinHalfLife, "s");
        elastinBoost = requireFiniteNonNegative("elastin boost", b.elastinBoost, "");
        hyaluronanHalfLife = requireFinitePositive("hyaluronan half-life", b.hyaluronanHalfLife, "s");
        hyaluronanBoost = requireFiniteNonNegative("hyaluronan boost", b.hyaluronanBoost, "");
        vesselRecoveryTime = requireFinitePositive("vessel recovery time", b.vesselRecoveryTime, "s");
        synthesisDeclineAt80 = requireInRange("synthesis decline at 80", b.synthesisDeclineAt80, 0, 0.9, "");
        fibroblastDeclineAt80 = requireInRange("fibroblast decline at 80", b.fibroblastDeclineAt80, 0, 0.9, "");
        mmpRiseAt80 = requireInRange("MMP rise at 80", b.mmpRiseAt80, 0, 10, "");
    }

    /** @return the documented default parameters */
    public static BiologyParameters defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.heatShockSignalTime = heatShockSignalTime;
        b.heatShockProteinTime = heatShockProteinTime;
        b.heatShockPeak = heatShockPeak;
        b.heatShockDoseScale = heatShockDoseScale;
        b.woundTime = woundTime;
        b.growthFactorDiffusivity = growthFactorDiffusivity;
        b.growthFactorDecay = growthFactorDecay;
        b.growthFactorFromWound = growthFactorFromWound;
        b.growthFactorFromActivated = growthFactorFromActivated;
        b.activationByHeatShock = activationByHeatShock;
        b.heatShockHalfSaturation = heatShockHalfSaturation;
        b.activationByGrowthFactor = activationByGrowthFactor;
        b.maturationRate = maturationRate;
        b.quiescenceRate = quiescenceRate;
        b.quiescentDeath = quiescentDeath;
        b.carryingCapacityFactor = carryingCapacityFactor;
        b.activatedProliferation = activatedProliferation;
        b.activatedDeath = activatedDeath;
        b.fibroblastMotility = fibroblastMotility;
        b.chemotaxis = chemotaxis;
        b.mmpTime = mmpTime;
        b.mmpFromActivated = mmpFromActivated;
        b.mmpFromWound = mmpFromWound;
        b.collagenHalfLife = collagenHalfLife;
        b.collagenIIIBoostActivated = collagenIIIBoostActivated;
        b.collagenIIIBoostSynthetic = collagenIIIBoostSynthetic;
        b.collagenIBoostActivated = collagenIBoostActivated;
        b.collagenIBoostSynthetic = collagenIBoostSynthetic;
        b.denaturedClearanceTime = denaturedClearanceTime;
        b.elastinHalfLife = elastinHalfLife;
        b.elastinBoost = elastinBoost;
        b.hyaluronanHalfLife = hyaluronanHalfLife;
        b.hyaluronanBoost = hyaluronanBoost;
        b.vesselRecoveryTime = vesselRecoveryTime;
        b.synthesisDeclineAt80 = synthesisDeclineAt80;
        b.fibroblastDeclineAt80 = fibroblastDeclineAt80;
        b.mmpRiseAt80 = mmpRiseAt80;
        return b;
    }

    /**
     * The aging factor of a quantity that changes linearly from age 25 to age 80 by {@code changeAt80} (a relative
     * change; negative for a decline), held constant outside that range.
     */
    static double ageFactor(double ageYears, double changeAt80) {
        double x = Math.max(0.0, Math.min(1.0, (ageYears - 25.0) / 55.0));
        return 1.0 + changeAt80 * x;
    }

    /**
     * @param ageYears age (years)
     * @return per-cell synthesis relative to age 25: 1 at 25, 1 − 0.32 at 80 and above by default (Varani et al., Am
     *         J Pathol 168:1861 (2006): type I procollagen 56 vs 82 ng/ml from fibroblasts of 80+ vs 18–29 year olds)
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

    /** @return τ_s, the time constant of each stage of the heat-shock induction cascade (s) */
    public double heatShockSignalTime() {
        return heatShockSignalTime;
    }

    /** @return τ_h, the time constant of heat-shock protein decay (s) */
    public double heatShockProteinTime() {
        return heatShockProteinTime;
    }

    /** @return the HSP excess over basal at the peak of a saturating sublethal dose (dimensionless) */
    public double heatShockPeak() {
        return heatShockPeak;
    }

    /** @return the CEM43 dose at which induction reaches 1 − 1/e of its maximum (min) */
    public double heatShockDoseScale() {
        return heatShockDoseScale;
    }

    /**
     * The induction that makes the HSP excess of a saturating sublethal dose peak at {@link #heatShockPeak()}.
     *
     * @return the full induction S (dimensionless), the input to the {@link HeatShockCascade}
     */
    public double heatShockFullInduction() {
        HeatShockCascade c = cascade();
        return heatShockPeak / c.response(c.peakTime());
    }

    /** @return the time from the heat shock to the HSP peak (s) */
    public double heatShockPeakTime() {
        return cascade().peakTime();
    }

    /**
     * @param t time after the heat shock (s)
     * @return the HSP excess over basal after a saturating dose, in units of basal (dimensionless)
     */
    public double heatShockResponse(double t) {
        HeatShockCascade c = cascade();
        return heatShockPeak * c.response(t) / c.response(c.peakTime());
    }

    HeatShockCascade cascade() {
        return new HeatShockCascade(heatShockSignalTime, heatShockProteinTime);
    }

    /** Builder of {@link BiologyParameters}; every setter states its unit. */
    public static final class Builder {
        private static final double HOUR = Units.HOUR;
        private static final double DAY = Units.DAY;
        private static final double YEAR = 365.25 * Units.DAY;

        double heatShockSignalTime = 5.0 * HOUR;
        double heatShockProteinTime = 5.0 * HOUR;
        double heatShockPeak = 9.0;
        double heatShockDoseScale = 30.0;
        double woundTime = 21.0 * DAY;
        double growthFactorDiffusivity = 1e-12;
        double growthFactorDecay = Math.log(2) / (12.0 * HOUR);
        double growthFactorFromWound = 4.0 / DAY;
        double growthFactorFromActivated = 0.0;
        double activationByHeatShock = 0.5 / DAY;
        double heatShockHalfSaturation = 2.0;
        double activationByGrowthFactor = 0.3 / DAY;
        double maturationRate = 1.0 / (5.0 * DAY);
        double quiescenceRate = 1.0 / (21.0 * DAY);
        double quiescentDeath = 1.0 / (60.0 * DAY);
        double carryingCapacityFactor = 3.0;
        double activatedProliferation = Math.log(2) / (2.0 * DAY);
        double activatedDeath = 1.0 / (30.0 * DAY);
        double fibroblastMotility = 1e-14;
        double chemotaxis = 2e-14;
        double mmpTime = 1.0 * DAY;
        double mmpFromActivated = 3.0;
        double mmpFromWound = 2.0;
        double collagenHalfLife = 15.0 * YEAR;
        // Fitted by examples' CalibrateBiology (see docs/validation.md), with the phase ratio 3 fixed.
        double collagenIIIBoostActivated = 11.41;
        double collagenIIIBoostSynthetic = 5.487;
        double collagenIBoostActivated = 3.804;
        double collagenIBoostSynthetic = 16.46;
        double denaturedClearanceTime = 14.0 * DAY;
        double elastinHalfLife = 70.0 * YEAR;
        double elastinBoost = 20.0;
        double hyaluronanHalfLife = 1.5 * DAY;
        double hyaluronanBoost = 3.0;
        double vesselRecoveryTime = 14.0 * DAY;
        double synthesisDeclineAt80 = 0.32;
        double fibroblastDeclineAt80 = 0.10;
        double mmpRiseAt80 = 0.20;

        private Builder() {
        }

        /**
         * @param hours τ_s, per induction stage (h)
         * @return this builder
         */
        public Builder heatShockSignalHours(double hours) {
            heatShockSignalTime = hours * HOUR;
            return this;
        }

        /**
         * @param hours τ_h (h)
         * @return this builder
         */
        public Builder heatShockProteinHours(double hours) {
            heatShockProteinTime = hours * HOUR;
            return this;
        }

        /**
         * @param excess HSP excess over basal at the peak of a saturating dose (e.g. 9 for 10× basal)
         * @return this
         */
        public Builder heatShockPeak(double excess) {
            heatShockPeak = excess;
            return this;
        }

        /**
         * @param minutes CEM43 dose scale of induction (min)
         * @return this builder
         */
        public Builder heatShockDoseScaleMinutes(double minutes) {
            heatShockDoseScale = minutes;
            return this;
        }

        /**
         * @param days wound-signal time constant (d)
         * @return this builder
         */
        public Builder woundDays(double days) {
            woundTime = days * DAY;
            return this;
        }

        /**
         * @param perDay growth-factor production per unit wound signal (1/d)
         * @return this builder
         */
        public Builder growthFactorFromWoundPerDay(double perDay) {
            growthFactorFromWound = perDay / DAY;
            return this;
        }

        /**
         * @param perDay activation rate by HSP at saturation (1/d)
         * @return this builder
         */
        public Builder activationByHeatShockPerDay(double perDay) {
            activationByHeatShock = perDay / DAY;
            return this;
        }

        /**
         * @param perDay activation rate by growth factor at saturation (1/d)
         * @return this builder
         */
        public Builder activationByGrowthFactorPerDay(double perDay) {
            activationByGrowthFactor = perDay / DAY;
            return this;
        }

        /**
         * @param days mean time from activation to the synthetic phase (d)
         * @return this builder
         */
        public Builder maturationDays(double days) {
            maturationRate = 1.0 / (days * DAY);
            return this;
        }

        /**
         * @param days mean time from the synthetic phase back to quiescence (d)
         * @return this builder
         */
        public Builder quiescenceDays(double days) {
            quiescenceRate = 1.0 / (days * DAY);
            return this;
        }

        /**
         * @param factor collagen III synthesis of an activated cell relative to a quiescent one
         * @return this
         */
        public Builder collagenIIIBoostActivated(double factor) {
            collagenIIIBoostActivated = factor;
            return this;
        }

        /**
         * @param factor collagen III synthesis of a synthetic cell relative to a quiescent one
         * @return this
         */
        public Builder collagenIIIBoostSynthetic(double factor) {
            collagenIIIBoostSynthetic = factor;
            return this;
        }

        /**
         * @param factor collagen I synthesis of an activated cell relative to a quiescent one
         * @return this
         */
        public Builder collagenIBoostActivated(double factor) {
            collagenIBoostActivated = factor;
            return this;
        }

        /**
         * @param factor collagen I synthesis of a synthetic cell relative to a quiescent one
         * @return this
         */
        public Builder collagenIBoostSynthetic(double factor) {
            collagenIBoostSynthetic = factor;
            return this;
        }

        /**
         * @param years collagen half-life at resting MMP activity (y)
         * @return this builder
         */
        public Builder collagenHalfLifeYears(double years) {
            collagenHalfLife = years * YEAR;
            return this;
        }

        /**
         * @param days denatured-collagen clearance time (d)
         * @return this builder
         */
        public Builder denaturedClearanceDays(double days) {
            denaturedClearanceTime = days * DAY;
            return this;
        }

        /**
         * @param days hyaluronan half-life (d)
         * @return this builder
         */
        public Builder hyaluronanHalfLifeDays(double days) {
            hyaluronanHalfLife = days * DAY;
            return this;
        }

        /**
         * @param metresSquaredPerSecond random motility of fibroblasts (m²/s)
         * @return this builder
         */
        public Builder fibroblastMotility(double metresSquaredPerSecond) {
            fibroblastMotility = metresSquaredPerSecond;
            return this;
        }

        /**
         * @param metresSquaredPerSecond chemotactic sensitivity to the growth factor (m²/s)
         * @return this builder
         */
        public Builder chemotaxis(double metresSquaredPerSecond) {
            chemotaxis = metresSquaredPerSecond;
            return this;
        }

        /**
         * @param metresSquaredPerSecond growth-factor diffusivity (m²/s)
         * @return this builder
         */
        public Builder growthFactorDiffusivity(double metresSquaredPerSecond) {
            growthFactorDiffusivity = metresSquaredPerSecond;
            return this;
        }

        /**
         * @param days vessel recovery time constant (d)
         * @return this builder
         */
        public Builder vesselRecoveryDays(double days) {
            vesselRecoveryTime = days * DAY;
            return this;
        }

        /**
         * @param fraction relative synthesis decline from 25 to 80 years (0.32 = −32 %)
         * @return this builder
         */
        public Builder synthesisDeclineAt80(double fraction) {
            synthesisDeclineAt80 = fraction;
            return this;
        }

        /**
         * @param hours growth-factor half-life (h)
         * @return this builder
         */
        public Builder growthFactorHalfLifeHours(double hours) {
            growthFactorDecay = Math.log(2) / (hours * HOUR);
            return this;
        }

        /**
         * @param perDay growth-factor production by activated and synthetic fibroblasts at the resting density (1/d)
         * @return this builder
         */
        public Builder growthFactorFromActivatedPerDay(double perDay) {
            growthFactorFromActivated = perDay / DAY;
            return this;
        }

        /**
         * @param excess HSP excess at which activation by heat shock is half its maximum
         * @return this builder
         */
        public Builder heatShockHalfSaturation(double excess) {
            heatShockHalfSaturation = excess;
            return this;
        }

        /**
         * @param days mean lifetime of a quiescent fibroblast (d)
         * @return this builder
         */
        public Builder quiescentLifetimeDays(double days) {
            quiescentDeath = 1.0 / (days * DAY);
            return this;
        }

        /**
         * @param factor carrying capacity as a multiple of the resting density (1.01–100)
         * @return this builder
         */
        public Builder carryingCapacityFactor(double factor) {
            carryingCapacityFactor = factor;
            return this;
        }

        /**
         * @param days doubling time of activated fibroblasts at saturating growth factor and low density (d)
         * @return this builder
         */
        public Builder activatedDoublingDays(double days) {
            activatedProliferation = Math.log(2) / (days * DAY);
            return this;
        }

        /**
         * @param days mean lifetime of an activated or synthetic fibroblast (d)
         * @return this builder
         */
        public Builder activatedLifetimeDays(double days) {
            activatedDeath = 1.0 / (days * DAY);
            return this;
        }

        /**
         * @param days time constant of MMP activity (d)
         * @return this builder
         */
        public Builder mmpDays(double days) {
            mmpTime = days * DAY;
            return this;
        }

        /**
         * @param factor MMP made by an activated cell relative to a resting one
         * @return this builder
         */
        public Builder mmpFromActivated(double factor) {
            mmpFromActivated = factor;
            return this;
        }

        /**
         * @param factor MMP added by a full wound signal, relative to resting activity
         * @return this builder
         */
        public Builder mmpFromWound(double factor) {
            mmpFromWound = factor;
            return this;
        }

        /**
         * @param years elastin half-life at resting MMP activity (y)
         * @return this builder
         */
        public Builder elastinHalfLifeYears(double years) {
            elastinHalfLife = years * YEAR;
            return this;
        }

        /**
         * @param factor elastin synthesis of an activated or synthetic cell relative to a resting one
         * @return this
         */
        public Builder elastinBoost(double factor) {
            elastinBoost = factor;
            return this;
        }

        /**
         * @param factor hyaluronan synthesis of an activated or synthetic cell relative to a resting one
         * @return this
         */
        public Builder hyaluronanBoost(double factor) {
            hyaluronanBoost = factor;
            return this;
        }

        /**
         * @param fraction resting fibroblast decline from 25 to 80 years (0.1 = −10 %)
         * @return this builder
         */
        public Builder fibroblastDeclineAt80(double fraction) {
            fibroblastDeclineAt80 = fraction;
            return this;
        }

        /**
         * @param fraction resting MMP rise from 25 to 80 years (0.2 = +20 %)
         * @return this builder
         */
        public Builder mmpRiseAt80(double fraction) {
            mmpRiseAt80 = fraction;
            return this;
        }

        /** @return the validated parameters */
        public BiologyParameters build() {
            return new BiologyParameters(this);
        }
    }
}
