package org.ecmsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecmsim.cli.sweep.StudyReport;
import org.ecmsim.study.StudyFile;
import org.ecmsim.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecmsim sweep STUDY.yaml}: runs a study (sweep, screening, optimisation) over a scenario. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        header = "Run a study: vary scenario keys over a design and collect metrics, sensitivity, Pareto front and"
            + " optimum.",
        description = {"Reads a study file (base scenario, keys to vary with units and ranges, design, metrics,"
            + " constraints, objectives, stop condition), checks it like a scenario, runs every run (one thread per"
            + " run, --parallel at once; results do not depend on it) and writes runs.csv, sensitivity.csv,"
            + " pareto.csv, optimum.yaml, study.json, PNG charts and report.html. See docs/user-guide.md, 'Studies'."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "STUDY.yaml", description = "the study file")
    private Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ecmsim-out/STUDY)")
    private Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "runs at once, one thread each (default: one per processor)")
    private Integer parallel;

    @Option(names = "--resume", description = "skip runs whose id is already in the output folder's runs.csv")
    private boolean resume;

    @Option(names = "--dry-run", description = "print the design and exit without running")
    private boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "no progress on standard error")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        int n = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel = " + n + " is invalid; give 1 or more");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        StudyFile study = StudyFile.read(studyFile);
        StudyRunner runner = new StudyRunner(study, n,
                StudyRunner.defaultFunction(study, StudyRunner.adaptive(study) ? n : 1));
        String design = runner.describe();
        if (dryRun) {
            stdout.print(design);
            stdout.flush();
            return Ecmsim.OK;
        }
        Path dir = out != null ? out : Path.of("ecmsim-out", study.name());
        if (!quiet) {
            err.printf(Locale.ROOT, "ecmsim %s: study %s -> %s (%d at once)%n", Ecmsim.version(), studyFile, dir, n);
            err.flush();
        }
        StudyRunner.Outcome o = runner.run(dir, resume, (done, total, ran, seconds) -> {
            if (quiet) {
                return;
            }
            double rate = ran / Math.max(seconds, 1e-9);
            String left = runner.adaptive() || ran == 0 ? "" : String.format(Locale.ROOT, ", about %s left",
                    duration((total - done) / rate));
            synchronized (err) {
                err.printf(Locale.ROOT, "  runs %d/%d%s, %.2f runs/s%s%n", done, total,
                        runner.adaptive() ? " (at most)" : "", rate, left);
                err.flush();
            }
        });
        List<String> charts = StudyReport.write(study, o, design, dir);
        long ok = o.runs().stream().filter(r -> r.result().hasMetrics()).count();
        stdout.printf(Locale.ROOT, "%d runs (%d run now, %d reused: resumed or repeated in the design), %d with"
                + " metrics%n", o.runs().size(), o.ran(), o.runs().size() - o.ran(), ok);
        if (o.optimum() >= 0) {
            StudyRunner.Run r = o.runs().get(o.optimum());
            StringBuilder sb = new StringBuilder("optimum: run " + r.index() + " (" + r.id() + ")");
            for (int i = 0; i < study.factors().size(); i++) {
                sb.append(", ").append(study.factors().get(i).key()).append(" = ")
                        .append(study.value(i, r.settings()[i]));
            }
            stdout.println(sb);
        }
        stdout.println("wrote " + dir.resolve("runs.csv") + ", sensitivity.csv, pareto.csv, "
                + (o.optimum() >= 0 ? "optimum.yaml, " : "") + "study.json, " + String.join(", ", charts)
                + (charts.isEmpty() ? "" : ", ") + "report.html");
        stdout.flush();
        return Ecmsim.OK;
    }

    private static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "?";
        }
        return s < 90 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }
}
