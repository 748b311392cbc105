package org.ecmsim.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Grid origins, position → cell, trilinear interpolation, lines and planes. */
class PositionsTest {

    private static ScalarField linear(Grid3D g) {
        ScalarField f = new ScalarField(g);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    f.set(i, j, k, 2 + 300 * g.x(i) - 500 * g.y(j) + 700 * g.z(k));
                }
            }
        }
        return f;
    }

    @Test
    void theDefaultOriginIsZeroAndLeavesPositionsUnchanged() {
        Grid3D g = new Grid3D(4, 5, 6, 1e-4, 2e-4, 3e-4);
        assertThat(g.hasZeroOrigin()).isTrue();
        assertThat(g).isEqualTo(g.withOrigin(0, 0, 0));
        assertThat(g.x(2)).isEqualTo((2 + 0.5) * 1e-4);
        assertThat(g.toString()).isEqualTo("Grid3D[4×5×6 cells, 100.0×200.0×300.0 µm]");
        Grid3D moved = g.withOrigin(-2e-4, 1e-3, 0);
        assertThat(moved.x(0)).isCloseTo(-1.5e-4, within(1e-18));
        assertThat(moved.y(0)).isCloseTo(1.1e-3, within(1e-18));
        assertThat(moved.toString()).contains("origin");
    }

    @Test
    void cellAtFindsTheContainingCellAndRefusesPointsOutside() {
        Grid3D g = Grid3D.uniform(10, 8, 6, 1e-4).withOrigin(-5e-4, 0, 0);
        assertThat(g.cellAt(-4.5e-4, 0.05e-4, 5.5e-4)).isEqualTo(g.index(0, 0, 5));
        assertThat(g.cellAt(5e-4, 8e-4, 6e-4)).isEqualTo(g.index(9, 7, 5));
        assertThat(g.cellAt(0.0, 1e-4, 0)).isEqualTo(g.index(5, 1, 0));
        assertThatThrownBy(() -> g.cellAt(-6e-4, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x = -0.6").hasMessageContaining("outside the grid");
        assertThatThrownBy(() -> g.cellAt(0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interpolationIsExactForLinearFieldsAndClampsWithinHalfACellOfAFace() {
        Grid3D g = new Grid3D(7, 6, 5, 1e-4, 1.5e-4, 2e-4).withOrigin(1e-3, -2e-4, 0);
        ScalarField f = linear(g);
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 100; n++) {
            double x = g.x(0) + r.nextDouble() * (g.x(6) - g.x(0));
            double y = g.y(0) + r.nextDouble() * (g.y(5) - g.y(0));
            double z = g.z(0) + r.nextDouble() * (g.z(4) - g.z(0));
            assertThat(f.interpolate(x, y, z)).isCloseTo(2 + 300 * x - 500 * y + 700 * z, within(1e-12));
        }
        // On the x = origin face, the value is that at the first centre (clamped along x only).
        double y = g.y(2) + 0.3 * g.dy();
        assertThat(f.interpolate(g.originX(), y, g.z(1))).isCloseTo(2 + 300 * g.x(0) - 500 * y + 700 * g.z(1),
                within(1e-12));
        PointStencil s = PointStencil.of(g, g.x(3), g.y(2), g.z(1));
        assertThat(s.interpolate(f)).isEqualTo(f.get(3, 2, 1));
        double sum = 0;
        for (double w : s.weights()) {
            sum += w;
        }
        assertThat(sum).isEqualTo(1.0);
    }

    @Test
    void interpolationOfASmoothFieldIsSecondOrder() {
        double[] error = new double[2];
        for (int level = 0; level < 2; level++) {
            int n = 16 << level;
            Grid3D g = Grid3D.uniform(n, n, n, 1.0 / n);
            ScalarField f = new ScalarField(g);
            for (int c = 0; c < g.cellCount(); c++) {
                f.values()[c] = Math.sin(3 * g.x(g.i(c))) * Math.cos(2 * g.y(g.j(c))) * Math.exp(g.z(g.k(c)));
            }
            SplittableRandom r = new SplittableRandom(11);
            for (int p = 0; p < 400; p++) {
                double x = 0.1 + 0.8 * r.nextDouble();
                double y = 0.1 + 0.8 * r.nextDouble();
                double z = 0.1 + 0.8 * r.nextDouble();
                double exact = Math.sin(3 * x) * Math.cos(2 * y) * Math.exp(z);
                error[level] = Math.max(error[level], Math.abs(f.interpolate(x, y, z) - exact));
            }
        }
        assertThat(Math.log(error[0] / error[1]) / Math.log(2)).isBetween(1.8, 2.2);
    }

    @Test
    void linesAndPlanesSampleTheField() {
        Grid3D g = Grid3D.uniform(6, 6, 8, 1e-4);
        ScalarField f = linear(g);
        double[] depth = f.sampleLine(new double[] {3e-4, 3e-4, g.z(0)}, new double[] {3e-4, 3e-4, g.z(7)}, 8);
        for (int k = 0; k < 8; k++) {
            assertThat(depth[k]).isCloseTo(f.get(2, 2, k) + 300 * 0.5e-4 - 500 * 0.5e-4, within(1e-12));
        }
        double[] plane = f.samplePlane(Axis.Z, g.z(3));
        assertThat(plane).hasSize(36);
        assertThat(plane[4 + 6 * 5]).isCloseTo(f.get(4, 5, 3), within(1e-12));
        double[] side = f.samplePlane(Axis.X, g.x(1));
        assertThat(side[2 + 6 * 7]).isCloseTo(f.get(1, 2, 7), within(1e-12));
        assertThatThrownBy(() -> f.sampleLine(new double[] {0, 0, 0}, new double[] {0, 0, 1}, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
