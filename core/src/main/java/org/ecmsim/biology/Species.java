package org.ecmsim.biology;

/**
 * The fields of the remodelling model, one value per biology cell. Units are those of {@link #unit()}: SI inside
 * (cells/m³, kg/m³) and dimensionless for signals, which are scaled as stated.
 */
public enum Species {
    /** Quiescent fibroblasts (cells/m³). */
    QUIESCENT_FIBROBLASTS("cells/m³"),
    /** Activated fibroblasts, early phase: migrating, proliferating, collagen-III-rich synthesis (cells/m³). */
    ACTIVATED_FIBROBLASTS("cells/m³"),
    /** Mature synthetic fibroblasts, late phase: collagen-I-rich synthesis (cells/m³). */
    SYNTHETIC_FIBROBLASTS("cells/m³"),
    /** Heat-shock induction signal (transcriptional stage), in units of basal HSP level (dimensionless). */
    HEAT_SHOCK_SIGNAL("1"),
    /**
     * HSP70, the inducible heat-shock protein, above basal, in units of the basal level: 9 means 10× basal. It peaks
     * 12–18 h after sublethal heating, is near basal within days, and drives fibroblast activation.
     */
    HEAT_SHOCK_PROTEIN("1"),
    /**
     * HSP47, the collagen chaperone, as a multiple of its basal level (1 = basal, 0 = no cells): follows the local
     * collagen synthesis per resting cell, so it stays raised for as long as synthesis does (weeks).
     */
    HSP47("1"),
    /** Wound/inflammation signal of the damaged zone, 0 (none) to 1 (fully damaged). */
    WOUND("1"),
    /** Growth factor (TGF-β-like), in units of its half-saturation concentration for fibroblast activation. */
    GROWTH_FACTOR("1"),
    /** MMP activity relative to a young adult's baseline (dimensionless, 1 = baseline at age 25). */
    MMP("1"),
    /** Native collagen type I, both pools: immature (newly made) plus mature (cross-linked) (kg/m³). */
    COLLAGEN_I("kg/m³"),
    /** Native collagen type III, both pools: immature plus mature (kg/m³). */
    COLLAGEN_III("kg/m³"),
    /**
     * The immature (newly made, not yet cross-linked) part of {@link #COLLAGEN_I} (kg/m³); mature collagen I is
     * the difference. A part: never add it to {@code COLLAGEN_I}.
     */
    IMMATURE_COLLAGEN_I("kg/m³"),
    /** The immature part of {@link #COLLAGEN_III} (kg/m³); a part, see {@link #IMMATURE_COLLAGEN_I}. */
    IMMATURE_COLLAGEN_III("kg/m³"),
    /**
     * The part of {@link #COLLAGEN_I} (immature and mature) made after labelling began, at the first treatment
     * (kg/m³): the numerator of the new-collagen fraction. A part: never add it to {@code COLLAGEN_I}.
     */
    NEW_COLLAGEN_I("kg/m³"),
    /** The part of {@link #COLLAGEN_III} made after labelling began (kg/m³); a part, see {@link #NEW_COLLAGEN_I}. */
    NEW_COLLAGEN_III("kg/m³"),
    /** Thermally denatured collagen awaiting clearance (kg/m³). */
    DENATURED_COLLAGEN("kg/m³"),
    /** Elastin (kg/m³). */
    ELASTIN("kg/m³"),
    /** Hyaluronic acid (kg/m³). */
    HYALURONAN("kg/m³"),
    /** Functional microvasculature relative to intact, 0–1: scales the perfusion of later thermal phases. */
    VESSELS("1");

    private final String unit;

    Species(String unit) {
        this.unit = unit;
    }

    /** @return the unit of the stored values */
    public String unit() {
        return unit;
    }

    /**
     * @return true for the matrix components and their parts, whose mass balance is tracked (a {@link MatrixLedger}
     *         each)
     */
    public boolean isMatrix() {
        return this == COLLAGEN_I || this == COLLAGEN_III || this == DENATURED_COLLAGEN || this == ELASTIN
                || this == HYALURONAN || isPart();
    }

    /**
     * @return true for the species that are a part of another (the immature and the new collagen of each type):
     *         totals must not add them again
     */
    public boolean isPart() {
        return this == IMMATURE_COLLAGEN_I || this == IMMATURE_COLLAGEN_III || this == NEW_COLLAGEN_I
                || this == NEW_COLLAGEN_III;
    }
}
