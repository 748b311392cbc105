package org.ecmsim.cli.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.scenario.Scenario;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.simulation.DepthProfile;
import org.ecmsim.simulation.LayerTimeSeries;
import org.ecmsim.simulation.RemodellingResult;
import org.ecmsim.simulation.RemodellingSimulation;
import org.ecmsim.simulation.RfPass;
import org.ecmsim.simulation.RfTreatmentResult;
import org.ecmsim.simulation.TreatmentProtocol;
import org.ecmsim.simulation.TreatmentSession;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * Runs a scenario's course of sessions and the remodelling that follows, against the untreated control.
 *
 * <p>This is {@link RemodellingSimulation#run} driven piece by piece through its public {@link
 * RemodellingSimulation.Site}: the same events in the same order with the same calls (so the same numbers, bit for
 * bit; {@code CourseRunnerTest} checks it), with two additions the one-call run does not offer: progress between the
 * phases, and copies of the 3-D biology fields on the snapshot days. Keep it in step with {@code run} if that changes.
 */
public final class CourseRunner {

    /** Hears about the phases as they happen; all methods are called on the running thread. */
    public interface Progress {
        /**
         * @param session index from 0
         * @param count number of sessions
         * @param day day of the session (d)
         */
        default void sessionStarted(int session, int count, double day) {
        }

        /**
         * @param session index from 0
         * @param result its RF and thermal result
         * @param seconds wall-clock time of the thermal phase (s)
         */
        default void sessionDone(int session, RfTreatmentResult result, double seconds) {
        }

        /**
         * Called after the biology reaches each sampled day.
         *
         * @param day the day reached (d)
         * @param followUp the last day (d)
         */
        default void biologyReached(double day, double followUp) {
        }
    }

    /**
     * Every biology field on one snapshot day.
     *
     * @param day the day (d)
     * @param treated the treated fields, per species, on the biology grid (species units)
     * @param control the control's
     */
    public record BiologySnapshot(double day, Map<Species, double[]> treated, Map<Species, double[]> control) {
    }

    /**
     * @param scenario the scenario run
     * @param result the core result: time series, profiles, sessions, mass budgets
     * @param thermalGrid the unit-cell grid of the thermal phases
     * @param thermalLayers the skin layer (material index) of every thermal cell, needles not painted
     * @param needle the needle cells of the first pass, on the thermal grid
     * @param layerNames material names by index
     * @param biologyGrid the biology grid (blocks of thermal cells)
     * @param biologyLayers the layer of every biology cell
     * @param snapshots the biology fields on the snapshot days
     * @param thermalSeconds wall-clock time of each session's thermal phase (s)
     * @param totalSeconds wall-clock time of the whole run (s)
     */
    public record Outcome(Scenario scenario, RemodellingResult result, Grid3D thermalGrid, MaterialMap thermalLayers,
            CellMask needle, List<String> layerNames, Grid3D biologyGrid, MaterialMap biologyLayers,
            List<BiologySnapshot> snapshots, double[] thermalSeconds, double totalSeconds) {
    }

    private CourseRunner() {
    }

    /**
     * @param scenario a validated scenario
     * @param executor the threads to use
     * @param progress where to report phases
     * @return the outcome
     */
    public static Outcome run(Scenario scenario, ParallelExecutor executor, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        BiologyParameters parameters = BiologyParameters.defaults();
        RemodellingSimulation sim = simulation(scenario, executor);
        TreatmentProtocol protocol = scenario.treatment().toProtocol();
        double followUpDay = scenario.treatment().followUpDays();
        double sampleEvery = scenario.output().sampleEvery() / Units.DAY;
        List<Double> snapshotDays = new ArrayList<>();
        for (double d : scenario.output().snapshotDaysInDays()) {
            snapshotDays.add(d);
        }
        ElectrodeArray tip = scenario.tip().toArray();
        RemodellingSimulation.Site site = sim.site(maxNeedleDepth(tip, protocol));
        RemodellingModel treated = site.newModel(parameters);
        RemodellingModel control = site.newModel(parameters);

        // The event loop of RemodellingSimulation.run, call for call.
        TreeSet<Double> sampleDays = new TreeSet<>();
        long samples = (long) Math.floor(followUpDay / sampleEvery + 1e-9);
        for (long s = 0; s <= samples; s++) {
            sampleDays.add(s * sampleEvery);
        }
        sampleDays.add(followUpDay);
        TreeSet<Double> events = new TreeSet<>(sampleDays);
        for (TreatmentSession s : protocol.sessions()) {
            events.add(s.day());
        }
        for (double d : snapshotDays) {
            if (d <= followUpDay) {
                events.add(d);
            }
        }
        List<RfTreatmentResult> sessions = new ArrayList<>();
        double[] thermalSeconds = new double[protocol.sessions().size()];
        Recorder recorder = new Recorder(site.tissue(), site.layers());
        List<DepthProfile> profiles = new ArrayList<>();
        List<BiologySnapshot> snapshots = new ArrayList<>();
        for (double day : events) {
            double dt = day * Units.DAY - treated.time();
            if (dt > 1e-6) {
                treated.advance(dt);
                control.advance(dt);
            }
            for (TreatmentSession s : protocol.sessions()) {
                if (s.day() == day) {
                    int index = sessions.size();
                    progress.sessionStarted(index, protocol.sessions().size(), day);
                    long t0 = System.nanoTime();
                    RfTreatmentResult rf = site.thermalPhase(s, treated.field(Species.VESSELS));
                    thermalSeconds[index] = (System.nanoTime() - t0) * 1e-9;
                    sessions.add(rf);
                    treated.applyInsult(site.insult(rf, parameters));
                    progress.sessionDone(index, rf, thermalSeconds[index]);
                }
            }
            if (sampleDays.contains(day)) {
                recorder.sample(day, treated, control);
                progress.biologyReached(day, followUpDay);
            }
            if (snapshotDays.contains(day)) {
                profiles.add(profile(day, treated, control));
                snapshots.add(new BiologySnapshot(day, copy(treated), copy(control)));
            }
        }
        List<MatrixLedger> balances = new ArrayList<>();
        for (Species s : Species.values()) {
            if (s.isMatrix()) {
                balances.add(treated.ledger(s));
            }
        }
        RemodellingResult result = new RemodellingResult(scenario.skin().ageYears(), recorder.series(), profiles,
                sessions, balances);
        Tissue tissue = site.tissue();
        Grid3D grid = tissue.grid();
        RfPass first = protocol.sessions().get(0).passes().get(0);
        ElectrodeArray cell = UnitCell.of(tip.withNeedle(tip.needle().withDepth(first.needleDepth()))).cellArray();
        CellMask needle = new ElectrodeLayout(grid, cell, grid.lengthX() / 2, grid.lengthY() / 2).metal();
        List<String> names = tissue.materials().stream().map(m -> m.name()).toList();
        return new Outcome(scenario, result, grid, tissue.materialMap().copy(), needle, names, site.biologyGrid(),
                site.layers(), snapshots, thermalSeconds, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * @param scenario the scenario
     * @param executor threads
     * @return the core simulation the scenario describes
     */
    public static RemodellingSimulation simulation(Scenario scenario, ParallelExecutor executor) {
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), scenario.tip().toArray())
                .ageYears(scenario.skin().ageYears())
                .agedLayers(scenario.skin().agedLayers())
                .cellSize(scenario.numerics().cellSize())
                .biologyStepHours(scenario.numerics().biologyStep() / Units.HOUR)
                .sampleEveryDays(scenario.output().sampleEvery() / Units.DAY)
                .snapshotDays(scenario.output().snapshotDaysInDays())
                .executor(executor)
                .build();
    }

