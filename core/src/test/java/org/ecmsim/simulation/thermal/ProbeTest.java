package org.ecmsim.simulation.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.junit.jupiter.api.Test;

/** Named probes on a thermal simulation: sampling, every-step recording and continuation. */
class ProbeTest {

    private static BioheatProblem problem(Grid3D grid) {
        Tissue skin = LayeredSkin.facialSkin().toTissue(grid);
        return BioheatProblem.builder(skin).build();
    }

    private static HeatSource hotSpot(Grid3D grid) {
        ScalarField q = new ScalarField(grid);
        q.set(4, 4, 5, 4e9);
        return HeatSource.constant(q);
    }

    @Test
    void probesRecordTemperatureAndDamageAtTheSamplingTimes() {
        Grid3D grid = Grid3D.uniform(9, 9, 12, 50e-6);
        ThermalSimulation sim = ThermalSimulation.builder(problem(grid)).sampleInterval(0.01)
                .probe("centre", grid.x(4), grid.y(4), grid.z(5)).probe("between", 0.2e-3, 0.2e-3, 0.3e-3).build();
        sim.addSource(hotSpot(grid));
        sim.run(0.05);
        ThermalRunResult r = sim.result();
        ProbeSeries centre = r.probe("centre");
        assertThat(centre.times()).containsExactly(r.history().stream().mapToDouble(HistorySample::time).toArray());
        assertThat(centre.temperature()[centre.size() - 1]).isEqualTo(r.temperature().get(4, 4, 5));
        assertThat(centre.cem43()[centre.size() - 1]).isEqualTo(r.cem43().get(4, 4, 5));
        assertThat(centre.omega(0)[centre.size() - 1]).isEqualTo(r.omega().get(0).get(4, 4, 5));
        assertThat(centre.peakTemperature()).isGreaterThan(r.probe("between").peakTemperature());
        assertThat(r.probes()).hasSize(2);
        assertThatThrownBy(() -> r.probe("nowhere")).hasMessageContaining("centre");
    }

    @Test
    void everyStepProbesAndContinuedRunsKeepOneSeries() {
        Grid3D grid = Grid3D.uniform(9, 9, 12, 50e-6);
        ThermalSimulation first = ThermalSimulation.builder(problem(grid)).probeEveryStep(true)
                .probe("centre", grid.x(4), grid.y(4), grid.z(5)).build();
        first.addSource(hotSpot(grid));
        first.run(0.004);
        long steps = first.solver().stepCount();
        ThermalSimulation second = ThermalSimulation.builder(problem(grid)).continueFrom(first)
                .probe("late", grid.x(2), grid.y(2), grid.z(2)).build();
        second.run(0.004);
        ThermalRunResult r = second.result();
        ProbeSeries centre = r.probe("centre");
        assertThat(centre.size()).isEqualTo(1 + steps + second.solver().stepCount());
        assertThat(centre.times()[0]).isZero();
        assertThat(centre.temperature()[centre.size() - 1]).isEqualTo(r.temperature().get(4, 4, 5));
        assertThat(r.probe("late").times()[0]).isEqualTo(0.004);
        assertThatThrownBy(() -> second.addProbe("late", 0, 0, 0)).hasMessageContaining("exists");
    }
}
