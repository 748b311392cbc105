package org.ecmsim.verification;

import java.util.function.DoubleUnaryOperator;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.PointStencil;
import org.ecmsim.grid.ScalarField;

/**
 * The error measure of the source problems: the scheme's error at the cell centres, T_cell − T_exact(centre),
 * interpolated to a point with the trilinear weights of {@link PointStencil}. Unlike comparing the interpolated
 * field with the exact value at the point, it leaves out the interpolation error (of the same order, but of a sign
 * that can cancel the scheme's error on some grids and blur the observed order).
 */
public final class SchemeError {

    private SchemeError() {
    }

    /**
     * @param temperature the computed field (K)
     * @param reference the temperature the exact rise is added to (T₀ or T_a) (K)
     * @param exactRise the exact rise as a function of the distance from the source (K)
     * @param dims 2 for the distance in the x-y plane (a line source along z through the origin), 3 for the
     *        distance from the origin
     * @param x x of the point (m)
     * @param y y of the point (m)
     * @param z z of the point (m)
     * @return Σ w·(T_cell − reference − rise(r_cell)) over the point's stencil (K)
     */
    public static double atPoint(ScalarField temperature, double reference, DoubleUnaryOperator exactRise, int dims,
            double x, double y, double z) {
        Grid3D g = temperature.grid();
        PointStencil st = PointStencil.of(g, x, y, z);
        int[] cells = st.cells();
        double[] w = st.weights();
        double e = 0;
        for (int c = 0; c < cells.length; c++) {
            int i = g.i(cells[c]);
            int j = g.j(cells[c]);
            int k = g.k(cells[c]);
            double r2 = g.x(i) * g.x(i) + g.y(j) * g.y(j) + (dims == 3 ? g.z(k) * g.z(k) : 0.0);
            e += w[c] * (temperature.values()[cells[c]] - reference - exactRise.applyAsDouble(Math.sqrt(r2)));
        }
        return e;
    }
}
