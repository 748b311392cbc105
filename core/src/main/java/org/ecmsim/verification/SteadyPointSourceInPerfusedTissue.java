package org.ecmsim.verification;

import java.util.EnumSet;
import java.util.List;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.PointSource;
import org.ecmsim.thermal.SteadyStateResult;
import org.ecmsim.thermal.SteadyStateSolver;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * A steady point source of power P in an infinite perfused medium (the Green's function of the steady Pennes
 * equation):
 * <pre>
 *   T(r) − T_a = P/(4πk r) · e^{−r/L},   L = √(k/(ω_b ρ_b c_b))
 * </pre>
 * Set up on an octant: mirror faces at x = 0, y = 0, z = 0, the source at their common corner (where
 * {@link PointSource} puts P/8 into the corner cell), and the outer shell of cells held at the exact solution at
 * their centres, so the finite domain adds no error of its own. Solved directly with {@link SteadyStateSolver};
 * the error at the {@link #PROBE} is second order in the cell size.
 */
public final class SteadyPointSourceInPerfusedTissue {

    /** Source power of the whole source (W). */
    public static final double POWER = 0.05;
    /** The perfusion coefficient ω_b ρ_b c_b (W/(m³·K)): a decay length L = 2 mm with k = 0.5 W/(m·K). */
    public static final double PERFUSION_COEFFICIENT = 1.25e5;
    /** The tissue, thermal only. */
    public static final Material TISSUE = Material.builder("perfused tissue").density(1000).specificHeat(4000)
            .thermalConductivity(0.5).perfusionCoefficient(PERFUSION_COEFFICIENT).build();
    /** Arterial temperature (K). */
    public static final double ARTERIAL = Units.celsiusToKelvin(37);
    /** Side of the octant domain (m). */
    public static final double SIZE = 6e-3;
    /** The grids of the convergence study (cells per side). */
    public static final int[] GRIDS = {24, 48, 96};
    /** The probe (m): a corner of the coarsest grid's cells, so a cell corner on every grid of {@link #GRIDS}. */
    public static final double[] PROBE = {1.5e-3, 1.0e-3, 0.5e-3};

    private SteadyPointSourceInPerfusedTissue() {
    }

    /** @return the decay length L = √(k/(ω_b ρ_b c_b)) (m) */
    public static double decayLength() {
        return Math.sqrt(TISSUE.thermalConductivity() / PERFUSION_COEFFICIENT);
    }

    /**
     * @param r distance from the source (m), &gt; 0
     * @return the exact steady rise (K)
     */
    public static double exactRise(double r) {
        return POWER / (4 * Math.PI * TISSUE.thermalConductivity() * r) * Math.exp(-r / decayLength());
    }

    /**
     * Solves the problem on {@code n³} cells.
     *
     * @param n cells per side, ≥ 4
     * @param executor threads
     * @return the steady state
     */
    public static SteadyStateResult solve(int n, ParallelExecutor executor) {
        Grid3D grid = Grid3D.uniform(n, n, n, SIZE / n);
        CellMask shell = new CellMask(grid);
        ScalarField held = ScalarField.constant(grid, ARTERIAL);
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (i == n - 1 || j == n - 1 || k == n - 1) {
                        shell.add(i, j, k);
                        double r = Math.sqrt(grid.x(i) * grid.x(i) + grid.y(j) * grid.y(j) + grid.z(k) * grid.z(k));
                        held.set(i, j, k, ARTERIAL + exactRise(r));
                    }
                }
            }
        }
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, TISSUE))
                .arterialTemperature(ARTERIAL).fixedCells(shell).build();
        PointSource source = PointSource.of(grid, POWER, 0, 0, 0, EnumSet.of(Face.X_MIN, Face.Y_MIN, Face.Z_MIN));
        return new SteadyStateSolver(problem, executor).solve(List.of(source), held, 1e-12);
    }

    /**
     * @param n cells per side
     * @param executor threads
     * @return the scheme's error at the {@link #PROBE}, {@link SchemeError#atPoint} (K)
     */
    public static double error(int n, ParallelExecutor executor) {
        return Math.abs(SchemeError.atPoint(solve(n, executor).temperature(), ARTERIAL,
                SteadyPointSourceInPerfusedTissue::exactRise, 3, PROBE[0], PROBE[1], PROBE[2]));
    }

    /** @return the probe's distance from the source (m) */
    public static double probeRadius() {
        return Math.sqrt(PROBE[0] * PROBE[0] + PROBE[1] * PROBE[1] + PROBE[2] * PROBE[2]);
    }
}
