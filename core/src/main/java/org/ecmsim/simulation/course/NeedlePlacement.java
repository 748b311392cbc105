package org.ecmsim.simulation.course;

import java.util.SplittableRandom;

/**
 * Where each session's needle grid lands on the site, relative to the first session's: handpieces are placed by
 * hand, so later sessions do not hit the same spots. The offset is lateral, in whole biology cells, and applied
 * cyclically: the site is one unit cell of a periodic needle array, so a needle grid moved by (Δx, Δy) puts the
 * same lesion pattern on the site shifted by (Δx, Δy) modulo the pitch, and a lesion pushed across one lateral face
 * comes back in through the opposite face (the neighbouring needle's lesion). The heat of a session is solved in
 * the needle's frame (needle at the centre, symmetry faces), and its insult is shifted onto the site; the vessel
 * field the session sees is shifted back into the needle's frame.
 *
 * <p>Kinds:
 * <ul>
 *   <li>{@link Kind#RANDOM} (the default): session s ≥ 1 is offset by a pseudo-random whole number of biology cells
 *       along x and along y, uniform over the unit cell, reproducible from the seed;</li>
 *   <li>{@link Kind#NONE}: every session on the same spots (the behaviour before offsets existed);</li>
 *   <li>{@link Kind#STAGGER}: session s is offset by s/3 of the pitch along both x and y (rounded to whole biology
 *       cells), so three sessions tile the diagonal.</li>
 * </ul>
 *
 * @param kind how the offsets are chosen
 * @param seed the seed of the random offsets (used by {@link Kind#RANDOM} only)
 */
public record NeedlePlacement(Kind kind, long seed) {

    /** The default: random offsets with seed 1. */
    public static final NeedlePlacement DEFAULT = new NeedlePlacement(Kind.RANDOM, 1L);

    /** How the offsets are chosen. */
    public enum Kind {
        /** Reproducible pseudo-random offsets, uniform over the unit cell. */
        RANDOM,
        /** No offsets. */
        NONE,
        /** A fixed diagonal stagger of a third of the pitch per session. */
        STAGGER
    }

    /**
     * Checks for null.
     *
     * @param kind how the offsets are chosen
     * @param seed the seed of the random offsets
     */
    public NeedlePlacement {
        java.util.Objects.requireNonNull(kind, "placement kind");
    }

    /**
     * @param session session index from 0 (the first session is never offset)
     * @param nx biology cells along x in the unit cell
     * @param ny biology cells along y
     * @return the offset {di, dj} in biology cells, each in [0, nx) and [0, ny)
     */
    public int[] offset(int session, int nx, int ny) {
        if (session == 0) {
            return new int[] {0, 0};
        }
        return switch (kind) {
            case NONE -> new int[] {0, 0};
            case STAGGER -> new int[] {Math.floorMod((int) Math.round(session * nx / 3.0), nx),
                Math.floorMod((int) Math.round(session * ny / 3.0), ny)};
            case RANDOM -> {
                SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + session);
                yield new int[] {r.nextInt(nx), r.nextInt(ny)};
            }
        };
    }

    /**
     * Shifts a field on a grid of nx × ny × nz cells laterally and cyclically: out(i + di, j + dj, k) = in(i, j, k),
     * indices modulo nx and ny.
     *
     * @param in values, x fastest
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     * @param di shift along x (cells)
     * @param dj shift along y (cells)
     * @return the shifted values (a new array; {@code in} itself when there is no shift)
     */
    public static double[] shift(double[] in, int nx, int ny, int nz, int di, int dj) {
        int si = Math.floorMod(di, nx);
        int sj = Math.floorMod(dj, ny);
        if (si == 0 && sj == 0) {
            return in;
        }
        double[] out = new double[in.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int tj = (j + sj) % ny;
                for (int i = 0; i < nx; i++) {
                    out[(i + si) % nx + nx * (tj + ny * k)] = in[i + nx * (j + ny * k)];
                }
            }
        }
        return out;
    }
}
