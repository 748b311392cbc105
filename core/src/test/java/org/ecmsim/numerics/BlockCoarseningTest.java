package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ecmsim.grid.Grid3D;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockCoarsening}, the conservative transfer of damage fields from the thermal grid to the biology grid:
 * restriction conserves the volume integral, prolongation followed by restriction is the identity, the factor
 * chosen by {@link BlockCoarsening#largestDividing} is the largest common divisor not above the one asked for, and
 * bad input is refused.
 */
class BlockCoarseningTest {

    /**
     * Round-off of a sum of n ≈ 10⁴ terms of O(1), relative to Σ|v|·V: a few ulps times log₂ n is far below this, a
     * lost or doubled fine cell (one term in 10⁴) far above.
     */
    private static final double SUM_ROUND_OFF = 1e-13;
    /** Round-off of a block mean of f³ ≤ 64 equal terms: a few ulps. */
    private static final double MEAN_ROUND_OFF = 1e-15;

    /** Anisotropic spacings, so that a wrong volume scaling on one axis shows. */
    private static Grid3D grid(int nx, int ny, int nz) {
        return new Grid3D(nx, ny, nz, 10e-6, 20e-6, 25e-6);
    }

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            v[c] = rng.nextDouble(-1, 3);
        }
        return v;
    }

    /**
     * Σ fine·V_fine = Σ coarse·V_coarse for random fields, for several factors, on non-cubic grids. V_coarse = f³
     * V_fine, so this holds only if restrict takes the block mean (a block sum or a mean over f² would fail by f or
     * f³).
     */
    @Test
    void restrictionConservesTheVolumeIntegral() {
        int[][] shapes = {{12, 8, 20}, {6, 6, 6}, {16, 12, 8}, {9, 15, 21}};
        int[] factors = {2, 2, 4, 3};
        for (int s = 0; s < shapes.length; s++) {
            Grid3D fine = grid(shapes[s][0], shapes[s][1], shapes[s][2]);
            BlockCoarsening b = new BlockCoarsening(fine, factors[s]);
            assertThat(b.coarse().cellVolume()).isCloseTo(Math.pow(factors[s], 3) * fine.cellVolume(),
                    org.assertj.core.data.Percentage.withPercentage(1e-12));
            double[] in = random(fine.cellCount(), 100 + s);
            double[] out = new double[b.coarse().cellCount()];
            b.restrict(in, out);
            double fineIntegral = 0;
            double scale = 0;
            for (double v : in) {
                fineIntegral += v * fine.cellVolume();
                scale += Math.abs(v) * fine.cellVolume();
            }
            double coarseIntegral = 0;
            for (double v : out) {
                coarseIntegral += v * b.coarse().cellVolume();
            }
            double error = Math.abs(coarseIntegral - fineIntegral) / scale;
            System.out.printf("restriction %s by %d: relative conservation error %.2e%n", fine, factors[s], error);
            assertThat(error).as("grid %s, factor %d", fine, factors[s]).isLessThanOrEqualTo(SUM_ROUND_OFF);
        }
    }

    /** Each coarse value is the mean of exactly its own f³ fine cells, computed here from (i, j, k) directly. */
    @Test
    void restrictionIsTheBlockMean() {
        Grid3D fine = grid(6, 9, 12);
        BlockCoarsening b = new BlockCoarsening(fine, 3);
        double[] in = random(fine.cellCount(), 7);
        double[] out = new double[b.coarse().cellCount()];
        b.restrict(in, out);
        Grid3D coarse = b.coarse();
        for (int c = 0; c < coarse.cellCount(); c++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    for (int i = 0; i < 3; i++) {
                        sum += in[fine.index(3 * coarse.i(c) + i, 3 * coarse.j(c) + j, 3 * coarse.k(c) + k)];
                    }
                }
            }
            assertThat(out[c]).as("coarse cell %d", c).isCloseTo(sum / 27, org.assertj.core.data.Offset.offset(
                    1e-14 * 3));
        }
    }

    /** restrict(prolong(u)) = u: every fine cell of a block carries the block's value, and their mean is it. */
    @Test
    void prolongThenRestrictIsTheIdentity() {
        for (int f : new int[] {1, 2, 3, 4}) {
            Grid3D fine = grid(24, 12, 36);
            BlockCoarsening b = new BlockCoarsening(fine, f);
            double[] coarse = random(b.coarse().cellCount(), 40 + f);
            double[] fineValues = new double[fine.cellCount()];
            b.prolong(coarse, fineValues);
            double[] back = new double[coarse.length];
            b.restrict(fineValues, back);
            for (int c = 0; c < coarse.length; c++) {
                assertThat(back[c]).as("factor %d, coarse cell %d", f, c)
                        .isCloseTo(coarse[c], org.assertj.core.data.Offset.offset(MEAN_ROUND_OFF * 4));
            }
        }
    }

    /** Prolongation is piecewise constant: fine cell c takes the value of coarseOf(c), exactly. */
    @Test
    void prolongationCopiesTheBlockValue() {
        Grid3D fine = grid(8, 4, 12);
        BlockCoarsening b = new BlockCoarsening(fine, 4);
        double[] coarse = random(b.coarse().cellCount(), 3);
        double[] out = new double[fine.cellCount()];
        b.prolong(coarse, out);
        for (int c = 0; c < out.length; c++) {
            assertThat(out[c]).isEqualTo(coarse[b.coarseOf(c)]);
        }
    }

    /**
     * The mean of a constant is the constant: to the last bit for 0.375 = 3/8 and f = 2 (every partial sum and 1/8
     * are exact), to round-off for 0.37 and f = 3.
     */
    @Test
    void restrictOfAConstantIsTheConstant() {
        for (int f : new int[] {2, 3}) {
            Grid3D fine = grid(6, 6, 12);
            BlockCoarsening b = new BlockCoarsening(fine, f);
            double[] in = new double[fine.cellCount()];
            double value = f == 2 ? 0.375 : 0.37;
            java.util.Arrays.fill(in, value);
            double[] out = new double[b.coarse().cellCount()];
            java.util.Arrays.fill(out, 99.0); // overwritten, not accumulated into
            b.restrict(in, out);
            for (double v : out) {
                if (f == 2) {
                    assertThat(v).isEqualTo(value);
                } else {
                    assertThat(v).isCloseTo(0.37, org.assertj.core.data.Offset.offset(0.37 * 27 * 1.2e-16));
                }
            }
        }
    }

    /**
     * largestDividing picks the largest f' ≤ f that divides nx, ny and nz together (one factor for all axes, as
     * documented), checked against a brute-force search on odd sizes, primes and mixed sizes.
     */
    @Test
    void largestDividingPicksTheLargestCommonDivisorNotAboveThePreferredFactor() {
        int[][] shapes = {{12, 18, 30}, {9, 15, 21}, {7, 11, 13}, {8, 8, 8}, {10, 10, 7}, {25, 35, 45}, {1, 1, 1}};
        for (int[] s : shapes) {
            Grid3D fine = grid(s[0], s[1], s[2]);
            for (int preferred = -1; preferred <= 9; preferred++) {
                int expected = 1;
                for (int f = 1; f <= preferred; f++) {
                    if (s[0] % f == 0 && s[1] % f == 0 && s[2] % f == 0) {
                        expected = f;
                    }
                }
                BlockCoarsening b = BlockCoarsening.largestDividing(fine, preferred);
                assertThat(b.factor()).as("%s, preferred %d", fine, preferred).isEqualTo(expected);
                assertThat(b.coarse().nx() * expected).isEqualTo(s[0]);
                assertThat(b.coarse().dz()).isEqualTo(fine.dz() * expected);
            }
        }
        // spot values a reader can check by hand
        assertThat(BlockCoarsening.largestDividing(grid(12, 18, 30), 4).factor()).isEqualTo(3);
        assertThat(BlockCoarsening.largestDividing(grid(12, 18, 30), 8).factor()).isEqualTo(6);
        assertThat(BlockCoarsening.largestDividing(grid(9, 15, 21), 4).factor()).isEqualTo(3);
        assertThat(BlockCoarsening.largestDividing(grid(7, 11, 13), 9).factor()).isEqualTo(1);
        assertThat(BlockCoarsening.largestDividing(grid(25, 35, 45), 9).factor()).isEqualTo(5);
    }

    /** coarseOf maps every fine cell to the block holding it, and each block receives exactly f³ fine cells. */
    @Test
    void coarseOfMapsEveryFineCellToItsBlock() {
        Grid3D fine = grid(6, 9, 15);
        BlockCoarsening b = new BlockCoarsening(fine, 3);
        Grid3D coarse = b.coarse();
        assertThat(coarse.nx()).isEqualTo(2);
        assertThat(coarse.ny()).isEqualTo(3);
        assertThat(coarse.nz()).isEqualTo(5);
        int[] count = new int[coarse.cellCount()];
        for (int k = 0; k < fine.nz(); k++) {
            for (int j = 0; j < fine.ny(); j++) {
                for (int i = 0; i < fine.nx(); i++) {
                    int c = b.coarseOf(fine.index(i, j, k));
                    assertThat(c).isEqualTo(coarse.index(i / 3, j / 3, k / 3));
                    count[c]++;
                }
            }
        }
        assertThat(count).containsOnly(27);
        // factor 1: the identity map
        BlockCoarsening same = new BlockCoarsening(fine, 1);
        for (int c = 0; c < fine.cellCount(); c++) {
            assertThat(same.coarseOf(c)).isEqualTo(c);
        }
        assertThat(same.coarse()).isEqualTo(fine);
    }

    @Test
    void invalidInputIsRefused() {
        Grid3D fine = grid(6, 9, 12);
        assertThatThrownBy(() -> new BlockCoarsening(fine, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coarsening factor 0").hasMessageContaining("6×9×12");
        assertThatThrownBy(() -> new BlockCoarsening(fine, -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockCoarsening(fine, 2)).as("2 does not divide ny = 9")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coarsening factor 2");
        assertThatThrownBy(() -> new BlockCoarsening(fine, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockCoarsening(null, 2)).isInstanceOf(NullPointerException.class);
        BlockCoarsening b = new BlockCoarsening(fine, 3);
        assertThatThrownBy(() -> b.restrict(new double[fine.cellCount() - 1], new double[b.coarse().cellCount()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in has " + (fine.cellCount() - 1));
        assertThatThrownBy(() -> b.restrict(new double[fine.cellCount()], new double[fine.cellCount()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out has");
        assertThatThrownBy(() -> b.prolong(new double[fine.cellCount()], new double[fine.cellCount()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in has");
        assertThatThrownBy(() -> b.prolong(new double[b.coarse().cellCount()], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out has 3");
    }
}
