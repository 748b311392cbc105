package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ecmsim.grid.Grid3D;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * {@link LodDiffusion}: the discrete properties of one LOD backward-Euler step of ∂u/∂t = D∇²u − ku with Neumann
 * faces (conservation, positivity, maximum principle, exact eigenmode decay, agreement with dense solves,
 * determinism) and the input checks. Convergence against the heat kernel is in {@link LodDiffusionConvergenceTest}.
 */
class LodDiffusionTest {

    /** Relative change of Σu·V allowed over a few steps with k = 0: a few ulps per cell, summed. */
    private static final double MASS_ROUND_OFF = 1e-13;
    /** Overshoot of [a, b] allowed, relative to b: each line solve is a convex combination up to a few ulps. */
    private static final double MAX_PRINCIPLE_ROUND_OFF = 1e-14;
    /** Eigenmode amplification factor Π 1/(1 + Δt D λ_a) / (1 + Δt k), matched to this, relative to the mode's peak. */
    private static final double MODE_TOLERANCE = 1e-12;
    /**
     * Dense LU vs the Thomas sweeps, relative to max |u|: both are backward stable, so their difference is bounded
     * by ~κ·ε with κ(I − ΔtD L_a) ≤ 1 + 4r, up to 6·10⁴ at the largest step here (r ≈ 1.6·10⁴).
     */
    private static final double DENSE_TOLERANCE = 1e-12;

    /** An anisotropic grid with odd sizes: 13×11×9 cells of 20 × 30 × 25 µm. */
    private static final Grid3D ODD = new Grid3D(13, 11, 9, 20e-6, 30e-6, 25e-6);
    /** A growth-factor diffusivity in tissue (m²/s). */
    private static final double D = 1e-11;
    /** One hour (s). */
    private static final double HOUR = 3600;

    static double[] random(int n, long seed, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[n];
        for (int c = 0; c < n; c++) {
            u[c] = lo + (hi - lo) * rng.nextDouble();
        }
        return u;
    }

    static double sum(double[] u) {
        double s = 0;
        for (double v : u) {
            s += v;
        }
        return s;
    }

    /**
     * With k = 0, Σ u·V is conserved: each 1-D factor I − ΔtD L_a is symmetric with unit row sums, so its columns
     * sum to 1 and 1ᵀ(I − ΔtD L_a)⁻¹ = 1ᵀ. Checked for r = ΔtD/h² from 0.01 to 10⁵ on a random positive field.
     */
    @Test
    void conservesMassWithoutDecay() {
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u = random(ODD.cellCount(), 1L, 0.1, 5.0);
        double v = ODD.cellVolume();
        double mass0 = sum(u) * v;
        for (double dt : new double[] {0.5, 60, HOUR, 10 * HOUR, 1000 * HOUR}) {
            lod.step(u, D, 0.0, dt);
            double mass = sum(u) * v;
            assertThat(Math.abs(mass - mass0) / mass0).as("Δt = %g s", dt).isLessThanOrEqualTo(MASS_ROUND_OFF);
        }
    }

    /**
     * With k &gt; 0 the mass decays by exactly 1/(1 + Δt k) per step, since the diffusion factors conserve it.
     */
    @Test
    void decaysMassByBackwardEulerFactor() {
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u = random(ODD.cellCount(), 2L, 0.1, 5.0);
        double k = 1.0 / (6 * HOUR);
        double mass0 = sum(u);
        lod.step(u, D, k, HOUR);
        assertThat(Math.abs(sum(u) / mass0 * (1 + HOUR * k) - 1)).isLessThanOrEqualTo(MASS_ROUND_OFF);
    }

    /**
     * Maximum principle: each factor's inverse is non-negative with unit row sums, so a field in [a, b] stays in
     * [a, b] for any step; with k &gt; 0 it stays in [0, b].
     */
    @Test
    void keepsFieldWithinItsInitialRange() {
        double a = 0.3;
        double b = 2.7;
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u = random(ODD.cellCount(), 3L, a, b);
        double slack = MAX_PRINCIPLE_ROUND_OFF * b;
        for (double dt : new double[] {1, 60, HOUR, 1e3 * HOUR, 1e9 * HOUR}) {
            lod.step(u, D, 0.0, dt);
            for (double v : u) {
                assertThat(v).as("Δt = %g s", dt).isBetween(a - slack, b + slack);
            }
        }
        double[] w = random(ODD.cellCount(), 4L, a, b);
        lod.step(w, D, 1e-4, HOUR);
        for (double v : w) {
            assertThat(v).isBetween(0.0, b + slack);
        }
    }

