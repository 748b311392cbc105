package org.ecmsim.thermal;

import java.util.EnumSet;
import java.util.Set;
import org.ecmsim.grid.Axis;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.PointStencil;
import org.ecmsim.internal.Checks;

/**
 * A constant line heat source of a given power per length (W/m) along a segment parallel to an axis: across the
 * line, the power is spread over the four cells around it with bilinear weights (the trilinear weights of
 * {@link PointStencil} in the plane normal to the axis); along it, each cell gets the length of the segment inside
 * it. The power in the domain is exactly q′ × (segment length) × share. On a symmetric domain give the mirror
 * faces and the whole line's power per length: a line lying on k mirror faces parallel to it delivers q′/2^k (a
 * line on the axis of a quarter domain, q′/4).
 *
 * <pre>{@code
 * // 1 W/m along z through the whole domain, on the axis x = y = 0 of a quarter domain (mirrors at x = 0, y = 0)
 * sim.addSource(LineSource.along(grid, Axis.Z, 1.0, 0, 0, EnumSet.of(Face.X_MIN, Face.Y_MIN)));
 * }</pre>
 */
public final class LineSource implements HeatSource {

    private final double[] density;
    private final int[] cells;
    private final double power;

    private LineSource(Grid3D grid, Axis axis, double wattsPerMetre, double a, double b, double from, double to,
            Set<Face> mirrorFaces) {
        Checks.requireFinite("line source power per length", wattsPerMetre, "W/m");
        double lo = grid.origin(axis);
        double hi = lo + grid.count(axis) * grid.spacing(axis);
        if (!(from >= lo && to <= hi && to > from)) {
            throw new IllegalArgumentException(String.format("line source from %.6g mm to %.6g mm along %s is invalid;"
                    + " it must lie in [%.6g, %.6g] mm with to > from", from * 1e3, to * 1e3, axis, lo * 1e3,
                    hi * 1e3));
        }
        Axis ua = axis == Axis.X ? Axis.Y : Axis.X;
        Axis ub = axis == Axis.Z ? Axis.Y : Axis.Z;
        Set<Face> parallel = EnumSet.noneOf(Face.class);
        for (Face f : mirrorFaces) {
            if (f.axis() != axis) {
                parallel.add(f);
            }
        }
        double[] p = new double[3];
        p[ua.ordinal()] = a;
        p[ub.ordinal()] = b;
        p[axis.ordinal()] = 0.5 * (from + to);
        double share = EnergyDeposit.mirrorShare(grid, parallel, p[0], p[1], p[2]);
        this.power = wattsPerMetre * share * (to - from);
        // In-plane weights from the stencil at the first cell along the axis (they do not depend on that index).
        p[axis.ordinal()] = grid.centre(axis, 0);
        PointStencil st = PointStencil.of(grid, p[0], p[1], p[2]);
        int[] planeCells = st.cells();
        double[] w = st.weights();
        int n = grid.count(axis);
        int stride = grid.stride(axis);
        double d = grid.spacing(axis);
        double volume = grid.cellVolume();
        java.util.List<Integer> cl = new java.util.ArrayList<>();
        java.util.List<Double> dl = new java.util.ArrayList<>();
        for (int s = 0; s < n; s++) {
            double c0 = lo + s * d;
            double overlap = Math.min(to, c0 + d) - Math.max(from, c0);
            if (overlap <= 0) {
                continue;
            }
            for (int c = 0; c < planeCells.length; c++) {
                if (w[c] != 0) {
                    cl.add(planeCells[c] + s * stride);
                    dl.add(wattsPerMetre * share * overlap * w[c] / volume);
                }
            }
        }
        this.cells = cl.stream().mapToInt(Integer::intValue).toArray();
        this.density = dl.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A line through the whole domain along {@code axis}.
     *
     * @param grid the grid
     * @param axis the line's direction
     * @param wattsPerMetre power per length of the whole (unmirrored) line (W/m), finite
     * @param a the line's coordinate on the first other axis: x for a line along y or z, y for one along x (m)
     * @param b the line's coordinate on the second other axis: y for a line along z, z for one along x or y (m)
     * @param mirrorFaces faces that are symmetry planes (empty for none)
     * @return the source
     */
    public static LineSource along(Grid3D grid, Axis axis, double wattsPerMetre, double a, double b,
            Set<Face> mirrorFaces) {
        double lo = grid.origin(axis);
        return new LineSource(grid, axis, wattsPerMetre, a, b, lo, lo + grid.count(axis) * grid.spacing(axis),
                mirrorFaces);
    }

    /**
     * A segment along {@code axis} from {@code from} to {@code to}.
     *
     * @param grid the grid
     * @param axis the line's direction
     * @param wattsPerMetre power per length of the whole (unmirrored) line (W/m), finite
     * @param a the line's coordinate on the first other axis: x for a line along y or z, y for one along x (m)
     * @param b the line's coordinate on the second other axis: y for a line along z, z for one along x or y (m)
     * @param from start along {@code axis} (m), inside the grid
     * @param to end along {@code axis} (m), inside the grid, &gt; from
     * @param mirrorFaces faces that are symmetry planes (empty for none)
     * @return the source
     */
    public static LineSource segment(Grid3D grid, Axis axis, double wattsPerMetre, double a, double b, double from,
            double to, Set<Face> mirrorFaces) {
        return new LineSource(grid, axis, wattsPerMetre, a, b, from, to, mirrorFaces);
    }

    /** @return the power delivered into the domain (W) */
    public double power() {
        return power;
    }

    @Override
    public void addTo(double time, double[] powerDensity) {
        for (int c = 0; c < cells.length; c++) {
            powerDensity[cells[c]] += density[c];
        }
    }

    @Override
    public boolean isTimeInvariant() {
        return true;
    }
}
