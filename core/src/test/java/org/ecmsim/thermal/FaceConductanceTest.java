package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.junit.jupiter.api.Test;

/**
 * Face conductances of their own ({@link BioheatProblem.Builder#faceConductance}): a conducting rod in a
 * tissue annulus against its exact solution, the energy ledger, thread-count independence and the checks.
 */
class FaceConductanceTest {

    private static final double T0 = 310.15;
    /** Tissue around the rod (W/(m·K), J/(m³·K)). */
    private static final Material TISSUE = Material.builder("tissue").density(1000).specificHeat(3700)
            .thermalConductivity(0.37).build();
    /** Rod radius a and the radius b beyond which cells are held at the exact solution (m). */
    private static final double A = 1e-4;
    private static final double B = 3.5e-4;
    /** Heat per unit length delivered in the rod (W/m). */
    private static final double POWER = 2.0;

    /**
     * The steady rod: a cylinder of radius a with conductivity k_rod, heated uniformly with P' per unit length, in
     * tissue of conductivity k; cells beyond radius b held at the exact solution. Exact (r ≥ a):
     * T = T0 + P'/(2πk)·ln(b/r); inside, T(a) + P'(a² − r²)/(4πa² k_rod), whose mean over the disc is
     * T(a) + P'/(8π k_rod). Returns the relative error of the rod's mean temperature rise.
     */
    private static double rodError(int n, double rodConductivity, boolean trueSurface) {
        double side = 1e-3;
        double h = side / n;
        Grid3D grid = Grid3D.uniform(n, n, 1, h);
        Material rod = Material.builder("rod").density(8000).specificHeat(500).thermalConductivity(rodConductivity)
                .build();
        double c = side / 2;
        byte[] ids = new byte[grid.cellCount()];
        CellMask held = new CellMask(grid);
        double[] t = new double[grid.cellCount()];
        int rodCells = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double r = Math.hypot(grid.x(i) - c, grid.y(j) - c);
                int cell = grid.index(i, j, 0);
                if (r <= A) {
                    ids[cell] = 1;
                    rodCells++;
                }
                t[cell] = T0 + POWER / (2 * Math.PI * TISSUE.thermalConductivity()) * Math.log(B / Math.max(r, A));
                if (r >= B) {
                    held.add(cell);
                }
            }
        }
        MaterialMap map = new MaterialMap(grid);
        for (int cell = 0; cell < ids.length; cell++) {
            map.set(cell, ids[cell]);
        }
        Tissue tissue = new Tissue(map, List.of(TISSUE, rod));
        BioheatProblem.Builder b = BioheatProblem.builder(tissue).arterialTemperature(T0).fixedCells(held);
        if (trueSurface) {
            int[] stride = {1, grid.strideY()};
            for (int cell = 0; cell < grid.cellCount(); cell++) {
                for (int axis = 0; axis < 2; axis++) {
                    int nb = cell + stride[axis];
                    boolean inside = axis == 0 ? grid.i(cell) < n - 1 : grid.j(cell) < n - 1;
                    if (!inside || ids[cell] == ids[nb]) {
                        continue;
                    }
                    int tissueCell = ids[cell] == 0 ? cell : nb;
                    // Distance from the tissue centre to the circle along the face normal (the chord).
                    double along = axis == 0 ? grid.x(grid.i(tissueCell)) - c : grid.y(grid.j(tissueCell)) - c;
                    double across = axis == 0 ? grid.y(grid.j(tissueCell)) - c : grid.x(grid.i(tissueCell)) - c;
                    double chord2 = A * A - across * across;
                    double d = chord2 > 0 ? Math.abs(along) - Math.sqrt(chord2) : 0.5 * h;
                    d = Math.max(0.1 * h, Math.min(h, d));
                    b.faceConductance(cell, axis, 1 / (d / TISSUE.thermalConductivity() + (h - d) / rodConductivity));
                }
            }
        }
        ScalarField q = new ScalarField(grid);
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            if (ids[cell] == 1) {
                q.values()[cell] = POWER / (rodCells * h * h);
            }
        }
        SteadyStateResult r = new SteadyStateSolver(b.build(), ParallelExecutor.serial())
                .solve(List.of(HeatSource.constant(q)), new ScalarField(grid, t), 1e-12);
        double mean = 0;
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            if (ids[cell] == 1) {
                mean += r.temperature().values()[cell] / rodCells;
            }
        }
        double exact = POWER / (2 * Math.PI * TISSUE.thermalConductivity()) * Math.log(B / A)
                + POWER / (8 * Math.PI * rodConductivity);
        return (mean - T0 - exact) / exact;
    }

    /**
     * The staircase rod's error in the mean rod temperature rise wanders with the grid (first order at best); with
     * the faces at the true cylinder it falls about 4–7× per halving of the cell (second order). Measured (k_rod =
     * 16.2 W/(m·K), steel): n = 20, 40, 80, 160: staircase +2.6e-2, −1.4e-2, −1.6e-2, −5.7e-3; true surface
     * +1.06e-2, +2.25e-3, +3.16e-4, +6.4e-5.
     */
    @Test
    void aConductingRodConvergesAtSecondOrderWithItsTrueSurface() {
        int[] sizes = {20, 40, 80, 160};
        double[] staircase = new double[sizes.length];
        double[] surface = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            staircase[s] = rodError(sizes[s], 16.2, false);
            surface[s] = rodError(sizes[s], 16.2, true);
            System.out.printf(Locale.ROOT, "FACE-1 n %d (h %.2f µm): rod rise error staircase %+.3e, true surface"
                    + " %+.3e%n", sizes[s], 1e3 / sizes[s], staircase[s], surface[s]);
        }
        for (int s = 0; s < sizes.length; s++) {
            assertThat(Math.abs(surface[s])).isLessThan(Math.abs(staircase[s]));
        }
        for (int s = 1; s < sizes.length; s++) {
            // Second order: at least 3.5× smaller per halving (4 in the limit).
            assertThat(Math.abs(surface[s])).isLessThan(Math.abs(surface[s - 1]) / 3.5);
        }
        // The staircase does not: from 40 to 80 cells its error does not even fall.
        assertThat(Math.abs(staircase[2])).isGreaterThan(Math.abs(staircase[1]));
        assertThat(Math.abs(staircase[3])).isGreaterThan(50 * Math.abs(surface[3]));
    }

    /** A layered box with two materials and a conductance on random faces along all three axes. */
    private static BioheatProblem randomFaces(long seed) {
        Grid3D grid = Grid3D.uniform(9, 8, 7, 50e-6);
        Material steel = Material.builder("steel").density(7900).specificHeat(500).thermalConductivity(16.2)
                .build();
        MaterialMap map = new MaterialMap(grid);
        for (int k = 1; k < 6; k++) {
            for (int j = 3; j < 5; j++) {
                for (int i = 3; i < 6; i++) {
                    map.set(i, j, k, 1);
                }
            }
        }
        Tissue tissue = new Tissue(map, List.of(TISSUE.withPerfusionRate(1e-3), steel));
        BioheatProblem.Builder b = BioheatProblem.builder(tissue).arterialTemperature(T0)
                .boundaries(BoundaryConditions.skin(T0));
        java.util.Random random = new java.util.Random(seed);
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (int f = 0; f < 60; f++) {
            int axis = random.nextInt(3);
            int i = random.nextInt(axis == 0 ? 8 : 9);
            int j = random.nextInt(axis == 1 ? 7 : 8);
            int k = random.nextInt(axis == 2 ? 6 : 7);
            if (used.add(3L * grid.index(i, j, k) + axis)) {
                b.faceConductance(grid.index(i, j, k), axis, 500 + 2e5 * random.nextDouble());
            }
        }
        return b.build();
    }

    private static ScalarField source(Grid3D grid) {
        ScalarField q = new ScalarField(grid);
        for (int c = 0; c < grid.cellCount(); c++) {
            q.values()[c] = 1e8 * ((c * 7919) % 13) / 13.0;
        }
        return q;
    }

    /**
     * The three solvers use one operator: the steady state of the direct solve is a fixed point of the explicit and
     * the ADI step (to the solve's tolerance), the ledger closes to round-off, and ADI gives bitwise the same
     * temperatures on 1 and 2 threads.
     */
    @Test
    void everySolverUsesTheSameConservativeFaces() {
        BioheatProblem problem = randomFaces(14);
        Grid3D grid = problem.grid();
        assertThat(problem.faceConductanceCount()).isGreaterThan(50);
        ScalarField q = source(grid);
        SteadyStateResult steady = new SteadyStateSolver(problem, ParallelExecutor.serial())
                .solve(List.of(HeatSource.constant(q)), 1e-13);
        double rise = steady.temperature().max() - T0;
        double limit = ExplicitHeatSolver.stabilityLimit(problem);
        HeatSolver[] solvers = {new ExplicitHeatSolver(problem, 0.9 * limit, ParallelExecutor.serial()),
            new AdiHeatSolver(problem, 50 * limit, 0.5, ParallelExecutor.serial())};
        for (HeatSolver solver : solvers) {
            solver.setTemperature(steady.temperature());
            solver.addSource(HeatSource.constant(q));
            solver.step();
            double[] before = steady.temperature().values();
            double[] after = solver.temperature().values();
            double change = 0;
            for (int c = 0; c < before.length; c++) {
                change = Math.max(change, Math.abs(after[c] - before[c]));
            }
            assertThat(change / rise).as(solver.getClass().getSimpleName()).isLessThan(1e-9);
        }
        // Transient from 37 °C: the ledger closes, and the thread count does not matter.
        double[][] result = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                for (HeatSolver solver : new HeatSolver[] {new ExplicitHeatSolver(problem, 0.9 * limit, executor),
                    new AdiHeatSolver(problem, 20 * limit, 0.5, executor)}) {
                    solver.addSource(HeatSource.constant(q));
                    solver.advance(200 * limit);
                    EnergyLedger ledger = solver.energyLedger();
                    assertThat(Math.abs(ledger.imbalance())).isLessThan(1e-11 * ledger.sourceHeat());
                    if (solver instanceof AdiHeatSolver) {
                        result[threads - 1] = solver.temperature().values().clone();
                    }
                }
            }
        }
        assertThat(result[1]).isEqualTo(result[0]);
    }

    /**
     * The implicit factors carry the face conductances too: on a line along x, y or z (no perfusion, fixed faces at
     * both ends), one ADI step with θ = 1 is backward Euler, so a step of 10⁹ s from 37 °C lands on the steady state
     * of the direct solve; an ADI factor built without the corrections would land elsewhere.
     */
    @Test
    void oneHugeBackwardEulerStepOnALineReachesTheSteadyState() {
        for (int axis = 0; axis < 3; axis++) {
            int n = 12;
            Grid3D grid = Grid3D.uniform(axis == 0 ? n : 1, axis == 1 ? n : 1, axis == 2 ? n : 1, 50e-6);
            Material steel = Material.builder("steel").density(7900).specificHeat(500).thermalConductivity(16.2)
                    .build();
            MaterialMap map = new MaterialMap(grid);
            for (int c = 4; c < 8; c++) {
                map.set(c, 1);
            }
            org.ecmsim.grid.Face[] faces = org.ecmsim.grid.Face.values();
            BioheatProblem problem = BioheatProblem.builder(new Tissue(map, List.of(TISSUE, steel)))
                    .arterialTemperature(T0)
                    .boundary(faces[2 * axis], new BoundaryCondition.FixedTemperature(T0))
                    .boundary(faces[2 * axis + 1], new BoundaryCondition.FixedTemperature(T0 + 5))
                    .faceConductance(3, axis, 3e4).faceConductance(7, axis, 1.5e4).faceConductance(9, axis, 2e3)
                    .build();
            ScalarField q = new ScalarField(grid);
            q.values()[2] = 3e8;
            q.values()[5] = 1e9;
            SteadyStateResult steady = new SteadyStateSolver(problem, ParallelExecutor.serial())
                    .solve(List.of(HeatSource.constant(q)), 1e-12);
            HeatSolver adi = new AdiHeatSolver(problem, 1e9, 1.0, ParallelExecutor.serial());
            adi.addSource(HeatSource.constant(q));
            adi.step();
            double rise = steady.temperature().max() - T0;
            for (int c = 0; c < n; c++) {
                assertThat(Math.abs(adi.temperature().values()[c] - steady.temperature().values()[c]) / rise)
                        .as("axis %d cell %d", axis, c).isLessThan(1e-8);
            }
            // And the faces matter: without them the steady state differs by more than 1 %.
            BioheatProblem plain = BioheatProblem.builder(new Tissue(map, List.of(TISSUE, steel)))
                    .arterialTemperature(T0)
                    .boundary(faces[2 * axis], new BoundaryCondition.FixedTemperature(T0))
                    .boundary(faces[2 * axis + 1], new BoundaryCondition.FixedTemperature(T0 + 5)).build();
            double plainPeak = new SteadyStateSolver(plain, ParallelExecutor.serial())
                    .solve(List.of(HeatSource.constant(q)), 1e-12).temperature().max() - T0;
            assertThat(Math.abs(plainPeak / rise - 1)).isGreaterThan(0.01);
        }
    }

    @Test
    void badFacesAreRefusedByName() {
        Grid3D grid = Grid3D.uniform(4, 4, 4, 1e-4);
        Tissue tissue = Tissue.homogeneous(grid, TISSUE);
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).faceConductance(64, 0, 1.0))
                .hasMessageContaining("cell 64").hasMessageContaining("0–63");
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).faceConductance(0, 3, 1.0))
                .hasMessageContaining("axis 3");
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).faceConductance(grid.index(3, 0, 0), 0, 1.0))
                .hasMessageContaining("no +x neighbour");
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).faceConductance(0, 2, -1.0))
                .hasMessageContaining("-1.0 W/(m²·K)").hasMessageContaining("> 0");
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).faceConductance(0, 1, 1.0).faceConductance(0, 1, 2.0)
                .build()).hasMessageContaining("two conductances");
        CellMask held = new CellMask(grid);
        held.add(1, 0, 0);
        assertThatThrownBy(() -> BioheatProblem.builder(tissue).fixedCells(held).faceConductance(0, 0, 1.0).build())
                .hasMessageContaining("held cell");
    }
}
