package org.ecmsim.simulation.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** The wiring of solver, dose recorder and history, checked on problems whose answers are known. */
class ThermalSimulationTest {

    private static final Material PLAIN = new Material("plain", 1000.0, 4000.0, 0.5, 0.0, 0.0, 0.2, 0.0);

    /**
     * A uniform source in an insulated, unperfused box heats every cell at the same rate, dT/dt = Q/ρc, so the
     * temperature history is linear and the damage integral is that of a linear ramp, known exactly:
     * Ω = ∫ A exp(−Ea/(R T(t))) dt, evaluated here by adaptive Gauss–Legendre quadrature (commons-math3). The
     * recorder's per-step quadrature is second order, so with 250 steps it must agree to about 1e-5.
     */
    @Test
    void uniformHeatingGivesTheRampHistoryAndDose() {
        Grid3D grid = Grid3D.uniform(4, 4, 4, 1e-4);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, PLAIN))
                .arterialTemperatureCelsius(37).build();
        double q = 4e7; // 10 K/s in ρc = 4e6
        ThermalSimulation sim = ThermalSimulation.builder(problem)
                .implicit(0.01)
                .executor(ParallelExecutor.serial())
                .processes(List.of(ArrheniusProcess.HENRIQUES_SKIN))
                .thresholdsCelsius(50)
                .sampleInterval(0.25)
                .floorTemperature(0)
                .build();
        sim.addSource(HeatSource.constant(ScalarField.constant(grid, q)));
        sim.run(2.5);
        ThermalRunResult r = sim.result();
        assertThat(r.time()).isCloseTo(2.5, within(1e-12));
        assertThat(r.history()).hasSize(11);
        for (HistorySample s : r.history()) {
            assertThat(s.maxTemperature()).isCloseTo(Units.celsiusToKelvin(37) + 10 * s.time(), within(1e-9));
            assertThat(s.deliveredEnergy()).isCloseTo(q * grid.cellCount() * grid.cellVolume() * s.time(),
                    within(1e-15));
        }
        double t0 = Units.celsiusToKelvin(37);
        double expectedOmega = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-15).integrate(100000,
                t -> ArrheniusProcess.HENRIQUES_SKIN.rate(t0 + 10 * t), 0.0, 2.5);
        assertThat(r.omega().get(0).max()).isCloseTo(expectedOmega, within(1e-5 * expectedOmega));
        // 50 °C is crossed at 1.3 s, so 1.2 s are spent above it.
        assertThat(r.timeAbove().get(0).max()).isCloseTo(1.2, within(1e-9));
        RegionSummary region = r.region("plain");
        assertThat(region.cells()).isEqualTo(64);
        assertThat(region.maxPeakTemperature()).isCloseTo(t0 + 25, within(1e-9));
        assertThatThrownBy(() -> r.region("bone")).hasMessageContaining("plain");
    }

    /** Split runs land on the same sampling times and give the same fields as one run. */
    @Test
    void splitRunsEqualOneRun() {
        Grid3D grid = Grid3D.uniform(6, 6, 6, 1e-4);
        BioheatProblem problem = BioheatProblem.builder(Tissue.homogeneous(grid, PLAIN)).build();
        ScalarField q = new ScalarField(grid);
        q.set(3, 3, 3, 1e9);
        ThermalSimulation one = ThermalSimulation.builder(problem).executor(ParallelExecutor.serial())
                .sampleInterval(0.01).build();
        one.addSource(HeatSource.constant(q));
        one.run(0.05);
        ThermalSimulation two = ThermalSimulation.builder(problem).executor(ParallelExecutor.serial())
                .sampleInterval(0.01).build();
        two.addSource(HeatSource.constant(q));
        two.run(0.02);
        two.run(0.03);
        assertThat(two.result().history()).hasSameSizeAs(one.result().history());
        assertThat(two.time()).isEqualTo(one.time());
        double diff = 0;
        for (int n = 0; n < grid.cellCount(); n++) {
            diff = Math.max(diff, Math.abs(two.result().temperature().values()[n]
                    - one.result().temperature().values()[n]));
        }
        assertThat(diff).isLessThan(1e-9);
    }
}
