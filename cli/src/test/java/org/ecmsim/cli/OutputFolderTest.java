package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.ecmsim.cli.output.OutputFolder;
import org.ecmsim.cli.output.ResultFiles;
import org.ecmsim.cli.run.Checkpoints;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the output folder: new or empty, {@code --force} only over an earlier result, one run at a time,
 * no half-written file under its final name after a write failure, checkpoints of another scenario or format
 * refused.
 */
class OutputFolderTest {

    @TempDir
    Path tmp;
    private static Path tiny;

    @BeforeAll
    static void scenario() throws Exception {
        // The tiny course without VTK fields, to keep the many runs short.
        Path file = Path.of(OutputFolderTest.class.getResource("/scenarios/tiny.yaml").toURI());
        tiny = Files.createTempFile("tiny", ".yaml");
        tiny.toFile().deleteOnExit();
        Files.writeString(tiny, Files.readString(file).replace("  snapshot_days: [1 d, 7 d]",
                "  snapshot_days: [1 d, 7 d]\n  vti: false"));
    }

    private static Cli run(Path out, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = tiny.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void anEmptyOutIsRefused() {
        Cli run = Cli.run("run", tiny.toString(), "--out", "");
        assertThat(run.code).as(run.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(refusal(run)).startsWith("ecmsim: --out is empty");
    }

    @Test
    void aNonEmptyFolderIsRefusedAndForceReplacesOnlyAnEarlierResult() throws Exception {
        Path dir = tmp.resolve("r");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli run = run(dir);
        assertThat(run.code).as(run.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(refusal(run)).as("one line naming the folder and --force").doesNotContain("\n")
                .contains(dir.toString(), "not empty", "--force");
        Cli forced = run(dir, "--force");
        assertThat(forced.code).as(forced.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(forced.err).contains("not an ecmsim results folder");
        assertThat(dir.resolve("notes.txt")).hasContent("mine");

        // An earlier result with a stale file of a longer course: --force replaces it whole.
        Files.delete(dir.resolve("notes.txt"));
        Cli first = run(dir, "--quiet");
        assertThat(first.code).as(first.toString()).isZero();
        assertThat(dir.resolve(ResultFiles.TIMESERIES)).isRegularFile();
        Files.writeString(dir.resolve("thermal_session2.vti"), "stale");
        assertThat(run(dir, "--quiet").code).isEqualTo(Ecmsim.BAD_INPUT);
        Cli again = run(dir, "--quiet", "--force");
        assertThat(again.code).as(again.toString()).isZero();
        assertThat(dir.resolve("thermal_session2.vti")).doesNotExist();
        assertThat(dir.resolve(ResultFiles.SUMMARY)).isRegularFile();
        assertThat(Path.of(dir + OutputFolder.PARTIAL)).doesNotExist();
        assertThat(Path.of(dir + ".old")).doesNotExist();

        // A forced run that is interrupted keeps the earlier results until its resumed run completes.
        Cli stopped = run(dir, "--quiet", "--force", "--stop-after-events", "2");
        assertThat(stopped.code).as(stopped.toString()).isEqualTo(RunCommand.INTERRUPTED);
        assertThat(dir.resolve(ResultFiles.SUMMARY)).isRegularFile();
        Cli resumed = run(dir, "--quiet", "--resume");
        assertThat(resumed.code).as(resumed.toString()).isZero();
        assertThat(Path.of(dir + OutputFolder.PARTIAL)).doesNotExist();
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefused() throws Exception {
        Path dir = tmp.resolve("busy");
        try (OutputFolder held = OutputFolder.open(dir, false, false, Checkpoints.FILE)) {
            Cli run = run(dir);
            assertThat(run.code).as(run.toString()).isEqualTo(Ecmsim.BAD_INPUT);
            assertThat(run.err).contains("another ecmsim run is writing to " + dir, ".lock");
        }
    }

    @Test
    void resumeNeedsAnInterruptedRunAndAnInterruptedRunNeedsResumeOrForce() throws Exception {
        Path dir = tmp.resolve("r");
        Cli nothing = run(dir, "--resume");
        assertThat(nothing.code).as(nothing.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(nothing.err).contains("nothing to resume");
        Cli stopped = run(dir, "--quiet", "--stop-after-events", "2");
        assertThat(stopped.code).as(stopped.toString()).isEqualTo(RunCommand.INTERRUPTED);
        Cli fresh = run(dir);
        assertThat(fresh.code).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(fresh.err).contains("holds an interrupted run", "--resume", "--force");
    }

    @Test
    void aCheckpointOfAnotherScenarioOrFormatIsRefused() throws Exception {
        Path dir = tmp.resolve("r");
        Cli stopped = run(dir, "--quiet", "--stop-after-events", "2");
        assertThat(stopped.code).as(stopped.toString()).isEqualTo(RunCommand.INTERRUPTED);
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, Files.readString(tiny).replace("follow_up: 7 d", "follow_up: 8 d"));
        Cli wrong = Cli.run("run", other.toString(), "--out", dir.toString(), "--resume");
        assertThat(wrong.code).as(wrong.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(wrong.err).contains("different scenario");

        Path file = Path.of(dir + OutputFolder.PARTIAL).resolve(Checkpoints.FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 99), Checkpoints.MAGIC.length());
        }
        Cli version = run(dir, "--resume");
        assertThat(version.code).as(version.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(version.err).contains("format version 99");
        // Threads do not change results, so they may differ on resume.
        Scenario s = ScenarioParser.parse(tiny);
        Scenario.Numerics n = s.numerics();
        assertThat(Checkpoints.hash(s.withNumerics(new Scenario.Numerics(n.cellSize(), n.biologyStep(), 1))))
                .isEqualTo(Checkpoints.hash(s))
                .isNotEqualTo(Checkpoints.hash(s.withNumerics(new Scenario.Numerics(n.cellSize(),
                        n.biologyStep() / 2, 1))));
    }

    @Test
    void aWriteFailureLeavesNoHalfFileAndSaysWhichFile() throws Exception {
        Path dir = tmp.resolve("r");
        Cli stopped = run(dir, "--quiet", "--stop-after-events", "3");
        assertThat(stopped.code).as(stopped.toString()).isEqualTo(RunCommand.INTERRUPTED);
        Path work = Path.of(dir + OutputFolder.PARTIAL);
        // A folder where a chart's temporary file goes: writing the chart fails as a full disk would.
        Files.createDirectories(work.resolve("impedance.png.tmp").resolve("x"));
        Cli failed = run(dir, "--resume");
        assertThat(failed.code).as(failed.toString()).isEqualTo(Ecmsim.FAILURE);
        assertThat(failed.err).containsPattern("(?m)^ecmsim: cannot write .*impedance\\.png: .*--resume writes the"
                + " results again\\)$");
        assertThat(failed.out).as("the console table is printed before the large files").contains("1 session (");
        assertThat(dir).doesNotExist();
        assertThat(work.resolve("impedance.png")).doesNotExist();
        assertThat(work.resolve(ResultFiles.SUMMARY)).isRegularFile();
        assertThat(work.resolve(Checkpoints.FILE)).isRegularFile();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp") && Files.isRegularFile(p))).isEmpty();
        }
        // Once the cause is gone, --resume writes the results (from the final checkpoint: no simulation redone).
        Files.delete(work.resolve("impedance.png.tmp").resolve("x"));
        Files.delete(work.resolve("impedance.png.tmp"));
        Cli resumed = run(dir, "--resume", "--quiet");
        assertThat(resumed.code).as(resumed.toString()).isZero();
        assertThat(dir.resolve("impedance.png")).isRegularFile();
    }

    /** @return standard error without the scenario's warning lines (the tiny scenario's cells are coarse) */
    private static String refusal(Cli run) {
        return run.err.lines().filter(l -> !l.startsWith("ecmsim: warning:")).collect(
                java.util.stream.Collectors.joining("\n")).strip();
    }
}
