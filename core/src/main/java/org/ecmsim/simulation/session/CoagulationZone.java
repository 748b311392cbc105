package org.ecmsim.simulation.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;

/**
 * The tissue around one needle where a damage process reached Ω ≥ 1 (cells are assigned to the nearest needle
 * axis; the needle's own cells are not tissue and are not counted, though the width spans the needle). Its edges
 * are located below the cell size, where ln Ω interpolated linearly between a zone cell and its neighbour outside
 * the zone crosses 0 (Ω = 1); a zone cell on a domain face reaches to that face. (Taking the outer faces of the zone
 * cells instead, as earlier releases did, overstates the width by up to one cell.)
 *
 * @param needle needle index
 * @param cells number of tissue cells with Ω ≥ 1 nearest to this needle
 * @param volume their volume (m³), whole cells (not interpolated)
 * @param width twice the largest lateral distance from the needle axis to the zone's edge (m); it
 *        includes the needle itself (a zone hugging a 0.2 mm needle is at least 0.2 mm wide)
 * @param top depth of the upper edge of the zone, Ω = 1 (m); NaN if the zone is empty
 * @param bottom depth of the lower edge of the zone, Ω = 1 (m); NaN if the zone is empty
 */
public record CoagulationZone(int needle, int cells, double volume, double width, double top, double bottom) {

    /** @return bottom − top (m), 0 if empty */
    public double height() {
        return cells == 0 ? 0.0 : bottom - top;
    }

    /**
     * The zone of each needle: the tissue cells with Ω ≥ 1, each assigned to the nearest needle axis (the needles'
     * steel is not tissue and is left out, although its tip gets as hot as the tissue around it). The zone's edges
     * are found below the cell size: along each axis from a zone cell to a neighbour with Ω &lt; 1, the boundary
     * Ω = 1 is placed where ln Ω, interpolated linearly between the two cell centres, crosses 0 (ln Ω varies
     * smoothly, while Ω spans orders of magnitude within a cell). The width is twice the largest lateral distance of
     * such a crossing from the axis, the top and bottom the extreme vertical crossings. A zone cell on a domain face
     * counts with its outer face (the zone continues beyond a symmetry face), a face to needle metal gives no
     * crossing. Any Ω field on the layout's grid can be measured this way, for example one interpolated from another
     * grid.
     *
     * @param layout the needles on the grid of {@code omega}
     * @param omega the damage integral Ω per cell (dimensionless)
     * @return one zone per needle of the layout's array, in needle order (empty for needles with no zone cells)
     * @throws IllegalArgumentException if {@code omega} is on another grid
     */
    public static List<CoagulationZone> measure(ElectrodeLayout layout, ScalarField omega) {
        if (!omega.grid().equals(layout.grid())) {
            throw new IllegalArgumentException("omega's grid " + omega.grid() + " differs from the layout's "
                    + layout.grid());
        }
        Grid3D grid = omega.grid();
        int needles = layout.array().size();
        double[][] axes = new double[needles][];
        for (int e = 0; e < needles; e++) {
            axes[e] = layout.axis(e);
        }
        int[] cells = new int[needles];
        double[] radius = new double[needles];
        double[] top = new double[needles];
        double[] bottom = new double[needles];
        Arrays.fill(top, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, Double.NEGATIVE_INFINITY);
        double[] w = omega.values();
        int[] stride = {1, grid.strideY(), grid.strideZ()};
        int[] size = {grid.nx(), grid.ny(), grid.nz()};
        double[] spacing = {grid.dx(), grid.dy(), grid.dz()};
        int[] pos = new int[3];
        for (int c = 0; c < w.length; c++) {
            if (!(w[c] >= 1.0) || layout.isMetal(c)) {
                continue;
            }
            pos[0] = grid.i(c);
            pos[1] = grid.j(c);
            pos[2] = grid.k(c);
            double x = grid.x(pos[0]);
            double y = grid.y(pos[1]);
            double z = grid.z(pos[2]);
            int nearest = layout.nearestNeedle(x, y);
            double best = Math.hypot(x - axes[nearest][0], y - axes[nearest][1]);
            cells[nearest]++;
            double[] a = axes[nearest];
            radius[nearest] = Math.max(radius[nearest], best);
            top[nearest] = Math.min(top[nearest], z);
            bottom[nearest] = Math.max(bottom[nearest], z);
            double lnInside = Math.log(w[c]);
            for (int axis = 0; axis < 3; axis++) {
                for (int side = -1; side <= 1; side += 2) {
                    int q = pos[axis] + side;
                    double f;
                    if (q < 0 || q >= size[axis]) {
                        f = 0.5; // the zone reaches the domain face
                    } else {
                        int nb = c + side * stride[axis];
                        if (w[nb] >= 1.0 || layout.isMetal(nb)) {
                            continue;
                        }
                        // ln Ω linear between the centres: ln Ω = 0 at a fraction f of the way to the neighbour
                        double lnOutside = Math.log(Math.max(w[nb], Double.MIN_NORMAL));
                        f = Math.min(1.0, lnInside / (lnInside - lnOutside));
                    }
                    double shift = side * f * spacing[axis];
                    if (axis == 2) {
                        top[nearest] = Math.min(top[nearest], z + shift);
                        bottom[nearest] = Math.max(bottom[nearest], z + shift);
                    } else {
                        double r = axis == 0 ? Math.hypot(x + shift - a[0], y - a[1])
                                : Math.hypot(x - a[0], y + shift - a[1]);
                        radius[nearest] = Math.max(radius[nearest], r);
                    }
                }
            }
        }
        List<CoagulationZone> out = new ArrayList<>();
        for (int e = 0; e < needles; e++) {
            boolean empty = cells[e] == 0;
            out.add(new CoagulationZone(e, cells[e], cells[e] * grid.cellVolume(), empty ? 0 : 2 * radius[e],
                    empty ? Double.NaN : top[e], empty ? Double.NaN : bottom[e]));
        }
        return out;
    }
}
