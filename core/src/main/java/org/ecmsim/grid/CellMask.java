package org.ecmsim.grid;

import java.util.BitSet;
import java.util.Objects;

/** A set of cells of a {@link Grid3D}, for example the cells held at a fixed temperature or a needle's volume. */
public final class CellMask {

    private final Grid3D grid;
    private final BitSet bits;

    /**
     * An empty mask.
     *
     * @param grid the grid
     */
    public CellMask(Grid3D grid) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.bits = new BitSet(grid.cellCount());
    }

    private CellMask(Grid3D grid, BitSet bits) {
        this.grid = grid;
        this.bits = bits;
    }

    /**
     * The outermost layer of cells: every cell on one of the six faces of the grid.
     *
     * @param grid the grid
     * @return the mask of boundary cells
     */
    public static CellMask boundaryShell(Grid3D grid) {
        CellMask m = new CellMask(grid);
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    if (i == 0 || j == 0 || k == 0 || i == grid.nx() - 1 || j == grid.ny() - 1 || k == grid.nz() - 1) {
                        m.bits.set(grid.index(i, j, k));
                    }
                }
            }
        }
        return m;
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /**
     * @param index flat cell index
     * @return whether the cell is in the mask
     */
    public boolean contains(int index) {
        return bits.get(index);
    }

    /** @param index flat cell index to add */
    public void add(int index) {
        if (index < 0 || index >= grid.cellCount()) {
            throw new IndexOutOfBoundsException("cell index " + index + " is outside 0–" + (grid.cellCount() - 1));
        }
        bits.set(index);
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     */
    public void add(int i, int j, int k) {
        bits.set(grid.index(i, j, k));
    }

    /** @return the number of cells in the mask */
    public int cardinality() {
        return bits.cardinality();
    }

    /** @return true if no cell is in the mask */
    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** @return one boolean per cell, x fastest (a new array) */
    public boolean[] toArray() {
        boolean[] a = new boolean[grid.cellCount()];
        for (int n = bits.nextSetBit(0); n >= 0; n = bits.nextSetBit(n + 1)) {
            a[n] = true;
        }
        return a;
    }

    /** @return an independent copy */
    public CellMask copy() {
        return new CellMask(grid, (BitSet) bits.clone());
    }
}
