package org.ecmsim.thermal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ecmsim.grid.Axis;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.PointStencil;
import org.ecmsim.internal.Checks;

/**
 * An amount of heat placed into cells at one instant: joules per cell, summing exactly (to round-off) to the
 * energy asked for. Apply it with {@link HeatSolver#deposit(EnergyDeposit)}, which raises each free cell by
 * {@code E_cell/(ρc·V)} and books the energy in the {@link EnergyLedger} as source heat.
 *
 * <p><b>Shapes.</b> {@link #atPoint} spreads the energy over the eight cells around the point with the trilinear
 * weights of {@link PointStencil} (the adjoint of interpolation: the energy is exact and, away from the faces, its
 * centroid is the point, so the error of the resulting field is second order in the cell size at a distance from
 * the point). {@link #sphere} and {@link #cylinder} spread it over a small body in proportion to the volume of each
 * cell inside the body (estimated on {@value #SUBSAMPLES}³ points per cell), then rescale so the total is exact.
 *
 * <p><b>Symmetric domains.</b> A quarter or octant domain stands for the whole body with mirror planes on some faces
 * (insulated faces: a mirror plane carries no heat). Give those faces as {@code mirrorFaces} and the energy of the
 * whole body: a point on k mirror faces receives E/2^k (an axis of a quarter domain: E/4; the corner of an octant:
 * E/8), which the clamp of {@link PointStencil} puts into the cells next to the axis or corner. No cell centre lies
 * on a mirror face (the grid is cell-centred), so a point, probe or source "on the axis" is placed at the axis
 * coordinates themselves, e.g. (0, 0, z) on a quarter domain with mirrors at x = 0 and y = 0. A body centred on
 * mirror faces is cut by them and its part inside the domain receives the same share. A point within 10⁻⁹ of a
 * cell size of a face counts as on it.
 */
public final class EnergyDeposit {

    /** Sample points per cell and axis used to estimate the part of a cell inside a sphere or cylinder. */
    public static final int SUBSAMPLES = 8;

    private final Grid3D grid;
    private final double[] energy;
    private final double total;

    private EnergyDeposit(Grid3D grid, double[] energy) {
        this.grid = grid;
        this.energy = energy;
        double s = 0;
        for (double e : energy) {
            s += e;
        }
        this.total = s;
    }

    /**
     * Heat placed at a point (an instantaneous point source of the whole body's energy {@code joules}).
     *
     * @param grid the grid
     * @param joules energy of the whole (unmirrored) body (J), finite
     * @param x x (m), inside the grid
     * @param y y (m)
     * @param z z (m)
     * @param mirrorFaces faces that are symmetry planes; the energy is divided by 2 for each one the point is on
     * @return the deposit
     */
    public static EnergyDeposit atPoint(Grid3D grid, double joules, double x, double y, double z,
            Set<Face> mirrorFaces) {
        Checks.requireFinite("deposited energy", joules, "J");
        PointStencil st = PointStencil.of(grid, x, y, z);
        double share = joules * mirrorShare(grid, mirrorFaces, x, y, z);
        double[] e = new double[grid.cellCount()];
        int[] cells = st.cells();
        double[] w = st.weights();
        for (int c = 0; c < cells.length; c++) {
            e[cells[c]] += share * w[c];
        }
        return new EnergyDeposit(grid, e);
    }

    /**
     * Heat spread uniformly over a sphere.
     *
     * @param grid the grid
     * @param joules energy of the whole sphere (J), finite
     * @param x x of the centre (m)
     * @param y y of the centre (m)
     * @param z z of the centre (m)
     * @param radius radius (m), &gt; 0
     * @param mirrorFaces faces that are symmetry planes; the energy is divided by 2 for each one the centre is on
     * @return the deposit
     * @throws IllegalArgumentException if no sample point of any cell falls in the sphere (make it larger than
     *         a cell, or use {@link #atPoint})
     */
    public static EnergyDeposit sphere(Grid3D grid, double joules, double x, double y, double z, double radius,
            Set<Face> mirrorFaces) {
        Checks.requireFinite("deposited energy", joules, "J");
        Checks.requireFinitePositive("sphere radius", radius, "m");
        double r2 = radius * radius;
        return body(grid, joules * mirrorShare(grid, mirrorFaces, x, y, z), x, y, z,
                (px, py, pz) -> (px - x) * (px - x) + (py - y) * (py - y) + (pz - z) * (pz - z) <= r2, "sphere");
    }

