package org.ecmsim.examples;

import java.util.List;

/**
 * The published observables the biology is calibrated and validated against, as data: one row per target, each
 * naming the model quantity it is compared with ({@link BiologyProbe.Quantity}), the region and time, the published
 * value or range, the source, how far the number was verified, the modality and why it applies to RF microneedling.
 *
 * <p>A target is a range [low, high] with a central value; a one-sided bound has the other end infinite. The miss of
 * a model value v is the log-ratio to the nearest end of the range, zero inside it ({@link #miss}); the fit minimises
 * the weighted sum of squared misses of the targets marked {@link Use#FIT}. Targets marked {@link Use#CHECK} compare a
 * fixed, measured constant (or a quantity the fitted rates cannot set) with its source and are reported, not fitted.
 *
 * <p>The sources were checked with the project's literature search (pages of abstracts and publishers); see
 * docs/validation.md, "Biology: calibration against published time courses". "abstract" means the number is in the
 * abstract we read; "secondary" that we found it only in a review, a news report or a textbook summary; "inferred"
 * that the source states it qualitatively and the number is our reading.
 */
final class CalibrationTargets {

    private CalibrationTargets() {
    }

    /** Whether a target enters the objective. */
    enum Use {
        /** Fitted: in the objective. */
        FIT,
        /**
         * Checked, not in the objective: a fixed measured constant, a quantity only such constants set, or one the
         * fitted rates cannot reach without breaking other targets (the lesion's new-collagen fraction is set mostly by
         * how much of its collagen the heat denatured, which the thermal model decides).
         */
        CHECK
    }

    /** How far a published number was verified. */
    enum Verified {
        /** Read in the primary paper. */
        PRIMARY,
        /** Read in the primary paper's abstract. */
        ABSTRACT,
        /** Found only in a secondary source (review, news report, textbook summary). */
        SECONDARY,
        /** The source says it qualitatively; the number is our reading of it. */
        INFERRED
    }

    /**
     * One published observable.
     *
     * @param id short name used in tables
     * @param quantity the model quantity compared
     * @param region where (lesion; coag.lesion: the lesion with 90 % of its collagen denatured; killed blk:
     *        LesionLifeCycleTest's fully killed 400 µm block; rim, site, dermis, culture)
     * @param when the time point, as printed
     * @param central the central published value (in the quantity's unit)
     * @param low lower end of the published range (−∞ for none)
     * @param high upper end of the published range (+∞ for none)
     * @param weight weight of the squared miss (dimensionless)
     * @param use fitted or checked
     * @param published the published value as the source states it
     * @param source the source
     * @param verified how far the number was verified
     * @param modality what was done to the tissue, and why it applies here
     */
    record Target(String id, BiologyProbe.Quantity quantity, String region, String when, double central, double low,
            double high, double weight, Use use, String published, String source, Verified verified,
            String modality) {

        /**
         * @param value the model value
         * @return ln(value/low) below the range, ln(value/high) above it, 0 inside; NaN if the value is missing
         */
        double miss(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                return Double.isNaN(value) ? Double.NaN : (value <= 0 && low > 0 ? Math.log(1e-3 / low) : 0);
            }
            if (value < low) {
                return Math.log(value / low);
            }
            if (value > high) {
                return Math.log(value / high);
            }
            return 0;
        }
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Weight of the fully killed block's targets: they are LesionLifeCycleTest's criteria, so the fit treats them as
     * near-constraints (a miss of 0.05 in log costs as much as a miss of 0.16 elsewhere); model choice.
     */
    static final double KILLED_BLOCK_WEIGHT = 10;

