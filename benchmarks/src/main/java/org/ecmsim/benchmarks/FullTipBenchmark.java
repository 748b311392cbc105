package org.ecmsim.benchmarks;

import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.MemoryBudget;
import org.ecmsim.simulation.session.NeedleOutcome;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * One session of the default tip (7 × 7, 1 mm pitch, alternating rows, 30 mJ/pin in 100 ms, 400 ms cooling) in
 * full-tip mode, timed, with the outcome that the solver settings must not change: peak rise, corner and interior
 * zone width and depth, tip impedance, and how many potential solves the pulse took. Usage: {@code FullTipBenchmark
 * <cell µm> [whole|mirrored] [resolve interval ms] [potential tolerance] [threads] [re-solve threshold] [nocheck]}.
 * It prints the run's live-heap need and the heap to give with the serial collector
 * ({@link MemoryBudget#heapToGive}) first; {@code nocheck} turns the run's own memory check off, so that a heap
 * smaller than the need fails with an {@link OutOfMemoryError} where the run really runs out (to measure the smallest
 * heap that runs it: {@code java -XX:+UseSerialGC -Xmx<MiB>m ...}).
 */
public final class FullTipBenchmark {

    private FullTipBenchmark() {
    }

    /**
     * @param args cell size (µm), domain (whole or mirrored, default mirrored), re-solve interval (ms, default 2),
     *        potential tolerance (default 1e-10), threads (default 2), re-solve threshold (relative σ change,
     *        default {@link RfTreatmentSimulation#FULL_TIP_RESOLVE_THRESHOLD}; 0 solves at every interval),
     *        {@code nocheck} to turn the memory check off
     */
    public static void main(String[] args) {
        double um = Double.parseDouble(args[0]);
        boolean mirrored = args.length < 2 || !args[1].equals("whole");
        double resolve = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        double tol = args.length > 3 ? Double.parseDouble(args[3]) : 1e-10;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        double threshold = args.length > 5 ? Double.parseDouble(args[5])
                : RfTreatmentSimulation.FULL_TIP_RESOLVE_THRESHOLD;
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        LayeredSkin skin = SiteGeometry.agedSkin(LayeredSkin.facialSkin(), 50);
        double cell = Units.um(um);
        double depth = SiteGeometry.domainDepth(org.ecmsim.simulation.site.DomainDepth.DEFAULT, pass.needleDepth(),
                cell, 2);
        boolean check = args.length < 7 || !args[6].equals("nocheck");
        RfSettings settings = RfSettings.defaults().withResolveInterval(resolve * 1e-3).withPotentialTolerance(tol)
                .withMemoryCheck(check);
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            RfTreatmentSimulation.Builder b = mirrored
                    ? RfTreatmentSimulation.fullTipMirrored(skin, tip, cell, depth, SiteGeometry.DEFAULT_FULL_TIP_MARGIN)
                    : RfTreatmentSimulation.fullTip(skin, tip, cell, depth, SiteGeometry.DEFAULT_FULL_TIP_MARGIN);
            RfTreatmentSimulation sim = b.settings(settings).executor(ex).resolveThreshold(threshold)
                    .build();
            long before = MemoryBudget.liveNow();
            System.out.printf(Locale.ROOT, "memory: live before the run %.1f MiB, the run's need %.1f MiB, heap to"
                    + " give (serial collector) %d MiB; this JVM's maximum heap %.0f MiB (Runtime.maxMemory: with"
                    + " the serial collector -Xmx less one survivor space)%n",
                    before / 1048576.0, sim.memoryNeed() / 1048576.0,
                    MemoryBudget.heapToGive(before + sim.memoryNeed(), sim.largestArray()) >> 20,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            long t0 = System.nanoTime();
            RfTreatmentResult r = sim.run(List.of(pass));
            double s = (System.nanoTime() - t0) * 1e-9;
            List<NeedleOutcome> n = NeedleOutcome.of(r, tip);
            NeedleOutcome corner = n.get(0);
            NeedleOutcome centre = n.get(24);
            double[] z = r.pulses().get(0).impedance();
            CoagulationZone cz = centre.zone();
            // an interval without a solve repeats the previous interval's impedance exactly
            int solves = 1;
            for (int i = 1; i < z.length; i++) {
                solves += z[i] != z[i - 1] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%s µm %s resolve %.1f ms tol %.0e threshold %.3f threads %d:"
                    + " %d simulated cells, %.1f s, %d of %d intervals solved;"
                    + " peak rise %.4f K; centre needle zone width %.2f µm bottom %.2f µm, corner width %.2f µm;"
                    + " Z %.4f → %.4f Ω; energy %.6f J%n", args[0], mirrored ? "mirrored" : "whole", resolve, tol,
                    threshold, threads, sim.grid().cellCount(), s, solves, z.length,
                    r.thermal().peakTemperature().max() - Units.celsiusToKelvin(37),
                    cz.width() * 1e6, cz.bottom() * 1e6, corner.zone().width() * 1e6, z[0], z[z.length - 1],
                    r.deliveredEnergy());
        }
    }
}
