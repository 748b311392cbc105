package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties every {@link HeatSolver} must have, run against each implementation: energy conservation, the heat
 * budget closing with boundary, perfusion and fixed-cell exchange, fixed cells held, and results independent of
 * the thread count.
 */
class SolverContractTest {

    private static final double T0 = 310.15;
    /** Round-off tolerance for budgets: relative to the largest term. */
    private static final double BUDGET_TOLERANCE = 1e-11;

    enum Kind {
        EXPLICIT, ADI_CRANK_NICOLSON, ADI_BACKWARD_EULER;

        HeatSolver create(BioheatProblem problem, ParallelExecutor executor) {
            double limit = ExplicitHeatSolver.stabilityLimit(problem);
            return switch (this) {
                case EXPLICIT -> new ExplicitHeatSolver(problem, 0.9 * limit, executor);
                case ADI_CRANK_NICOLSON -> new AdiHeatSolver(problem, 20 * limit, 0.5, executor);
                case ADI_BACKWARD_EULER -> new AdiHeatSolver(problem, 20 * limit, 1.0, executor);
            };
        }
    }

    private static Grid3D smallGrid() {
        return Grid3D.uniform(12, 10, 16, 50e-6);
    }

    private static ScalarField blobSource(Grid3D grid) {
        ScalarField q = new ScalarField(grid);
        for (int k = 4; k < 10; k++) {
            for (int j = 3; j < 7; j++) {
                for (int i = 4; i < 8; i++) {
                    q.set(i, j, k, 2e8);
                }
            }
        }
        return q;
    }

