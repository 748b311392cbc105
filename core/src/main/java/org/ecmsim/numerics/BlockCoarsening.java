package org.ecmsim.numerics;

import java.util.Objects;
import org.ecmsim.grid.Grid3D;

/**
 * A coarse grid whose cells are blocks of f × f × f cells of a fine grid (f divides every fine dimension), with the
 * two transfers between them:
 * <ul>
 *   <li>{@link #restrict}: the block mean. For a density (per m³) this conserves the integral exactly, since every
 *       coarse cell has exactly f³ times the fine cell volume;</li>
 *   <li>{@link #prolong}: each fine cell takes its block's value (piecewise constant), which also conserves the
 *       integral.</li>
 * </ul>
 */
public final class BlockCoarsening {

    private final Grid3D fine;
    private final Grid3D coarse;
    private final int factor;

    /**
     * @param fine the fine grid
     * @param factor block size f ≥ 1, dividing nx, ny and nz
     */
    public BlockCoarsening(Grid3D fine, int factor) {
        this.fine = Objects.requireNonNull(fine, "fine");
        if (factor < 1 || fine.nx() % factor != 0 || fine.ny() % factor != 0 || fine.nz() % factor != 0) {
            throw new IllegalArgumentException("coarsening factor " + factor + " must be ≥ 1 and divide the grid "
                    + fine.nx() + "×" + fine.ny() + "×" + fine.nz());
        }
        this.factor = factor;
        this.coarse = new Grid3D(fine.nx() / factor, fine.ny() / factor, fine.nz() / factor, fine.dx() * factor,
                fine.dy() * factor, fine.dz() * factor);
    }

    /**
     * The largest factor from {@code preferred} down to 1 that divides the grid.
     *
     * @param fine the fine grid
     * @param preferred the factor wanted
     * @return the coarsening
     */
    public static BlockCoarsening largestDividing(Grid3D fine, int preferred) {
        for (int f = Math.max(1, preferred); f > 1; f--) {
            if (fine.nx() % f == 0 && fine.ny() % f == 0 && fine.nz() % f == 0) {
                return new BlockCoarsening(fine, f);
            }
        }
        return new BlockCoarsening(fine, 1);
    }

    /** @return the fine grid */
    public Grid3D fine() {
        return fine;
    }

    /** @return the coarse grid */
    public Grid3D coarse() {
        return coarse;
    }

    /** @return the block size f */
    public int factor() {
        return factor;
    }

    /**
     * @param fineCell a fine flat index
     * @return the coarse flat index of its block
     */
    public int coarseOf(int fineCell) {
        return coarse.index(fine.i(fineCell) / factor, fine.j(fineCell) / factor, fine.k(fineCell) / factor);
    }

    /**
     * Block means: {@code out[c] = mean of in over block c}.
     *
     * @param in fine values
     * @param out coarse values (overwritten)
     */
    public void restrict(double[] in, double[] out) {
        check(in.length, fine, "in");
        check(out.length, coarse, "out");
        java.util.Arrays.fill(out, 0.0);
        int nx = fine.nx();
        int ny = fine.ny();
        int cnx = coarse.nx();
        int cny = coarse.ny();
        for (int k = 0; k < fine.nz(); k++) {
            for (int j = 0; j < ny; j++) {
                int row = nx * (j + ny * k);
                int crow = cnx * (j / factor + cny * (k / factor));
                for (int i = 0; i < nx; i++) {
                    out[crow + i / factor] += in[row + i];
                }
            }
        }
        double scale = 1.0 / ((double) factor * factor * factor);
        for (int c = 0; c < out.length; c++) {
            out[c] *= scale;
        }
    }

    /**
     * Piecewise-constant injection: {@code out[f] = in[block of f]}.
     *
     * @param in coarse values
     * @param out fine values (overwritten)
     */
    public void prolong(double[] in, double[] out) {
        check(in.length, coarse, "in");
        check(out.length, fine, "out");
        int nx = fine.nx();
        int ny = fine.ny();
        int cnx = coarse.nx();
        int cny = coarse.ny();
        for (int k = 0; k < fine.nz(); k++) {
            for (int j = 0; j < ny; j++) {
                int row = nx * (j + ny * k);
                int crow = cnx * (j / factor + cny * (k / factor));
                for (int i = 0; i < nx; i++) {
                    out[row + i] = in[crow + i / factor];
                }
            }
        }
    }

    private static void check(int length, Grid3D grid, String name) {
        if (length != grid.cellCount()) {
            throw new IllegalArgumentException(name + " has " + length + " entries; the grid " + grid + " has "
                    + grid.cellCount() + " cells");
        }
    }
}
