package org.ecmsim.verification;

import java.util.EnumSet;
import java.util.Set;
import org.ecmsim.grid.Axis;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.thermal.LineSource;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * A continuous line source switched on at t = 0 in an infinite, unperfused medium (Carslaw &amp; Jaeger §10.4):
 * <pre>
 *   T(r, t) − T₀ = q′/(4πk) · E₁(r²/(4αt)),   α = k/(ρc)
 * </pre>
 * Set up as a quasi-2-D problem (nz = 1) on a quarter of the plane: mirror faces at x = 0 and y = 0, the line on
 * their common edge (the domain's axis, where {@link LineSource} puts q′/4 into the corner cell), the far faces
 * {@link #SIZE} away (insulated faces act as mirrors: the image lines are at least 2·{@link #SIZE} − r away and
 * add less than 10⁻⁵ of the probe's rise). The explicit solver runs to {@link #TIME}; the
 * error at the {@link #PROBE} is second order in the cell size (the time step is a fixed fraction of the
 * stability limit, so it scales with the cell size squared).
 */
public final class LineSourceInUnperfusedMedium {

    /** Power per length of the whole line (W/m). */
    public static final double POWER_PER_LENGTH = 5.0;
    /** The medium: k = 0.5 W/(m·K), ρ = 1000 kg/m³, c = 4000 J/(kg·K), no perfusion, thermal only. */
    public static final Material MEDIUM = Material.builder("line-source medium").density(1000).specificHeat(4000)
            .thermalConductivity(0.5).build();
    /** Initial (and arterial) temperature (K). */
    public static final double T0 = Units.celsiusToKelvin(37);
    /** Time at which the probes are compared (s). */
    public static final double TIME = 20.0;
    /** Side of the quarter domain (m). */
    public static final double SIZE = 6e-3;
    /** The grids of the convergence study (cells per side). */
    public static final int[] GRIDS = {30, 60, 120};
    /**
     * The probe (m): x, y are multiples of the coarsest cell size, so on every grid of {@link #GRIDS} the probe is
     * a cell corner and its interpolation error has the same form, a fixed multiple of the cell size squared.
     */
    public static final double[] PROBE = {1.2e-3, 0.8e-3};

    private LineSourceInUnperfusedMedium() {
    }

    /**
     * @param r distance from the line (m), &gt; 0
     * @param t time since switch-on (s), &gt; 0
     * @return the exact temperature rise (K)
     */
    public static double exactRise(double r, double t) {
        double alpha = MEDIUM.thermalDiffusivity();
        return POWER_PER_LENGTH / (4 * Math.PI * MEDIUM.thermalConductivity())
                * ExponentialIntegral.e1(r * r / (4 * alpha * t));
    }

    /**
     * Runs the problem on {@code n × n × 1} cells.
     *
     * @param n cells per side, ≥ 4
     * @param executor threads
     * @return the computed rise at the {@link #PROBE} at {@link #TIME} (K)
     */
    public static double computedRise(int n, ParallelExecutor executor) {
        return temperature(n, executor).interpolate(PROBE[0], PROBE[1], 0.5 * SIZE / n) - T0;
    }

    /** @return the probe's distance from the line (m) */
    public static double probeRadius() {
        return Math.hypot(PROBE[0], PROBE[1]);
    }

    /**
     * Runs the problem on {@code n × n × 1} cells.
     *
     * @param n cells per side, ≥ 4
     * @param executor threads
     * @return the temperature at {@link #TIME} (K)
     */
    public static ScalarField temperature(int n, ParallelExecutor executor) {
        double h = SIZE / n;
        Grid3D grid = Grid3D.uniform(n, n, 1, h);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, MEDIUM)).arterialTemperature(T0)
                .build();
        HeatSolver solver = new ExplicitHeatSolver(problem, executor);
        Set<Face> mirrors = EnumSet.of(Face.X_MIN, Face.Y_MIN);
        solver.addSource(LineSource.along(grid, Axis.Z, POWER_PER_LENGTH, 0, 0, mirrors));
        solver.advance(TIME);
        return solver.temperature().copy();
    }

    /**
     * @param n cells per side
     * @param executor threads
     * @return the scheme's error at the {@link #PROBE}, {@link SchemeError#atPoint} (K)
     */
    public static double error(int n, ParallelExecutor executor) {
        ScalarField t = temperature(n, executor);
        return Math.abs(SchemeError.atPoint(t, T0, r -> exactRise(r, TIME), 2, PROBE[0], PROBE[1], 0.5 * SIZE / n));
    }
}
