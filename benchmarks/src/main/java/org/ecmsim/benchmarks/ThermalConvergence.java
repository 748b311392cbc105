package org.ecmsim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Grid refinement of the default scenario's thermal phase (docs/validation.md, "Grid convergence of the default
 * thermal phase"): session 1 of the default course (7×7 bipolar tip in alternating rows, 1 mm pitch, 0.2 mm needles
 * 1.5 mm deep with 0.5 mm exposed, 30 mJ/pin over 100 ms, 400 ms of cooling; facial skin, age 50) on its unit cell,
 * built exactly as {@link RemodellingSimulation} builds it, at each cell size given. It prints, per cell size, the tip
 * impedance, the peak temperature and its rise above 37 °C, and the lethal zone (Henriques Ω ≥ 1) width, top, bottom
 * and volume; then each quantity's change from every size to half of it, when both were run.
 *
 * <p>Usage: {@code ThermalConvergence [--staircase] <µm> [<µm> ...]}, e.g. {@code 50 25 12.5} (12.5 µm takes
 * minutes); the default settings put the needle faces at the true needle surface, {@code --staircase} turns that off
 * ({@code RfSettings.withTrueNeedleSurface(false)}). {@code --true-surface} is accepted and changes nothing.
 */
public final class ThermalConvergence {

    private ThermalConvergence() {
    }

    /**
     * @param args optionally {@code --staircase}, then cell sizes (µm); each must divide the 1 mm pitch into at
     *        least 3 cells
     */
    public static void main(String[] args) {
        boolean flag = args.length > 0 && (args[0].equals("--staircase") || args[0].equals("--true-surface"));
        boolean surface = !(flag && args[0].equals("--staircase"));
        if (args.length == (flag ? 1 : 0)) {
            System.err.println("usage: ThermalConvergence [--staircase] <cell size in µm> [...], e.g. 50 25 12.5");
            System.exit(2);
        }
        Locale l = Locale.ROOT;
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        List<double[]> rows = new ArrayList<>();
        System.out.println("| cell | cells | tip Z start → end (Ω) | peak (°C) | rise above 37 °C (K) | zone width (µm)"
                + " | zone top–bottom (mm) | zone volume (nl) | wall (s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String a : java.util.Arrays.copyOfRange(args, flag ? 1 : 0, args.length)) {
            double um = Double.parseDouble(a);
            RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(50)
                    .cellSize(Units.um(um)).rfSettings(RfSettings.defaults().withTrueNeedleSurface(surface)).build();
            long t0 = System.nanoTime();
            TreatmentSite site = sim.site(pass.needleDepth());
            RfTreatmentResult rf = sim.thermalPhase(site, TreatmentSession.onDay(0, List.of(pass)), null);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double[] z = rf.pulses().get(0).impedance();
            double peak = Units.kelvinToCelsius(rf.thermal().peakTemperature().max());
            CoagulationZone zone = rf.largestZone();
            double[] r = {um, z[0], peak - 37, zone.width() * 1e6, zone.top() * 1e3, zone.bottom() * 1e3,
                zone.volume() * 1e12};
            rows.add(r);
            System.out.printf(l, "| %s µm | %d | %.1f → %.1f | %.2f | %.2f | %.1f | %.3f–%.3f | %.1f | %.1f |%n", a,
                    site.thermalGrid().cellCount(), z[0], z[z.length - 1], peak, peak - 37, r[3], r[4], r[5], r[6],
                    seconds);
        }
        System.out.println();
        System.out.println("| h → h/2 | tip Z start | rise above 37 °C | zone width | zone top | zone bottom |");
        System.out.println("|---|---|---|---|---|---|");
        for (double[] coarse : rows) {
            for (double[] fine : rows) {
                if (Math.abs(fine[0] - coarse[0] / 2) < 1e-9) {
                    System.out.printf(l, "| %s → %s µm | %+.1f %% | %+.1f %% | %+.1f %% | %+.1f %% | %+.1f %% |%n",
                            trim(coarse[0]), trim(fine[0]), pct(coarse[1], fine[1]), pct(coarse[2], fine[2]),
                            pct(coarse[3], fine[3]), pct(coarse[4], fine[4]), pct(coarse[5], fine[5]));
                }
            }
        }
    }

    /** @return the coarse value's difference from the fine one, in per cent of the fine one */
    private static double pct(double coarse, double fine) {
        return 100 * (coarse - fine) / fine;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
