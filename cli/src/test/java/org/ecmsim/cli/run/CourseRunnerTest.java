package org.ecmsim.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.biology.Species;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.course.DepthProfile;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.course.RemodellingResult;
import org.junit.jupiter.api.Test;
import org.ecmsim.simulation.course.RemodellingSimulation;

/**
 * The runner drives RemodellingSimulation's Site call for call, so it must give exactly what
 * {@code RemodellingSimulation.run} gives; if core's run loop changes, this fails and the runner must follow.
 */
class CourseRunnerTest {

    private static final Scenario SMALL = ScenarioParser.parse("""
            tip: {rows: 3, columns: 3}
            treatment: {sessions: 2, interval: 2 d, follow_up: 4 d}
            numerics: {cell_size: 100 um, biology_step: 3 h}
            output: {sample_every: 12 h, snapshot_days: [1 d, 3 d]}
            """, "small.yaml");

    @Test
    void reproducesRemodellingSimulationRunBitForBit() {
        ParallelExecutor ex = ParallelExecutor.serial();
        List<String> events = new ArrayList<>();
        CourseRunner.Outcome mine = CourseRunner.run(SMALL, ex, new CourseRunner.Progress() {
            @Override
            public void sessionStarted(int session, int count, double day) {
                events.add("start " + session + "/" + count + " day " + day);
            }

            @Override
            public void biologyReached(double day, double followUp) {
                events.add("day " + day);
            }
        });
        RemodellingResult core = CourseRunner.simulation(SMALL, ex).run(SMALL.treatment().toProtocol(),
                SMALL.treatment().followUp());
        RemodellingResult r = mine.result();
        assertThat(r.layers()).hasSameSizeAs(core.layers());
        for (int l = 0; l < core.layers().size(); l++) {
            LayerTimeSeries a = r.layers().get(l);
            LayerTimeSeries b = core.layers().get(l);
            assertThat(a.layer()).isEqualTo(b.layer());
            assertThat(a.times()).containsExactly(b.times());
            for (Species s : Species.values()) {
                assertThat(a.treated().get(s)).as(a.layer() + " " + s).containsExactly(b.treated().get(s));
                assertThat(a.control().get(s)).as(a.layer() + " " + s).containsExactly(b.control().get(s));
            }
        }
        assertThat(r.profiles()).hasSameSizeAs(core.profiles());
        for (int p = 0; p < core.profiles().size(); p++) {
            DepthProfile a = r.profiles().get(p);
            DepthProfile b = core.profiles().get(p);
            assertThat(a.time()).isEqualTo(b.time());
            for (Species s : Species.values()) {
                assertThat(a.treated().get(s)).containsExactly(b.treated().get(s));
            }
        }
        assertThat(r.sessions()).hasSize(2);
        for (int s = 0; s < 2; s++) {
            assertThat(r.sessions().get(s).thermal().peakTemperature().values())
                    .containsExactly(core.sessions().get(s).thermal().peakTemperature().values());
        }
        assertThat(r.balances()).isEqualTo(core.balances());
        assertThat(events).startsWith("start 0/2 day 0.0", "day 0.0").contains("start 1/2 day 2.0", "day 4.0");
        // snapshots hold the 3-D fields whose plane means are the profiles
        assertThat(mine.snapshots()).extracting(CourseRunner.BiologySnapshot::day).containsExactly(1.0, 3.0);
        double[] field = mine.snapshots().get(1).treated().get(Species.COLLAGEN_I);
        int plane = mine.biologyGrid().strideZ();
        double sum = 0;
        for (int c = 3 * plane; c < 4 * plane; c++) {
            sum += field[c];
        }
        assertThat(sum / plane).isEqualTo(r.profiles().get(1).treated().get(Species.COLLAGEN_I)[3]);
    }
}
