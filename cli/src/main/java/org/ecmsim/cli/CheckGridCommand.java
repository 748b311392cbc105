package org.ecmsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecmsim.cli.output.Summary;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioKeys;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.DomainDepth;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecmsim check-grid}: the first session's thermal phase of a scenario at its cell size and at a finer one,
 * and how much the outcomes move between them: the grid-refinement check of docs/validation.md R-15 for any
 * scenario.
 */
@Command(name = "check-grid", mixinStandardHelpOptions = true, versionProvider = Ecmsim.Version.class,
        header = "How far the first session's heating moves when the cells are made finer.",
        description = {"Runs the first session's thermal phase of the scenario (the unit cell, as 'run' does) at"
            + " numerics.cell_size and at that size divided by --finer, and prints the tip impedance, the peak"
            + " temperature, the lethal zone and the epidermis and fat peaks at both, with each change. A change"
            + " larger than --tolerance means the cell size is too coarse for these settings. Results also move by"
            + " a few per cent with where the needle falls among the cells (docs/validation.md R-15), so read a"
            + " change near the tolerance as borderline. Exit code 0 when both runs complete, whatever the"
            + " changes."})
final class CheckGridCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "the scenario (default: the built-in one)")
    private Path scenarioFile;

    @Option(names = "--finer", paramLabel = "F", defaultValue = "2",
            description = "divide the cell size by this whole number for the second run (default ${DEFAULT-VALUE};"
                    + " the second run has F³ times the cells)")
    private int finer;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "3",
            description = "largest change called converged, in per cent of the finer run's value (default"
                    + " ${DEFAULT-VALUE})")
    private double tolerance;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads; overrides numerics.threads (results do not depend on it)")
    private Integer threads;

    /** One run's outcomes. */
    private record Outcomes(double cellSize, long cells, double seconds, double impedance, double peak,
            CoagulationZone zone, double epidermisPeak, double fatPeak) {
    }

    @Override
    public Integer call() {
        Ecmsim.requireThreads(spec, threads);
        if (finer < 2 || finer > 8) {
            throw new ParameterException(spec.commandLine(), "--finer = " + finer + " is invalid; give a whole"
                    + " number from 2 to 8");
        }
        if (!(tolerance > 0) || tolerance > 100) {
            throw new ParameterException(spec.commandLine(), "--tolerance = " + tolerance + " % is invalid; give a"
                    + " percentage above 0 and at most 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario = scenarioFile == null ? Scenario.defaults() : ScenarioParser.parse(scenarioFile);
        for (String warning : scenario.warnings()) {
            err.println("ecmsim: warning: " + warning);
        }
        err.flush();
        TreatmentProtocol protocol = scenario.treatment().toProtocol();
        double deepest = 0;
        for (TreatmentSession s : protocol.sessions()) {
            for (RfPass p : s.passes()) {
                deepest = Math.max(deepest, p.needleDepth());
            }
        }
        double coarse = scenario.numerics().cellSize();
        double fine = coarse / finer;
        // The finer run keeps the scenario's biology cell, so both runs have the same domain (its depth is a whole
        // number of biology cells).
        int coarsening = scenario.numerics().biologyCoarsening();
        Grid3D fineGrid = SiteGeometry.thermalGrid(scenario.tip().toArray(), fine, SiteGeometry.domainDepth(
                DomainDepth.DEFAULT, deepest, fine, coarsening * finer));
        if (fineGrid.cellCount() > ScenarioParser.MAX_THERMAL_CELLS) {
            throw new Ecmsim.BadInputException(String.format(Locale.ROOT, "the finer run (%s) would have %d thermal"
                    + " cells, more than %d; use a smaller --finer or a coarser numerics.cell_size", um(fine),
                    fineGrid.cellCount(), ScenarioParser.MAX_THERMAL_CELLS));
        }
        int n = threads != null ? threads : scenario.numerics().threads();
        if (n == 0) {
            n = Runtime.getRuntime().availableProcessors();
        }
        out.printf(Locale.ROOT, "ecmsim check-grid: session 1's thermal phase of %s on %s and %s cells (the unit"
                + " cell; %d thread%s)%n", scenarioFile == null ? "the built-in default" : scenarioFile, um(coarse),
                um(fine), n, n == 1 ? "" : "s");
        if (scenario.numerics().domain() != Scenario.Domain.UNIT_CELL) {
            out.println("(numerics.domain asks for the whole tip as well; this check covers the unit cell, which the"
                    + " course runs on)");
        }
        out.flush();
        List<Outcomes> runs = new ArrayList<>();
        try (ParallelExecutor executor = n == 1 ? ParallelExecutor.serial() : new ParallelExecutor(n)) {
            for (int f : new int[] {1, finer}) {
                double size = coarse / f;
                runs.add(run(scenario, executor, size, coarsening * f, deepest, protocol.sessions().get(0)));
                Outcomes r = runs.get(runs.size() - 1);
                out.printf(Locale.ROOT, "  %s: %d cells, %.1f s%n", um(size), r.cells(), r.seconds());
                out.flush();
            }
        }
        report(out, runs.get(0), runs.get(1), coarsening);
        out.flush();
        return Ecmsim.OK;
    }

    private static Outcomes run(Scenario scenario, ParallelExecutor executor, double size, int coarsening,
            double deepest, TreatmentSession session) {
        long t0 = System.nanoTime();
        RemodellingSimulation sim = scenario.simulationBuilder(executor).cellSize(size).biologyCoarsening(coarsening)
                .build();
        TreatmentSite site = sim.site(deepest);
        RfTreatmentResult rf = sim.thermalPhase(site, session, null);
        return new Outcomes(size, site.thermalGrid().cellCount(), (System.nanoTime() - t0) * 1e-9,
                rf.pulses().get(0).impedance()[0], Units.kelvinToCelsius(rf.thermal().peakTemperature().max()),
                rf.largestZone(), Summary.regionPeak(rf, site.materialOf(LayerRole.EPIDERMIS)),
                Summary.regionPeak(rf, site.materialOf(LayerRole.SUBCUTANEOUS_FAT)));
    }

    /**
     * The table of both runs and the verdict on the quantities the tolerance applies to; when some are outside it,
     * the settings that would heat on the finer cells and keep the biology's (if the coarsening allows).
     */
    private void report(PrintWriter out, Outcomes c, Outcomes f, int coarsening) {
        double body = 37;
        out.println();
        out.printf(Locale.ROOT, "| quantity | %s | %s | change |%n", um(c.cellSize()), um(f.cellSize()));
        out.println("|---|---|---|---|");
        List<String> within = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        row(out, "tip impedance, start of the first pulse (Ω)", c.impedance(), f.impedance(), "%.1f", null, null);
        out.printf(Locale.ROOT, "| peak temperature (°C) | %.2f | %.2f | %+.2f K |%n", c.peak(), f.peak(),
                c.peak() - f.peak());
        row(out, "peak rise above 37 °C (K)", c.peak() - body, f.peak() - body, "%.2f", within, outside);
        boolean zones = c.zone().cells() > 0 && f.zone().cells() > 0;
        if (zones) {
            row(out, "lethal zone width (µm)", c.zone().width() * 1e6, f.zone().width() * 1e6, "%.1f", within,
                    outside);
            row(out, "lethal zone top (mm)", c.zone().top() * 1e3, f.zone().top() * 1e3, "%.3f", within, outside);
            row(out, "lethal zone bottom (mm)", c.zone().bottom() * 1e3, f.zone().bottom() * 1e3, "%.3f", within,
                    outside);
        } else {
            out.printf(Locale.ROOT, "| lethal zone (Ω ≥ 1) | %s | %s | – |%n", c.zone().cells() > 0 ? "yes" : "none",
                    f.zone().cells() > 0 ? "yes" : "none");
            if (c.zone().cells() > 0 || f.zone().cells() > 0) {
                outside.add("the lethal zone (present at one size only)");
            }
        }
        layerRow(out, "epidermis peak (°C)", c.epidermisPeak(), f.epidermisPeak());
        layerRow(out, "fat peak (°C)", c.fatPeak(), f.fatPeak());
        out.println();
        out.printf(Locale.ROOT, "Change: the %s value's difference from the %s one, in per cent of the %s one."
                + " Within %s %%: %s.%n", um(c.cellSize()), um(f.cellSize()), um(f.cellSize()), percent(),
                within.isEmpty() ? "none" : String.join(", ", within));
        if (outside.isEmpty()) {
            out.printf(Locale.ROOT, "Converged to %s %% for these settings at %s.%n", percent(),
                    um(c.cellSize()));
        } else {
            out.printf(Locale.ROOT, "Not within %s %%: %s. A finer numerics.cell_size would change these results by"
                    + " about that much.%n", percent(), String.join(", ", outside));
            int keep = coarsening * finer;
            if (keep <= Integer.parseInt(ScenarioKeys.BIOLOGY_COARSENING.max())) {
                out.printf(Locale.ROOT, "To heat on the %s cells and keep the biology on its %s cells, set"
                        + " numerics.cell_size: %s and numerics.biology_coarsening: %d (%d times the thermal cells;"
                        + " run check-grid on that file to see whether it is enough).%n", um(f.cellSize()),
                        um(c.cellSize() * coarsening), um(f.cellSize()).replace("µm", "um"), keep,
                        finer * finer * finer);
            }
        }
        out.println("Changes of a few per cent also come from where the needle falls among the cells, not only from"
                + " the cell size (docs/validation.md R-15).");
    }

    private void row(PrintWriter out, String name, double coarse, double fine, String format, List<String> within,
            List<String> outside) {
        double change = 100 * (coarse - fine) / fine;
        out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | %+.2f %% |%n", name, coarse, fine, change);
        if (within != null) {
            String label = name.substring(0, name.indexOf(" (")) + String.format(Locale.ROOT, " (%+.2f %%)", change);
            (Math.abs(change) <= tolerance ? within : outside).add(label);
        }
    }

    private static void layerRow(PrintWriter out, String name, double coarse, double fine) {
        if (Double.isNaN(coarse) || Double.isNaN(fine)) {
            out.printf(Locale.ROOT, "| %s | – | – | not in the domain |%n", name);
            return;
        }
        out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f K |%n", name, coarse, fine, coarse - fine);
    }

    /** @return the tolerance as given, without trailing zeros ("3", "0.5") */
    private String percent() {
        return new java.math.BigDecimal(Double.toString(tolerance)).stripTrailingZeros().toPlainString();
    }

    private static String um(double metres) {
        return trim(metres * 1e6) + " µm";
    }

    private static String trim(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
