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
import org.ecmsim.cli.output.ResultFiles;
import org.ecmsim.cli.output.Summary;
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
            + " timeseries.csv, profiles.csv, PNG charts, report.html and VTK .vti fields."})
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

    @Override
    public Integer call() throws IOException {
        if (threads != null && (threads < 0 || threads > Ecmsim.MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "--threads = " + threads + " is invalid; give 0 (one per"
                    + " processor) to " + Ecmsim.MAX_THREADS);
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
            scenario = scenario.withNumerics(new Scenario.Numerics(scenario.numerics().cellSize(),
                    scenario.numerics().biologyStep(), threads));
        }
        Path dir = outputFolder();
        int n = scenario.numerics().threads() == 0 ? Runtime.getRuntime().availableProcessors()
                : scenario.numerics().threads();
        Progress progress = new Progress(err, quiet);
        progress.line(String.format(Locale.ROOT, "ecmsim %s: %s -> %s (%d thread%s)", Ecmsim.version(), source, dir,
                n, n == 1 ? "" : "s"));
        CourseRunner.Outcome outcome;
        try (ParallelExecutor executor = n == 1 ? ParallelExecutor.serial() : new ParallelExecutor(n)) {
            outcome = CourseRunner.run(scenario, executor, progress);
        }
        progress.start("writing results:");
        String[] separator = {" "};
        List<String> files = ResultFiles.write(outcome, dir, source, Ecmsim.version(), what -> {
            progress.more(separator[0] + what);
            separator[0] = ", ";
        });
        progress.end(String.format(Locale.ROOT, " (%d files)", files.size()));
        stdout.println();
        stdout.print(Summary.table(outcome));
        stdout.printf(Locale.ROOT, "%nResults: %s (open %s)%n", dir, dir.resolve(ResultFiles.REPORT));
        stdout.flush();
        progress.line(String.format(Locale.ROOT, "done in %.1f s (simulation %.1f s)", (System.nanoTime() - start) * 1e-9,
                outcome.totalSeconds()));
        return Ecmsim.OK;
    }

    private Path outputFolder() throws IOException {
        Path dir = out;
        if (dir == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Path.of("ecmsim-out", "run-" + stamp);
            for (int k = 2; Files.exists(dir); k++) {
                dir = Path.of("ecmsim-out", "run-" + stamp + "-" + k);
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Ecmsim.BadInputException("--out " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Ecmsim.BadInputException("cannot create the output folder " + dir + " (" + e + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new Ecmsim.BadInputException("the output folder " + dir + " is not writable");
        }
        return dir;
    }

    /** Progress lines on standard error: one per session's thermal phase and per week of biology. */
    private static final class Progress implements CourseRunner.Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private double nextWeek = 7;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void line(String s) {
            if (!quiet) {
                err.println(s);
                err.flush();
            }
        }

        void start(String s) {
            if (!quiet) {
                err.print("  " + s);
                err.flush();
            }
        }

        void more(String s) {
            if (!quiet) {
                err.print(s);
                err.flush();
            }
        }

        void end(String s) {
            if (!quiet) {
                err.println(s);
                err.flush();
            }
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
            if (day >= nextWeek - 1e-9 || day == followUp) {
                line(String.format(Locale.ROOT, "  biology: day %s of %s (treated and control)", fmt(day),
                        fmt(followUp)));
                while (nextWeek <= day + 1e-9) {
                    nextWeek += 7;
                }
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
    }
}
