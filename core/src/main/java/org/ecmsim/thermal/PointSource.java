package org.ecmsim.thermal;

import java.util.Set;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.PointStencil;
import org.ecmsim.internal.Checks;

/**
 * A constant point heat source of a given power (W) at a position: the power is spread over the eight cells around
 * the point with the trilinear weights of {@link PointStencil}, as a power density P·w/V (W/m³), so the power in the
 * domain is exact. On a symmetric domain give the mirror faces and the whole body's power: a source on k mirror
 * faces delivers P/2^k (see {@link EnergyDeposit} on placing sources on an axis).
 *
 * <pre>{@code
 * // 0.2 W at the corner of an octant domain whose x, y and z minimum faces are mirror planes: 0.025 W in the domain
 * sim.addSource(PointSource.of(grid, 0.2, 0, 0, 0, EnumSet.of(Face.X_MIN, Face.Y_MIN, Face.Z_MIN)));
 * }</pre>
 */
public final class PointSource implements HeatSource {

    private final double power;
    private final int[] cells;
    private final double[] density;

    private PointSource(Grid3D grid, double watts, double x, double y, double z, Set<Face> mirrorFaces) {
        Checks.requireFinite("point source power", watts, "W");
        this.power = watts * EnergyDeposit.mirrorShare(grid, mirrorFaces, x, y, z);
        PointStencil st = PointStencil.of(grid, x, y, z);
        this.cells = st.cells();
        double[] w = st.weights();
        this.density = new double[8];
        for (int c = 0; c < 8; c++) {
            density[c] = power * w[c] / grid.cellVolume();
        }
    }

    /**
     * @param grid the grid
     * @param watts power of the whole (unmirrored) source (W), finite
     * @param x x (m), inside the grid
     * @param y y (m)
     * @param z z (m)
     * @param mirrorFaces faces that are symmetry planes (empty for none)
     * @return the source
     */
    public static PointSource of(Grid3D grid, double watts, double x, double y, double z, Set<Face> mirrorFaces) {
        return new PointSource(grid, watts, x, y, z, mirrorFaces);
    }

    /** @return the power delivered into the domain (W): the whole source's power times its mirror share */
    public double power() {
        return power;
    }

    @Override
    public void addTo(double time, double[] powerDensity) {
        for (int c = 0; c < 8; c++) {
            powerDensity[cells[c]] += density[c];
        }
    }

    @Override
    public boolean isTimeInvariant() {
        return true;
    }
}
