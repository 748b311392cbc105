package org.ecmsim.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ecmsim.grid.Axis;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.verification.SteadyPennesSlab;
import org.junit.jupiter.api.Test;

/** Energy deposits, point and line sources, and the direct steady-state solve. */
class SourcesAndSteadyStateTest {

    private static final double T0 = 310.15;
    private static final Set<Face> OCTANT = EnumSet.of(Face.X_MIN, Face.Y_MIN, Face.Z_MIN);
    private static final Material PLAIN = Material.builder("plain").density(1000).specificHeat(4000)
            .thermalConductivity(0.5).build();

    @Test
    void aDepositRaisesTheHeatContentByExactlyItsEnergyAndTheLedgerConfirmsIt() {
        Grid3D grid = Grid3D.uniform(10, 10, 10, 1e-4);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, PLAIN)).arterialTemperature(T0)
                .build();
        HeatSolver solver = new ExplicitHeatSolver(problem, ParallelExecutor.serial());
        solver.advance(0.01);
        solver.deposit(EnergyDeposit.atPoint(grid, 2e-3, 0.37e-3, 0.52e-3, 0.61e-3, Set.of()));
        solver.deposit(EnergyDeposit.sphere(grid, 1e-3, 0.5e-3, 0.5e-3, 0.5e-3, 0.25e-3, Set.of()));
        solver.advance(0.02);
        double stored = (solver.temperature().sum() - grid.cellCount() * T0) * PLAIN.heatCapacity()
                * grid.cellVolume();
        EnergyLedger ledger = solver.energyLedger();
        assertThat(stored).isCloseTo(3e-3, within(1e-14));
        assertThat(ledger.sourceHeat()).isCloseTo(3e-3, within(1e-15));
        assertThat(ledger.storedHeat()).isCloseTo(3e-3, within(1e-14));
        assertThat(Math.abs(ledger.imbalance())).isLessThan(1e-15);
    }

    @Test
    void mirrorFacesShareTheEnergyOfASourceOnThem() {
        Grid3D grid = Grid3D.uniform(8, 8, 8, 1e-4);
        assertThat(EnergyDeposit.atPoint(grid, 8.0, 0, 0, 0, OCTANT).energy()).isCloseTo(1.0, within(1e-15));
        assertThat(EnergyDeposit.atPoint(grid, 8.0, 0, 0, 0, OCTANT).cellEnergy()[0]).isEqualTo(1.0);
        assertThat(EnergyDeposit.atPoint(grid, 8.0, 0, 0, 3e-4, OCTANT).energy()).isCloseTo(2.0, within(1e-15));
        assertThat(EnergyDeposit.sphere(grid, 8.0, 0, 0, 0, 2.5e-4, OCTANT).energy()).isCloseTo(1.0, within(1e-15));
        assertThat(EnergyDeposit.cylinder(grid, 4.0, Axis.Z, 0, 0, 0, 1e-4, 5e-4, 1.5e-4, OCTANT).energy())
                .isCloseTo(1.0, within(1e-15));
        ScalarField q = new ScalarField(grid);
        PointSource.of(grid, 0.4, 0, 0, 0, OCTANT).addTo(0, q.values());
        assertThat(q.integral()).isCloseTo(0.05, within(1e-15));
        ScalarField line = new ScalarField(grid);
        LineSource along = LineSource.along(grid, Axis.Z, 2.0, 0, 0, OCTANT);
        along.addTo(0, line.values());
        assertThat(along.power()).isCloseTo(2.0 / 4 * 8e-4, within(1e-15));
        assertThat(line.integral()).isCloseTo(along.power(), within(1e-15));
        ScalarField segment = new ScalarField(grid);
        LineSource.segment(grid, Axis.X, 3.0, 4e-4, 4e-4, 1.25e-4, 6.5e-4, Set.of()).addTo(0, segment.values());
        assertThat(segment.integral()).isCloseTo(3.0 * 5.25e-4, within(1e-15));
    }

    @Test
    void aDepositIntoAHeldCellIsRefused() {
        Grid3D grid = Grid3D.uniform(6, 6, 6, 1e-4);
        CellMask held = new CellMask(grid);
        held.add(0, 0, 0);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, PLAIN)).fixedCells(held).build();
        HeatSolver solver = new ExplicitHeatSolver(problem, ParallelExecutor.serial());
        assertThatThrownBy(() -> solver.deposit(EnergyDeposit.atPoint(grid, 1.0, 0, 0, 0, OCTANT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held");
    }

    @Test
    void theSteadySlabMatchesTheExactProfileAtSecondOrder() {
        double[] error = new double[2];
        for (int level = 0; level < 2; level++) {
            SteadyPennesSlab slab = new SteadyPennesSlab(40 << level);
            SteadyStateResult r = SteadyStateSolver.solve(slab.problem(), List.of(), 1e-13);
            error[level] = slab.maxError(r.temperature().values());
            assertThat(r.relativeImbalance()).isZero();
            assertThat(Math.abs(r.imbalance())).isLessThan(1e-9 * Math.abs(r.perfusionPower()));
        }
        assertThat(Math.log(error[0] / error[1]) / Math.log(2)).isBetween(1.8, 2.2);
    }

    /**
     * In layered skin with every kind of face, held cells, perfusion, metabolism and a source, the direct solve
     * balances its power (source + metabolic = perfusion + boundary + held-cell loss) and is the steady state of the
     * transient solvers: ADI (backward Euler and Crank–Nicolson) and explicit steps started from it leave it in place.
     */
    @Test
    void theDirectSolveBalancesItsPowerAndAgreesWithTheTransientSolverRunToSteadyState() {
        Grid3D grid = Grid3D.uniform(12, 10, 14, 1e-4);
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        Tissue tissue = new Tissue(skin.materialMap(), skin.materials().stream()
                .map(m -> m.withMetabolicHeat(500).withPerfusionRate(Math.max(m.perfusionRate(), 1e-3))).toList());
        CellMask held = new CellMask(grid);
        held.add(6, 5, 6);
        BioheatProblem problem = BioheatProblem.builder(tissue).arterialTemperature(T0)
                .boundaries(BoundaryConditions.skin(T0)).fixedCells(held).initialTemperature(T0 - 2).build();
        List<HeatSource> sources = List.of(PointSource.of(grid, 0.02, 3e-4, 4e-4, 5e-4, Set.of()));
        SteadyStateResult r = new SteadyStateSolver(problem, ParallelExecutor.serial()).solve(sources, 1e-13);
        assertThat(r.relativeImbalance()).isLessThan(1e-9);
        assertThat(r.sourcePower()).isCloseTo(0.02, within(1e-15));
        assertThat(r.temperature().get(6, 5, 6)).isEqualTo(T0 - 2);
        // The steady state is a fixed point of both transient solvers: neither moves it (beyond round-off).
        HeatSolver[] transients = {new AdiHeatSolver(problem, 50.0, 1.0, ParallelExecutor.serial()),
            new AdiHeatSolver(problem, 0.5, 0.5, ParallelExecutor.serial()),
            new ExplicitHeatSolver(problem, ParallelExecutor.serial())};
        for (HeatSolver t : transients) {
            sources.forEach(t::addSource);
            t.setTemperature(r.temperature());
            for (int s = 0; s < 200; s++) {
                t.step();
            }
            double[] a = t.temperature().values();
            double[] b = r.temperature().values();
            for (int c = 0; c < a.length; c++) {
                assertThat(a[c]).isCloseTo(b[c], within(1e-9));
            }
        }
    }

    @Test
    void aProblemWithoutAnyHeatSinkIsRefused() {
        Grid3D grid = Grid3D.uniform(4, 4, 4, 1e-4);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, PLAIN)).build();
        assertThatThrownBy(() -> SteadyStateSolver.solve(problem, List.of(), 1e-10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no steady state");
    }
}
