package org.ecmsim.tissue;

import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;

/**
 * One layer of a {@link LayeredSkin}: a material, how thick it is, and what it is (its {@link LayerRole}).
 *
 * @param material the layer's material
 * @param thickness layer thickness (m), &gt; 0; the deepest layer of a stack also fills whatever depth remains
 * @param role what the layer is (drives the biology baseline, aging and reports)
 */
public record SkinLayer(Material material, double thickness, LayerRole role) {

    /**
     * Validates the layer.
     *
     * @param material the layer's material
     * @param thickness layer thickness (m), &gt; 0; the deepest layer of a stack also fills whatever depth remains
     * @param role what the layer is
     */
    public SkinLayer {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(role, "role");
        requireFinitePositive("thickness of layer '" + material.name() + "'", thickness, "m");
    }

    /**
     * @param material the material
     * @param thicknessMillimetres thickness (mm)
     * @param role what the layer is
     * @return the layer
     */
    public static SkinLayer ofMillimetres(Material material, double thicknessMillimetres, LayerRole role) {
        return new SkinLayer(material, thicknessMillimetres * 1e-3, role);
    }

    /**
     * @param value a new thickness (m)
     * @return a copy with that thickness
     */
    public SkinLayer withThickness(double value) {
        return new SkinLayer(material, value, role);
    }

    /**
     * @param value a new material
     * @return a copy with that material (the role stays)
     */
    public SkinLayer withMaterial(Material value) {
        return new SkinLayer(value, thickness, role);
    }

    /** @return the layer's name, which is its material's name */
    public String name() {
        return material.name();
    }
}
