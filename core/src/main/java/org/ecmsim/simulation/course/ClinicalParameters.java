package org.ecmsim.simulation.course;

import java.util.Objects;
import org.ecmsim.internal.Checks;
import org.ecmsim.mechanics.ShrinkageKinetics;
import org.ecmsim.units.Units;

/**
 * The constants of the clinical outcomes ({@link ClinicalOutcomes}): how collagen shrinks, how much of that
 * shrinkage survives the replacement of coagulated collagen, how hard myofibroblasts pull, and the downtime
 * proxies. Equations and sources: docs/model.md, "Clinical outcomes".
 *
 * @param shrinkageModel what gives a cell's free shrinkage: the denatured fraction of the course's collagen
 *        denaturation process (default) or the equivalent heating time of the shrinkage kinetics
 * @param shrinkage the free shrinkage kinetics of dermal collagen: its s_max and recovery always apply, its
 *        equivalent-time master curve with {@link ShrinkageModel#EQUIVALENT_TIME} (default
 *        {@link ShrinkageKinetics#CHEN_1998_TENDON}, unverified constants for tendon)
 * @param lockedFraction φ, the share of a session's thermal shrinkage that stays when its denatured collagen is
 *        cleared and replaced (new collagen laid down in the contracted geometry), in [0, 1]; default 0.5, model
 *        choice (no source quantifies it)
 * @param myofibroblastStrain β, the in-plane contraction strain of dermis whose activated fibroblasts exceed the
 *        control's by as many cells as the control's whole fibroblast population (myofibroblast traction, reversible
 *        while the cells are there), in [0, 0.2]; default 0.02, model choice
 * @param reepithelialisationTime T₅₀₀, the time to re-epithelialise an epidermal opening 500 µm wide (s), in
 *        [1 h, 14 d]; default 22 h, the slowest median (ED50) closure of Stumpp et al. 2009 (lesions all under
 *        500 µm: ED50 10–22 h); an opening of radius r closes in T₅₀₀·r/250 µm
 * @param erythemaTime τ_e, the decay time of the acute vascular response to a session's wound signal (s), in
 *        [1 h, 14 d]; default 1 d, model choice (clinical reports of 1–3 days of erythema after RF microneedling)
 * @param erythemaTolerance the papillary-dermis wound signal (0–1 scale, excess over control) below which the
 *        erythema counts as resolved, in (0, 1); default 0.01, model choice
 * @param haBoundWater w_HA, the water held per unit mass of hyaluronan in the dermis (kg/kg), in [0, 2000]; default
 *        350, model choice: 20 % of the dermis's ~700 kg/m³ water attributed to its ~0.4 kg/m³ hyaluronan (free
 *        hyaluronan binds up to ~1000 times its mass, an upper bound; unverified)
 * @param oedemaFraction h, the volume fraction of inflammatory oedema per unit rise of the dermis's mean wound
 *        signal, in [0, 1]; default 0.2, model choice
 * @param oedemaTime τ_o, the decay time of the oedema (s), in [1 h, 30 d]; default 3 d, model choice (swelling after
 *        RF microneedling is reported to settle within days; unverified)
 */
