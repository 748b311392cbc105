package org.ecmsim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.simulation.course.CourseRun;
import org.ecmsim.simulation.course.CourseState;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Soak check (issue 15): a long course — six sessions four weeks apart, followed to day 168 (24 weeks) — with the
 * default tip (7×7 bipolar, 1 mm pitch, 30 mJ per pin, needles 1.5 mm deep with 0.5 mm exposed) at the default
 * 50 µm cells and 1 h biology steps, checked after every session and at the end for:
 * <ul>
 * <li>non-finite values in any biology field, treated or control;</li>
 * <li>drift of the untreated control: its change of mass per species since day 0, which should be the aging drift
 * alone (the control starts at rest for its age);</li>
 * <li>the mass balance of every matrix component (treated and control): |imbalance| / mass;</li>
 * <li>heap growth: used heap after a full GC at each session, against the session results the course keeps by
 * design (each session's thermal fields);</li>
 * <li>the size and time of a checkpoint ({@link CourseRun#snapshot()}).</li>
 * </ul>
 * It prints a table and exits with status 1 if a value is not finite or a mass balance is off by more than 1e-9.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.ecmsim.benchmarks.SoakCheck [threads]}.
 */
public final class SoakCheck {

    private SoakCheck() {
    }

    /**
     * @param args optional: the thread count (default 2)
     * @throws Exception if the course fails
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Needle needle = new Needle(Units.mm(0.2), Units.mm(1.5), Units.mm(0.5), Needle.STAINLESS_STEEL);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = new RfPass(Units.mm(1.5), new Drive.EnergyPerPin(Units.mJ(30)), Units.ms(100), 1, 0.0,
                Units.ms(400));
        TreatmentProtocol protocol = TreatmentProtocol.repeated(6, 28 * Units.DAY, List.of(pass));
        double followUp = 168 * Units.DAY;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        boolean ok = true;
        try (ParallelExecutor executor = threads == 1 ? ParallelExecutor.serial() : new ParallelExecutor(threads)) {
            RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip)
                    .cellSize(Units.um(50)).biologyStep(Units.HOUR).executor(executor).build();
            CourseRun run = sim.start(protocol, followUp, new RemodellingSimulation.Listener() {
            });
            Map<Species, Double> control0 = masses(run.control());
            long heap0 = usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "soak check: 6 sessions every 28 d, follow-up 168 d, 50 um cells, 1 h"
                    + " biology steps, %d threads; biology grid %s; used heap after GC at day 0: %.1f MiB%n", threads,
                    run.control().grid(), heap0 / 1048576.0);
            System.out.println("| day | sessions | non-finite | control drift: largest change since day 0 (species)"
                    + " | max mass imbalance / mass | used heap after GC (MiB) | growth since day 0 (MiB) |"
                    + " kept session fields (MiB) |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            int sessions = 0;
            while (run.hasNext()) {
                run.next();
                if (run.sessionsDone() == sessions && run.hasNext()) {
                    continue;
                }
                sessions = run.sessionsDone();
                long nonFinite = nonFinite(run.treated()) + nonFinite(run.control());
                Map<Species, Double> now = masses(run.control());
                Species worst = null;
                double drift = 0;
                for (Species s : Species.values()) {
                    double base = control0.get(s);
                    double d = base == 0 ? Math.abs(now.get(s)) : Math.abs(now.get(s) / base - 1);
                    if (worst == null || d > drift) {
                        worst = s;
                        drift = d;
                    }
                }
                double imbalance = Math.max(imbalance(run.treated()), imbalance(run.control()));
                long heap = usedAfterGc(memory);
                double kept = 0;
                for (RfTreatmentResult rf : run.sessions()) {
                    kept += fieldBytes(rf.thermal());
                }
                System.out.printf(Locale.ROOT, "| %.0f | %d | %d | %.4f %% (%s) | %.1e | %.1f | %.1f | %.1f |%n",
                        run.time() / Units.DAY, sessions, nonFinite, 100 * drift, worst, imbalance,
                        heap / 1048576.0, (heap - heap0) / 1048576.0, kept / 1048576.0);
                ok &= nonFinite == 0 && imbalance < 1e-9;
            }
            System.out.println();
            System.out.println("Control change since day 0 at day 168, per species (aging drift only expected):");
            Map<Species, Double> end = masses(run.control());
            StringBuilder line = new StringBuilder();
            for (Species s : Species.values()) {
                double base = control0.get(s);
                line.append(String.format(Locale.ROOT, "  %s %s", s.name().toLowerCase(Locale.ROOT),
                        base == 0 ? String.format(Locale.ROOT, "%.3g (from 0)", end.get(s))
                                : String.format(Locale.ROOT, "%+.4f %%", 100 * (end.get(s) / base - 1))));
            }
            System.out.println(line.toString().strip());
            double[] seconds = new double[3];
            byte[] bytes = null;
            for (int i = 0; i < seconds.length; i++) {
                long t0 = System.nanoTime();
                CourseState state = run.snapshot();
                bytes = state.toBytes();
                seconds[i] = (System.nanoTime() - t0) * 1e-9;
            }
            System.out.printf(Locale.ROOT, "checkpoint at the end: %.1f MiB, taken and serialised in %.3f s (first"
                    + " time), %.3f s (third)%n", bytes.length / 1048576.0, seconds[0], seconds[2]);
        }
        System.out.printf(Locale.ROOT, "wall clock %.1f s; %s%n", (System.nanoTime() - start) * 1e-9,
                ok ? "PASS: all values finite, every mass balance closes below 1e-9" : "FAIL");
        System.exit(ok ? 0 : 1);
    }

    private static Map<Species, Double> masses(RemodellingModel m) {
        Map<Species, Double> out = new EnumMap<>(Species.class);
        for (Species s : Species.values()) {
            out.put(s, m.mass(s));
        }
        return out;
    }

    private static long nonFinite(RemodellingModel m) {
        long n = 0;
        for (Species s : Species.values()) {
            for (double v : m.field(s).values()) {
                if (!Double.isFinite(v)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double imbalance(RemodellingModel m) {
        double worst = 0;
        for (Species s : Species.values()) {
            if (s.isMatrix()) {
                MatrixLedger l = m.ledger(s);
                double scale = Math.max(Math.abs(l.current()), Math.abs(l.initial()));
                if (scale > 0) {
                    worst = Math.max(worst, Math.abs(l.imbalance()) / scale);
                }
            }
        }
        return worst;
    }

    private static double fieldBytes(ThermalRunResult t) {
        int fields = 3 + t.omega().size() + t.timeAbove().size(); // temperature, peak, CEM43, Ω, time above
        return 8.0 * t.temperature().values().length * fields;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
