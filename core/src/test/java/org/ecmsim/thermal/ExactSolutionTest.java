package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.verification.SteadyPennesSlab;
import org.junit.jupiter.api.Test;

/**
 * The solvers against exact solutions of the heat and Pennes equations, with the measured order of convergence in
 * space.
 */
class ExactSolutionTest {

    private static final double T0 = 310.15;

    /**
     * A Gaussian pulse in an infinite homogeneous medium, ρc ∂T/∂t = k∇²T:
     * T − T₀ = A (s₀²/s²)^{3/2} exp(−r²/(2s²)), s² = s₀² + 2αt (Carslaw &amp; Jaeger, Conduction of Heat in
     * Solids, 2nd ed., §10.2). The domain spans ±8 s₀, where the pulse is below 1e-6 of its peak, with the faces
     * held at T₀. Explicit steps at half the stability limit make the time error O(h²) as well, so halving h must
     * divide the error by about 4.
     */
    @Test
    void gaussianPulseConvergesAtSecondOrder() {
        double[] errors = new double[3];
        int[] sizes = {24, 48, 96};
        for (int n = 0; n < sizes.length; n++) {
            errors[n] = gaussianError(sizes[n]);
        }
        double order1 = Math.log(errors[0] / errors[1]) / Math.log(2);
        double order2 = Math.log(errors[1] / errors[2]) / Math.log(2);
        System.out.printf("Gaussian pulse: max error %.3e %.3e %.3e K, observed order %.3f %.3f%n",
                errors[0], errors[1], errors[2], order1, order2);
        assertThat(errors[2]).isLessThan(0.01 * 10.0); // below 1 % of the 10 K amplitude
        assertThat(order2).isBetween(1.8, 2.2);
    }

