package org.ecmsim.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * One material index per cell of a {@link Grid3D}, 0 to {@value #MAX_MATERIALS}−1, stored as one byte per cell
 * with x fastest. The index selects an entry of the material list it is used with; what each index means is up to
 * that list.
 */
public final class MaterialMap {

    /** The number of distinct material indices a map can hold. */
    public static final int MAX_MATERIALS = 256;

    private final Grid3D grid;
    private final byte[] ids;

    /**
     * A map with every cell at material 0.
     *
     * @param grid the grid
     */
    public MaterialMap(Grid3D grid) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.ids = new byte[grid.cellCount()];
    }

    private MaterialMap(Grid3D grid, byte[] ids) {
        this.grid = grid;
        this.ids = ids;
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /**
     * @param index flat cell index
     * @return the material index of that cell, 0–255
     */
    public int get(int index) {
        return ids[index] & 0xFF;
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @return the material index, 0–255
     */
    public int get(int i, int j, int k) {
        return get(grid.index(i, j, k));
    }

    /**
     * @param index flat cell index
     * @param material the material index, 0–255
     */
    public void set(int index, int material) {
        ids[index] = (byte) checkMaterial(material);
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @param material the material index, 0–255
     */
    public void set(int i, int j, int k, int material) {
        set(grid.index(i, j, k), material);
    }

    /** @param material the index every cell is set to, 0–255 */
    public void fill(int material) {
        Arrays.fill(ids, (byte) checkMaterial(material));
    }

    /** @return the largest material index used */
    public int maxMaterial() {
        int m = 0;
        for (byte b : ids) {
            m = Math.max(m, b & 0xFF);
        }
        return m;
    }

    /**
     * @param material a material index
     * @return the number of cells with that index
     */
    public int count(int material) {
        int n = 0;
        for (byte b : ids) {
            if ((b & 0xFF) == material) {
                n++;
            }
        }
        return n;
    }

    /**
     * The backing array, one unsigned byte per cell (read as {@code ids[n] & 0xFF}). Kernels read it directly; it
     * is not a copy.
     *
     * @return the backing array
     */
    public byte[] ids() {
        return ids;
    }

    /** @return an independent copy */
    public MaterialMap copy() {
        return new MaterialMap(grid, ids.clone());
    }

    private static int checkMaterial(int material) {
        if (material < 0 || material >= MAX_MATERIALS) {
            throw new IllegalArgumentException("material index " + material + " is outside 0–" + (MAX_MATERIALS - 1));
        }
        return material;
    }
}