    /** The targets, in the order they are printed. */
    static final List<Target> ALL = List.of(
            new Target("HSP70 peak", BiologyProbe.Quantity.HSP70_PEAK_HOURS, "rim", "0-3 d", 15, 12, 18, 1,
                    Use.FIT, "peak 12-18 h after sublethal laser heating, back to baseline by 48 h",
                    "Du et al., Mol. Vis. 18 (2012) 2380", Verified.ABSTRACT,
                    "cell culture (RF/6A choroid-retinal endothelial cells, 810 nm diode laser, 60 s): the only"
                            + " hourly HSP70 time course found; the rim is the sublethally heated tissue"),
            new Target("HSP70 return 48 h", BiologyProbe.Quantity.HSP70_EXCESS_48H_OVER_PEAK, "rim", "48 h", 0.05,
                    0, 0.15, 1, Use.FIT, "returned to baseline by 48 h (read as <= 15 % of the peak excess)",
                    "Du et al., Mol. Vis. 18 (2012) 2380", Verified.INFERRED, "cell culture, as above"),
            new Target("HSP70 day 7", BiologyProbe.Quantity.HSP70_FOLD_RIM_DAY7, "rim", "day 7", 1.0, 1.0, 1.2, 1,
                    Use.FIT, "HSP70 protein up on day 1, back to baseline by day 7",
                    "Dermatol. Surg. (2012), PMID 22093071 (3 patients)", Verified.ABSTRACT,
                    "non-ablative fractional laser, human skin in vivo: sublethal heating around micro-zones"),
            new Target("HSP47 peak", BiologyProbe.Quantity.HSP47_PEAK_DAYS, "rim", "0-84 d", 30, 7, 84, 1,
                    Use.FIT, "HSP47 peak at 1 month around the thermal zones (biopsies 4 h, 1 d, 5 d, 1, 3, 6 mo)",
                    "Xu et al., Dermatol. Surg. 37 (2011); Hantash et al., Lasers Surg. Med. 39 (2007) 96",
                    Verified.ABSTRACT, "fractional CO2 laser, human back and forearm skin: thermal zones"
                            + " and their rim, as RF microneedling makes"),
            new Target("HSP47 day 84", BiologyProbe.Quantity.HSP47_FOLD_RIM_DAY84, "rim", "day 84", 1.5, 1.2, INF, 1,
                    Use.FIT, "HSP47 still high at 3 months (Xu: and 6 months; Hantash 2007: from day 7 to 3 months)",
                    "Xu et al. 2011; Hantash et al. 2007", Verified.INFERRED,
                    "fractional CO2 laser, as above; 'raised' read as >= 1.2x basal"),
            new Target("procollagen I day 7", BiologyProbe.Quantity.COLLAGEN_I_SYNTHESIS_RIM_DAY7, "rim", "day 7",
                    1.645, 1.47, 1.84, 2, Use.FIT, "type I procollagen mRNA +47 % (585 nm PDL) and +84 % (1320 nm"
                            + " Nd:YAG) one week after one treatment",
                    "Orringer et al., J. Am. Acad. Dermatol. 53 (2005) 775", Verified.ABSTRACT,
                    "non-ablative laser, photodamaged forearm skin: sublethal heating of the whole field, like the"
                            + " rim here; mRNA read as synthesis"),
            new Target("MMP day 1", BiologyProbe.Quantity.MMP_FOLD_RIM_DAY1, "rim", "day 1", 2, 1.5, INF, 1,
                    Use.FIT, "MMP-1 protein up-regulated on day 1", "Dermatol. Surg. (2012), PMID 22093071",
                    Verified.INFERRED, "non-ablative fractional laser; 'up-regulated' read as >= 1.5x"),
            new Target("MMP day 7", BiologyProbe.Quantity.MMP_FOLD_RIM_DAY7, "rim", "day 7", 1.0, 1.0, 1.3, 1,
                    Use.FIT, "MMP-1 back to baseline by day 7", "Dermatol. Surg. (2012), PMID 22093071",
                    Verified.ABSTRACT, "non-ablative fractional laser: sublethal zones"),
            new Target("MMP lesion day 14", BiologyProbe.Quantity.MMP_FOLD_LESION_DAY14, "lesion", "day 14", 2, 1.5,
                    INF, 1, Use.FIT, "MMP-1, -3, -9, -13 mRNA raised at days 7, 14 and 21",
                    "Reilly et al., Arch. Facial Plast. Surg. 12 (2010)", Verified.SECONDARY,
                    "fractional CO2 laser (ablative, lethal zones) on face and neck: the lesion, not the rim;"
                            + " read in a news report of the paper"),
            new Target("denatured left day 14", BiologyProbe.Quantity.DENATURED_LEFT_DAY14, "site", "day 14",
                    0.5, 0.2, 1.0, 1, Use.FIT, "replacement of the thermal zones takes weeks: infiltrate from day 2"
                            + " through 10 weeks, complete by 10 weeks (read as >= 20 % of the denatured collagen"
                            + " still there at day 14)", "Hantash et al. 2009", Verified.INFERRED,
                    "the same modality"),
            new Target("denatured left day 70", BiologyProbe.Quantity.DENATURED_LEFT_DAY70, "site", "day 70",
                    0.0, 0, 0.05, 2, Use.FIT, "RF thermal zones completely replaced by new collagen by 10 weeks",
                    "Hantash et al., Lasers Surg. Med. 41 (2009) 1", Verified.ABSTRACT,
                    "fractional bipolar RF microneedles, human skin in vivo: the same modality"),
            new Target("lesion collagen day 70", BiologyProbe.Quantity.LESION_COLLAGEN_DAY70, "lesion", "day 70",
                    1.0, 0.95, 1.3, 2, Use.FIT, "zones replaced by new collagen by 10 weeks (read as >= 95 % of"
                            + " control)", "Hantash et al. 2009", Verified.INFERRED, "the same modality"),
            new Target("lesion new fraction day 70", BiologyProbe.Quantity.NEW_COLLAGEN_FRACTION_LESION_DAY70,
                    "lesion", "day 70", 0.7, 0.5, 1.0, 1, Use.CHECK, "zones replaced by new collagen (read as"
                            + " >= half of the zone's collagen made after the session)", "Hantash et al. 2009",
                    Verified.INFERRED, "the same modality"),
            new Target("coag. zone collagen day 14", BiologyProbe.Quantity.COAGULATED_COLLAGEN_DAY14, "coag.lesion", "day 14", 0.6, 0, 0.8, 1, Use.FIT, "not yet replaced at 2 weeks (read as native"
                            + " collagen <= 80 % of control)", "Hantash et al. 2009", Verified.INFERRED,
                    "the same modality; the session's lesion with 90 % of its collagen denatured"),
            new Target("coag. zone fibroblasts d14", BiologyProbe.Quantity.COAGULATED_FIBROBLASTS_DAY14,
                    "coag.lesion", "day 14", 0.5, 0.3, 1.5, 1, Use.FIT, "a vigorous wound-healing response with cell"
                            + " infiltration from day 2 (read as fibroblasts >= 30 % of control at day 14, the"
                            + " criterion of LesionLifeCycleTest)", "Hantash et al. 2009", Verified.INFERRED,
                    "the same modality; the infiltrate Hantash reports is inflammatory, so this is a model choice"),
            new Target("coag. zone collagen day 70", BiologyProbe.Quantity.COAGULATED_COLLAGEN_DAY70, "coag.lesion", "day 70", 1.0, 0.9, 1.3, 2, Use.FIT, "thermal zones completely replaced by new"
                            + " collagen by 10 weeks (read as native collagen >= 90 % of control)",
                    "Hantash et al. 2009", Verified.INFERRED, "as above"),
            new Target("coag. zone new fraction d70", BiologyProbe.Quantity.COAGULATED_NEW_FRACTION_DAY70,
                    "coag.lesion", "day 70", 0.85, 0.7, 1.0, 1, Use.FIT, "replaced by new collagen (read"
                            + " as >= 70 % of its collagen made after the session)", "Hantash et al. 2009",
                    Verified.INFERRED, "as above"),
            new Target("killed blk fibroblasts d14", BiologyProbe.Quantity.KILLED_BLOCK_FIBROBLASTS_DAY14,
                    "killed blk", "day 14", 0.5, 0.3, 1.5, KILLED_BLOCK_WEIGHT, Use.FIT, "cell infiltration from day 2 (read as"
                            + " fibroblasts >= 30 % of control at day 14 in a zone where all were killed)",
                    "Hantash et al. 2009", Verified.INFERRED, "the same modality; LesionLifeCycleTest's 400 um block,"
                            + " repopulated only by migration and division; the infiltrate Hantash reports is"
                            + " inflammatory, so this is a model choice"),
            new Target("killed blk collagen d14", BiologyProbe.Quantity.KILLED_BLOCK_COLLAGEN_DAY14, "killed blk",
                    "day 14", 0.6, 0, 0.8, KILLED_BLOCK_WEIGHT, Use.FIT, "not yet replaced at 2 weeks (read as native collagen"
                            + " <= 80 % of control)", "Hantash et al. 2009", Verified.INFERRED,
                    "as above (LesionLifeCycleTest)"),
            new Target("killed blk coag. left d14", BiologyProbe.Quantity.KILLED_BLOCK_DENATURED_DAY14,
                    "killed blk", "day 14", 0.3, 0.1, 1.0, KILLED_BLOCK_WEIGHT, Use.FIT, "replacement takes weeks (read as > 10 % of"
                            + " the coagulated collagen left at day 14)", "Hantash et al. 2009", Verified.INFERRED,
                    "as above (LesionLifeCycleTest)"),
            new Target("killed blk fibroblasts d70", BiologyProbe.Quantity.KILLED_BLOCK_FIBROBLASTS_DAY70,
                    "killed blk", "day 70", 1.0, 0.8, 1.2, KILLED_BLOCK_WEIGHT, Use.FIT, "zones rebuilt by 10 weeks (read as"
                            + " fibroblasts within 20 % of control)", "Hantash et al. 2009", Verified.INFERRED,
                    "as above (LesionLifeCycleTest)"),
            new Target("killed blk collagen d70", BiologyProbe.Quantity.KILLED_BLOCK_COLLAGEN_DAY70, "killed blk",
                    "day 70", 1.0, 0.8, 1.3, KILLED_BLOCK_WEIGHT, Use.FIT, "zones replaced by 10 weeks (read as native collagen"
                            + " >= 80 % of control)", "Hantash et al. 2009", Verified.INFERRED,
                    "as above (LesionLifeCycleTest)"),
            new Target("killed blk coag. left d70", BiologyProbe.Quantity.KILLED_BLOCK_DENATURED_DAY70,
                    "killed blk", "day 70", 0.0, 0, 0.1, KILLED_BLOCK_WEIGHT, Use.FIT, "coagulated collagen replaced by 10 weeks"
                            + " (read as < 10 % left)", "Hantash et al. 2009", Verified.INFERRED,
                    "as above (LesionLifeCycleTest)"),
            new Target("killed blk new fraction d70", BiologyProbe.Quantity.KILLED_BLOCK_NEW_FRACTION_DAY70,
                    "killed blk", "day 70", 0.85, 0.7, 1.0, KILLED_BLOCK_WEIGHT, Use.FIT, "replaced by new collagen (read as >= 70 %"
                            + " of its native collagen made after the insult)", "Hantash et al. 2009",
                    Verified.INFERRED, "as above (LesionLifeCycleTest)"),
            new Target("lesion fibroblasts day 70", BiologyProbe.Quantity.LESION_FIBROBLASTS_DAY70, "lesion",
                    "day 70", 1.0, 0.9, 1.5, 2, Use.FIT, "zones rebuilt by 10 weeks, with infiltrate from day 2"
                            + " (read as fibroblasts >= 90 % of control)", "Hantash et al. 2009",
                    Verified.INFERRED, "the same modality"),
            new Target("type III share early", BiologyProbe.Quantity.TYPE_III_SHARE_NEW_LESION_DAY14, "lesion",
                    "day 14", 0.30, 0.20, 0.40, 1, Use.FIT, "about 30 % of the collagen of early granulation"
                            + " tissue is type III (textbook figure); type III first at 24-48 h, type I from 72 h"
                            + " (children's wounds); new synthesis 20 % type III in normal rat skin",
                    "textbook summary; Gay et al., Acta Chir. Scand. 144 (1978) 205; Exp. Biol. Med. 161 (1979)"
                            + " 337", Verified.SECONDARY, "excisional wounds: a lesion is a small wound"),
            new Target("type III share day 84", BiologyProbe.Quantity.TYPE_III_SHARE_NEW_LESION_DAY84, "lesion",
                    "day 84", 0.18, 0.10, 0.25, 1, Use.FIT, "type III replaced by type I during remodelling;"
                            + " normal adult dermis 10-20 % type III", "textbook summary", Verified.SECONDARY,
                    "wound healing in general"),
            new Target("microneedling alone", BiologyProbe.Quantity.MICRONEEDLING_OVER_RF_DAY84, "dermis",
                    "day 84", 0.3, 0.05, 0.9, 1, Use.FIT, "microneedling alone: considerable increase in collagen"
                            + " and elastin deposition at 6 months (20 patients' histology); read as a smaller, non-zero"
                            + " gain than with RF", "Aust et al., Plast. Reconstr. Surg. 121 (2008) 1421",
                    Verified.INFERRED, "percutaneous collagen induction (needle roller, 1-4 sessions)"),
            new Target("resting FSR", BiologyProbe.Quantity.RESTING_FSR_PERCENT_PER_HOUR, "dermis", "at rest",
                    0.037, 0.034, 0.040, 1, Use.CHECK, "skin collagen 0.037 +/- 0.003 %/h (young men, 28 +/- 6 y)",
                    "Babraj et al., Am. J. Physiol. Endocrinol. Metab. 289 (2005) E864", Verified.ABSTRACT,
                    "stable-isotope incorporation, human skin in vivo"),
            new Target("mature half-life", BiologyProbe.Quantity.MATURE_HALF_LIFE_YEARS, "dermis", "at rest", 15,
                    12, 18, 1, Use.CHECK, "skin collagen half-life 15 years (from D-Asp racemization)",
                    "Verzijl et al., J. Biol. Chem. 275 (2000) 39027", Verified.ABSTRACT,
                    "human skin collagen; the mature, cross-linked pool"),
            new Target("procollagen old/young", BiologyProbe.Quantity.SYNTHESIS_OLD_OVER_YOUNG, "culture",
                    "85 vs 25 y", 0.683, 0.58, 0.82, 1, Use.CHECK, "type I procollagen 56 +/- 8 vs 82 +/- 16 ng/ml"
                            + " (fibroblasts of 80+ vs 18-29 year olds)",
                    "Varani et al., Am. J. Pathol. 168 (2006) 1861", Verified.ABSTRACT,
                    "dermal fibroblasts in culture: per-cell synthesis"),
            new Target("MMP-1 old/young", BiologyProbe.Quantity.MMP_OLD_OVER_YOUNG, "dermis", "85 vs 25 y", 8, 3,
                    12, 1, Use.CHECK, "MMP-1 increased in >80 vs 21-30 year olds (abstract); about 8x mRNA"
                            + " (secondary)", "Fisher et al., Am. J. Pathol. 174 (2009) 101", Verified.SECONDARY,
                    "sun-protected human skin in vivo"),
            new Target("fibroblasts old/young", BiologyProbe.Quantity.FIBROBLASTS_OLD_OVER_YOUNG, "dermis",
                    "85 vs 25 y", 0.65, 0.5, 0.8, 1, Use.CHECK, "dermal fibroblasts about 35 % fewer at 80+ than at"
                            + " 18-29 (attributed to Varani et al. 2006; not in the abstract); cellularity falls with age"
                            + " (autopsy skin, 419 subjects)", "secondary summary; Changes with advancing age in the"
                            + " cell population of human dermis (autopsy study, abstract)", Verified.SECONDARY,
                    "human dermis in vivo"),
            new Target("dermal collagen/decade", BiologyProbe.Quantity.DERMIS_THICKNESS_PER_DECADE, "dermis",
                    "45 vs 35 y", 0.94, 0.93, 0.95, 1, Use.CHECK, "total dermal thickness -6 %/decade (men and"
                            + " women); read as collagen per skin area at constant density",
                    "Branchet et al., Gerontology 36 (1990) 28", Verified.ABSTRACT,
                    "upper inner arm biopsies, morphometry"),
            new Target("aged layers/decade", BiologyProbe.Quantity.AGED_LAYERS_THICKNESS_PER_DECADE, "dermis",
                    "45 vs 35 y", 0.94, 0.93, 0.95, 1, Use.CHECK, "as above: the thinning of skin.aged_layers",
                    "Branchet et al., Gerontology 36 (1990) 28", Verified.ABSTRACT,
                    "upper inner arm biopsies, morphometry"));
}
