package org.ecmsim.tissue;

/**
 * What a skin layer is, independent of what its material is called. The role, not the name, decides which resting
 * biology a layer has, how it thins with age, and where safety margins and per-layer results are reported; renaming
 * or replacing a layer's material keeps its role.
 */
public enum LayerRole {
    /** The epidermis: keratinocytes, no fibroblasts or dermal matrix in the model; the surface safety limit. */
    EPIDERMIS("epidermis"),
    /** The papillary dermis: fine, type-III-rich collagen, dense fibroblasts. */
    PAPILLARY_DERMIS("papillary dermis"),
    /** The reticular dermis: coarse type-I collagen bundles; where the needle tips heat. */
    RETICULAR_DERMIS("reticular dermis"),
    /** The subcutaneous fat (hypodermis): the deep safety limit. */
    SUBCUTANEOUS_FAT("subcutaneous fat"),
    /** Anything else (a needle, a vessel, a user's own layer): no biology baseline, no aging, no margin. */
    OTHER("other");

    private final String label;

    LayerRole(String label) {
        this.label = label;
    }

    /** @return a lower-case label for reports ("papillary dermis") */
    public String label() {
        return label;
    }

    /** @return true for the papillary and the reticular dermis */
    public boolean isDermis() {
        return this == PAPILLARY_DERMIS || this == RETICULAR_DERMIS;
    }
}
