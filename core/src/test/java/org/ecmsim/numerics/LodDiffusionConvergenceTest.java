package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.ecmsim.grid.Grid3D;
import org.junit.jupiter.api.Test;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * {@link LodDiffusion} against the heat kernel: a Gaussian of width σ₀ in the centre of a cube of side 16σ₀ evolves
 * under ∂u/∂t = D∇²u − ku as
 *
 * <pre>
 *   u(x, t) = (σ₀²/σ²(t))^{3/2} exp(−|x − c|²/(2σ²(t))) e^{−kt},   σ²(t) = σ₀² + 2Dt
 * </pre>
 *
 * (free space; the Neumann faces at ≥ 5.6σ(T) change it by &lt; 10⁻⁶ of the peak, below the errors measured). The
 * step is first order in time (backward Euler, and the LOD splitting error is O(Δt)) and second order in space.
 */
class LodDiffusionConvergenceTest {

    /** Initial width σ₀ (m). */
    private static final double SIGMA0 = 50e-6;
    /** Diffusivity (m²/s). */
    private static final double D = 1e-12;
    /** Decay rate (1/s): kT = 0.25. */
    private static final double K = 2e-4;
    /** End time (s): 2DT = σ₀², so σ(T) = √2 σ₀. */
    private static final double T = SIGMA0 * SIGMA0 / (2 * D);
    /** Side of the cube (m). */
    private static final double SIDE = 16 * SIGMA0;
    /** Observed orders against the heat kernel must lie within this of the nominal order. */
    private static final double ORDER_TOLERANCE = 0.15;
    /** The last observed order against the semi-discrete solution (no spatial error) must lie within this of 1. */
    private static final double ASYMPTOTIC_ORDER_TOLERANCE = 0.05;

    /**
     * Time order 1 against the heat kernel: on a 96³ grid (h = σ₀/6) the max error for Δt = T/2, T/4, T/8 halves
     * with Δt. (For smaller Δt the O(h²) spatial error, of opposite sign at the peak, starts to show.)
     */
    @Test
    void firstOrderInTimeAgainstHeatKernel() {
        int n = 96;
        int[] steps = {2, 4, 8};
        double[] errors = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            errors[s] = maxDifference(solve(n, steps[s]), gaussian(Grid3D.uniform(n, n, n, SIDE / n), T));
        }
        double[] orders = orders(errors);
        System.out.printf("LOD Gaussian vs heat kernel, 96³, Δt = T/2, T/4, T/8: max error %s, orders %s%n",
                Arrays.toString(errors), Arrays.toString(orders));
        for (double p : orders) {
            assertThat(p).isCloseTo(1.0, offset(ORDER_TOLERANCE));
        }
    }

    /**
     * Time order 1 with no spatial error: against the exact solution of the same semi-discrete system
     * du/dt = (D L − k) u, u(0) = the sampled Gaussian. The sampled Gaussian is separable and L = L_x + L_y + L_z,
     * so u(T) = e^{−kT} Π_a Σ_m c_m e^{−DTλ_m} v_m(i_a) with the Neumann eigenvectors v_m(i) = cos(πm(i + ½)/n),
     * λ_m = (2 − 2cos(πm/n))/h² and c_m = Σ_i f_i v_m(i) / Σ_i v_m(i)². On 32³, Δt = T/4 … T/64.
     */
    @Test
    void firstOrderInTimeAgainstSemiDiscreteSolution() {
        int n = 32;
        int[] steps = {4, 8, 16, 32, 64};
        double[] exact = semiDiscrete(n, T);
        double[] errors = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            errors[s] = maxDifference(solve(n, steps[s]), exact);
        }
        double[] orders = orders(errors);
        System.out.printf("LOD Gaussian vs semi-discrete exact, 32³, Δt = T/4…T/64: max error %s, orders %s%n",
                Arrays.toString(errors), Arrays.toString(orders));
        assertThat(orders[orders.length - 1]).isCloseTo(1.0, offset(ASYMPTOTIC_ORDER_TOLERANCE));
    }

    /**
     * Space order 2: h = σ₀·(3/4, 3/8, 3/16) with Δt ∝ h² (so the O(Δt) time error is O(h²) too): the max error
     * falls by 4 per halving.
     */
    @Test
    void secondOrderInSpace() {
        int[] sizes = {24, 48, 96};
        int[] steps = {1, 4, 16};
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Grid3D g = Grid3D.uniform(sizes[s], sizes[s], sizes[s], SIDE / sizes[s]);
            errors[s] = maxDifference(solve(sizes[s], steps[s]), gaussian(g, T));
        }
        double[] orders = orders(errors);
        System.out.printf("LOD Gaussian, n = 24, 48, 96, Δt ∝ h²: max error %s, observed orders %s%n",
                Arrays.toString(errors), Arrays.toString(orders));
        assertThat(orders[orders.length - 1]).isCloseTo(2.0, offset(ORDER_TOLERANCE));
    }

    private static double[] orders(double[] errors) {
        double[] p = new double[errors.length - 1];
        for (int s = 0; s < p.length; s++) {
            p[s] = Math.log(errors[s] / errors[s + 1]) / Math.log(2);
        }
        return p;
    }

    /** The field at T after {@code steps} equal steps on an n³ grid from the Gaussian of peak 1. */
    private static double[] solve(int n, int steps) {
        Grid3D g = Grid3D.uniform(n, n, n, SIDE / n);
        double[] u = gaussian(g, 0);
        try (ParallelExecutor executor = new ParallelExecutor(2)) {
            LodDiffusion lod = new LodDiffusion(g, executor);
            for (int s = 0; s < steps; s++) {
                lod.step(u, D, K, T / steps);
            }
        }
        return u;
    }

    private static double maxDifference(double[] u, double[] v) {
        double max = 0;
        for (int c = 0; c < u.length; c++) {
            max = Math.max(max, Math.abs(u[c] - v[c]));
        }
        return max;
    }

    /** The exact solution at t of du/dt = (D L − k) u from the sampled Gaussian on an n³ grid (see above). */
    private static double[] semiDiscrete(int n, double t) {
        double h = SIDE / n;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) * h - SIDE / 2;
            f[i] = Math.exp(-x * x / (2 * SIGMA0 * SIGMA0));
        }
        double[] g = new double[n];
        for (int m = 0; m < n; m++) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double v = Math.cos(Math.PI * m * (i + 0.5) / n);
                dot += f[i] * v;
                norm += v * v;
            }
            double lambda = (2 - 2 * Math.cos(Math.PI * m / n)) / (h * h);
            double c = dot / norm * Math.exp(-D * t * lambda);
            for (int i = 0; i < n; i++) {
                g[i] += c * Math.cos(Math.PI * m * (i + 0.5) / n);
            }
        }
        double decay = Math.exp(-K * t);
        double[] u = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    u[i + n * (j + n * k)] = decay * g[i] * g[j] * g[k];
                }
            }
        }
        return u;
    }

    private static double[] gaussian(Grid3D g, double t) {
        double s2 = SIGMA0 * SIGMA0 + 2 * D * t;
        double amplitude = Math.pow(SIGMA0 * SIGMA0 / s2, 1.5) * Math.exp(-K * t);
        double c = SIDE / 2;
        int n = g.nx();
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double x = g.x(i) - c;
            f[i] = Math.exp(-x * x / (2 * s2));
        }
        double[] u = new double[g.cellCount()];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    u[i + n * (j + n * k)] = amplitude * f[i] * f[j] * f[k];
                }
            }
        }
        return u;
    }
}