    /**
     * Heat spread uniformly over a cylinder parallel to an axis.
     *
     * @param grid the grid
     * @param joules energy of the whole cylinder (J), finite
     * @param axis the cylinder's axis direction
     * @param x x of a point on the cylinder's axis (m); the coordinate along {@code axis} is ignored
     * @param y y of that point (m)
     * @param z z of that point (m)
     * @param from start of the cylinder along {@code axis} (m)
     * @param to end of the cylinder along {@code axis} (m), &gt; from
     * @param radius radius (m), &gt; 0
     * @param mirrorFaces faces that are symmetry planes; the energy is divided by 2 for each face parallel to the
     *        axis that the cylinder's axis lies on
     * @return the deposit
     */
    public static EnergyDeposit cylinder(Grid3D grid, double joules, Axis axis, double x, double y, double z,
            double from, double to, double radius, Set<Face> mirrorFaces) {
        Checks.requireFinite("deposited energy", joules, "J");
        Checks.requireFinitePositive("cylinder radius", radius, "m");
        if (!(to > from)) {
            throw new IllegalArgumentException("cylinder from " + from + " m to " + to + " m is empty; it needs to > from");
        }
        double[] c = {x, y, z};
        c[axis.ordinal()] = 0.5 * (from + to);
        Set<Face> parallel = EnumSet.noneOf(Face.class);
        for (Face f : mirrorFaces) {
            if (f.axis() != axis) {
                parallel.add(f);
            }
        }
        double r2 = radius * radius;
        int ax = axis.ordinal();
        return body(grid, joules * mirrorShare(grid, parallel, c[0], c[1], c[2]), c[0], c[1], c[2],
                (px, py, pz) -> {
                    double[] p = {px, py, pz};
                    double s = 0;
                    for (int a = 0; a < 3; a++) {
                        if (a != ax) {
                            s += (p[a] - c[a]) * (p[a] - c[a]);
                        }
                    }
                    return s <= r2 && p[ax] >= from && p[ax] <= to;
                }, "cylinder");
    }

    @FunctionalInterface
    private interface Inside {
        boolean test(double x, double y, double z);
    }

    private static EnergyDeposit body(Grid3D grid, double share, double x, double y, double z, Inside inside,
            String what) {
        double[] weight = new double[grid.cellCount()];
        double sum = 0;
        int n = SUBSAMPLES;
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    int hits = 0;
                    for (int c = 0; c < n; c++) {
                        double pz = grid.z(k) + ((c + 0.5) / n - 0.5) * grid.dz();
                        for (int b = 0; b < n; b++) {
                            double py = grid.y(j) + ((b + 0.5) / n - 0.5) * grid.dy();
                            for (int a = 0; a < n; a++) {
                                double px = grid.x(i) + ((a + 0.5) / n - 0.5) * grid.dx();
                                hits += inside.test(px, py, pz) ? 1 : 0;
                            }
                        }
                    }
                    if (hits > 0) {
                        int cell = grid.index(i, j, k);
                        weight[cell] = hits;
                        sum += hits;
                    }
                }
            }
        }
        if (sum == 0) {
            throw new IllegalArgumentException(String.format("the %s at (%.4g, %.4g, %.4g) mm covers no sample point of"
                    + " %s; make it larger than a cell or use EnergyDeposit.atPoint", what, x * 1e3, y * 1e3,
                    z * 1e3, grid));
        }
        for (int c = 0; c < weight.length; c++) {
            weight[c] *= share / sum;
        }
        return new EnergyDeposit(grid, weight);
    }

    /**
     * The share of a whole body's energy or power that belongs in a domain with the given mirror faces, for a
     * point: 1/2^k where k is the number of mirror faces the point lies on.
     *
     * @param grid the grid
     * @param mirrorFaces faces that are symmetry planes
     * @param x x (m)
     * @param y y (m)
     * @param z z (m)
     * @return 1, ½, ¼ or ⅛
     */
    public static double mirrorShare(Grid3D grid, Set<Face> mirrorFaces, double x, double y, double z) {
        Objects.requireNonNull(mirrorFaces, "mirrorFaces");
        double[] p = {x, y, z};
        double share = 1.0;
        for (Face f : mirrorFaces) {
            Axis a = f.axis();
            double plane = grid.origin(a) + (f.ordinal() % 2 == 0 ? 0.0 : grid.count(a) * grid.spacing(a));
            if (Math.abs(p[a.ordinal()] - plane) <= 1e-9 * grid.spacing(a)) {
                share *= 0.5;
            }
        }
        return share;
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the energy placed in the domain (J): the whole body's energy times its share */
    public double energy() {
        return total;
    }

    /** @return the energy per cell (J), x fastest, a copy */
    public double[] cellEnergy() {
        return energy.clone();
    }

    /** The per-cell array itself, for the solvers (not copied). */
    double[] cellEnergyArray() {
        return energy;
    }

    /**
     * This deposit delivered as a constant power over {@code seconds}: a power density E_cell/(V·duration)
     * (W/m³), for a source that must be spread in time rather than be instantaneous.
     *
     * @param start switch-on time (s)
     * @param seconds duration (s), &gt; 0
     * @return a pulse source delivering exactly this energy when the solver lands on the switching times
     */
    public HeatSource asPulse(double start, double seconds) {
        Checks.requireFinitePositive("pulse duration", seconds, "s");
        org.ecmsim.grid.ScalarField q = new org.ecmsim.grid.ScalarField(grid);
        double[] v = q.values();
        double per = 1.0 / (grid.cellVolume() * seconds);
        for (int c = 0; c < v.length; c++) {
            v[c] = energy[c] * per;
        }
        return HeatSource.pulse(q, start, seconds);
    }
}
