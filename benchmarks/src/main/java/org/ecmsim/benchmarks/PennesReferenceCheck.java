package org.ecmsim.benchmarks;

import java.util.List;
import java.util.Locale;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.ExplicitHeatSolver;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.tissue.BloodProperties;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * The reference Pennes problem of {@code shared/perf/pennes_ref.c}, set up through the public core API, run with
 * {@link ExplicitHeatSolver}, and printed in the same form as the C and numpy references so that throughput and
 * checksum can be compared line by line.
 *
 * <p>The problem: an N³ grid of 25 µm cells; four materials by depth (epidermis, papillary dermis, reticular
 * dermis, fat, with interfaces at N/16, N/8 and 3N/4 cells); a 5e8 W/m³ source in a vertical cylinder of radius
 * N/16 cells from depth N/8 to N/2 at the centre; the outer shell of cells held at 37 °C; T = 37 °C at the start;
 * Δt = 0.9 × min over materials of ρc/(6k/h² + ω_b ρ_b c_b). The checksum is Σ T in °C after the last step.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.ecmsim.benchmarks.PennesReferenceCheck N steps
 * threads}.
 */
public final class PennesReferenceCheck {

    /** Spacing of the reference grid (m). */
    static final double SPACING = 25e-6;
    /** Source power density inside the cylinder (W/m³). */
    static final double SOURCE = 5e8;

    /**
     * What one run measured.
     *
     * @param n grid size per axis
     * @param steps steps per repetition
     * @param threads threads used
     * @param timeStep step length (s)
     * @param megaCellsPerSecond best throughput over the repetitions, interior cells only as in the C reference
     * @param checksum Σ T (°C) over all cells after the last step
     */
    public record Result(int n, int steps, int threads, double timeStep, double megaCellsPerSecond,
            double checksum) {
        /** @return the line printed by {@link #main}, in the format of the C reference */
        public String line() {
            return String.format(Locale.ROOT,
                    "pennes_java threads=%d N=%d steps=%d dt=%.6e Mcell_per_s=%.1f checksum=%.12e",
                    threads, n, steps, timeStep, megaCellsPerSecond, checksum);
        }
    }

    private PennesReferenceCheck() {
    }

    /**
     * @param args N (default 128), steps (default 50), threads (default all processors)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        System.out.println(run(n, steps, threads, 3).line());
    }

    /** The reference materials, in material-index order 0–3. */
    static List<Material> materials() {
        return List.of(
                new Material("epidermis", 1109.0, 3391.0, 0.21, 0.0, 0.0, 0.0, 0.0),
                new Material("papillary dermis", 1109.0, 3391.0, 0.37, 1.0e-3, 0.0, 0.0, 0.0),
                new Material("reticular dermis", 1116.0, 3300.0, 0.37, 0.5e-3, 0.0, 0.0, 0.0),
                new Material("fat", 911.0, 2348.0, 0.21, 0.3e-3, 0.0, 0.0, 0.0));
    }

    /** The reference blood: ρ_b c_b = 1.06e3 kg/m³ × 3617 J/(kg·K). */
    static final BloodProperties BLOOD = new BloodProperties(1060.0, 3617.0);

    /**
     * Builds the reference problem.
     *
     * @param n grid size per axis
     * @return the problem
     */
    public static BioheatProblem problem(int n) {
        Grid3D grid = Grid3D.uniform(n, n, n, SPACING);
        MaterialMap map = new MaterialMap(grid);
        for (int k = 0; k < n; k++) {
            int m = k < n / 16 ? 0 : k < n / 8 ? 1 : k < 3 * n / 4 ? 2 : 3;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    map.set(i, j, k, m);
                }
            }
        }
        return BioheatProblem.builder(new Tissue(map, materials()))
                .blood(BLOOD)
                .arterialTemperatureCelsius(37.0)
                .fixedCells(CellMask.boundaryShell(grid))
                .build();
    }

    /**
     * @param n grid size per axis
     * @return the source field: 5e8 W/m³ in the central cylinder
     */
    public static ScalarField source(int n) {
        Grid3D grid = Grid3D.uniform(n, n, n, SPACING);
        ScalarField q = new ScalarField(grid);
        double r = n / 16.0;
        for (int k = n / 8; k < n / 2; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i - n / 2 + 0.5;
                    double dy = j - n / 2 + 0.5;
                    if (dx * dx + dy * dy <= r * r) {
                        q.set(i, j, k, SOURCE);
                    }
                }
            }
        }
        return q;
    }

    /**
     * @return the reference step: 0.9 × min over the materials of ρc/(6k/h² + ω_b ρ_b c_b) (s)
     */
    static double referenceTimeStep() {
        double dt = Double.POSITIVE_INFINITY;
        for (Material m : materials()) {
            double w = m.perfusionRate() * BLOOD.heatCapacity();
            dt = Math.min(dt, m.heatCapacity() / (6 * m.thermalConductivity() / (SPACING * SPACING) + w));
        }
        return 0.9 * dt;
    }

    /**
     * Runs the reference problem.
     *
     * @param n grid size per axis, ≥ 16
     * @param steps steps per repetition
     * @param threads threads
     * @param repetitions timed repetitions, after one untimed warm-up repetition; the best is reported
     * @return what was measured
     */
    public static Result run(int n, int steps, int threads, int repetitions) {
        BioheatProblem problem = problem(n);
        double dt = referenceTimeStep();
        ScalarField initial = ScalarField.constant(problem.grid(), problem.arterialTemperature());
        double best = Double.POSITIVE_INFINITY;
        double checksum = Double.NaN;
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            ExplicitHeatSolver solver = new ExplicitHeatSolver(problem, dt, executor);
            solver.setEnergyTracking(false);
            solver.addSource(HeatSource.constant(source(n)));
            // One untimed repetition first, so that the timed ones run compiled code: the C reference is compiled
            // ahead of time, a JIT compiles while the first steps run.
            for (int rep = -1; rep < repetitions; rep++) {
                solver.setTemperature(initial);
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    solver.step();
                }
                if (rep >= 0) {
                    best = Math.min(best, (System.nanoTime() - start) * 1e-9);
                }
            }
            double sum = 0;
            for (double t : solver.temperature().values()) {
                sum += Units.kelvinToCelsius(t);
            }
            checksum = sum;
        }
        double cells = (double) (n - 2) * (n - 2) * (n - 2) * steps;
        return new Result(n, steps, threads, dt, cells / best / 1e6, checksum);
    }
}
