package org.ecmsim.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.Species;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.PulseRecord;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.simulation.thermal.RegionSummary;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.units.Units;

/**
 * Turns a scenario into metrics: deterministic (the same scenario gives bit-identical metrics) and thread-safe (every
 * call builds its own simulation and by default runs it on the calling thread, {@link ParallelExecutor#serial()}, so
 * a study runs one scenario per thread; searches that run one scenario at a time may give each run several threads,
 * with the same metrics).
 *
 * <p>Metrics, each named with its unit:
 * <ul>
 * <li>{@code lesion_width_mm}, {@code lesion_top_mm}, {@code lesion_depth_mm} (depth of the lower edge),
 * {@code lesion_volume_mm3}: the lethal zone (Henriques cell death, Ω ≥ 1) of the largest needle zone, first session;
 * <li>{@code smooth_lesion_volume_mm3}: Σ (1 − e^(−Ω)) ΔV over the tissue cells of the thermal grid, first session.
 * The thermal grid is the tip's unit cell (one needle and its share of tissue), so this is <b>per needle</b>; it is a
 * smooth function of the settings where the Ω ≥ 1 volume jumps cell by cell, which the optimisers need;
 * <li>{@code peak_temperature_C}, {@code epidermis_peak_C}, {@code fat_peak_C}: highest over all sessions run;
 * <li>{@code epidermis_margin_C}, {@code fat_margin_C}: the scenario's safety limit − that peak (≥ 0 is safe);
 * <li>{@code impedance_start_ohm}, {@code impedance_end_ohm}: tip impedance at the start of the first pulse and at
 * the end of the last pulse of the first session;
 * <li>{@code energy_delivered_J}: energy delivered by the whole tip in the first session;
 * <li>course runs only: {@code <layer>_<species>_pct_vs_control} for the matrix components of every layer with a
 * biology, at the follow-up day (e.g. {@code papillary_dermis_collagen_i_pct_vs_control}).
 * </ul>
 */
public final class Evaluator {

    /** What a run simulates. */
    public enum Mode {
        /** The first session's RF and thermal phase only, no biology: seconds per run, for screening. */
        THERMAL_ONLY,
        /** The whole course: every session and the remodelling to the follow-up day. */
        COURSE
    }

    /** The names of the thermal metrics, in the order runs.csv lists them. */
    public static final List<String> THERMAL_METRICS = List.of("lesion_width_mm", "lesion_top_mm", "lesion_depth_mm",
            "lesion_volume_mm3", "smooth_lesion_volume_mm3", "peak_temperature_C", "epidermis_peak_C", "fat_peak_C",
            "epidermis_margin_C", "fat_margin_C", "impedance_start_ohm", "impedance_end_ohm", "energy_delivered_J");

    private static final double BOIL_K = Units.celsiusToKelvin(100);
    private static final double MM = 1e-3;

    private final Mode mode;
    private final BiologyParameters parameters;
    private final int threads;
    private final ThermalReuse reuse;

    /**
     * @param mode what each run simulates
     * @param parameters the biology rate constants of course runs, or null for the defaults
     */
    public Evaluator(Mode mode, BiologyParameters parameters) {
        this(mode, parameters, 1);
    }

    /**
     * An evaluator whose runs use several threads each: for searches that run one scenario at a time (root solve,
     * BOBYQA). The metrics do not depend on the thread count.
     *
     * @param mode what each run simulates
     * @param parameters the biology rate constants of course runs, or null for the defaults
     * @param threads threads per run (1: the calling thread only)
     */
    public Evaluator(Mode mode, BiologyParameters parameters, int threads) {
        this(mode, parameters, threads, null);
    }

    private Evaluator(Mode mode, BiologyParameters parameters, int threads, ThermalReuse reuse) {
        this.reuse = reuse;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.parameters = parameters;
        if (threads < 1) {
            throw new IllegalArgumentException("threads per run = " + threads + "; valid range 1 or more");
        }
        this.threads = threads;
    }

    /**
     * @param mode what each run simulates
     */
    public Evaluator(Mode mode) {
        this(mode, null);
    }

    /** @return what each run simulates */
    public Mode mode() {
        return mode;
    }

    /**
     * @param parameters other biology rate constants
     * @return an evaluator like this one with them
     */
    public Evaluator withParameters(BiologyParameters parameters) {
        return new Evaluator(mode, parameters, threads, reuse);
    }

    /**
     * An evaluator that reuses the first session's thermal phase of course runs from a cache, for runs that differ
     * only in their biology rate constants; the metrics are bitwise those of computing it ({@link ThermalReuse}).
     *
     * @param cache the cache (usually {@link ThermalReuse#SHARED}), or null to compute every thermal phase
     * @return an evaluator like this one with it
     */
    public Evaluator withThermalReuse(ThermalReuse cache) {
        return new Evaluator(mode, parameters, threads, cache);
    }