    private static double gaussianError(int n) {
        double s0 = 0.2e-3;
        double length = 16 * s0;
        double amplitude = 10.0;
        Grid3D grid = Grid3D.uniform(n, n, n, length / n);
        Material m = Problems.PLAIN;
        double alpha = m.thermalDiffusivity();
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, m))
                .arterialTemperature(T0)
                .boundaries(BoundaryConditions.all(new BoundaryCondition.FixedTemperature(T0)))
                .build();
        ExplicitHeatSolver solver = new ExplicitHeatSolver(problem, ParallelExecutor.defaultExecutor());
        solver.setTimeStep(0.5 * solver.stabilityLimit());
        ScalarField t = new ScalarField(grid);
        fillGaussian(t, amplitude, s0 * s0, length / 2);
        solver.setTemperature(t);
        double duration = s0 * s0 / (2 * alpha); // s² doubles
        solver.advance(duration);
        ScalarField exact = new ScalarField(grid);
        double s2 = s0 * s0 + 2 * alpha * duration;
        fillGaussian(exact, amplitude * Math.pow(s0 * s0 / s2, 1.5), s2, length / 2);
        return maxDifference(solver.temperature(), exact);
    }

    private static void fillGaussian(ScalarField f, double amplitude, double s2, double centre) {
        Grid3D g = f.grid();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double dx = g.x(i) - centre;
                    double dy = g.y(j) - centre;
                    double dz = g.z(k) - centre;
                    double r2 = dx * dx + dy * dy + dz * dz;
                    f.set(i, j, k, T0 + amplitude * Math.exp(-r2 / (2 * s2)));
                }
            }
        }
    }

    static double maxDifference(ScalarField a, ScalarField b) {
        double m = 0;
        for (int n = 0; n < a.values().length; n++) {
            m = Math.max(m, Math.abs(a.values()[n] - b.values()[n]));
        }
        return m;
    }

    /**
     * Steady 1-D Pennes with perfusion in a slab 0 ≤ z ≤ D, T(0) = T_s, insulated at D:
     * T − T_a = (T_s − T_a) cosh((D − z)/L) / cosh(D/L), L = √(k/(ω_b ρ_b c_b)); for D ≫ L this is the exponential
     * decay e^{−z/L}. The discrete steady state is reached with ADI (θ = 1) steps and must converge at second order.
     */
    @Test
    void steadyPennesProfileDecaysWithPerfusionLength() {
        int[] sizes = {40, 80, 160};
        double[] errors = new double[sizes.length];
        for (int n = 0; n < sizes.length; n++) {
            errors[n] = steadyPennesError(sizes[n]);
        }
        double order = Math.log(errors[1] / errors[2]) / Math.log(2);
        System.out.printf("Steady Pennes: max error %.3e %.3e %.3e K, observed order %.3f%n",
                errors[0], errors[1], errors[2], order);
        assertThat(errors[2]).isLessThan(2e-3); // 2.5e-4 of the 8 K surface excess
        assertThat(order).isBetween(1.8, 2.2);
    }

    /** The shared reference problem ({@link SteadyPennesSlab}, also run by {@code ecmsim validate}) on n cells. */
    private static double steadyPennesError(int n) {
        SteadyPennesSlab slab = new SteadyPennesSlab(n);
        return slab.maxError(slab.steadyState());
    }

    /**
     * The decay length read off the computed profile, as {@code ecmsim validate} reports it, is L to 0.5 % on 160
     * cells; and the shared exact solution is the cosh formula (checked here at its ends: T(0) = T_a + ΔT and
     * T'(D) = 0), so a wrong fixture cannot make a wrong solver pass.
     */
    @Test
    void steadyPennesDecayLengthIsReadOffTheProfile() {
        SteadyPennesSlab slab = new SteadyPennesSlab(160);
        double length = slab.decayLength();
        // L = √(k/(ω_b ρ_b c_b)) = √(0.5/(2e-3·1050·3617)) = 8.1134 mm
        assertThat(length).isCloseTo(Math.sqrt(0.5 / (2e-3 * 1050 * 3617)), org.assertj.core.data.Offset.offset(
                1e-12));
        assertThat(slab.exact(0)).isCloseTo(SteadyPennesSlab.ARTERIAL + SteadyPennesSlab.SURFACE_EXCESS,
                org.assertj.core.data.Offset.offset(1e-12));
        double d = slab.depth();
        double h = 1e-4 * d;
        // one-sided slope at the insulated bottom, against the surface slope ΔT/L ≈ 1e3 K/m: its truncation error
        // is (h/2)·T''(D) ≈ 1.5e-6 of ΔT/L, while the pure exponential e^{−z/L} (no insulated bottom) has 2.5e-3
        double surfaceSlope = SteadyPennesSlab.SURFACE_EXCESS / length;
        assertThat(Math.abs(slab.exact(d) - slab.exact(d - h)) / h).isLessThan(1e-4 * surfaceSlope);
        assertThat((slab.exact(0) - slab.exact(h)) / h).isCloseTo(surfaceSlope, org.assertj.core.data.Percentage
                .withPercentage(0.1));
        double fitted = slab.fittedDecayLength(slab.steadyState());
        assertThat(fitted / length - 1).isBetween(-0.005, 0.005);
    }

    /**
     * Two layers of different conductivity between fixed temperatures, no perfusion: the steady profile is piecewise
     * linear with the interface temperature set by the series resistances, T_i = (k₁T₁/a + k₂T₂/b)/(k₁/a + k₂/b).
     * With the interface on a cell face and harmonic-mean face conductances the scheme is exact for it.
     */
    @Test
    void layeredSlabSteadyStateIsExact() {
        Material upper = Problems.PLAIN.withThermalConductivity(0.21);
        Material lower = Problems.PLAIN.withThermalConductivity(0.37);
        int n = 30;
        int split = 12;
        double dz = 50e-6;
        Grid3D grid = new Grid3D(2, 2, n, 1e-4, 1e-4, dz);
        double top = T0 + 20;
        double bottom = T0;
        BioheatProblem problem = BioheatProblem.builder(Problems.twoLayers(grid, split, upper, lower))
                .arterialTemperature(T0)
                .boundary(Face.Z_MIN, new BoundaryCondition.FixedTemperature(top))
                .boundary(Face.Z_MAX, new BoundaryCondition.FixedTemperature(bottom))
                .build();
        AdiHeatSolver solver = new AdiHeatSolver(problem, 20.0, 1.0, ParallelExecutor.serial());
        for (int s = 0; s < 2000; s++) {
            solver.step();
        }
        double a = split * dz;
        double b = (n - split) * dz;
        double ti = (upper.thermalConductivity() * top / a + lower.thermalConductivity() * bottom / b)
                / (upper.thermalConductivity() / a + lower.thermalConductivity() / b);
        for (int k = 0; k < n; k++) {
            double z = grid.z(k);
            double exact = z < a ? top + (ti - top) * z / a : ti + (bottom - ti) * (z - a) / b;
            assertThat(solver.temperature().get(1, 1, k)).as("T at k=%d", k).isCloseTo(exact,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
