package org.ecmsim.tissue;

import static org.ecmsim.units.Checks.requireFinitePositive;

import java.util.Objects;

/**
 * One layer of a {@link LayeredSkin}: a material and how thick it is.
 *
 * @param material the layer's material
 * @param thickness layer thickness (m), &gt; 0; the deepest layer of a stack also fills whatever depth remains
 */
public record SkinLayer(Material material, double thickness) {

    /**
     * Validates the layer.
     *
     * @param material the layer's material
     * @param thickness layer thickness (m), &gt; 0; the deepest layer of a stack also fills whatever depth remains
     */
    public SkinLayer {
        Objects.requireNonNull(material, "material");
        requireFinitePositive("thickness of layer '" + material.name() + "'", thickness, "m");
    }

    /**
     * @param material the material
     * @param thicknessMillimetres thickness (mm)
     * @return the layer
     */
    public static SkinLayer ofMillimetres(Material material, double thicknessMillimetres) {
        return new SkinLayer(material, thicknessMillimetres * 1e-3);
    }

    /** @return the layer's name, which is its material's name */
    public String name() {
        return material.name();
    }
}
