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
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfProgress;
import org.ecmsim.simulation.session.RfSettings;
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
            + " tip at 30 mJ/pin, follow-up day 84; about 10-11 s on 2 cores). Progress goes to standard error, the"
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

    /**
     * Memory the JVM takes beyond its heap on a full-tip run (MiB): metaspace, compiled code, thread stacks and the
     * collector's tables. Measured 185 MiB at 25 µm with the serial collector (peak resident set minus -Xmx,
     * docs/performance.md); rounded up.
     */
    static final int JVM_OWN_MIB = 256;

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

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "write the weekly checkpoint only when this much wall time has passed since the last one"
                    + " (default ${DEFAULT-VALUE} s; 0: every simulated week); one is always written after each"
                    + " session and at the end")
    private double checkpointInterval;

    /** For tests and drills: stop as if interrupted after this many course events. */
    @Option(names = "--stop-after-events", hidden = true, paramLabel = "N")
    private Integer stopAfterEvents;

    /** Exit code of a run stopped by SIGINT (128 + 2), as the shell gives it. */
    static final int INTERRUPTED = 130;

    @Override
    public Integer call() throws IOException {
        Ecmsim.requireThreads(spec, threads);
        if (!(checkpointInterval >= 0) || Double.isInfinite(checkpointInterval)) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-interval = " + checkpointInterval
                    + " s is invalid; give a finite number of seconds >= 0 (0: a checkpoint every simulated week)");
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
        for (String warning : scenario.warnings()) {
            err.println("ecmsim: warning: " + warning);
        }
        err.flush();
        if (threads != null) {
            scenario = scenario.withNumerics(scenario.numerics().withThreads(threads));
        }
        Progress progress = new Progress(err, quiet, System.console() != null, scenario);
        OutputFolder folder;
        try {
            folder = OutputFolder.open(outputFolder(), force, resume, Checkpoints.FILE);
        } catch (OutputFolder.Refused e) {
            throw new Ecmsim.BadInputException(e.getMessage());
        }
        Thread hook = null;
        Checkpoints checkpoints = new Checkpoints(folder.work().resolve(Checkpoints.FILE), scenario);
        try (folder) {
            Path dir = out == null ? folder.target() : out;
            String again = "ecmsim run" + (scenarioFile == null ? "" : " " + scenarioFile) + " --out " + dir
                    + " --resume";
            hook = new Thread(() -> {
                if (!folder.committed()) {
                    progress.failure(interrupted(checkpoints, again));
                }
            }, "ecmsim-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                int n = scenario.numerics().threads() == 0 ? Runtime.getRuntime().availableProcessors()
                        : scenario.numerics().threads();
                progress.line(String.format(Locale.ROOT, "ecmsim %s: %s -> %s (%d thread%s)%s", Ecmsim.version(),
                        source, dir, n, n == 1 ? "" : "s", resume ? ", resuming" : ""));
                CourseRunner.Outcome outcome;
                try (ParallelExecutor executor = n == 1 ? ParallelExecutor.serial() : new ParallelExecutor(n)) {
                    outcome = CourseRunner.run(scenario, executor, progress, checkpoints, resume,
                            stopAfterEvents == null ? -1 : stopAfterEvents, checkpointInterval);
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
                // The last checkpoint was written beside the results; it must be whole before the folder commits.
                checkpoints.awaitSaved();
                folder.commit(Checkpoints.FILE);
                progress.end(String.format(Locale.ROOT, " (%d files)", files.size()));
                stdout.printf(Locale.ROOT, "%nResults: %s (open %s)%n", dir, dir.resolve(ResultFiles.REPORT));
                stdout.flush();
                progress.line(String.format(Locale.ROOT, "done in %.1f s (simulation %.1f s)",
                        (System.nanoTime() - start) * 1e-9, outcome.totalSeconds()));
                return Ecmsim.OK;
            } finally {
                // A failed run leaves a whole checkpoint to resume from, written before the folder's lock goes.
                awaitQuietly(checkpoints);
            }
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

    /** Lets a checkpoint still being written finish, so that a failed run leaves a whole one to resume from. */
    private static void awaitQuietly(Checkpoints checkpoints) {
        try {
            checkpoints.awaitSaved();
        } catch (IOException | RuntimeException e) {
            // the run already failed; the checkpoint on disk is the last whole one (each is renamed into place)
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

    /**
     * Progress on standard error: the heap need and an up-front estimate of the run time, each session's thermal
     * phase with its share done (of the work: conduction weighs {@link #CONDUCTION_WEIGHT} times a pause or cooling
     * of the same simulated time) and an estimate of the time left, and each week of biology. On a terminal the
     * thermal line is rewritten in place ({@code \r}); otherwise (a file or a pipe) it prints plain lines at 25, 50
     * and 75 %. Nothing at all with {@code --quiet}.
     */
    static final class Progress implements CourseRunner.Progress {
        /**
         * Wall-clock seconds per thermal cell and heat step (1 ms ADI) without a potential solve, measured on this
         * project's 2-core machine with the default course (2 threads); a rough constant.
         */
        static final double THERMAL_SECONDS_PER_CELL_STEP = 8e-8;
        /**
         * How much more a simulated second of conduction costs than one of pause or cooling: the potential is
         * solved every 2 ms (and the first solves warm the JIT); measured likewise, roughly.
         */
        static final double CONDUCTION_WEIGHT = 12;
        /** Wall-clock seconds per biology cell and biology step, treated and control counted apart; likewise. */
        static final double BIOLOGY_SECONDS_PER_CELL_STEP = 3.1e-8;
        /** Start-up and writing the results (s), likewise. */
        static final double FIXED_SECONDS = 3;

        private final PrintWriter err;
        private final boolean quiet;
        private final boolean terminal;
        private final Scenario scenario;
        private double nextWeek = 7;
        private long sessionStart;
        private long lastDraw;
        private int nextQuarter;
        private String sessionLabel = "";
        private int lastWidth;
        private boolean open;
        private boolean paused;
        private boolean resumedAt;

        Progress(PrintWriter err, boolean quiet, boolean terminal, Scenario scenario) {
            this.err = err;
            this.quiet = quiet;
            this.terminal = terminal;
            this.scenario = scenario;
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

        /** Rewrites the current terminal line. */
        private void redraw(String s) {
            String pad = s.length() < lastWidth ? " ".repeat(lastWidth - s.length()) : "";
            err.print("\r" + s + pad);
            err.flush();
            lastWidth = s.length();
            open = true;
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
            int c = scenario.numerics().biologyCoarsening();
            if (c > 1) {
                line(String.format(Locale.ROOT, "  biology grid %d × %d × %d: blocks of %d × %d × %d thermal cells",
                        grid.nx() / c, grid.ny() / c, grid.nz() / c, c, c, c));
            }
            double[] e = estimate(scenario, grid.cellCount());
            line(String.format(Locale.ROOT, "  estimated run time: about %s (thermal about %s per session, biology"
                    + " about %s; a rough guess from a cost per cell-step measured on a 2-core machine)",
                    duration(e[0] * scenario.treatment().sessions() + e[1] + FIXED_SECONDS), duration(e[0]),
                    duration(e[1])));
        }

        @Override
        public void fullTipStarted(Grid3D grid, long needBytes, long heapBytes) {
            line(String.format(Locale.ROOT, "full tip (numerics.domain: full_tip): session 1 on all needles, simulated"
                    + " grid %d × %d × %d = %d cells (the part the tip's mirror planes leave): needs about %.0f MiB of"
                    + " live heap at its peak; give Java at least %d MiB of heap with the serial collector (-Xmx%dm,"
                    + " e.g. ECMSIM_JAVA_OPTS=\"-XX:+UseSerialGC -Xmx%dm\"), and the process about %d MiB of memory"
                    + " in all (the heap plus up to %d MiB for the JVM itself); this JVM's maximum heap is %.0f MiB",
                    grid.nx(), grid.ny(), grid.nz(), grid.cellCount(), needBytes / 1048576.0, heapBytes >> 20,
                    heapBytes >> 20, heapBytes >> 20, (heapBytes >> 20) + JVM_OWN_MIB, JVM_OWN_MIB,
                    Runtime.getRuntime().maxMemory() / 1048576.0));
            // its thermal progress is reported as a session's, under this label
            sessionLabel = "  full tip:";
            sessionStart = System.nanoTime();
            lastDraw = 0;
            nextQuarter = 1;
            lastWidth = 0;
        }

        @Override
        public void fullTipDone(CourseRunner.FullTip fullTip) {
            line(String.format(Locale.ROOT, "full tip done in %.1f s (peak %.1f °C, %.3f J)", fullTip.seconds(),
                    Units.kelvinToCelsius(fullTip.result().thermal().peakTemperature().max()),
                    fullTip.result().deliveredEnergy()));
        }

        /**
         * @param scenario the scenario
         * @param thermalCells cells of the thermal grid
         * @return {seconds of one session's thermal phase, seconds of the biology} on this machine, roughly
         */
        static double[] estimate(Scenario scenario, long thermalCells) {
            double steps = work(scenario.treatment().passes(), Double.POSITIVE_INFINITY) / RfSettings.DEFAULT_TIME_STEP;
            double thermal = thermalCells * steps * THERMAL_SECONDS_PER_CELL_STEP;
            double biologySteps = Math.ceil(scenario.treatment().followUp() / scenario.numerics().biologyStep());
            // biology cells are blocks of c × c × c thermal cells; treated and control both run
            int c = scenario.numerics().biologyCoarsening();
            double biology = (double) thermalCells / (c * c * c) * biologySteps * 2 * BIOLOGY_SECONDS_PER_CELL_STEP;
            return new double[] {thermal, biology};
        }

        /**
         * @param passes the passes of a session
         * @param time simulated time of the session (s)
         * @return the work done by then, in weighted simulated seconds: conduction counts
         *         {@link #CONDUCTION_WEIGHT} times, pauses and cooling once (the order of {@link RfProgress#totalTime})
         */
        static double work(List<RfPass> passes, double time) {
            double t = 0;
            double work = 0;
            for (RfPass pass : passes) {
                for (int k = 0; k < pass.pulses(); k++) {
                    work += CONDUCTION_WEIGHT * Math.max(0, Math.min(pass.conductionTime(), time - t));
                    t += pass.conductionTime();
                    if (k < pass.pulses() - 1) {
                        work += Math.max(0, Math.min(pass.pulseInterval(), time - t));
                        t += pass.pulseInterval();
                    }
                }
                work += Math.max(0, Math.min(pass.coolingTime(), time - t));
                t += pass.coolingTime();
            }
            return work;
        }

        @Override
        public void sessionStarted(int session, int count, double day) {
            sessionLabel = String.format(Locale.ROOT, "  session %d/%d (day %s):", session + 1, count, fmt(day));
            sessionStart = System.nanoTime();
            lastDraw = 0;
            nextQuarter = 1;
            lastWidth = 0;
            if (quiet) {
                return;
            }
            if (terminal) {
                redraw(sessionLabel + " thermal phase ...");
            } else {
                line(sessionLabel + " thermal phase ...");
            }
        }

        @Override
        public void thermalProgress(int session, int count, int pass, int pulse, int interval, int intervals,
                double time, double totalTime) {
            if (quiet || totalTime <= 0) {
                return;
            }
            List<RfPass> passes = scenario.treatment().passes();
            double f = time >= totalTime ? 1 : work(passes, time) / work(passes, Double.POSITIVE_INFINITY);
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastDraw < 200_000_000L || f >= 1) {
                    return;
                }
                lastDraw = now;
                redraw(sessionLabel + " " + state(f, pass, pulse, now));
            } else if (f < 1 && f >= nextQuarter * 0.25) {
                while (nextQuarter * 0.25 <= f) {
                    nextQuarter++;
                }
                line("    " + state(f, pass, pulse, now));
            }
        }

        private String state(double f, int pass, int pulse, long now) {
            int passes = scenario.treatment().passes().size();
            int pulses = scenario.treatment().passes().get(Math.min(pass, passes - 1)).pulses();
            double elapsed = (now - sessionStart) * 1e-9;
            // no guess from the first few percent (the first solves warm the JIT)
            String left = f < 0.05 ? "" : ", about " + duration(elapsed * (1 - f) / f) + " left";
            return String.format(Locale.ROOT, "thermal %.0f %% (pass %d/%d, pulse %d/%d)%s", 100 * f, pass + 1,
                    passes, pulse + 1, pulses, left);
        }

        @Override
        public void sessionDone(int session, RfTreatmentResult result, double seconds) {
            String done = String.format(Locale.ROOT, "%s thermal phase done in %.1f s (peak %.1f °C, %.3f J)",
                    sessionLabel, seconds, Units.kelvinToCelsius(result.thermal().peakTemperature().max()),
                    result.deliveredEnergy());
            if (quiet) {
                return;
            }
            if (terminal) {
                redraw(done);
                err.println();
                err.flush();
                open = false;
            } else {
                line(done);
            }
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

        /**
         * @param seconds a duration (s)
         * @return "3 s", "40 s", "2 min 10 s", "1 h 5 min", rounded to what a guess deserves
         */
        static String duration(double seconds) {
            if (!(seconds < 1e9)) {
                return "a very long time";
            }
            if (seconds < 10) {
                return Math.max(1, Math.round(seconds)) + " s";
            }
            if (seconds < 60) {
                return 5 * Math.round(seconds / 5) + " s";
            }
            if (seconds < 3600) {
                long m = (long) (seconds / 60);
                long s = 10 * Math.round((seconds - 60 * m) / 10);
                if (s == 60) {
                    m++;
                    s = 0;
                }
                return m + " min" + (s == 0 ? "" : " " + s + " s");
            }
            long h = (long) (seconds / 3600);
            long m = Math.round((seconds - 3600 * h) / 60);
            return h + " h" + (m == 0 ? "" : " " + m + " min");
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
    }
}
