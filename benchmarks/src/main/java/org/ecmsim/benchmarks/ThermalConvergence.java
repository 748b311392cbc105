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
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Material;
import org.ecmsim.units.Units;

/**
 * Grid refinement of the default scenario's thermal phase (docs/validation.md, "Grid convergence of the default
 * thermal phase"): session 1 of the default course (7×7 bipolar tip in alternating rows, 1 mm pitch, 0.2 mm needles
 * 1.5 mm deep with 0.5 mm exposed, 30 mJ/pin over 100 ms, 400 ms of cooling; facial skin, age 50) on its unit cell,
 * built exactly as {@link RemodellingSimulation} builds it, at each cell size given. It prints, per cell size, the tip
 * impedance, the peak temperature and its rise above 37 °C, and the lethal zone (Henriques Ω ≥ 1) width, top, bottom
 * and volume; then each quantity's change from every size to half of it, when both were run.
 *
 * <p>Usage: {@code ThermalConvergence [options] <µm> [<µm> ...]}, e.g. {@code 50 25 12.5} (12.5 µm takes
 * minutes). A size may be a fraction, {@code 500/13}: sizes 500/n µm put the needle axis (at 500 µm) and the needle
 * point (at 1500 µm) on cell faces for every whole n, so a sweep over n shows how the results move with the way the
 * needle's circle falls on the grid. Options, before the sizes:
 * <ul>
 * <li>{@code --staircase}: needle faces at half a cell instead of the true needle surface
 * ({@code RfSettings.withTrueNeedleSurface(false)}); {@code --true-surface} is accepted and changes nothing;</li>
 * <li>{@code --fixed-sigma}: one potential solve at the start of the pulse instead of σ(T) every 2 ms (a
 * diagnostic: the result is not the default session's);</li>
 * <li>{@code --tissue-needle}: the needle conducts and stores heat like dermis (the reticular dermis's k and ρc)
 * while it keeps the steel's electrical conductivity (a diagnostic that leaves only the electric side of the
 * needle).</li>
 * </ul>
 */
public final class ThermalConvergence {

    private ThermalConvergence() {
    }

    /**
     * @param args options ({@code --staircase}, {@code --fixed-sigma}, {@code --tissue-needle}), then cell sizes
     *        (µm, or a fraction a/b of µm); each must divide the 1 mm pitch into at least 3 cells
     */
    public static void main(String[] args) {
        boolean surface = true;
        boolean fixedSigma = false;
        boolean tissueNeedle = false;
        int first = 0;
        for (; first < args.length && args[first].startsWith("--"); first++) {
            switch (args[first]) {
                case "--staircase" -> surface = false;
                case "--true-surface" -> surface = true;
                case "--fixed-sigma" -> fixedSigma = true;
                case "--tissue-needle" -> tissueNeedle = true;
                default -> {
                    System.err.println("unknown option " + args[first]);
                    System.exit(2);
                }
            }
        }
        if (first == args.length) {
            System.err.println("usage: ThermalConvergence [--staircase] [--fixed-sigma] [--tissue-needle]"
                    + " <cell size in µm, or a/b> [...], e.g. 50 25 12.5 or 500/13 250/13");
            System.exit(2);
        }
        Locale l = Locale.ROOT;
        Needle needle = defaultNeedle();
        if (tissueNeedle) {
            Material dermis = LayeredSkin.facialSkin().layers().stream()
                    .filter(layer -> layer.role() == LayerRole.RETICULAR_DERMIS).findFirst().orElseThrow().material();
            Material steel = needle.metal();
            needle = new Needle(needle.diameter(), needle.depth(), needle.exposedLength(),
                    new Material("needle with dermis's heat properties", dermis.density(), dermis.specificHeat(),
                            dermis.thermalConductivity(), 0.0, 0.0, steel.electricalConductivity(), 0.0));
        }
        ElectrodeArray tip = defaultTip(needle);
        RfPass pass = defaultPass();
        RfSettings settings = RfSettings.defaults().withTrueNeedleSurface(surface);
        if (fixedSigma) {
            settings = settings.withResolveInterval(pass.conductionTime());
        }
        List<double[]> rows = new ArrayList<>();
        System.out.println("| cell | cells | tip Z start → end (Ω) | peak (°C) | rise above 37 °C (K) | zone width (µm)"
                + " | zone top–bottom (mm) | zone volume (nl) | wall (s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String a : java.util.Arrays.copyOfRange(args, first, args.length)) {
            double um = parseMicrons(a);
            RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(50)
                    .cellSize(Units.um(um)).rfSettings(settings).build();
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
            System.out.printf(l, "| %s µm | %d | %.1f → %.1f | %.2f | %.2f | %.1f | %.3f–%.3f | %.1f | %.1f |%n",
                    trim(um), site.thermalGrid().cellCount(), z[0], z[z.length - 1], peak, peak - 37, r[3], r[4],
                    r[5], r[6], seconds);
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

    /** @return the default tip's needle: 0.2 mm wide, 1.5 mm long, 0.5 mm exposed */
    static Needle defaultNeedle() {
        return Needle.insulatedMillimetres(0.2, 1.5, 0.5);
    }

    /**
     * @param needle the needle
     * @return the default tip with that needle: 7 × 7, 1 mm pitch, bipolar in alternating rows
     */
    static ElectrodeArray defaultTip(Needle needle) {
        return ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
    }

    /** @return the default course's pass: 1.5 mm deep, 30 mJ/pin over 100 ms, 400 ms of cooling */
    static RfPass defaultPass() {
        return RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
    }

    /** @return a size in µm given as a number or as a fraction a/b */
    static double parseMicrons(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? Double.parseDouble(text)
                : Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
    }

    /** @return the coarse value's difference from the fine one, in per cent of the fine one */
    private static double pct(double coarse, double fine) {
        return 100 * (coarse - fine) / fine;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
