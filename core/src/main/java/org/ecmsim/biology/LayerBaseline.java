package org.ecmsim.biology;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;

import org.ecmsim.tissue.LayerRole;

/**
 * The resting state of one tissue layer in a young adult (age 25): fibroblast density and matrix content. The
 * model's synthesis rates are set from these so that, untreated, the layer stays where it is (homeostasis).
 *
 * <p>Defaults ({@link #forRole}) are order-of-magnitude values, all unverified model choices: dermal dry mass
 * ≈ 30 % of wet mass and collagen ≈ 75 % of dry mass give ≈ 250 kg/m³ of collagen, split I:III ≈ 85:15 in the
 * reticular dermis and about 75:25 in the finer papillary dermis; elastin ≈ 2–4 % of dry mass; hyaluronan
 * ≈ 0.5 mg per g of skin. Fibroblast densities follow nucleus spacings of about 40 µm (papillary) and 60 µm
 * (reticular). docs/model.md lists them with their status.
 *
 * @param fibroblasts fibroblast density (cells/m³), ≥ 0
 * @param collagenI collagen I (kg/m³), ≥ 0
 * @param collagenIII collagen III (kg/m³), ≥ 0
 * @param elastin elastin (kg/m³), ≥ 0
 * @param hyaluronan hyaluronic acid (kg/m³), ≥ 0
 */
public record LayerBaseline(double fibroblasts, double collagenI, double collagenIII, double elastin,
        double hyaluronan) {

    /** No cells, no matrix: epidermis (keratinocytes are not modelled), needles. */
    public static final LayerBaseline NONE = new LayerBaseline(0, 0, 0, 0, 0);

    /**
     * Validates the values.
     *
     * @param fibroblasts fibroblast density (cells/m³), ≥ 0
     * @param collagenI collagen I (kg/m³), ≥ 0
     * @param collagenIII collagen III (kg/m³), ≥ 0
     * @param elastin elastin (kg/m³), ≥ 0
     * @param hyaluronan hyaluronic acid (kg/m³), ≥ 0
     */
    public LayerBaseline {
        requireFiniteNonNegative("fibroblast density", fibroblasts, "cells/m³");
        requireFiniteNonNegative("collagen I", collagenI, "kg/m³");
        requireFiniteNonNegative("collagen III", collagenIII, "kg/m³");
        requireFiniteNonNegative("elastin", elastin, "kg/m³");
        requireFiniteNonNegative("hyaluronan", hyaluronan, "kg/m³");
    }

    /**
     * The default baseline of a layer, by what the layer is: papillary dermis, reticular dermis, subcutaneous fat;
     * the epidermis and any other layer (needle metal, a user's own) have none.
     *
     * @param role the layer's role
     * @return its baseline
     */
    public static LayerBaseline forRole(LayerRole role) {
        return switch (role) {
            case PAPILLARY_DERMIS -> new LayerBaseline(1.5e13, 170.0, 55.0, 8.0, 0.5);
            case RETICULAR_DERMIS -> new LayerBaseline(5.0e12, 210.0, 37.0, 10.0, 0.4);
            case SUBCUTANEOUS_FAT -> new LayerBaseline(1.0e12, 20.0, 5.0, 1.0, 0.1);
            case EPIDERMIS, OTHER -> NONE;
        };
    }

    /**
     * @param species a matrix species or fibroblasts
     * @return the baseline value of that species in this layer (0 for signals)
     */
    public double valueOf(Species species) {
        return switch (species) {
            case QUIESCENT_FIBROBLASTS -> fibroblasts;
            case COLLAGEN_I -> collagenI;
            case COLLAGEN_III -> collagenIII;
            case ELASTIN -> elastin;
            case HYALURONAN -> hyaluronan;
            default -> 0.0;
        };
    }
}
