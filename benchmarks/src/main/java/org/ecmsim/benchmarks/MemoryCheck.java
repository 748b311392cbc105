package org.ecmsim.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.thermal.PerfusionScale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectricProblem;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.PotentialSolver;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.session.MemoryBudget;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.simulation.thermal.ThermalSimulation;
import org.ecmsim.thermal.AdiHeatSolver;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.BoundaryConditions;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * The live heap of the RF/thermal phase per thermal cell (issue 5, target 5: at most 150 bytes).
 *
 * <p><b>Scenario.</b> One pulse of the default tip (7×7 bipolar, 1 mm pitch, 0.2 mm needles 1.5 mm deep with 0.5 mm
 * exposed, 30 mJ per pin) on the unit cell of {@link RfTreatmentSimulation#unitCell}, facial skin 2.5 mm deep, with
 * the defaults of the default scenario's thermal phase: ADI steps of 1 ms, σ(T) re-solved every 2 ms, Henriques and
 * Maitland–Walsh damage, no time-above fields. The conduction time is 4 ms (two conductivity updates) and the cooling
 * 2 ms, so the run passes through every phase of a pulse (solve, Joule heating, heat steps, result) in a few seconds;
 * a longer pulse repeats the same phases with the same arrays. The cell size is 12.5 µm by default (80 × 80 × 200 =
 * 1.28 million cells, so that the per-cell arrays dominate the small per-plane and per-material tables).
 *
 * <p><b>Peak: smallest heap that runs it.</b> The peak live heap is measured as the smallest {@code -Xmx} at which the
 * run completes, found by bisection (to 2 MiB) over child JVMs started with the serial collector, whose full
 * collection compacts the whole heap before an {@link OutOfMemoryError} is thrown, so a run fails only if its live
 * data at some moment does not fit. The young generation is fixed at {@value #YOUNG_MIB} MiB ({@code -Xmn}) so that
 * the old generation is the rest of the heap. The child reports the live heap just before
 * {@link RfTreatmentSimulation#run} (after a full collection: classes' statics, the skin tissue and the builder), and
 * the peak of the thermal phase is {@code smallest -Xmx − young generation − live before the run}. This counts live
 * data only, never garbage not yet collected, and includes everything the run holds at its worst moment, including
 * arrays the breakdown below does not know of. The resolution is 2 MiB, about 1.6 bytes per cell at 12.5 µm.
 *
 * <p><b>Breakdown: retained heap per component.</b> A second child JVM (serial collector) builds the pieces of the
 * thermal phase one after the other, as {@code RfTreatmentSimulation.run} does, and reads the used heap after a full
 * collection ({@link System#gc()}, which with the serial collector leaves only live objects) before and after each:
 * the electrode layout, the tissue with needles painted in, the damage recorder (alone, then released), the
 * {@link ThermalSimulation} that the run builds (heat solver and recorder; the heat solver is the difference), the
 * electric solver before its first solve (operator, potential, sparse right-hand side, CG work vectors), what its
 * first solve adds (the multigrid hierarchy), and, with the electric solver released as the run releases it, the
 * result copies. The breakdown mirrors the order of allocation in
 * {@code RfTreatmentSimulation.run}; the bisection above is the authority if they ever disagree.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.ecmsim.benchmarks.MemoryCheck [cell size µm]
 * [threads] [perfused]} (defaults 12.5 and 2; {@code perfused} gives the run a perfusion scale of 0.5 everywhere,
 * as sessions after the first carry one, so that its copies are counted). The budget {@link MemoryBudget#THERMAL_BYTES_PER_CELL} is printed alongside.
 */
public final class MemoryCheck {

    /** Young generation of the child JVMs (MiB). */
    static final int YOUNG_MIB = 8;

    private static final String CHILD_PEAK = "--child-peak";
    private static final String CHILD_BREAKDOWN = "--child-breakdown";
    private static final int OUT_OF_MEMORY = 3;

    private MemoryCheck() {
    }

    /**
     * @param args [cell size (µm)] [threads], or a child mode (internal)
     * @throws Exception if a child JVM cannot be run
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD_PEAK)) {
            perfused = Boolean.parseBoolean(args[3]);
            System.exit(childPeak(Double.parseDouble(args[1]), Integer.parseInt(args[2])));
        }
        if (args.length > 0 && args[0].equals(CHILD_BREAKDOWN)) {
            perfused = Boolean.parseBoolean(args[3]);
            childBreakdown(Double.parseDouble(args[1]), Integer.parseInt(args[2]));
            return;
        }
        double cellUm = args.length > 0 ? Double.parseDouble(args[0]) : 12.5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        perfused = args.length > 2 && args[2].equals("perfused");
        long cells = builder(cellUm, ParallelExecutor.serial()).grid().cellCount();
        System.out.printf(Locale.ROOT, "memory check: unit cell of the default tip at %.4g µm, %d cells, %d threads%s%n",
                cellUm, cells, threads, perfused ? ", with a perfusion scale (a later session)" : "");

        Child breakdown = runChild(2048, CHILD_BREAKDOWN, cellUm, threads);
        System.out.print(breakdown.output);

        // Bisection on the heap size: lo fails, hi succeeds.
        int lo = YOUNG_MIB + 8;
        int hi = (int) Math.max(256, cells * 600 / (1 << 20));
        Child last = runChild(hi, CHILD_PEAK, cellUm, threads);
        if (!last.succeeded()) {
            throw new IllegalStateException("the run failed with -Xmx" + hi + "m:\n" + last.output);
        }
        Child success = last;
        while (hi - lo > 2) {
            int mid = (lo + hi) / 2;
            Child c = runChild(mid, CHILD_PEAK, cellUm, threads);
            System.out.printf(Locale.ROOT, "  -Xmx%dm: %s%n", mid, c.succeeded() ? "runs" : "out of memory");
            if (c.succeeded()) {
                hi = mid;
                success = c;
            } else if (c.exitCode == OUT_OF_MEMORY) {
                lo = mid;
            } else {
                throw new IllegalStateException("the run failed with -Xmx" + mid + "m:\n" + c.output);
            }
        }
        long before = Long.parseLong(value(success.output, "live-before-run"));
        long peak = ((long) hi - YOUNG_MIB) * (1L << 20) - before;
        System.out.printf(Locale.ROOT, "smallest heap that runs it: -Xmx%dm (young %d MiB, live before the run %.1f MiB)"
                + "%n", hi, YOUNG_MIB, before / 1048576.0);
        System.out.printf(Locale.ROOT, "peak live heap of the thermal phase: %.1f MiB = %.1f bytes per thermal cell"
                + " (± %.1f); budget %.0f bytes per cell%n", peak / 1048576.0, (double) peak / cells,
                2.0 * (1 << 20) / cells, MemoryBudget.THERMAL_BYTES_PER_CELL);
    }

    /** The scenario's builder (see the class description). */
    static RfTreatmentSimulation.Builder builder(double cellUm, ParallelExecutor executor) {
        RfTreatmentSimulation.Builder b = RfTreatmentSimulation.unitCell(LayeredSkin.facialSkin(), tip(),
                Units.um(cellUm), Units.mm(2.5)).executor(executor)
                // The measurement needs heaps below the budget: the run must not refuse them.
                .settings(RfSettings.defaults().withMemoryCheck(false));
        if (perfused) {
            b.perfusionScale(PerfusionScale.uniform(b.grid(), 0.5));
        }
        return b;
    }

    /** Whether the run carries a perfusion scale, as every session after the first does. */
    private static boolean perfused;

    static ElectrodeArray tip() {
        return ElectrodeArray.grid(7, 7, Units.mm(1.0), org.ecmsim.electric.Needle.insulatedMillimetres(0.2, 1.5, 0.5),
                ElectrodeArray.Pattern.ALTERNATING_ROWS);
    }

    static RfPass pass() {
        return RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 4, 2);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int childPeak(double cellUm, int threads) {
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            RfTreatmentSimulation sim = builder(cellUm, executor).build();
            RfPass pass = pass();
            System.out.println("live-before-run=" + liveHeap());
            try {
                RfTreatmentResult r = sim.run(List.of(pass));
                System.out.println("peak-temperature-C=" + Units.kelvinToCelsius(r.thermal().peakTemperature().max()));
                System.out.println("result-checksum=" + checksum(r));
                return 0;
            } catch (OutOfMemoryError e) {
                return OUT_OF_MEMORY;
            } catch (IllegalStateException e) {
                // MemoryBudget refused: the heap is too small by the budget's estimate; for the measurement this is
                // a run that did not fit.
                System.out.println("refused: " + e.getMessage());
                return OUT_OF_MEMORY;
            }
        }
    }

    /** A hash of every bit of the result's fields and pulse records: equal iff the results are bitwise equal. */
    static String checksum(RfTreatmentResult r) {
        org.ecmsim.simulation.thermal.ThermalRunResult t = r.thermal();
        long h = 17;
        List<double[]> fields = new ArrayList<>(List.of(t.temperature().values(), t.peakTemperature().values(),
                t.cem43().values()));
        t.omega().forEach(f -> fields.add(f.values()));
        r.pulses().forEach(p -> fields.add(p.impedance()));
        for (double[] f : fields) {
            h = 31 * h + java.util.Arrays.hashCode(f);
        }
        return Long.toHexString(h);
    }

    /** Retained heap of each component, built in the order of {@code RfTreatmentSimulation.run}. */
    private static void childBreakdown(double cellUm, int threads) {
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            RfTreatmentSimulation.Builder b = builder(cellUm, executor);
            Grid3D grid = b.grid();
            long cells = grid.cellCount();
            UnitCell unit = UnitCell.of(tip());
            Tissue tissue = LayeredSkin.facialSkin().toTissue(grid);
            Breakdown out = new Breakdown(cells);
            out.mark();
            ElectrodeLayout layout = new ElectrodeLayout(grid, unit.cellArray(), grid.lengthX() / 2,
                    grid.lengthY() / 2);
            out.add("electrode layout");
            Tissue withNeedles = layout.paint(tissue);
            out.add("tissue with needles (material map)");
            BioheatProblem heat = BioheatProblem.builder(withNeedles)
                    .boundaries(BoundaryConditions.skin(Units.celsiusToKelvin(37.0))).build();
            out.add("bioheat problem");
            out.section("thermal");
            org.ecmsim.damage.ThermalDoseRecorder recorder = new org.ecmsim.damage.ThermalDoseRecorder(grid,
                    ThermalSimulation.DEFAULT_PROCESSES, new double[0],
                    org.ecmsim.damage.ThermalDoseRecorder.DEFAULT_FLOOR_TEMPERATURE, executor);
            long recorderBytes = out.add("damage recorder (Ω × 2, CEM43, peak)");
            recorder = null;
            out.mark();
            ThermalSimulation thermal = ThermalSimulation.builder(heat).executor(executor).thresholdsCelsius()
                    .implicit(RfSettings.DEFAULT_TIME_STEP).build();
            long thermalBytes = out.add("thermal simulation: ADI heat solver + damage recorder");
            out.print("  of which the ADI heat solver", thermalBytes - recorderBytes);
            out.section("electric");
            ElectricProblem.Builder eb = ElectricProblem.builder(withNeedles, layout);
            eb.grounded(unit.grounded().toArray(new Face[0]));
            PotentialSolver electric = new PotentialSolver(eb.build(), executor);
            out.add("potential solver: operator, potential, CG vectors");
            electric.solve(thermal.solver().temperature().values());
            out.add("its first solve: the multigrid hierarchy");
            out.total("live during a pulse (the Joule heat goes to the solver)");
            out.section("end of the run (the electric solver released)");
            electric = null;
            out.mark();
            org.ecmsim.simulation.thermal.ThermalRunResult result = thermal.result();
            out.add("result copies (" + (result.omega().size() + 3) + " fields)");
            out.total("live at the end");
        }
    }

    /** Used heap after full collections, attributed to the step that changed it. */
    private static final class Breakdown {
        private final long cells;
        private final long start;
        private long used;

        Breakdown(long cells) {
            this.cells = cells;
            this.start = liveHeap();
            this.used = start;
            System.out.printf(Locale.ROOT, "%-56s %10s %8s%n", "retained heap by component", "MiB", "B/cell");
        }

        void mark() {
            used = liveHeap();
        }

        long add(String what) {
            long now = liveHeap();
            long bytes = now - used;
            print(what, bytes);
            used = now;
            return bytes;
        }

        void section(String name) {
            System.out.println("  [" + name + "]");
        }

        void total(String what) {
            print(what, used - start);
        }

        void print(String what, long bytes) {
            System.out.printf(Locale.ROOT, "  %-54s %10.1f %8.1f%n", what, bytes / 1048576.0, (double) bytes / cells);
        }
    }

    private record Child(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static Child runChild(int heapMib, String mode, double cellUm, int threads)
            throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx" + heapMib + "m",
                "-Xms" + heapMib + "m", "-Xmn" + YOUNG_MIB + "m", "-cp", System.getProperty("java.class.path"),
                MemoryCheck.class.getName(), mode, Double.toString(cellUm), Integer.toString(threads),
                Boolean.toString(perfused)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0 && output.contains("OutOfMemoryError")) {
            code = OUT_OF_MEMORY;
        }
        return new Child(code, output);
    }

    private static String value(String output, String key) {
        for (String line : output.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new IllegalStateException("no " + key + " in the child's output:\n" + output);
    }
}
