package org.ecmsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecmsim.cli.output.OutputFolder;
import org.ecmsim.cli.output.ResultFiles;
import org.ecmsim.cli.output.Summary;
import org.ecmsim.cli.run.Checkpoints;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecmsim run [SCENARIO.yaml]}: runs a scenario and writes its results. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        header = "Run a scenario (default: the built-in one) and write its results.",
        description = {"Runs a scenario file, or the built-in default scenario (3 sessions 28 days apart, 7x7 bipolar"
            + " tip at 30 mJ/pin, follow-up day 84; about 20 s on 2 cores). Progress goes to standard error, the"
            + " summary table to standard output, and every result into the output folder: summary.json,"
            + " timeseries.csv, profiles.csv, PNG charts, report.html and VTK .vti fields.",
            "",
            "Output folder: --out must be new or empty (--force replaces an earlier ecmsim result once the new one is"
            + " complete). The results are written into DIR.partial beside it, with a checkpoint after every session"
            + " and every simulated week, and renamed to DIR when complete; DIR.lock refuses a second run on the same"
            + " folder. After an interrupt (Ctrl-C, SIGTERM) or a failure, --resume continues from the checkpoint,"
            + " with results identical to an uninterrupted run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure while running or writing (the checkpoint is kept)",
            "2:bad input: invalid scenario, usage, or an output folder the rules refuse",
            "130:interrupted (SIGINT, Ctrl-C; 143 for SIGTERM): the checkpoint is kept, --resume continues"})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "the scenario (default: the built-in one; 'ecmsim init FILE' writes it to edit)")
    private Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: a new ecmsim-out/run-YYYYMMDD-HHMMSS)")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads; overrides numerics.threads (results do not depend on it)")
    private Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress on standard error")
    private boolean quiet;

    @Option(names = "--force", description = "replace the earlier ecmsim results in --out (when the new ones are"
            + " complete), or start an interrupted run again from day 0")
    private boolean force;

    @Option(names = "--resume", description = "continue the interrupted run in --out from its last checkpoint (same"
            + " scenario; the results are bitwise those of an uninterrupted run)")
    private boolean resume;

    /** For tests and drills: stop as if interrupted after this many course events. */
    @Option(names = "--stop-after-events", hidden = true, paramLabel = "N")
    private Integer stopAfterEvents;

    /** Exit code of a run stopped by SIGINT (128 + 2), as the shell gives it. */
    static final int INTERRUPTED = 130;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads = " + threads + " is invalid; give 0 (one per"
                    + " processor) or more");
        }
        if (resume && out == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs --out DIR: the folder of the interrupted"
                    + " run");
        }
        if (resume && force) {
            throw new ParameterException(spec.commandLine(), "--resume and --force exclude each other: --resume"
                    + " continues an interrupted run, --force starts again");
        }
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario scenario = scenarioFile == null ? Scenario.defaults() : ScenarioParser.parse(scenarioFile);
        String source = scenarioFile == null ? "built-in default" : scenarioFile.toString();
        if (threads != null) {
            scenario = scenario.withNumerics(new Scenario.Numerics(scenario.numerics().cellSize(),
                    scenario.numerics().biologyStep(), threads));
        }
        Progress progress = new Progress(err, quiet);
        OutputFolder folder;
        try {
            folder = OutputFolder.open(outputFolder(), force, resume, Checkpoints.FILE);
        } catch (OutputFolder.Refused e) {
            throw new Ecmsim.BadInputException(e.getMessage());
        }
        Thread hook = null;
        try (folder) {
            Path dir = out == null ? folder.target() : out;
            Checkpoints checkpoints = new Checkpoints(folder.work().resolve(Checkpoints.FILE), scenario);
            String again = "ecmsim run" + (scenarioFile == null ? "" : " " + scenarioFile) + " --out " + dir
                    + " --resume";
            hook = new Thread(() -> {
                if (!folder.committed()) {
                    progress.failure(interrupted(checkpoints, again));
                }
            }, "ecmsim-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            int n = scenario.numerics().threads() == 0 ? Runtime.getRuntime().availableProcessors()
                    : scenario.numerics().threads();
            progress.line(String.format(Locale.ROOT, "ecmsim %s: %s -> %s (%d thread%s)%s", Ecmsim.version(), source,
                    dir, n, n == 1 ? "" : "s", resume ? ", resuming" : ""));
            CourseRunner.Outcome outcome;
            try (ParallelExecutor executor = n == 1 ? ParallelExecutor.serial() : new ParallelExecutor(n)) {
                outcome = CourseRunner.run(scenario, executor, progress, checkpoints, resume,
                        stopAfterEvents == null ? -1 : stopAfterEvents);
            } catch (CourseRunner.Stopped e) {
                progress.failure(interrupted(checkpoints, again));
                return INTERRUPTED;
            } catch (Checkpoints.Mismatch e) {
                progress.failure("ecmsim: " + e.getMessage());
                return Ecmsim.BAD_INPUT;
            }
            progress.start("writing results:");
            String[] separator = {" "};
            List<String> files = ResultFiles.write(outcome, folder.work(), source, Ecmsim.version(), what -> {
                progress.more(separator[0] + what);
                separator[0] = ", ";
            }, () -> {
                // The table before the large files: a failure while writing them leaves it on the console.
                progress.pause();
                stdout.println();
                stdout.print(Summary.table(outcome));
                stdout.flush();
                progress.resume();
            });
            folder.commit(Checkpoints.FILE);
            progress.end(String.format(Locale.ROOT, " (%d files)", files.size()));
            stdout.printf(Locale.ROOT, "%nResults: %s (open %s)%n", dir, dir.resolve(ResultFiles.REPORT));
            stdout.flush();
            progress.line(String.format(Locale.ROOT, "done in %.1f s (simulation %.1f s)",
                    (System.nanoTime() - start) * 1e-9, outcome.totalSeconds()));
            return Ecmsim.OK;
        } catch (IOException e) {
            progress.failure("ecmsim: " + e.getMessage() + (folder.committed() ? "" : "; the run's checkpoint is in "
                    + folder.work() + " (--resume writes the results again)"));
            return Ecmsim.FAILURE;
        } catch (RuntimeException e) {
            progress.breakLine();
            throw e;
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
            }
        }
    }

    private static String interrupted(Checkpoints checkpoints, String again) {
        double day = checkpoints.savedDay();
        if (Double.isNaN(day)) {
            return "ecmsim: interrupted before the first checkpoint; nothing to resume (the work folder "
                    + checkpoints.file().getParent() + " can be removed)";
        }
        return String.format(Locale.ROOT, "ecmsim: interrupted; checkpoint of day %s in %s; continue with: %s",
                Progress.fmt(day), checkpoints.file(), again);
    }

    private Path outputFolder() {
        Path dir = out;
        if (dir == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Path.of("ecmsim-out", "run-" + stamp);
            for (int k = 2; Files.exists(dir) || Files.exists(Path.of(dir + OutputFolder.PARTIAL)); k++) {
                dir = Path.of("ecmsim-out", "run-" + stamp + "-" + k);
            }
        }
        return dir;
    }

    /** Progress lines on standard error: one per session's thermal phase and per week of biology. */
    private static final class Progress implements CourseRunner.Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private double nextWeek = 7;
        private boolean open;
        private boolean paused;
        private boolean resumedAt;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        synchronized void line(String s) {
            if (!quiet) {
                breakLine();
                err.println(s);
                err.flush();
            }
        }

        synchronized void start(String s) {
            if (!quiet) {
                breakLine();
                err.print("  " + s);
                err.flush();
                open = true;
            }
        }

        synchronized void more(String s) {
            if (!quiet) {
                err.print(s);
                err.flush();
                open = true;
            }
        }

        synchronized void end(String s) {
            if (!quiet) {
                err.println(s);
                err.flush();
                open = false;
            }
        }

        /** Ends a progress line in progress, so that what follows starts on its own line. */
        synchronized void breakLine() {
            if (open) {
                err.println();
                err.flush();
                open = false;
            }
        }

        /** Before standard output prints: ends the progress line, to be continued by {@link #resume()}. */
        synchronized void pause() {
            paused = open;
            breakLine();
        }

        /** Continues a progress line that {@link #pause()} ended. */
        synchronized void resume() {
            if (paused && !quiet) {
                err.print("  ...");
                err.flush();
                open = true;
            }
            paused = false;
        }

        /** A failure or interruption: always printed (also when quiet), on its own line. */
        synchronized void failure(String s) {
            breakLine();
            err.println(s);
            err.flush();
        }

        @Override
        public void memory(Grid3D grid, long needBytes, long availableBytes) {
            line(String.format(Locale.ROOT, "  thermal grid %d × %d × %d = %d cells: needs about %.0f MiB of heap,"
                    + " %.0f MiB available", grid.nx(), grid.ny(), grid.nz(), grid.cellCount(), needBytes / 1048576.0,
                    availableBytes / 1048576.0));
        }

        @Override
        public void sessionStarted(int session, int count, double day) {
            start(String.format(Locale.ROOT, "session %d/%d (day %s): thermal phase ...", session + 1, count,
                    fmt(day)));
        }

        @Override
        public void sessionDone(int session, RfTreatmentResult result, double seconds) {
            end(String.format(Locale.ROOT, " done in %.1f s (peak %.1f °C, %.3f J)", seconds,
                    Units.kelvinToCelsius(result.thermal().peakTemperature().max()), result.deliveredEnergy()));
        }

        @Override
        public void biologyReached(double day, double followUp) {
            if (!resumedAt) {
                // A resumed run starts at a checkpoint's day: report the next whole week, not that day.
                nextWeek = Math.max(7, Math.ceil(day / 7 - 1e-9) * 7);
                resumedAt = true;
            }
            if (day >= nextWeek - 1e-9 || day == followUp) {
                line(String.format(Locale.ROOT, "  biology: day %s of %s (treated and control)", fmt(day),
                        fmt(followUp)));
                while (nextWeek <= day + 1e-9) {
                    nextWeek += 7;
                }
            }
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
    }
}
