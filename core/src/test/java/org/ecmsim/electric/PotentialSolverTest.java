package org.ecmsim.electric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;
import org.ecmsim.verification.ParallelPlates;
import org.junit.jupiter.api.Test;

/** The potential solver against exact solutions, conservation identities and symmetry. */
class PotentialSolverTest {

    private static final double T37 = Units.celsiusToKelvin(37);
    private static final Material DERMIS = ParallelPlates.DERMIS;
    private static final Material FAT = ParallelPlates.FAT;
    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.5, 0.5);

    private static double[] uniform(Grid3D grid, double t) {
        double[] a = new double[grid.cellCount()];
        Arrays.fill(a, t);
        return a;
    }

    /**
     * Parallel plates: a plate electrode over the top planes at +1 V, the deep face grounded, two layers of
     * different σ in between. The current is uniform, the potential linear within each layer, and the power is
     * V²/R with the series resistance R = Σ L_i/(σ_i A); the cell-centred scheme with half-cell electrode and
     * ground conductances reproduces both exactly.
     */
    @Test
    void parallelPlatesAreExact() {
        Grid3D grid = ParallelPlates.GRID;
        PotentialSolver solver = new PotentialSolver(ParallelPlates.problem(), ParallelExecutor.serial());
        solver.solve(uniform(grid, T37));
        double area = grid.lengthX() * grid.lengthY();
        double l1 = (ParallelPlates.SPLIT_PLANE - ParallelPlates.PLATE_PLANES) * grid.dz();
        double l2 = (grid.nz() - ParallelPlates.SPLIT_PLANE) * grid.dz();
        // R = L₁/(σ₁A) + L₂/(σ₂A), written out here so that the shared fixture is checked too
        double resistance = l1 / (0.25 * area) + l2 / (0.025 * area);
        assertThat(ParallelPlates.exactResistance()).isCloseTo(resistance, within(1e-12 * resistance));
        assertThat(solver.unitPower()).isCloseTo(1.0 / resistance, within(1e-9 / resistance));
        assertThat(solver.impedance()).isCloseTo(resistance, within(1e-9 * resistance));
        double current = 1.0 / resistance;
        double interface1 = 1.0 - current * l1 / (0.25 * area);
        ScalarField phi = solver.unitPotential();
        for (int k = ParallelPlates.PLATE_PLANES; k < grid.nz(); k++) {
            double z = grid.z(k) - ParallelPlates.PLATE_PLANES * grid.dz();
            double exact = k < ParallelPlates.SPLIT_PLANE ? 1.0 - (1.0 - interface1) * z / l1
                    : interface1 * (1.0 - (z - l1) / l2);
            assertThat(ParallelPlates.exactPotential(k)).as("shared exact φ at k=%d", k).isCloseTo(exact,
                    within(1e-12));
            assertThat(phi.get(1, 1, k)).as("φ at k=%d", k).isCloseTo(exact, within(1e-9));
        }
        assertThat(solver.unitCurrents()[0]).isCloseTo(current, within(1e-9 * current));
        assertThat(solver.unitPowerDensity().integral()).isCloseTo(solver.unitPower(),
                within(1e-12 * solver.unitPower()));
    }

    /**
     * The conductivity change that decides an adaptive re-solve: 0 at the temperature of the last solve, and, for
     * tissue warmed (or cooled) by 1 K everywhere, the tissue's linear coefficient α, since σ = σ₀(1 + α(T − 37 °C))
     * below desiccation.
     */
    @Test
    void conductivityChangeIsMeasuredNextToTheElectrodes() {
        Grid3D grid = Grid3D.uniform(24, 16, 20, 100e-6);
        ElectrodeLayout layout = ElectrodeLayout.centred(grid, ElectrodeArray.bipolarPair(1.0e-3, NEEDLE));
        double alpha = 0.02;
        Tissue tissue = layout.paint(Tissue.homogeneous(grid, DERMIS.withElectricalTemperatureCoefficient(alpha)));
        PotentialSolver solver = new PotentialSolver(ElectricProblem.builder(tissue, layout).build(),
                ParallelExecutor.serial());
        assertThatThrownBy(() -> solver.boundaryConductivityChange(uniform(grid, T37)))
                .hasMessageContaining("solve(temperature) first");
        solver.solve(uniform(grid, T37));
        assertThat(solver.boundaryConductivityChange(uniform(grid, T37))).isZero();
        assertThat(solver.boundaryConductivityChange(uniform(grid, T37 + 1))).isCloseTo(alpha, within(1e-12));
        assertThat(solver.boundaryConductivityChange(uniform(grid, T37 - 1))).isCloseTo(alpha, within(1e-12));
        assertThatThrownBy(() -> solver.boundaryConductivityChange(new double[3])).hasMessageContaining("3 entries");
    }

    /**
     * Coaxial cylinders: an inner electrode of radius r₀ at +1 V inside an outer one of radius R at −1 V, in a slab
     * of thickness L with insulating top and bottom: φ varies as ln r and the impedance is ln(R/r₀)/(2πσL). The
     * staircase electrodes converge to it as the grid is refined.
     */
    @Test
    void coaxialImpedanceConvergesToTheLogarithmicLaw() {
        double r0 = 0.15e-3;
        double outer = 0.9e-3;
        double side = 2.0e-3;
        double thickness = 0.1e-3;
        double exact = Math.log(outer / r0) / (2 * Math.PI * DERMIS.electricalConductivity() * thickness);
        double previous = Double.NaN;
        for (int n : new int[] {40, 80, 160}) {
            Grid3D grid = new Grid3D(n, n, 2, side / n, side / n, thickness / 2);
            int[] electrode = new int[grid.cellCount()];
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        double r = Math.hypot(grid.x(i) - side / 2, grid.y(j) - side / 2);
                        electrode[grid.index(i, j, k)] = r <= r0 ? 0 : r >= outer ? 1 : ElectrodeLayout.NONE;
                    }
                }
            }
            ElectrodeArray polarity = ElectrodeArray.of(NEEDLE.withDepth(1e-5), List.of(
                    new ElectrodeArray.Electrode(0, 0, 1), new ElectrodeArray.Electrode(outer, 0, -1)), false);
            ElectricProblem problem = ElectricProblem.builder(Tissue.homogeneous(grid, DERMIS),
                    ElectrodeLayout.custom(grid, electrode, polarity)).conductivity(ConductivityModel.LINEAR).build();
            PotentialSolver solver = new PotentialSolver(problem, ParallelExecutor.defaultExecutor());
            solver.solve(uniform(grid, T37));
            double error = Math.abs(solver.impedance() - exact) / exact;
            System.out.printf("coaxial n=%d: impedance %.4f Ω (exact %.4f Ω), relative error %.3e, %d iterations%n",
                    n, solver.impedance(), exact, error, solver.lastIterations());
            if (!Double.isNaN(previous)) {
                assertThat(error).isLessThan(previous);
            }
            previous = error;
        }
        assertThat(previous).isLessThan(0.02);
    }

    /**
     * Power balance: the Joule heat summed over the cells equals the power Σ_f G_f Δφ_f², and equals Σ_e V_e I_e
     * over the needles (Tellegen); the current into the tissue from the + needles leaves through the − needles.
     */
    @Test
    void heatingEqualsElectricPowerForANeedleArray() {
        Grid3D grid = Grid3D.uniform(40, 40, 30, 50e-6);
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        ElectrodeArray tip = ElectrodeArray.grid(2, 2, 0.8e-3, Needle.insulatedMillimetres(0.2, 1.0, 0.4),
                ElectrodeArray.Pattern.CHECKERBOARD);
        ElectrodeLayout layout = ElectrodeLayout.centred(grid, tip);
        PotentialSolver solver = new PotentialSolver(ElectricProblem.builder(layout.paint(skin), layout).build(),
                ParallelExecutor.defaultExecutor());
        solver.setTolerance(1e-13);
        solver.solve(uniform(grid, T37));
        double p = solver.unitPower();
        double tellegen = 0;
        double net = 0;
        for (int e = 0; e < tip.size(); e++) {
            tellegen += tip.electrodes().get(e).polarity() * solver.unitCurrents()[e];
            net += solver.unitCurrents()[e];
        }
        assertThat(solver.unitPowerDensity().integral()).isCloseTo(p, within(1e-12 * p));
        assertThat(tellegen).isCloseTo(p, within(1e-7 * p));
        assertThat(net).isCloseTo(0.0, within(1e-7 * Math.abs(solver.unitCurrents()[0])));
        assertThat(solver.unitPowerDensity().min()).isGreaterThanOrEqualTo(0.0);
        System.out.printf("2×2 checkerboard: %.1f Ω, %d iterations%n", solver.impedance(), solver.lastIterations());
    }

    /**
     * A bipolar pair placed symmetrically about the mid-plane x = L/2: the potential is antisymmetric, the heating
     * symmetric.
     */
    @Test
    void bipolarPairIsSymmetric() {
        Grid3D grid = Grid3D.uniform(40, 24, 30, 50e-6);
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        ElectrodeArray pair = ElectrodeArray.bipolarPair(1.0e-3, Needle.insulatedMillimetres(0.2, 1.0, 0.5));
        ElectrodeLayout layout = ElectrodeLayout.centred(grid, pair);
        PotentialSolver solver = new PotentialSolver(ElectricProblem.builder(layout.paint(skin), layout).build(),
                ParallelExecutor.serial());
        solver.setTolerance(1e-13);
        solver.solve(uniform(grid, T37));
        ScalarField phi = solver.unitPotential();
        ScalarField q = solver.unitPowerDensity();
        double qmax = q.max();
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    int m = grid.nx() - 1 - i;
                    if (layout.isShaft(grid.index(i, j, k))) {
                        continue;
                    }
                    assertThat(phi.get(i, j, k)).isCloseTo(-phi.get(m, j, k), within(1e-8));
                    assertThat(q.get(i, j, k)).isCloseTo(q.get(m, j, k), within(1e-7 * qmax));
                }
            }
        }
    }

    @Test
    void conductivityRisesWithTemperatureAndCollapsesOnDesiccation() {
        ConductivityModel m = ConductivityModel.DEFAULT;
        Material dermis = DERMIS.withElectricalTemperatureCoefficient(0.02);
        assertThat(m.conductivity(dermis, T37)).isEqualTo(0.25);
        assertThat(m.conductivity(dermis, Units.celsiusToKelvin(87))).isCloseTo(0.25 * 2.0, within(1e-12));
        assertThat(m.conductivity(dermis, Units.celsiusToKelvin(99.5)))
                .isCloseTo(0.25 * (1 + 0.02 * 62.5) * (1 - 0.99 * 0.5), within(1e-12));
        assertThat(m.conductivity(dermis, Units.celsiusToKelvin(105)))
                .isCloseTo(0.25 * (1 + 0.02 * 68) * 0.01, within(1e-12));
        assertThatThrownBy(() -> new ConductivityModel(373.15, 372.15, 0.01)).hasMessageContaining("above the onset");
    }

    @Test
    void badLayoutsAreRefusedClearly() {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        assertThatThrownBy(() -> ElectrodeArray.of(needle, List.of(new ElectrodeArray.Electrode(0, 0, 1),
                new ElectrodeArray.Electrode(0.1e-3, 0, -1)), false)).hasMessageContaining("overlap");
        Grid3D shallow = Grid3D.uniform(40, 40, 20, 50e-6); // 1 mm deep
        assertThatThrownBy(() -> ElectrodeLayout.centred(shallow, ElectrodeArray.bipolarPair(1e-3, needle)))
                .hasMessageContaining("needle depth 1.500 mm reaches the bottom of the domain");
        Grid3D narrow = Grid3D.uniform(10, 10, 40, 50e-6);
        assertThatThrownBy(() -> ElectrodeLayout.centred(narrow, ElectrodeArray.bipolarPair(1e-3, needle)))
                .hasMessageContaining("outside the domain");
        Grid3D coarse = Grid3D.uniform(20, 20, 40, 200e-6);
        assertThatThrownBy(() -> ElectrodeLayout.centred(coarse, ElectrodeArray.bipolarPair(0.25e-3, needle)))
                .hasMessageContaining("at this resolution");
        assertThatThrownBy(() -> Needle.insulatedMillimetres(0.2, 1.0, 1.5)).hasMessageContaining("exceeds its depth");
        assertThatThrownBy(() -> Drive.power(0.0)).hasMessageContaining("power = 0 W");
        Grid3D grid = Grid3D.uniform(40, 40, 40, 50e-6);
        ElectrodeLayout mono = ElectrodeLayout.centred(grid, ElectrodeArray.grid(1, 1, 1e-3, needle,
                ElectrodeArray.Pattern.MONOPOLAR));
        Tissue skin = mono.paint(LayeredSkin.facialSkin().toTissue(grid));
        assertThatThrownBy(() -> ElectricProblem.builder(skin, mono).grounded().build())
                .hasMessageContaining("return electrode");
        assertThatThrownBy(() -> ElectrodeArray.of(needle, List.of(new ElectrodeArray.Electrode(0, 0, 1)), false))
                .hasMessageContaining("both polarities");
    }

    @Test
    void subVoxelNeedlesStillConduct() {
        Grid3D coarse = Grid3D.uniform(20, 20, 30, 100e-6);
        Needle thin = Needle.insulatedMillimetres(0.05, 1.5, 0.3); // 50 µm needle in 100 µm cells
        ElectrodeLayout layout = ElectrodeLayout.centred(coarse, ElectrodeArray.bipolarPair(1e-3, thin));
        assertThat(layout.exposedCells()).hasSizeGreaterThanOrEqualTo(2 * 3);
        PotentialSolver solver = new PotentialSolver(ElectricProblem.builder(
                layout.paint(LayeredSkin.facialSkin().toTissue(coarse)), layout).build(), ParallelExecutor.serial());
        solver.solve(uniform(coarse, T37));
        assertThat(solver.unitPower()).isPositive();
        assertThat(solver.impedance()).isFinite();
    }

    /**
     * Grid convergence of a bipolar pair's impedance: with the needles resolved (0.4 mm needles, cells of 100, 50
     * and 25 µm), the successive differences must shrink, and the finest two agree within 3 %.
     */
    @Test
    void pairImpedanceConvergesWithTheGrid() {
        Needle thick = Needle.insulatedMillimetres(0.4, 1.0, 0.4);
        double[] z = new double[3];
        double[] cells = {100e-6, 50e-6, 25e-6};
        for (int n = 0; n < 3; n++) {
            double h = cells[n];
            Grid3D grid = Grid3D.uniform((int) Math.round(2.4e-3 / h), (int) Math.round(1.6e-3 / h),
                    (int) Math.round(1.6e-3 / h), h);
            ElectrodeLayout layout = ElectrodeLayout.centred(grid, ElectrodeArray.bipolarPair(1.2e-3, thick));
            PotentialSolver solver = new PotentialSolver(ElectricProblem.builder(
                    layout.paint(LayeredSkin.facialSkin().toTissue(grid)), layout).build(),
                    ParallelExecutor.defaultExecutor());
            solver.solve(uniform(grid, T37));
            z[n] = solver.impedance();
            System.out.printf("pair impedance at %.0f µm: %.1f Ω (%d iterations)%n", h * 1e6, z[n],
                    solver.lastIterations());
        }
        assertThat(Math.abs(z[2] - z[1])).isLessThan(Math.abs(z[1] - z[0]));
        assertThat(Math.abs(z[2] - z[1])).isLessThan(0.03 * z[2]);
    }
}
