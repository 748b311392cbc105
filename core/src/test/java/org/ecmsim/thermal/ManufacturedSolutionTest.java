package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.Material;
import org.junit.jupiter.api.Test;

/**
 * A manufactured steady solution of the heterogeneous 3-D Pennes equation, two perfused layers with a conductivity
 * jump at depth a:
 * <pre>
 *   T = T_a + A X(x) Y(y) Z(z),  X = cos(πx/Lx), Y = cos(πy/Ly),
 *   Z = C − z²/(2k₁) (z &lt; a),  Z = C − a²/(2k₁) − (z² − a²)/(2k₂) (z ≥ a),
 * </pre>
 * so that k Z' = −z is continuous across the interface (flux continuity) and Z(D) = 0 fixes C. Lateral faces are
 * insulated (X' = Y' = 0 there), the surface z = 0 is insulated (Z'(0) = 0) and the deep face is held at T_a.
 * The source that makes it exact is Q = A X Y [ k (π²/Lx² + π²/Ly²) Z + 1 + ω_b ρ_b c_b Z ]. The discrete steady
 * state (reached with backward-Euler ADI steps cycled over the operator's time
 * constants)  must converge to it at second order.
 */
class ManufacturedSolutionTest {

    private static final double TA = 310.15;

    @Test
    void heterogeneousPerfusedSteadyStateConvergesAtSecondOrder() {
        int[] sizes = {8, 16, 32};
        double[] errors = new double[sizes.length];
        for (int n = 0; n < sizes.length; n++) {
            errors[n] = error(sizes[n]);
        }
        double order = Math.log(errors[1] / errors[2]) / Math.log(2);
        assertThat(errors[2]).isLessThan(1e-2);
        System.out.printf("Manufactured heterogeneous: max error %.3e %.3e %.3e K, observed order %.3f%n",
                errors[0], errors[1], errors[2], order);
        assertThat(order).isBetween(1.8, 2.2);
    }

    private static double error(int n) {
        Material upper = Problems.PLAIN.withThermalConductivity(0.21).withPerfusionRate(1e-3);
        Material lower = Problems.PLAIN.withThermalConductivity(0.45).withPerfusionRate(3e-3);
        BloodProperties blood = BloodProperties.DEFAULT;
        double lx = 1e-3;
        double ly = 1e-3;
        double depth = 2e-3;
        double a = depth * 3 / 8; // on a cell face for every n divisible by 8
        Grid3D grid = new Grid3D(n, n, 2 * n, lx / n, ly / n, depth / (2 * n));
        int split = (int) Math.round(a / grid.dz());
        BioheatProblem problem = BioheatProblem.builder(Problems.twoLayers(grid, split, upper, lower))
                .arterialTemperature(TA)
                .blood(blood)
                .boundary(Face.Z_MAX, new BoundaryCondition.FixedTemperature(TA))
                .build();
        double k1 = upper.thermalConductivity();
        double k2 = lower.thermalConductivity();
        double c = a * a / (2 * k1) + (depth * depth - a * a) / (2 * k2);
        double amplitude = 1e6; // makes the excess a few kelvin
        double kk = Math.PI * Math.PI / (lx * lx) + Math.PI * Math.PI / (ly * ly);
        ScalarField q = new ScalarField(grid);
        ScalarField exact = new ScalarField(grid);
        for (int k = 0; k < grid.nz(); k++) {
            double z = grid.z(k);
            boolean top = k < split;
            double zz = top ? c - z * z / (2 * k1) : c - a * a / (2 * k1) - (z * z - a * a) / (2 * k2);
            double kz = top ? k1 : k2;
            double w = (top ? upper : lower).perfusionRate() * blood.heatCapacity();
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    double xy = amplitude * Math.cos(Math.PI * grid.x(i) / lx) * Math.cos(Math.PI * grid.y(j) / ly);
                    q.set(i, j, k, xy * (kz * kk * zz + 1 + w * zz));
                    exact.set(i, j, k, TA + xy * zz);
                }
            }
        }
        AdiHeatSolver solver = new AdiHeatSolver(problem, 50.0, 1.0, ParallelExecutor.serial());
        solver.addSource(HeatSource.constant(q));
        solver.setEnergyTracking(false);
        // ADI as a steady-state iteration: cycle the step over the decades of the operator's time constants, so
        // that every mode is damped in some step of the cycle (a fixed huge step leaves high modes damped slowly).
        double[] cycle = {1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0};
        for (int s = 0; s < 200; s++) {
            for (double dt : cycle) {
                solver.setTimeStep(dt);
                solver.step();
            }
        }
        return ExactSolutionTest.maxDifference(solver.temperature(), exact);
    }
}