    /**
     * Positivity for huge steps: a unit delta stays ≥ 0 everywhere (no subtraction in the sweeps: pivots &gt; 0,
     * multipliers ≥ 0), with no NaN, and for r = ΔtD/h² ≈ 10¹⁴ it is spread to the mean to 10⁻⁶.
     */
    @Test
    void deltaStaysNonNegativeForHugeSteps() {
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        for (double dt : new double[] {1, HOUR, 1e6 * HOUR, 1e10 * HOUR}) {
            double[] u = new double[ODD.cellCount()];
            u[ODD.index(0, 10, 4)] = 1.0;
            lod.step(u, D, 0.0, dt);
            for (double v : u) {
                assertThat(v).as("Δt = %g s", dt).isGreaterThanOrEqualTo(0.0).isFinite();
            }
        }
        double[] u = new double[ODD.cellCount()];
        u[ODD.index(12, 0, 8)] = 1.0;
        lod.step(u, D, 0.0, 1e10 * HOUR);
        double mean = 1.0 / u.length;
        for (double v : u) {
            assertThat(Math.abs(v - mean) / mean).isLessThan(1e-6);
        }
    }

    /**
     * Exact discrete eigenmodes: for the cell-centred Neumann Laplacian, v_i = cos(πm(i+½)/n) satisfies
     * (L v)_i = −λ v_i with λ = (2 − 2cos(πm/n))/h² (the ghost values v₋₁ = v₀, v_n = v_{n−1} hold exactly). One
     * LOD step therefore multiplies a separable mode by Π_a 1/(1 + Δt D λ_a) × 1/(1 + Δt k).
     */
    @Test
    void multipliesSeparableEigenmodeByExactFactor() {
        int[][] modes = {{3, 1, 5}, {0, 2, 0}, {12, 10, 8}, {1, 0, 1}};
        double[] dts = {600, HOUR, 100 * HOUR};
        double k = 1.0 / (12 * HOUR);
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        for (int[] mode : modes) {
            for (double dt : dts) {
                double[] u = mode(ODD, mode);
                double[] expected = u.clone();
                double factor = 1.0 / (1 + dt * k);
                for (int a = 0; a < 3; a++) {
                    int n = new int[] {ODD.nx(), ODD.ny(), ODD.nz()}[a];
                    double h = new double[] {ODD.dx(), ODD.dy(), ODD.dz()}[a];
                    double lambda = (2 - 2 * Math.cos(Math.PI * mode[a] / n)) / (h * h);
                    factor /= 1 + dt * D * lambda;
                }
                for (int c = 0; c < u.length; c++) {
                    expected[c] *= factor;
                }
                lod.step(u, D, k, dt);
                for (int c = 0; c < u.length; c++) {
                    assertThat(Math.abs(u[c] - expected[c])).as("mode %d,%d,%d Δt %g cell %d", mode[0], mode[1],
                            mode[2], dt, c).isLessThanOrEqualTo(MODE_TOLERANCE);
                }
            }
        }
    }

