package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ecmsim.cli.output.OutputFolder;
import org.ecmsim.cli.output.ResultFiles;
import org.ecmsim.cli.run.Checkpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A run stopped at seeded random events (as an interrupt would stop it) and continued with {@code --resume}, once
 * or several times in a row, writes the same numbers as a run that was never stopped: {@code summary.json} without
 * its wall-clock times, and byte for byte the CSV tables (and VTK fields, where written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeTest {

    @TempDir
    static Path tmp;
    private Path scenario;
    private Path whole;

    @BeforeAll
    void runUninterrupted() throws Exception {
        scenario = Path.of(getClass().getResource("/scenarios/resume.yaml").toURI());
        whole = tmp.resolve("whole");
        Cli run = Cli.run("run", scenario.toString(), "--out", whole.toString(), "--quiet");
        assertThat(run.code).as(run.toString()).isZero();
    }

    @Test
    void stoppedAndResumedRunsWriteTheSameResults() throws IOException {
        Random random = new Random(15L);
        for (int trial = 0; trial < 2; trial++) {
            Path dir = tmp.resolve("stopped" + trial);
            // One or two interrupts in a row, each after a random number of events (21 in the course).
            int stops = 1 + trial;
            Cli run = Cli.run("run", scenario.toString(), "--out", dir.toString(), "--quiet",
                    "--stop-after-events", String.valueOf(1 + random.nextInt(12)), "--checkpoint-interval", "0");
            for (int s = 0; s < stops; s++) {
                assertThat(run.code).as(run.toString()).isEqualTo(RunCommand.INTERRUPTED);
                assertThat(run.err).as("the interrupt is said on its own line")
                        .containsPattern("(?m)^ecmsim: interrupted; checkpoint of day \\d+ in .*; continue with: "
                                + "ecmsim run .* --resume$");
                assertThat(dir).as("nothing under the target name before the run is complete").doesNotExist();
                assertThat(Path.of(dir + OutputFolder.PARTIAL).resolve(Checkpoints.FILE)).isRegularFile();
                boolean last = s == stops - 1;
                run = last ? Cli.run("run", scenario.toString(), "--out", dir.toString(), "--quiet", "--resume")
                        : Cli.run("run", scenario.toString(), "--out", dir.toString(), "--quiet", "--resume",
                                "--stop-after-events", String.valueOf(1 + random.nextInt(6)),
                                "--checkpoint-interval", "0");
            }
            assertThat(run.code).as(run.toString()).isZero();
            assertThat(Path.of(dir + OutputFolder.PARTIAL)).doesNotExist();
            assertThat(Path.of(dir + OutputFolder.LOCK)).doesNotExist();
            assertThat(dir.resolve(Checkpoints.FILE)).doesNotExist();
            assertSameResults(whole, dir);
        }
    }

    @Test
    void weeklyCheckpointsWaitForTheIntervalButSessionsDoNot() throws IOException {
        // Events are days 0-20 (sessions on days 0 and 8); stopping after 16 events stops on day 15.
        Cli everyWeek = Cli.run("run", scenario.toString(), "--out", tmp.resolve("weekly").toString(), "--quiet",
                "--stop-after-events", "16", "--checkpoint-interval", "0");
        assertThat(everyWeek.code).as(everyWeek.toString()).isEqualTo(RunCommand.INTERRUPTED);
        assertThat(everyWeek.err).as("the week-2 checkpoint").contains("checkpoint of day 14 ");
        Cli sparse = Cli.run("run", scenario.toString(), "--out", tmp.resolve("sparse").toString(), "--quiet",
                "--stop-after-events", "16", "--checkpoint-interval", "3600");
        assertThat(sparse.code).as(sparse.toString()).isEqualTo(RunCommand.INTERRUPTED);
        assertThat(sparse.err).as("no weekly checkpoint within the hour: the last session's").contains(
                "checkpoint of day 8 ");
        Cli resumed = Cli.run("run", scenario.toString(), "--out", tmp.resolve("sparse").toString(), "--quiet",
                "--resume");
        assertThat(resumed.code).as(resumed.toString()).isZero();
        assertSameResults(whole, tmp.resolve("sparse"));
        Cli bad = Cli.run("run", scenario.toString(), "--out", tmp.resolve("bad").toString(), "--quiet",
                "--checkpoint-interval", "-1");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("--checkpoint-interval = -1.0 s is invalid");
    }

    static void assertSameResults(Path expected, Path actual) throws IOException {
        assertThat(summaryWithoutClock(actual)).isEqualTo(summaryWithoutClock(expected));
        try (Stream<Path> files = Files.list(expected)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv") || name.endsWith(".vti")) {
                    assertThat(Files.readAllBytes(actual.resolve(name))).as(name).isEqualTo(Files.readAllBytes(f));
                }
            }
        }
        try (Stream<Path> a = Files.list(actual); Stream<Path> b = Files.list(expected)) {
            assertThat(a.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(b.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object summaryWithoutClock(Path dir) throws IOException {
        Object json = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve(ResultFiles.SUMMARY)));
        return strip(json);
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (!k.contains("wall_clock")) {
                    out.put(k, strip(v));
                }
            });
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(ResumeTest::strip).toList();
        }
        return o;
    }
}