    private static double maxNeedleDepth(ElectrodeArray tip, TreatmentProtocol protocol) {
        double d = tip.needle().depth();
        for (TreatmentSession s : protocol.sessions()) {
            for (RfPass p : s.passes()) {
                d = Math.max(d, p.needleDepth());
            }
        }
        return d;
    }

    private static Map<Species, double[]> copy(RemodellingModel model) {
        Map<Species, double[]> m = new EnumMap<>(Species.class);
        for (Species s : Species.values()) {
            m.put(s, model.field(s).values().clone());
        }
        return m;
    }

    private static DepthProfile profile(double day, RemodellingModel treated, RemodellingModel control) {
        Grid3D g = treated.grid();
        double[] depths = new double[g.nz()];
        for (int k = 0; k < g.nz(); k++) {
            depths[k] = g.z(k);
        }
        return new DepthProfile(day, depths, planeMeans(treated), planeMeans(control));
    }

    private static Map<Species, double[]> planeMeans(RemodellingModel model) {
        Grid3D g = model.grid();
        Map<Species, double[]> out = new EnumMap<>(Species.class);
        int plane = g.strideZ();
        for (Species s : Species.values()) {
            double[] v = model.field(s).values();
            double[] mean = new double[g.nz()];
            for (int k = 0; k < g.nz(); k++) {
                double sum = 0;
                for (int c = k * plane; c < (k + 1) * plane; c++) {
                    sum += v[c];
                }
                mean[k] = sum / plane;
            }
            out.put(s, mean);
        }
        return out;
    }

    /** The per-layer means at each sampling day, as RemodellingSimulation records them. */
    private static final class Recorder {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> layerIndex = new ArrayList<>();
        private final MaterialMap layers;
        private final List<Double> days = new ArrayList<>();
        private final List<Map<Species, List<Double>>> treated = new ArrayList<>();
        private final List<Map<Species, List<Double>>> control = new ArrayList<>();

        Recorder(Tissue tissue, MaterialMap layers) {
            this.layers = layers;
            for (int m = 0; m < tissue.materialCount(); m++) {
                String name = tissue.materials().get(m).name();
                if (!LayerBaseline.forLayer(name).equals(LayerBaseline.NONE) && layers.count(m) > 0) {
                    names.add(name);
                    layerIndex.add(m);
                    treated.add(new EnumMap<>(Species.class));
                    control.add(new EnumMap<>(Species.class));
                }
            }
        }

        void sample(double day, RemodellingModel t, RemodellingModel c) {
            days.add(day);
            for (int l = 0; l < names.size(); l++) {
                int m = layerIndex.get(l);
                for (Species s : Species.values()) {
                    treated.get(l).computeIfAbsent(s, k -> new ArrayList<>()).add(mean(t, s, m));
                    control.get(l).computeIfAbsent(s, k -> new ArrayList<>()).add(mean(c, s, m));
                }
            }
        }

        private double mean(RemodellingModel model, Species s, int layer) {
            double[] v = model.field(s).values();
            double sum = 0;
            int count = 0;
            for (int c = 0; c < v.length; c++) {
                if (layers.get(c) == layer) {
                    sum += v[c];
                    count++;
                }
            }
            return sum / count;
        }

        List<LayerTimeSeries> series() {
            double[] d = days.stream().mapToDouble(Double::doubleValue).toArray();
            List<LayerTimeSeries> out = new ArrayList<>();
            for (int l = 0; l < names.size(); l++) {
                out.add(new LayerTimeSeries(names.get(l), d, toArrays(treated.get(l)), toArrays(control.get(l))));
            }
            return out;
        }

        private static Map<Species, double[]> toArrays(Map<Species, List<Double>> m) {
            Map<Species, double[]> out = new EnumMap<>(Species.class);
            m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            return out;
        }
    }
}
