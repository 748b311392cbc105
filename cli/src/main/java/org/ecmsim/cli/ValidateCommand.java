package org.ecmsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecmsim.cli.verify.VerificationChecks;
import org.ecmsim.cli.verify.VerificationChecks.Check;
import org.ecmsim.parallel.ParallelExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecmsim validate}: fast verification and calibration checks, expected vs computed. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        header = "Verification and calibration checks, expected vs computed.",
        description = {"Runs fast verification and calibration checks through the public API (exact solutions and"
            + " published values; see docs/validation.md) and prints expected vs computed. Exit code 0 if all pass,"
            + " 1 if any fails."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads; 0 (the default) is one per processor, as for run")
    private Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Ecmsim.requireThreads(spec, threads);
        long start = System.nanoTime();
        List<Check> checks;
        try (ParallelExecutor ex = threads == null || threads == 0 ? null : new ParallelExecutor(threads)) {
            checks = VerificationChecks.runAll(ex == null ? ParallelExecutor.defaultExecutor() : ex);
        }
        out.println("ecmsim validate: verification and calibration checks (docs/validation.md)");
        out.println();
        out.printf(Locale.ROOT, "%-6s %-52s %-40s %-30s %s%n", "id", "check", "expected", "computed", "result");
        int failed = 0;
        for (Check c : checks) {
            out.printf(Locale.ROOT, "%-6s %-52s %-40s %-30s %s%n", c.id(), c.name(), c.expected(), c.computed(),
                    c.passed() ? "pass" : "FAIL");
            if (!c.passed()) {
                failed++;
            }
        }
        out.println();
        out.println("Sources:");
        String previous = "";
        for (Check c : checks) {
            if (!c.source().equals(previous)) {
                out.printf(Locale.ROOT, "  %-6s %s%n", c.id(), c.source());
            }
            previous = c.source();
        }
        out.printf(Locale.ROOT, "%n%s: %d of %d checks pass (%.1f s)%n", failed == 0 ? "OK" : "FAILED",
                checks.size() - failed, checks.size(), (System.nanoTime() - start) * 1e-9);
        out.flush();
        return failed == 0 ? Ecmsim.OK : Ecmsim.FAILURE;
    }
}