    /** Axes with one cell have no diffusion: on a 1×1×n or 1×n×1 grid the step is the 1-D step. */
    @Test
    void singleCellAxesAreSkipped() {
        int n = 10;
        double[] modeDecay = new double[3];
        Grid3D[] grids = {new Grid3D(n, 1, 1, 20e-6, 1e-6, 1e-6), new Grid3D(1, n, 1, 1e-6, 20e-6, 1e-6),
            new Grid3D(1, 1, n, 1e-6, 1e-6, 20e-6)};
        for (int a = 0; a < 3; a++) {
            Grid3D g = grids[a];
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = Math.cos(Math.PI * 2 * (i + 0.5) / n);
            }
            new LodDiffusion(g, ParallelExecutor.serial()).step(u, D, 0.0, HOUR);
            modeDecay[a] = u[0] / Math.cos(Math.PI * 2 * 0.5 / n);
        }
        double lambda = (2 - 2 * Math.cos(Math.PI * 2 / n)) / (20e-6 * 20e-6);
        for (double f : modeDecay) {
            assertThat(f).isCloseTo(1 / (1 + HOUR * D * lambda), org.assertj.core.data.Offset.offset(1e-14));
        }
        // A single cell only decays.
        double[] one = {2.0};
        new LodDiffusion(Grid3D.uniform(1, 1, 1, 1e-5), ParallelExecutor.serial()).step(one, D, 1e-4, HOUR);
        assertThat(one[0]).isEqualTo(2.0 / (1 + HOUR * 1e-4));
    }

    /** D = 0 is the identity followed by the decay 1/(1 + Δt k); with k = 0 too, nothing changes. */
    @Test
    void zeroDiffusivityOnlyDecays() {
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u0 = random(ODD.cellCount(), 5L, -1, 1);
        double[] u = u0.clone();
        lod.step(u, 0.0, 0.0, HOUR);
        assertThat(u).containsExactly(u0);
        lod.step(u, 0.0, 2e-4, HOUR);
        for (int c = 0; c < u.length; c++) {
            assertThat(u[c]).isEqualTo(u0[c] * (1.0 / (1 + HOUR * 2e-4)));
        }
    }

    /**
     * Agreement with dense LU solves: the three factors (I − ΔtD L_a) assembled as 3-D matrices from the cells'
     * neighbours (EJML), applied in turn with CommonOps_DDRM.solve, then divided by 1 + Δt k.
     */
    @Test
    void matchesDenseSolvesOfTheThreeFactors() {
        Grid3D g = new Grid3D(5, 4, 6, 20e-6, 35e-6, 15e-6);
        double k = 1e-4;
        for (double dt : new double[] {60, HOUR, 100 * HOUR}) {
            double[] u0 = random(g.cellCount(), 6L, -1, 3);
            double[] u = u0.clone();
            new LodDiffusion(g, ParallelExecutor.serial()).step(u, D, k, dt);
            DMatrixRMaj x = DMatrixRMaj.wrap(u0.length, 1, u0.clone());
            for (int a = 0; a < 3; a++) {
                DMatrixRMaj next = new DMatrixRMaj(u0.length, 1);
                assertThat(CommonOps_DDRM.solve(denseFactor(g, a, dt * D), x, next)).isTrue();
                x = next;
            }
            double scale = 0;
            for (double v : u) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int c = 0; c < u.length; c++) {
                assertThat(Math.abs(u[c] - x.get(c) / (1 + dt * k))).as("Δt %g cell %d", dt, c)
                        .isLessThanOrEqualTo(DENSE_TOLERANCE * scale);
            }
        }
    }

    /** I − dtD·L_a on the whole grid: for each cell and each existing neighbour along axis a, r off the diagonal. */
    private static DMatrixRMaj denseFactor(Grid3D g, int axis, double dtD) {
        int n = g.cellCount();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double h = new double[] {g.dx(), g.dy(), g.dz()}[axis];
        double r = dtD / (h * h);
        for (int kk = 0; kk < g.nz(); kk++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int c = g.index(i, j, kk);
                    m.set(c, c, 1.0);
                    int[] ijk = {i, j, kk};
                    int[] size = {g.nx(), g.ny(), g.nz()};
                    for (int s = -1; s <= 1; s += 2) {
                        int p = ijk[axis] + s;
                        if (p >= 0 && p < size[axis]) {
                            int[] nb = ijk.clone();
                            nb[axis] = p;
                            int cn = g.index(nb[0], nb[1], nb[2]);
                            m.set(c, cn, -r);
                            m.add(c, c, r);
                        }
                    }
                }
            }
        }
        return m;
    }

    /** 1, 2 and 3 threads give the same bits, for the single-field and the several-field step. */
    @Test
    void resultIsIndependentOfThreadCount() {
        Grid3D g = new Grid3D(17, 13, 11, 20e-6, 20e-6, 30e-6);
        double[] u0 = random(g.cellCount(), 7L, 0, 1);
        double[] serial = u0.clone();
        LodDiffusion s = new LodDiffusion(g, ParallelExecutor.serial());
        s.step(serial, D, 1e-5, HOUR);
        s.step(serial, 3 * D, 0, 0.1 * HOUR);
        for (int threads : new int[] {2, 3}) {
            try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                LodDiffusion p = new LodDiffusion(g, executor);
                double[] u = u0.clone();
                p.step(u, D, 1e-5, HOUR);
                p.step(u, 3 * D, 0, 0.1 * HOUR);
                assertThat(u).as("%d threads", threads).containsExactly(serial);
                double[] a = u0.clone();
                double[] b = random(g.cellCount(), 8L, 0, 1);
                double[] bSerial = b.clone();
                p.step(new double[][] {a, b}, new double[] {D, 3 * D}, new double[] {1e-5, 0}, HOUR);
                double[] aSerial = u0.clone();
                s.step(aSerial, D, 1e-5, HOUR);
                s.step(bSerial, 3 * D, 0, HOUR);
                assertThat(a).containsExactly(aSerial);
                assertThat(b).containsExactly(bSerial);
            }
        }
    }

    /** The factor cache is keyed by (Δt·D, Δt·k): alternating fields give the same bits as fresh instances. */
    @Test
    void cachedFactorsGiveSameResultAsFreshOnes() {
        double[] u0 = random(ODD.cellCount(), 9L, 0, 1);
        LodDiffusion shared = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u = u0.clone();
        for (int s = 0; s < LodDiffusion.CACHE_CAPACITY + 3; s++) {
            shared.step(u, D * (1 + s % 5), 1e-6 * (s % 3), HOUR);
        }
        double[] v = u0.clone();
        for (int s = 0; s < LodDiffusion.CACHE_CAPACITY + 3; s++) {
            new LodDiffusion(ODD, ParallelExecutor.serial()).step(v, D * (1 + s % 5), 1e-6 * (s % 3), HOUR);
        }
        assertThat(u).containsExactly(v);
    }

    @Test
    void rejectsBadInputNamingParameterAndValue() {
        LodDiffusion lod = new LodDiffusion(ODD, ParallelExecutor.serial());
        double[] u = new double[ODD.cellCount()];
        assertThatThrownBy(() -> lod.step(u, -1e-9, 0, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diffusivity = -1.00000e-09 m²/s").hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> lod.step(u, D, -0.5, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decayRate = -0.500000 1/s").hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> lod.step(u, D, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dt = 0 s").hasMessageContaining("> 0");
        assertThatThrownBy(() -> lod.step(u, D, 0, -HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dt = -3600 s");
        assertThatThrownBy(() -> lod.step(u, Double.NaN, 0, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diffusivity = NaN");
        assertThatThrownBy(() -> lod.step(u, D, 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dt = Infinity s");
        assertThatThrownBy(() -> lod.step(new double[7], D, 0, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("u.length = 7").hasMessageContaining("1287");
        assertThatThrownBy(() -> lod.step(u, 1e300, 0, 1e300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dt·diffusivity/dx²");
        double[] v = new double[ODD.cellCount()];
        assertThatThrownBy(() -> lod.step(new double[][] {u, v}, new double[] {D, -D}, new double[] {0, 0}, HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diffusivities[1] = -1.00000e-11");
        assertThatThrownBy(() -> lod.step(new double[][] {u, v}, new double[] {D}, new double[] {0, 0}, HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diffusivities.length = 1");
        assertThatThrownBy(() -> lod.step(new double[][] {u, new double[3]}, new double[] {D, D},
                new double[] {0, 0}, HOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[1].length = 3");
    }

    /** The separable mode Π_a cos(π m_a (i_a + ½)/n_a). */
    static double[] mode(Grid3D g, int[] m) {
        double[] u = new double[g.cellCount()];
        for (int k = 0; k < g.nz(); k++) {
            double cz = Math.cos(Math.PI * m[2] * (k + 0.5) / g.nz());
            for (int j = 0; j < g.ny(); j++) {
                double cy = Math.cos(Math.PI * m[1] * (j + 0.5) / g.ny());
                for (int i = 0; i < g.nx(); i++) {
                    u[g.index(i, j, k)] = Math.cos(Math.PI * m[0] * (i + 0.5) / g.nx()) * cy * cz;
                }
            }
        }
        return u;
    }
}