    /**
     * Runs the scenario; never throws for a scenario the simulation rejects or fails on.
     *
     * @param scenario a validated scenario
     * @return the status and metrics
     */
    public Evaluation evaluate(Scenario scenario) {
        if (threads == 1) {
            return evaluate(scenario, ParallelExecutor.serial());
        }
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            return evaluate(scenario, executor);
        }
    }

    private Evaluation evaluate(Scenario scenario, ParallelExecutor executor) {
        try {
            RemodellingSimulation.Builder b = scenario.simulationBuilder(executor);
            if (parameters != null) {
                b.parameters(parameters);
            }
            TreatmentProtocol protocol = scenario.treatment().toProtocol();
            if (reuse != null && mode == Mode.COURSE) {
                b.thermalPhaseReuse(reuse.forRun(scenario, protocol.sessions().get(0)));
            }
            RemodellingSimulation sim = b.build();
            Map<String, Double> m = new LinkedHashMap<>();
            List<RfTreatmentResult> sessions;
            TreatmentSite site;
            RemodellingResult course = null;
            if (mode == Mode.THERMAL_ONLY) {
                double deepest = scenario.tip().needleDepth();
                for (var p : protocol.sessions().get(0).passes()) {
                    deepest = Math.max(deepest, p.needleDepth());
                }
                site = sim.site(deepest);
                sessions = List.of(sim.thermalPhase(site, protocol.sessions().get(0), null));
            } else {
                TreatmentSite[] used = new TreatmentSite[1];
                course = sim.run(protocol, scenario.treatment().followUp(), new RemodellingSimulation.Listener() {
                    @Override
                    public void started(TreatmentSite s) {
                        used[0] = s;
                    }
                });
                site = used[0];
                sessions = course.sessions();
            }
            boolean boiling = thermalMetrics(scenario, site, sessions, m);
            if (course != null) {
                courseMetrics(course, m);
            }
            return new Evaluation(boiling ? Evaluation.BOILING : Evaluation.OK, m);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Evaluation.refused(String.valueOf(e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError e) {
            return Evaluation.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean thermalMetrics(Scenario scenario, TreatmentSite site, List<RfTreatmentResult> sessions,
            Map<String, Double> m) {
        RfTreatmentResult first = sessions.get(0);
        CoagulationZone zone = first.largestZone();
        boolean empty = zone == null || zone.cells() == 0;
        m.put("lesion_width_mm", empty ? 0.0 : zone.width() / MM);
        m.put("lesion_top_mm", empty ? Double.NaN : zone.top() / MM);
        m.put("lesion_depth_mm", empty ? Double.NaN : zone.bottom() / MM);
        m.put("lesion_volume_mm3", empty ? 0.0 : zone.volume() / 1e-9);
        m.put("smooth_lesion_volume_mm3", smoothVolume(first) / 1e-9);
        double peak = Double.NEGATIVE_INFINITY;
        double epi = Double.NaN;
        double fat = Double.NaN;
        int epiM = site.materialOf(LayerRole.EPIDERMIS);
        int fatM = site.materialOf(LayerRole.SUBCUTANEOUS_FAT);
        for (RfTreatmentResult rf : sessions) {
            peak = Math.max(peak, rf.thermal().peakTemperature().max());
            epi = worst(epi, regionPeak(rf, epiM));
            fat = worst(fat, regionPeak(rf, fatM));
        }
        m.put("peak_temperature_C", Units.kelvinToCelsius(peak));
        m.put("epidermis_peak_C", epi);
        m.put("fat_peak_C", fat);
        m.put("epidermis_margin_C", Units.kelvinToCelsius(scenario.safety().epidermisLimit()) - epi);
        m.put("fat_margin_C", Units.kelvinToCelsius(scenario.safety().fatLimit()) - fat);
        List<PulseRecord> pulses = first.pulses();
        double[] z0 = pulses.get(0).impedance();
        double[] z1 = pulses.get(pulses.size() - 1).impedance();
        m.put("impedance_start_ohm", z0.length == 0 ? Double.NaN : z0[0]);
        m.put("impedance_end_ohm", z1.length == 0 ? Double.NaN : z1[z1.length - 1]);
        m.put("energy_delivered_J", first.deliveredEnergy());
        return peak >= BOIL_K;
    }

    /** Σ (1 − e^(−Ω)) ΔV over the tissue (not needle) cells of the thermal grid (m³). */
    static double smoothVolume(RfTreatmentResult rf) {
        double[] omega = rf.zoneOmega().values();
        Grid3D g = rf.zoneOmega().grid();
        CellMask needles = rf.needles();
        double sum = 0;
        for (int c = 0; c < omega.length; c++) {
            if (!needles.contains(c)) {
                sum += -Math.expm1(-omega[c]);
            }
        }
        return sum * g.cellVolume();
    }

    private static double regionPeak(RfTreatmentResult rf, int material) {
        if (material < 0) {
            return Double.NaN;
        }
        RegionSummary r = rf.thermal().region(material);
        return r.cells() == 0 ? Double.NaN : Units.kelvinToCelsius(r.maxPeakTemperature());
    }

    private static double worst(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static void courseMetrics(RemodellingResult course, Map<String, Double> m) {
        for (LayerTimeSeries layer : course.layers()) {
            int last = layer.sampleCount() - 1;
            for (Species s : Species.values()) {
                if (s.isMatrix() && s != Species.DENATURED_COLLAGEN) {
                    m.put(slug(layer.layer()) + "_" + s.name().toLowerCase(Locale.ROOT) + "_pct_vs_control",
                            layer.percentVsControl(s, last));
                }
            }
        }
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