public record ClinicalParameters(ShrinkageModel shrinkageModel, ShrinkageKinetics shrinkage, double lockedFraction,
        double myofibroblastStrain, double reepithelialisationTime, double erythemaTime, double erythemaTolerance,
        double haBoundWater, double oedemaFraction, double oedemaTime) {

    /**
     * What gives a cell's free shrinkage s (fraction of length).
     */
    public enum ShrinkageModel {
        /**
         * {@code s = s_max·(1 − e^(−Ω_collagen))}: denatured collagen shrinks fully, intact collagen not at all, with
         * the course's collagen denaturation process (Maitland–Walsh by default): shrinkage is the macroscopic sign
         * of the helix–coil transition (Wright and Humphrey 2002), so the contraction and the biology's denatured
         * collagen come from one damage integral.
         */
        DENATURED_FRACTION,
        /**
         * The master curve of {@link ShrinkageKinetics} in the equivalent heating time (Chen et al. 1997–1998),
         * fitted to minutes of heating of tendon; at the 0.1 s pulses of RF microneedling it predicts almost no
         * shrinkage below ~90 °C.
         */
        EQUIVALENT_TIME
    }

    /** The defaults (see the components). */
    public static final ClinicalParameters DEFAULTS = new ClinicalParameters(ShrinkageModel.DENATURED_FRACTION,
            ShrinkageKinetics.CHEN_1998_TENDON, 0.5, 0.02, 22 * Units.HOUR, Units.DAY, 0.01, 350.0, 0.2,
            3 * Units.DAY);

    /** Henriques (1947) first-degree burn threshold of the epidermis (basal layer): Ω = 0.53 (unverified here). */
    public static final double FIRST_DEGREE_OMEGA = 0.53;
    /** Henriques (1947) second-degree burn threshold (irreversible epidermal injury): Ω = 1 (unverified here). */
    public static final double SECOND_DEGREE_OMEGA = 1.0;
    /** The opening width T₅₀₀ refers to (m): 500 µm. */
    public static final double REFERENCE_OPENING_WIDTH = 500e-6;
    /**
     * Volume per unit dry mass of the matrix proteins (collagen, elastin) (m³/kg): 0.74·10⁻³, the partial specific
     * volume of a typical protein (≈ 0.73–0.74 mL/g; unverified for collagen fibres in situ).
     */
    public static final double PROTEIN_SPECIFIC_VOLUME = 0.74e-3;
    /** Density of water (kg/m³). */
    public static final double WATER_DENSITY = 1000.0;
    /** Weight of elastin against mature collagen I in the firmness proxy: 1 (mass for mass; model choice). */
    public static final double ELASTIN_FIRMNESS_WEIGHT = 1.0;

    /**
     * Validates the constants.
     *
     * @param shrinkageModel what gives the free shrinkage
     * @param shrinkage the free shrinkage kinetics
     * @param lockedFraction φ, in [0, 1]
     * @param myofibroblastStrain β, in [0, 0.2]
     * @param reepithelialisationTime T₅₀₀ (s), in [3600, 14 d]
     * @param erythemaTime τ_e (s), in [3600, 14 d]
     * @param erythemaTolerance in (0, 1)
     * @param haBoundWater w_HA (kg/kg), in [0, 2000]
     * @param oedemaFraction h, in [0, 1]
     * @param oedemaTime τ_o (s), in [3600, 30 d]
     */
    public ClinicalParameters {
        Objects.requireNonNull(shrinkageModel, "shrinkage model");
        Objects.requireNonNull(shrinkage, "shrinkage");
        Checks.requireInRange("locked fraction", lockedFraction, 0.0, 1.0, "");
        Checks.requireInRange("myofibroblast strain", myofibroblastStrain, 0.0, 0.2, "");
        Checks.requireInRange("re-epithelialisation time", reepithelialisationTime, Units.HOUR, 14 * Units.DAY, "s");
        Checks.requireInRange("erythema time", erythemaTime, Units.HOUR, 14 * Units.DAY, "s");
        Checks.requireInRange("erythema tolerance", erythemaTolerance, 1e-9, 0.999, "");
        Checks.requireInRange("hyaluronan-bound water", haBoundWater, 0.0, 2000.0, "kg/kg");
        Checks.requireInRange("oedema fraction", oedemaFraction, 0.0, 1.0, "");
        Checks.requireInRange("oedema time", oedemaTime, Units.HOUR, 30 * Units.DAY, "s");
    }

    /**
     * @param value the shrinkage model
     * @return a copy with it replaced
     */
    public ClinicalParameters withShrinkageModel(ShrinkageModel value) {
        return new ClinicalParameters(value, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value the shrinkage kinetics
     * @return a copy with it replaced
     */
    public ClinicalParameters withShrinkage(ShrinkageKinetics value) {
        return new ClinicalParameters(shrinkageModel, value, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value φ
     * @return a copy with it replaced
     */
    public ClinicalParameters withLockedFraction(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, value, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value β
     * @return a copy with it replaced
     */
    public ClinicalParameters withMyofibroblastStrain(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, value, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value T₅₀₀ (s)
     * @return a copy with it replaced
     */
    public ClinicalParameters withReepithelialisationTime(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, value, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value τ_e (s)
     * @return a copy with it replaced
     */
    public ClinicalParameters withErythemaTime(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, value, erythemaTolerance, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value the erythema tolerance
     * @return a copy with it replaced
     */
    public ClinicalParameters withErythemaTolerance(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, value, haBoundWater, oedemaFraction, oedemaTime);
    }

    /**
     * @param value w_HA (kg/kg)
     * @return a copy with it replaced
     */
    public ClinicalParameters withHaBoundWater(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, value, oedemaFraction, oedemaTime);
    }

    /**
     * @param value h
     * @return a copy with it replaced
     */
    public ClinicalParameters withOedemaFraction(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, value, oedemaTime);
    }

    /**
     * @param value τ_o (s)
     * @return a copy with it replaced
     */
    public ClinicalParameters withOedemaTime(double value) {
        return new ClinicalParameters(shrinkageModel, shrinkage, lockedFraction, myofibroblastStrain, reepithelialisationTime, erythemaTime, erythemaTolerance, haBoundWater, oedemaFraction, value);
    }
}
