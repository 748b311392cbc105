package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.simulation.session.MemoryBudget;
import org.ecmsim.simulation.session.NeedleOutcome;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * {@code numerics.domain: full_tip} on a small real run (3×3 tip, 100 µm cells): the course is the unit cell's as
 * without the key, and session 1 on the whole tip is added to the table and to summary.json with every needle.
 */
class SummaryFullTipTest {

    private static final String SCENARIO = """
            tip: {rows: 3, columns: 3}
            treatment: {sessions: 1, follow_up: 1 d}
            numerics: {cell_size: 100 um, biology_step: 6 h%s}
            output: {sample_every: 1 d, snapshot_days: [1 d]}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void theFullTipIsReportedBesideTheUnitCellCourse() {
        Outcome unit = CourseRunner.run(ScenarioParser.parse(String.format(SCENARIO, ""), "unit.yaml"),
                ParallelExecutor.serial(), new CourseRunner.Progress() { });
        Outcome full = CourseRunner.run(ScenarioParser.parse(String.format(SCENARIO, ", domain: full_tip"),
                "full.yaml"), ParallelExecutor.serial(), new CourseRunner.Progress() { });
        assertThat(unit.fullTip()).isNull();
        assertThat(Summary.json(unit, "unit.yaml", "test", List.of())).doesNotContainKey("full_tip");

        // the course itself does not change
        assertThat(full.result().sessions().get(0).thermal().peakTemperature().values())
                .isEqualTo(unit.result().sessions().get(0).thermal().peakTemperature().values());

        CourseRunner.FullTip f = full.fullTip();
        // 3 × 1 mm footprint and 1 mm of tissue on each side, 100 µm cells
        assertThat(f.grid().nx()).isEqualTo(50);
        assertThat(f.grid().ny()).isEqualTo(50);
        assertThat(f.grid().nz()).isEqualTo(full.thermalGrid().nz());
        assertThat(f.result().deliveredEnergy()).isCloseTo(9 * 30e-3, within(1e-12));
        assertThat(f.needles()).hasSize(9);
        assertThat(f.at(1, 1).position()).isEqualTo(NeedleOutcome.Position.INTERIOR);
        assertThat(f.at(0, 0).position()).isEqualTo(NeedleOutcome.Position.CORNER);

        Map<String, Object> json = Summary.json(full, "full.yaml", "test", List.of());
        Map<String, Object> ft = (Map<String, Object>) json.get("full_tip");
        assertThat(ft.get("thermal_cells")).isEqualTo(List.of(50, 50, f.grid().nz()));
        List<Map<String, Object>> needles = (List<Map<String, Object>>) ft.get("needles");
        assertThat(needles).hasSize(9);
        assertThat((double) needles.get(4).get("peak_temperature_C"))
                .isEqualTo(Units.kelvinToCelsius(f.at(1, 1).peakTemperature()));
        assertThat(((Map<String, Object>) ((Map<String, Object>) json.get("settings")).get("numerics")).get("domain"))
                .isEqualTo("full_tip");

        // bitwise the same on two threads; the heap it says to give covers its need, the collector's margin and a
        // whole-grid field (the largest array)
        long[] memory = new long[2];
        try (ParallelExecutor two = new ParallelExecutor(2)) {
            CourseRunner.FullTip f2 = CourseRunner.fullTip(CourseRunner.simulation(full.scenario(), two), full.site(),
                    full.scenario().treatment().toProtocol(), two, new CourseRunner.Progress() {
                        @Override
                        public void fullTipStarted(org.ecmsim.grid.Grid3D grid, long needBytes, long heapBytes) {
                            memory[0] = needBytes;
                            memory[1] = heapBytes;
                        }
                    });
            long fieldBytes = 8L * f.grid().cellCount();
            assertThat(memory[0]).isPositive();
            assertThat(memory[1] % (1 << 20)).isZero();
            assertThat((double) memory[1])
                    .isGreaterThanOrEqualTo((memory[0] + fieldBytes) / MemoryBudget.SERIAL_USABLE_FRACTION);
            assertThat(f2.result().thermal().peakTemperature().values())
                    .isEqualTo(f.result().thermal().peakTemperature().values());
            assertThat(f2.result().zoneOmega().values()).isEqualTo(f.result().zoneOmega().values());
        }

        String table = Summary.table(full);
        assertThat(table).contains("Full tip, session 1").contains("centre").contains("corner")
                .contains("edge (outer row)").contains("edge (outer column)");
        assertThat(Summary.table(unit)).doesNotContain("Full tip");
    }
}
