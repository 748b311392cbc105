package org.ecmsim.verification;

import java.util.EnumSet;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.EnergyDeposit;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * An instantaneous point source of energy E at t = 0 in an infinite perfused medium at the arterial temperature:
 * <pre>
 *   T(r, t) − T_a = E/(ρc (4παt)^{3/2}) · e^{−r²/(4αt)} · e^{−ω_b ρ_b c_b t/(ρc)}
 * </pre>
 * (the heat kernel times the perfusion decay). Set up on an octant with mirror faces at x = 0, y = 0, z = 0 and the
 * deposit at their corner ({@link EnergyDeposit#atPoint} puts E/8 into the corner cell), the far faces insulated and
 * {@link #SIZE} away (an insulated face acts as a mirror: the image sources are 2·{@link #SIZE} away and add
 * less than 10⁻⁷ of the probe's rise). The explicit solver runs to {@link #TIME};
 * the error at the {@link #PROBE} is second order in the cell size.
 */
public final class InstantPointSourceInPerfusedTissue {

    /** Deposited energy of the whole source (J). */
    public static final double ENERGY = 0.01;
    /** The perfusion coefficient ω_b ρ_b c_b (W/(m³·K)). */
    public static final double PERFUSION_COEFFICIENT = 4e5;
    /** The tissue, thermal only: k = 0.5 W/(m·K), ρc = 4·10⁶ J/(m³·K). */
    public static final Material TISSUE = Material.builder("perfused tissue").density(1000).specificHeat(4000)
            .thermalConductivity(0.5).perfusionCoefficient(PERFUSION_COEFFICIENT).build();
    /** Arterial and initial temperature (K). */
    public static final double ARTERIAL = Units.celsiusToKelvin(37);
    /** Time at which the probes are compared (s). */
    public static final double TIME = 2.0;
    /** Side of the octant domain (m). */
    public static final double SIZE = 2.5e-3;
    /** The grids of the convergence study (cells per side). */
    public static final int[] GRIDS = {16, 32, 64};
    /** The probe (m): a corner of the coarsest grid's cells, so a cell corner on every grid of {@link #GRIDS}. */
    public static final double[] PROBE = {0.625e-3, 0.3125e-3, 0.3125e-3};

    private InstantPointSourceInPerfusedTissue() {
    }

    /**
     * @param r distance from the source (m)
     * @param t time since the deposit (s), &gt; 0
     * @return the exact rise (K)
     */
    public static double exactRise(double r, double t) {
        double rc = TISSUE.heatCapacity();
        double alpha = TISSUE.thermalDiffusivity();
        return ENERGY / (rc * Math.pow(4 * Math.PI * alpha * t, 1.5)) * Math.exp(-r * r / (4 * alpha * t))
                * Math.exp(-PERFUSION_COEFFICIENT * t / rc);
    }

    /**
     * @param n cells per side, ≥ 4
     * @param executor threads
     * @return the computed rise at the {@link #PROBE} at {@link #TIME} (K)
     */
    public static double computedRise(int n, ParallelExecutor executor) {
        return temperature(n, executor).interpolate(PROBE[0], PROBE[1], PROBE[2]) - ARTERIAL;
    }

    /** @return the probe's distance from the source (m) */
    public static double probeRadius() {
        return Math.sqrt(PROBE[0] * PROBE[0] + PROBE[1] * PROBE[1] + PROBE[2] * PROBE[2]);
    }

    /**
     * @param n cells per side, ≥ 4
     * @param executor threads
     * @return the temperature at {@link #TIME} (K)
     */
    public static ScalarField temperature(int n, ParallelExecutor executor) {
        Grid3D grid = Grid3D.uniform(n, n, n, SIZE / n);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, TISSUE)).arterialTemperature(ARTERIAL)
                .build();
        HeatSolver solver = new ExplicitHeatSolver(problem, executor);
        solver.deposit(EnergyDeposit.atPoint(grid, ENERGY, 0, 0, 0, EnumSet.of(Face.X_MIN, Face.Y_MIN, Face.Z_MIN)));
        solver.advance(TIME);
        return solver.temperature().copy();
    }

    /**
     * @param n cells per side
     * @param executor threads
     * @return the scheme's error at the {@link #PROBE}, {@link SchemeError#atPoint} (K)
     */
    public static double error(int n, ParallelExecutor executor) {
        return Math.abs(SchemeError.atPoint(temperature(n, executor), ARTERIAL, r -> exactRise(r, TIME), 3, PROBE[0],
                PROBE[1], PROBE[2]));
    }
}