    /** In an insulated box without perfusion, ∫ρc(T − T₀)dV equals the injected energy Σ Q V t to round-off. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void insulatedBoxStoresExactlyTheInjectedEnergy(Kind kind) {
        Grid3D grid = smallGrid();
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        Tissue noPerfusion = new Tissue(skin.materialMap(), skin.materials().stream()
                .map(m -> m.withPerfusionRate(0.0)).toList());
        BioheatProblem problem = BioheatProblem.builder(noPerfusion).arterialTemperature(T0).build();
        HeatSolver solver = kind.create(problem, ParallelExecutor.serial());
        ScalarField q = blobSource(grid);
        solver.addSource(HeatSource.constant(q));
        solver.advance(0.05);
        double injected = q.integral() * solver.time();
        double stored = 0;
        double[] t = solver.temperature().values();
        for (int i = 0; i < t.length; i++) {
            stored += noPerfusion.materialAt(i).heatCapacity() * (t[i] - T0) * grid.cellVolume();
        }
        EnergyLedger ledger = solver.energyLedger();
        assertThat(stored).isCloseTo(injected, within(BUDGET_TOLERANCE * injected));
        assertThat(ledger.sourceHeat()).isCloseTo(injected, within(BUDGET_TOLERANCE * injected));
        assertThat(ledger.storedHeat()).isCloseTo(injected, within(BUDGET_TOLERANCE * injected));
        assertThat(ledger.totalBoundaryHeat()).isZero();
        assertThat(ledger.perfusionHeat()).isZero();
    }

    /**
     * With perfusion, a convective surface, a fixed deep face, metabolism and held cells, the change of stored heat
     * equals source + metabolic + perfusion + boundary + fixed-cell terms to round-off, and every term is active.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void budgetClosesWithAllExchangeTerms(Kind kind) {
        Grid3D grid = smallGrid();
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        Tissue withMetabolism = new Tissue(skin.materialMap(), skin.materials().stream()
                .map(m -> m.withMetabolicHeat(400.0)).toList());
        CellMask held = new CellMask(grid);
        for (int j = 0; j < grid.ny(); j++) {
            held.add(grid.nx() - 1, j, 8); // a chilled line of cells
        }
        BioheatProblem problem = BioheatProblem.builder(withMetabolism)
                .arterialTemperature(T0)
                .initialTemperature(T0 - 2)
                .boundaries(BoundaryConditions.skin(T0).with(Face.X_MIN,
                        BoundaryCondition.convectiveCelsius(500.0, 5.0)))
                .fixedCells(held)
                .build();
        HeatSolver solver = kind.create(problem, ParallelExecutor.serial());
        solver.addSource(HeatSource.pulse(blobSource(grid), 0.0, 0.02));
        solver.advance(0.02);
        solver.advance(0.03);
        EnergyLedger l = solver.energyLedger();
        double scale = Math.abs(l.sourceHeat()) + Math.abs(l.perfusionHeat()) + Math.abs(l.totalBoundaryHeat())
                + Math.abs(l.fixedCellHeat()) + Math.abs(l.metabolicHeat());
        assertThat(l.perfusionHeat()).isNotZero();
        assertThat(l.boundaryHeat()[Face.Z_MIN.ordinal()]).isNegative(); // the surface loses heat to 25 °C air
        assertThat(l.boundaryHeat()[Face.X_MIN.ordinal()]).isNegative(); // and to the 5 °C plate
        assertThat(l.fixedCellHeat()).isNotZero();
        assertThat(l.metabolicHeat()).isPositive();
        // The 20 ms pulse ends on a step boundary, so every method delivers exactly its energy.
        double pulseEnergy = blobSource(grid).integral() * 0.02;
        assertThat(l.sourceHeat()).isCloseTo(pulseEnergy, within(1e-12 * pulseEnergy));
        assertThat(l.imbalance()).isCloseTo(0.0, within(BUDGET_TOLERANCE * scale));
    }

    /**
     * A per-cell perfusion scale (random in [0, 1]) takes the kernels' scaled-perfusion paths; the heat budget still
     * closes to round-off, and the perfusion exchange differs from that with every scale 1.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void budgetClosesWithAPerfusionScale(Kind kind) {
        Grid3D grid = smallGrid();
        BioheatProblem problem = BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid))
                .arterialTemperature(T0).initialTemperature(T0 - 2).build();
        ScalarField scale = new ScalarField(grid);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < scale.values().length; i++) {
            scale.values()[i] = random.nextDouble();
        }
        double[] perfusionHeat = new double[2];
        for (int variant = 0; variant < 2; variant++) {
            HeatSolver solver = kind.create(problem, ParallelExecutor.serial());
            if (variant == 1) {
                solver.setPerfusionScale(PerfusionScale.of(scale));
            }
            solver.addSource(HeatSource.constant(blobSource(grid)));
            solver.advance(0.03);
            EnergyLedger l = solver.energyLedger();
            double magnitude = Math.abs(l.sourceHeat()) + Math.abs(l.perfusionHeat()) + Math.abs(l.totalBoundaryHeat());
            assertThat(l.imbalance()).as("variant %d", variant).isCloseTo(0.0, within(BUDGET_TOLERANCE * magnitude));
            perfusionHeat[variant] = l.perfusionHeat();
        }
        assertThat(perfusionHeat[1]).isPositive().isLessThan(0.9 * perfusionHeat[0]);
    }

    /**
     * A perfusion scale of ½ everywhere gives the same temperatures as halving every material's perfusion rate,
     * with the energy ledger on and off: the scaled path against the unit-scale path, to round-off.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void uniformScaleEqualsHalvedPerfusionRate(Kind kind) {
        Grid3D grid = smallGrid();
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        Tissue halved = new Tissue(skin.materialMap(), skin.materials().stream()
                .map(m -> m.withPerfusionRate(0.5 * m.perfusionRate())).toList());
        for (boolean tracking : new boolean[] {true, false}) {
            HeatSolver scaled = kind.create(BioheatProblem.builder(skin).arterialTemperature(T0)
                    .initialTemperature(T0 - 3).build(), ParallelExecutor.serial());
            HeatSolver reference = kind.create(BioheatProblem.builder(halved).arterialTemperature(T0)
                    .initialTemperature(T0 - 3).build(), ParallelExecutor.serial());
            scaled.setPerfusionScale(PerfusionScale.uniform(grid, 0.5));
            for (HeatSolver solver : new HeatSolver[] {scaled, reference}) {
                solver.setEnergyTracking(tracking);
                solver.setTimeStep(Math.min(scaled.timeStep(), reference.timeStep()));
                solver.addSource(HeatSource.constant(blobSource(grid)));
                solver.advance(0.03);
            }
            double[] a = scaled.temperature().values();
            double[] b = reference.temperature().values();
            double largest = 0;
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]));
            }
            assertThat(largest).as("largest difference (K), tracking %b", tracking).isLessThan(1e-9);
            assertThat(scaled.temperature().max()).isGreaterThan(T0 - 3 + 1); // the source did heat
        }
    }

    /** The scale is kept in single precision, and a scale of 1 everywhere is the same as none. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void perfusionScaleIsStoredInSinglePrecision(Kind kind) {
        Grid3D grid = smallGrid();
        HeatSolver solver = kind.create(BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid)).build(),
                ParallelExecutor.serial());
        solver.setPerfusionScale(PerfusionScale.uniform(grid, 0.3));
        assertThat(solver.perfusionScale().get(5)).isEqualTo((double) 0.3f);
        solver.setPerfusionScale(PerfusionScale.uniform(grid, 1.0));
        assertThat(((AbstractHeatSolver) solver).unitPerfusion()).isTrue();
        assertThat(solver.perfusionScale().toField().min()).isEqualTo(1.0);
    }

    /** Held cells keep their value exactly while their neighbours heat up. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void fixedCellsKeepTheirTemperature(Kind kind) {
        Grid3D grid = smallGrid();
        CellMask held = CellMask.boundaryShell(grid);
        BioheatProblem problem = BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid))
                .arterialTemperature(T0).fixedCells(held).build();
        HeatSolver solver = kind.create(problem, ParallelExecutor.serial());
        solver.addSource(HeatSource.constant(blobSource(grid)));
        solver.advance(0.05);
        boolean[] fixed = held.toArray();
        double[] t = solver.temperature().values();
        for (int i = 0; i < t.length; i++) {
            if (fixed[i]) {
                assertThat(t[i]).isEqualTo(T0);
            }
        }
        assertThat(solver.temperature().max()).isGreaterThan(T0 + 1);
    }

    /** The same inputs give bitwise the same temperatures and ledger on 1, 2 and 3 threads. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void resultsDoNotDependOnTheThreadCount(Kind kind) {
        double[] reference = null;
        double referenceStored = 0;
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                Grid3D grid = smallGrid();
                BioheatProblem problem = BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid))
                        .arterialTemperature(T0).boundaries(BoundaryConditions.skin(T0)).build();
                HeatSolver solver = kind.create(problem, executor);
                ScalarField start = new ScalarField(grid);
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < start.values().length; i++) {
                    start.values()[i] = T0 + random.nextDouble(-3, 3);
                }
                solver.setTemperature(start);
                solver.addSource(HeatSource.constant(blobSource(grid)));
                solver.advance(0.03);
                if (reference == null) {
                    reference = solver.temperature().values().clone();
                    referenceStored = solver.energyLedger().storedHeat();
                } else {
                    assertThat(solver.temperature().values()).as("%d threads", threads).containsExactly(reference);
                    assertThat(solver.energyLedger().storedHeat()).isEqualTo(referenceStored);
                }
            }
        }
    }

    /**
     * With few z planes (nz = 1, a quasi-2-D problem, and nz = 3) the explicit solver splits its work over x-rows
     * instead of planes; every solver still gives bitwise the same temperatures and ledger on 1, 2 and 3 threads.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void resultsDoNotDependOnTheThreadCountWithFewPlanes(Kind kind) {
        for (int nz : new int[] {1, 3}) {
            double[] reference = null;
            double[] referenceLedger = null;
            for (int threads : new int[] {1, 2, 3}) {
                try (ParallelExecutor executor = new ParallelExecutor(threads)) {
                    Grid3D grid = Grid3D.uniform(24, 20, nz, 50e-6);
                    BioheatProblem problem = BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid))
                            .arterialTemperature(T0).boundaries(BoundaryConditions.skin(T0)).build();
                    HeatSolver solver = kind.create(problem, executor);
                    ScalarField start = new ScalarField(grid);
                    SplittableRandom random = new SplittableRandom(7);
                    for (int i = 0; i < start.values().length; i++) {
                        start.values()[i] = T0 + random.nextDouble(-3, 3);
                    }
                    solver.setTemperature(start);
                    ScalarField q = new ScalarField(grid);
                    for (int j = 5; j < 12; j++) {
                        for (int i = 6; i < 15; i++) {
                            q.set(i, j, 0, 3e8);
                        }
                    }
                    solver.addSource(HeatSource.constant(q));
                    solver.advance(0.02);
                    EnergyLedger l = solver.energyLedger();
                    double[] ledger = {l.storedHeat(), l.sourceHeat(), l.perfusionHeat(), l.totalBoundaryHeat()};
                    assertThat(Math.abs(l.imbalance())).isLessThan(BUDGET_TOLERANCE * Math.abs(l.sourceHeat()));
                    if (reference == null) {
                        reference = solver.temperature().values().clone();
                        referenceLedger = ledger;
                    } else {
                        assertThat(solver.temperature().values()).as("nz = %d, %d threads", nz, threads)
                                .containsExactly(reference);
                        assertThat(ledger).as("nz = %d, %d threads", nz, threads).containsExactly(referenceLedger);
                    }
                }
            }
        }
    }

    /**
     * Turning the energy ledger off (the fast path of the kernels: no budget passes, and for ADI the perfusion factor
     * as one multiply per cell) gives the same temperatures to round-off, with perfusion, held cells and every
     * boundary kind present.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void energyTrackingDoesNotChangeTheTemperatures(Kind kind) {
        double[][] result = new double[2][];
        for (int n = 0; n < 2; n++) {
            Grid3D grid = smallGrid();
            CellMask held = new CellMask(grid);
            held.add(3, 3, 3);
            BioheatProblem problem = BioheatProblem.builder(LayeredSkin.facialSkin().toTissue(grid))
                    .arterialTemperature(T0).boundaries(BoundaryConditions.skin(T0)).fixedCells(held).build();
            HeatSolver solver = kind.create(problem, ParallelExecutor.serial());
            solver.setEnergyTracking(n == 0);
            solver.addSource(HeatSource.constant(blobSource(grid)));
            solver.advance(0.05);
            result[n] = solver.temperature().values().clone();
        }
        for (int i = 0; i < result[0].length; i++) {
            assertThat(result[1][i]).isCloseTo(result[0][i], within(1e-12 * result[0][i]));
        }
    }
}
