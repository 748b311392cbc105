package org.ecmsim.tissue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;

/**
 * Skin as a stack of horizontal layers from the surface (z = 0) down. Rasterising it onto a grid gives each cell the
 * layer that contains its centre; cells below the last interface belong to the deepest layer, so the stack need not
 * be as deep as the domain.
 */
public final class LayeredSkin {

    private final List<SkinLayer> layers;

    /**
     * @param layers the layers, surface first; at least one, at most {@value MaterialMap#MAX_MATERIALS}
     */
    public LayeredSkin(List<SkinLayer> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layered skin needs at least one layer; none was given");
        }
        if (layers.size() > MaterialMap.MAX_MATERIALS) {
            throw new IllegalArgumentException("a layered skin has at most " + MaterialMap.MAX_MATERIALS
                    + " layers; " + layers.size() + " were given");
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * Facial skin of a young adult, from the sources in {@link Materials}: epidermis 80 µm (Jiang et al., Burns
     * 28:713 (2002)); papillary dermis 0.2 mm (mid of the 0.1–0.3 mm usually quoted, unverified); reticular dermis
     * 1.8 mm, so that the dermis is 2 mm as in Jiang et al.; then subcutaneous fat (10 mm in Jiang et al.), which
     * fills the rest of any domain.
     *
     * @return the four-layer skin
     */
    public static LayeredSkin facialSkin() {
        return new LayeredSkin(List.of(
                SkinLayer.ofMillimetres(Materials.EPIDERMIS, 0.08, LayerRole.EPIDERMIS),
                SkinLayer.ofMillimetres(Materials.PAPILLARY_DERMIS, 0.2, LayerRole.PAPILLARY_DERMIS),
                SkinLayer.ofMillimetres(Materials.RETICULAR_DERMIS, 1.8, LayerRole.RETICULAR_DERMIS),
                SkinLayer.ofMillimetres(Materials.SUBCUTANEOUS_FAT, 10.0, LayerRole.SUBCUTANEOUS_FAT)));
    }

    /** @return the layers, surface first (unmodifiable) */
    public List<SkinLayer> layers() {
        return layers;
    }

    /** @return the number of layers */
    public int layerCount() {
        return layers.size();
    }

    /** @return the layers' materials in order; index n is the material index of layer n after rasterisation */
    public List<Material> materials() {
        List<Material> m = new ArrayList<>(layers.size());
        for (SkinLayer l : layers) {
            m.add(l.material());
        }
        return List.copyOf(m);
    }

    /**
     * @param layer layer index
     * @return depth of the layer's upper interface below the surface (m)
     */
    public double depthOfTop(int layer) {
        Objects.checkIndex(layer, layers.size());
        double d = 0;
        for (int n = 0; n < layer; n++) {
            d += layers.get(n).thickness();
        }
        return d;
    }

    /**
     * @param role a layer role
     * @return the index of the first layer with that role, or −1 if none has it
     */
    public int indexOf(LayerRole role) {
        for (int n = 0; n < layers.size(); n++) {
            if (layers.get(n).role() == role) {
                return n;
            }
        }
        return -1;
    }

    /** @return the role of every layer, surface first; index n is the material index of layer n */
    public List<LayerRole> roles() {
        return layers.stream().map(SkinLayer::role).toList();
    }

    /**
     * @param depth depth below the surface (m)
     * @return the index of the layer at that depth (the deepest layer below the stack)
     */
    public int layerAt(double depth) {
        double bottom = 0;
        for (int n = 0; n < layers.size() - 1; n++) {
            bottom += layers.get(n).thickness();
            if (depth < bottom) {
                return n;
            }
        }
        return layers.size() - 1;
    }

    /**
     * @param layer index of the layer to change
     * @param thickness new thickness (m)
     * @return a copy with that layer's thickness changed
     */
    public LayeredSkin withThickness(int layer, double thickness) {
        List<SkinLayer> copy = new ArrayList<>(layers);
        copy.set(layer, layers.get(layer).withThickness(thickness));
        return new LayeredSkin(copy);
    }

    /**
     * @param layer index of the layer to change
     * @param material its new material
     * @return a copy with that layer's material replaced
     */
    public LayeredSkin withMaterial(int layer, Material material) {
        List<SkinLayer> copy = new ArrayList<>(layers);
        copy.set(layer, layers.get(layer).withMaterial(material));
        return new LayeredSkin(copy);
    }

    /**
     * Rasterises the stack: each cell takes the layer containing its centre depth; material index = layer index.
     *
     * @param grid the grid
     * @return the tissue on that grid
     */
    public Tissue toTissue(Grid3D grid) {
        MaterialMap map = new MaterialMap(grid);
        byte[] ids = map.ids();
        int plane = grid.strideZ();
        for (int k = 0; k < grid.nz(); k++) {
            byte id = (byte) layerAt(grid.z(k));
            java.util.Arrays.fill(ids, k * plane, (k + 1) * plane, id);
        }
        return new Tissue(map, materials());
    }
}
