package org.ecmsim.tissue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;

/**
 * What is where: a {@link MaterialMap} on a grid and the list of {@link Material}s its indices refer to. Build one
 * from a {@link LayeredSkin}, or from any per-cell map (needles, vessels and implants are materials too).
 * Immutable in use: {@link #withMaterial(CellMask, Material)} returns a new tissue.
 */
public final class Tissue {

    private final MaterialMap map;
    private final List<Material> materials;

    /**
     * @param map the material index of every cell (copied)
     * @param materials the materials; every index used in {@code map} must be &lt; {@code materials.size()}
     */
    public Tissue(MaterialMap map, List<Material> materials) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(materials, "materials");
        if (materials.isEmpty()) {
            throw new IllegalArgumentException("a tissue needs at least one material; none was given");
        }
        if (materials.size() > MaterialMap.MAX_MATERIALS) {
            throw new IllegalArgumentException("at most " + MaterialMap.MAX_MATERIALS + " materials; "
                    + materials.size() + " were given");
        }
        int max = map.maxMaterial();
        if (max >= materials.size()) {
            throw new IllegalArgumentException("the material map uses index " + max + " but only "
                    + materials.size() + " materials were given (indices 0–" + (materials.size() - 1) + ")");
        }
        this.map = map.copy();
        this.materials = List.copyOf(materials);
    }

    /**
     * A tissue of one material everywhere.
     *
     * @param grid the grid
     * @param material the material
     * @return the homogeneous tissue
     */
    public static Tissue homogeneous(Grid3D grid, Material material) {
        return new Tissue(new MaterialMap(grid), List.of(material));
    }

    /** @return the grid */
    public Grid3D grid() {
        return map.grid();
    }

    /** @return the materials, by index (unmodifiable) */
    public List<Material> materials() {
        return materials;
    }

    /** @return the number of materials */
    public int materialCount() {
        return materials.size();
    }

    /**
     * The material map. Solvers read its backing array; it is a private copy, so changing it changes this tissue:
     * build a new tissue instead.
     *
     * @return the material map
     */
    public MaterialMap materialMap() {
        return map;
    }

    /**
     * @param cell flat cell index
     * @return the material of that cell
     */
    public Material materialAt(int cell) {
        return materials.get(map.get(cell));
    }

    /**
     * @param name a material name
     * @return its index, or −1 if no material has that name
     */
    public int indexOf(String name) {
        for (int n = 0; n < materials.size(); n++) {
            if (materials.get(n).name().equals(name)) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Paints a material into a set of cells. An equal material already in the list is reused; otherwise it is
     * appended.
     *
     * @param cells the cells to paint (same grid)
     * @param material the material they get
     * @return a new tissue
     */
    public Tissue withMaterial(CellMask cells, Material material) {
        if (!cells.grid().equals(grid())) {
            throw new IllegalArgumentException("the mask's grid " + cells.grid() + " differs from the tissue's "
                    + grid());
        }
        List<Material> list = new ArrayList<>(materials);
        int id = list.indexOf(material);
        if (id < 0) {
            list.add(material);
            id = list.size() - 1;
        }
        MaterialMap painted = map.copy();
        boolean[] in = cells.toArray();
        for (int n = 0; n < in.length; n++) {
            if (in[n]) {
                painted.set(n, id);
            }
        }
        return new Tissue(painted, list);
    }
}
