package org.ecmsim.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.BiologySnapshot;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.simulation.course.CourseRun;
import org.ecmsim.simulation.course.CourseState;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint written in the background is the file {@link Checkpoints#save} writes, in order, errors reported. */
class CheckpointsTest {

    private static final Scenario SMALL = ScenarioParser.parse("""
            tip: {rows: 3, columns: 3}
            treatment: {sessions: 1, follow_up: 2 d}
            numerics: {cell_size: 100 um, biology_step: 6 h}
            """, "small.yaml");

    /** Two states of a small course: after its first and after its second event. */
    private static CourseState[] states() {
        RemodellingSimulation sim = CourseRunner.simulation(SMALL, ParallelExecutor.serial());
        CourseRun run = sim.start(SMALL.treatment().toProtocol(), SMALL.treatment().followUp(),
                new RemodellingSimulation.Listener() {
                });
        run.next();
        CourseState first = run.snapshot();
        run.next();
        return new CourseState[] {first, run.snapshot()};
    }

    private static Checkpoints.Saved saved(CourseState state, double day) {
        Map<Species, double[]> fields = new EnumMap<>(Species.class);
        fields.put(Species.COLLAGEN_I, new double[] {day, 2 * day, 3 * day});
        return new Checkpoints.Saved(state, List.of(new BiologySnapshot(day, fields, fields)),
                new double[] {day + 0.5});
    }

    @Test
    void aBackgroundSaveWritesTheSameFileAsASaveInOrder(@TempDir Path dir) throws IOException {
        CourseState[] s = states();
        Checkpoints direct = new Checkpoints(dir.resolve("direct.bin"), SMALL);
        direct.save(saved(s[1], 2));
        Checkpoints background = new Checkpoints(dir.resolve("background.bin"), SMALL);
        background.saveInBackground(saved(s[0], 1));
        // the second save waits for the first: the file ends with the second
        background.saveInBackground(saved(s[1], 2));
        background.awaitSaved();
        assertThat(Files.readAllBytes(dir.resolve("background.bin")))
                .isEqualTo(Files.readAllBytes(dir.resolve("direct.bin")));
        assertThat(background.savedDay()).isEqualTo(s[1].time() / 86400.0);
        Checkpoints.Saved back = background.load();
        assertThat(back.state()).isEqualTo(s[1]);
        assertThat(back.thermalSeconds()).containsExactly(2.5);
        assertThat(back.snapshots().get(0).treated().get(Species.COLLAGEN_I)).containsExactly(2, 4, 6);
        assertThat(dir.resolve("background.bin.tmp")).doesNotExist();
    }

    @Test
    void aFailedBackgroundSaveIsReportedByTheNextWait(@TempDir Path dir) throws IOException {
        CourseState[] s = states();
        Checkpoints c = new Checkpoints(dir.resolve("missing-folder").resolve("checkpoint.bin"), SMALL);
        c.saveInBackground(saved(s[0], 1));
        assertThatThrownBy(c::awaitSaved).isInstanceOf(IOException.class).hasMessageContaining("missing-folder");
        assertThat(c.savedDay()).isNaN();
        // reported once: nothing is pending afterwards
        c.awaitSaved();
        // and the next save reports it too if it is asked to wait for a failed one
        c.saveInBackground(saved(s[0], 1));
        assertThatThrownBy(() -> c.saveInBackground(saved(s[1], 2))).isInstanceOf(IOException.class);
    }
}
