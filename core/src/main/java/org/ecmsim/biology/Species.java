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
    /** Heat-shock protein (HSP70/HSP47-like) above basal, in units of the basal level: 9 means 10× basal. */
    HEAT_SHOCK_PROTEIN("1"),
    /** Wound/inflammation signal of the damaged zone, 0 (none) to 1 (fully damaged). */
    WOUND("1"),
    /** Growth factor (TGF-β-like), in units of its half-saturation concentration for fibroblast activation. */
    GROWTH_FACTOR("1"),
    /** MMP activity relative to a young adult's baseline (dimensionless, 1 = baseline at age 25). */
    MMP("1"),
    /** Collagen type I (kg/m³). */
    COLLAGEN_I("kg/m³"),
    /** Collagen type III (kg/m³). */
    COLLAGEN_III("kg/m³"),
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

    /** @return true for the matrix components, whose mass balance is tracked */
    public boolean isMatrix() {
        return this == COLLAGEN_I || this == COLLAGEN_III || this == DENATURED_COLLAGEN || this == ELASTIN
                || this == HYALURONAN;
    }
}
