package org.ecmsim.simulation.course;

import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.Reductions;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.internal.Checks;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.session.RfSettings;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.simulation.site.DomainDepth;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * A course of RF-microneedling sessions and the weeks of remodelling that follow, against an untreated control.
 *
 * <p>The site is one unit cell of the tip ({@link TreatmentSite}), which stands for the treated skin under an
 * interior needle. At each session the thermal phase runs on the tissue as it is then: the perfusion of every
 * thermal cell is scaled by the vessel state of the biology (vessels coagulated at an earlier session and not yet
 * regrown carry less blood); nothing else of the remodelling feeds back into the physics (matrix changes of a few per
 * cent do not move the thermal or electrical properties measurably, and no source quantifies that link). The heat
 * then becomes a {@link ThermalInsult} on the biology grid, a coarsening of the thermal grid by whole blocks, so that
 * cell and matrix fractions transfer conservatively; the treated and the control tissue advance side by side with
 * the same steps.
 *
 * <p>Every time in this API is in seconds ({@link Units#DAY} converts). The settings are copied at
 * {@link Builder#build()}.
 */
public final class RemodellingSimulation {

    /** The default biology cell: 2 × 2 × 2 thermal cells. */
    public static final int DEFAULT_BIOLOGY_COARSENING = 2;

    private final LayeredSkin skin;
    private final ElectrodeArray tip;
    private final double ageYears;
    private final boolean agedLayers;
    private final double cellSize;
    private final DomainDepth domainDepth;
    private final int coarsening;
    private final double biologyStep;
    private final double sampleInterval;
    private final List<Double> snapshotTimes;
    private final BiologyParameters parameters;
    private final Function<LayerRole, LayerBaseline> baselines;
    private final RfSettings rfSettings;
    private final ArrheniusProcess cellDeath;
    private final ArrheniusProcess collagenDenaturation;
    private final ParallelExecutor executor;
    private final OutcomeRegions outcomeRegions;
    private final NeedlePlacement placement;

    private RemodellingSimulation(Builder b) {
        this.skin = b.skin;
        this.tip = b.tip;
        this.ageYears = b.ageYears;
        this.agedLayers = b.agedLayers;
        this.cellSize = b.cellSize;
        this.domainDepth = b.domainDepth;
        this.coarsening = b.coarsening;
        this.biologyStep = b.biologyStep;
        this.sampleInterval = b.sampleInterval;
        this.snapshotTimes = b.snapshotTimes;
        this.parameters = b.parameters;
        this.baselines = b.baselines;
        this.cellDeath = b.cellDeath;
        this.collagenDenaturation = b.collagenDenaturation;
        this.rfSettings = b.rfSettings.withProcesses(List.of(b.cellDeath, b.collagenDenaturation), b.cellDeath);
        this.executor = b.executor;
        this.outcomeRegions = b.outcomeRegions;
        this.placement = b.placement;
    }

    /**
     * @param skin the skin layers (of a 25-year-old if the layers are to be aged)
     * @param tip the needle array (a regular array: the site is its unit cell)
     * @return a builder with the defaults: age 50, 50 µm thermal cells, domain 1 mm deeper than the needles,
     *         biology cells of 2 × 2 × 2 thermal cells, 1 h biology steps, samples every day, the default RF settings,
     *         Henriques cell death and Maitland–Walsh collagen denaturation
     */
    public static Builder builder(LayeredSkin skin, ElectrodeArray tip) {
        return new Builder(skin, tip);
    }

    /**
     * Hears about a run as it happens, on the running thread: for progress reports and for keeping more than the
     * result holds (e.g. the 3-D biology fields on the snapshot times). Every method does nothing by default.
     */
    public interface Listener {
        /**
         * @param site the site the run uses (grids, layers, tissue)
         */
        default void started(TreatmentSite site) {
        }

        /**
         * @param session index from 0
         * @param count number of sessions
         * @param time time of the session (s)
         */
        default void sessionStarted(int session, int count, double time) {
        }

        /**
         * @param session index from 0
         * @param result its RF and thermal result
         */
        default void sessionDone(int session, RfTreatmentResult result) {
        }

        /**
         * @param time a sampling time just recorded (s)
         * @param followUp the last time (s)
         */
        default void sampled(double time, double followUp) {
        }

        /**
         * @param time a snapshot time (s)
         * @param treated the treated tissue's model (read only, valid during the call)
         * @param control the control's model (read only, valid during the call)
         */
        default void snapshot(double time, RemodellingModel treated, RemodellingModel control) {
        }
    }

    /** @return the RF settings every session uses (with the damage processes of this course) */
    public RfSettings rfSettings() {
        return rfSettings;
    }

    /** @return the damage process whose Ω gives the killed cell fraction */
    public ArrheniusProcess cellDeathProcess() {
        return cellDeath;
    }

    /** @return the damage process whose Ω gives the denatured collagen fraction */
    public ArrheniusProcess collagenDenaturationProcess() {
        return collagenDenaturation;
    }

    /** @return the biology rate constants */
    public BiologyParameters parameters() {
        return parameters;
    }

    /** @return how the outcome regions are drawn */
    public OutcomeRegions outcomeRegions() {
        return outcomeRegions;
    }

    /** @return where each session's needle grid lands */
    public NeedlePlacement placement() {
        return placement;
    }

    /** @return the age at the first session (years) */
    public double ageYears() {
        return ageYears;
    }

    /**
     * Runs the protocol to the follow-up time.
     *
     * @param protocol the sessions
     * @param followUp the last time (s), not before the last session
     * @return the result
     */
    public RemodellingResult run(TreatmentProtocol protocol, double followUp) {
        return run(protocol, followUp, new Listener() {
        });
    }

    /**
     * Runs the protocol to the follow-up time, telling a listener about each phase.
     *
     * @param protocol the sessions
     * @param followUp the last time (s), not before the last session
     * @param listener told about the phases
     * @return the result
     */
    public RemodellingResult run(TreatmentProtocol protocol, double followUp, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        requireFinitePositive("follow-up time", followUp, "s");
        for (TreatmentSession s : protocol.sessions()) {
            if (s.time() > followUp) {
                throw new IllegalArgumentException("a session at " + s.time() + " s (day " + s.time() / Units.DAY
                        + ") comes after the follow-up at " + followUp + " s (day " + followUp / Units.DAY + ")");
            }
        }
        TreatmentSite site = site(deepestNeedle(protocol));
        listener.started(site);
        RemodellingModel treated = newModel(site);
        RemodellingModel control = newModel(site);

        // Sampling times are whole multiples of the interval, not accumulated sums.
        TreeSet<Double> sampleTimes = new TreeSet<>();
        long samples = (long) Math.floor(followUp / sampleInterval + 1e-9);
        for (long s = 0; s <= samples; s++) {
            sampleTimes.add(s * sampleInterval);
        }
        sampleTimes.add(followUp);
        TreeSet<Double> events = new TreeSet<>(sampleTimes);
        for (TreatmentSession s : protocol.sessions()) {
            events.add(s.time());
        }
        for (double t : snapshotTimes) {
            if (t <= followUp) {
                events.add(t);
            }
        }
        List<RfTreatmentResult> sessions = new ArrayList<>();
        Recorder recorder = new Recorder(site);
        OutcomeRecorder outcomes = new OutcomeRecorder(site, outcomeRegions);
        Grid3D bio = site.biologyGrid();
        List<DepthProfile> profiles = new ArrayList<>();
        for (double time : events) {
            double dt = time - treated.time();
            if (dt > 1e-6) {
                treated.advance(dt);
                control.advance(dt);
            }
            for (TreatmentSession s : protocol.sessions()) {
                if (s.time() == time) {
                    listener.sessionStarted(sessions.size(), protocol.sessions().size(), time);
                    // The session is solved in its needles' frame; its insult lands on the site shifted by the
                    // placement offset (NeedlePlacement), and it sees the vessels shifted back into its frame.
                    int[] off = placement.offset(sessions.size(), bio.nx(), bio.ny());
                    ScalarField vessels = new ScalarField(bio, NeedlePlacement.shift(
                            treated.field(Species.VESSELS).values(), bio.nx(), bio.ny(), bio.nz(), -off[0], -off[1]));
                    RfTreatmentResult rf = thermalPhase(site, s, vessels);
                    sessions.add(rf);
                    ThermalInsult hit = insult(site, s, rf);
                    treated.applyInsult(new ThermalInsult(bio, onSite(hit.killed(), bio, off),
                            onSite(hit.denatured(), bio, off), onSite(hit.heatShock(), bio, off)));
                    outcomes.addSession(onSite(site.damagedFraction(rf.thermal(), cellDeath), bio, off),
                            onSite(site.damagedFraction(rf.thermal(), collagenDenaturation), bio, off));
                    listener.sessionDone(sessions.size() - 1, rf);
                }
            }
            if (sampleTimes.contains(time)) {
                recorder.sample(time, treated, control);
                outcomes.sample(time, treated, control);
                listener.sampled(time, followUp);
            }
            if (snapshotTimes.contains(time)) {
                profiles.add(profile(time, treated, control));
                listener.snapshot(time, treated, control);
            }
        }
        List<MatrixLedger> balances = new ArrayList<>();
        List<MatrixLedger> controlBalances = new ArrayList<>();
        for (Species s : Species.values()) {
            if (s.isMatrix()) {
                balances.add(treated.ledger(s));
                controlBalances.add(control.ledger(s));
            }
        }
        return new RemodellingResult(ageYears, recorder.series(), profiles, sessions, balances, controlBalances,
                outcomes.outcomes(), outcomes.overlaps());
    }

    /**
     * The treated site as this simulation sets it up, for studies that drive the pieces themselves (calibration,
     * sensitivity): with {@link #thermalPhase}, {@link #insult} and {@link #newModel} they repeat what
     * {@link #run} does, step by step.
     *
     * @param deepestNeedle the deepest needle depth the site must hold (m)
     * @return the site
     */
    public TreatmentSite site(double deepestNeedle) {
        double depth = SiteGeometry.domainDepth(domainDepth, deepestNeedle, cellSize, coarsening);
        LayeredSkin s = agedLayers ? SiteGeometry.agedSkin(skin, ageYears) : skin;
        return SiteGeometry.unitCell(s, tip, cellSize, depth, coarsening, baselines);
    }

    /**
     * @param site a site of this simulation
     * @param session the session
     * @param vessels the treated tissue's vessel field on the biology grid (0–1), or null for intact vessels
     * @return the RF and thermal result of the session
     */
    public RfTreatmentResult thermalPhase(TreatmentSite site, TreatmentSession session, ScalarField vessels) {
        RfTreatmentSimulation.Builder b = site.rfSession().executor(executor).settings(rfSettings);
        if (vessels != null) {
            b.perfusionScale(site.perfusionScale(vessels));
        }
        return b.build().run(session.passes());
    }

    /**
     * @param site a site of this simulation
     * @param rf a session's result on it
     * @return the insult on the biology grid, with this simulation's damage processes and heat-shock dose scale
     */
    public ThermalInsult insult(TreatmentSite site, RfTreatmentResult rf) {
        return site.insult(rf.thermal(), cellDeath, collagenDenaturation, parameters.heatShock().doseScaleMinutes());
    }

    /**
     * A session's whole insult: the heat's ({@link #insult(TreatmentSite, RfTreatmentResult)}) and the needle track's.
     * The needles kill the cells in their path (a wound whatever the energy, {@link TreatmentSite#needleTrack}):
     * killed = 1 − (1 − killed_heat)(1 − track), so that a session at 0 mJ is microneedling alone.
     *
     * @param site a site of this simulation
     * @param session the session (its passes' needle depths place the track)
     * @param rf the session's result on the site
     * @return the insult on the biology grid
     */
    public ThermalInsult insult(TreatmentSite site, TreatmentSession session, RfTreatmentResult rf) {
        ThermalInsult heat = insult(site, rf);
        double[] depths = session.passes().stream().mapToDouble(RfPass::needleDepth).toArray();
        double[] track = site.needleTrack(depths);
        double[] killed = heat.killed().clone();
        for (int c = 0; c < killed.length; c++) {
            killed[c] = Math.min(1.0, 1 - (1 - killed[c]) * (1 - track[c]));
        }
        return new ThermalInsult(heat.grid(), killed, heat.denatured(), heat.heatShock());
    }

    /**
     * @param site a site of this simulation
     * @return a biology model of the site at rest for this simulation's age, parameters and step
     */
    public RemodellingModel newModel(TreatmentSite site) {
        return newModel(site, parameters);
    }

    /**
     * @param site a site of this simulation
     * @param p rate constants to use instead of this simulation's
     * @return a biology model of the site at rest for this simulation's age and step
     */
    public RemodellingModel newModel(TreatmentSite site, BiologyParameters p) {
        return site.newModel(p, ageYears, biologyStep, executor);
    }

    private static double[] onSite(double[] values, Grid3D bio, int[] offset) {
        return NeedlePlacement.shift(values, bio.nx(), bio.ny(), bio.nz(), offset[0], offset[1]);
    }

    private double deepestNeedle(TreatmentProtocol protocol) {
        double d = tip.needle().depth();
        for (TreatmentSession s : protocol.sessions()) {
            for (RfPass p : s.passes()) {
                d = Math.max(d, p.needleDepth());
            }
        }
        return d;
    }

    private static DepthProfile profile(double time, RemodellingModel treated, RemodellingModel control) {
        Grid3D g = treated.grid();
        double[] depths = new double[g.nz()];
        for (int k = 0; k < g.nz(); k++) {
            depths[k] = g.z(k);
        }
        return new DepthProfile(time, depths, planeMeans(treated), planeMeans(control));
    }

    private static Map<Species, double[]> planeMeans(RemodellingModel model) {
        Map<Species, double[]> out = new EnumMap<>(Species.class);
        for (Species s : Species.values()) {
            out.put(s, Reductions.planeMeans(model.field(s).values(), model.grid()));
        }
        return out;
    }

    /** Collects the per-layer means at each sampling time, for the layers with a biology. */
    private static final class Recorder {
        private final List<String> names = new ArrayList<>();
        private final List<LayerRole> roles = new ArrayList<>();
        private final List<Integer> layerIndex = new ArrayList<>();
        private final MaterialMap layers;
        private final List<Double> times = new ArrayList<>();
        private final List<Map<Species, List<Double>>> treated = new ArrayList<>();
        private final List<Map<Species, List<Double>>> control = new ArrayList<>();

        Recorder(TreatmentSite site) {
            this.layers = site.biologyLayers();
            for (int m = 0; m < site.tissue().materialCount(); m++) {
                if (!site.baselines().get(m).equals(LayerBaseline.NONE) && layers.count(m) > 0) {
                    names.add(site.tissue().materials().get(m).name());
                    roles.add(site.roles().get(m));
                    layerIndex.add(m);
                    treated.add(new EnumMap<>(Species.class));
                    control.add(new EnumMap<>(Species.class));
                }
            }
        }

        void sample(double time, RemodellingModel t, RemodellingModel c) {
            times.add(time);
            for (int l = 0; l < names.size(); l++) {
                int m = layerIndex.get(l);
                for (Species s : Species.values()) {
                    treated.get(l).computeIfAbsent(s, k -> new ArrayList<>())
                            .add(Reductions.materialMean(t.field(s).values(), layers, m));
                    control.get(l).computeIfAbsent(s, k -> new ArrayList<>())
                            .add(Reductions.materialMean(c.field(s).values(), layers, m));
                }
            }
        }

        List<LayerTimeSeries> series() {
            double[] d = times.stream().mapToDouble(Double::doubleValue).toArray();
            List<LayerTimeSeries> out = new ArrayList<>();
            for (int l = 0; l < names.size(); l++) {
                out.add(new LayerTimeSeries(names.get(l), roles.get(l), d, toArrays(treated.get(l)),
                        toArrays(control.get(l))));
            }
            return out;
        }

        private static Map<Species, double[]> toArrays(Map<Species, List<Double>> m) {
            Map<Species, double[]> out = new EnumMap<>(Species.class);
            m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            return out;
        }
    }

    /**
     * Builder of {@link RemodellingSimulation}. {@link #build()} copies the settings: changing the builder afterwards
     * does not change a simulation already built.
     */
    public static final class Builder {
        private final LayeredSkin skin;
        private final ElectrodeArray tip;
        private double ageYears = 50;
        private boolean agedLayers;
        private double cellSize = Units.um(50);
        private DomainDepth domainDepth = DomainDepth.DEFAULT;
        private int coarsening = DEFAULT_BIOLOGY_COARSENING;
        private double biologyStep = Units.HOUR;
        private double sampleInterval = Units.DAY;
        private List<Double> snapshotTimes = List.of();
        private BiologyParameters parameters = BiologyParameters.defaults();
        private Function<LayerRole, LayerBaseline> baselines = LayerBaseline::forRole;
        private RfSettings rfSettings = RfSettings.defaults();
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private ArrheniusProcess cellDeath = ArrheniusProcess.HENRIQUES_SKIN;
        private ArrheniusProcess collagenDenaturation = ArrheniusProcess.MAITLAND_WALSH_COLLAGEN;
        private OutcomeRegions outcomeRegions = OutcomeRegions.DEFAULT;
        private NeedlePlacement placement = NeedlePlacement.DEFAULT;

        private Builder(LayeredSkin skin, ElectrodeArray tip) {
            this.skin = Objects.requireNonNull(skin, "skin");
            this.tip = Objects.requireNonNull(tip, "tip");
        }

        /**
         * @param years age at the first session (years), 18–100
         * @return this builder
         */
        public Builder ageYears(double years) {
            this.ageYears = Checks.requireInRange("age", years, 18, 100, "years");
            return this;
        }

        /**
         * @param on thin the epidermis and dermis for the age (Branchet 1990; {@link SiteGeometry#agedSkin})
         * @return this builder
         */
        public Builder agedLayers(boolean on) {
            this.agedLayers = on;
            return this;
        }

        /**
         * @param metres thermal cell size (m); the tip pitch must be a whole number of cells
         * @return this builder
         */
        public Builder cellSize(double metres) {
            this.cellSize = requireFinitePositive("cell size", metres, "m");
            return this;
        }

        /**
         * @param rule how deep the domain reaches (default {@link DomainDepth#DEFAULT}, 1 mm below the deepest
         *        needle); rounded up to whole biology cells
         * @return this builder
         */
        public Builder domainDepth(DomainDepth rule) {
            this.domainDepth = Objects.requireNonNull(rule, "domain depth");
            return this;
        }

        /**
         * @param f biology cell = f × f × f thermal cells (the largest divisor ≤ f is used)
         * @return this builder
         */
        public Builder biologyCoarsening(int f) {
            if (f < 1) {
                throw new IllegalArgumentException("biology coarsening = " + f + " is invalid; it must be ≥ 1");
            }
            this.coarsening = f;
            return this;
        }

        /**
         * @param seconds biology time step (s)
         * @return this builder
         */
        public Builder biologyStep(double seconds) {
            this.biologyStep = requireFinitePositive("biology step", seconds, "s");
            return this;
        }

        /**
         * @param seconds sampling interval of the time series (s)
         * @return this builder
         */
        public Builder sampleInterval(double seconds) {
            this.sampleInterval = requireFinitePositive("sampling interval", seconds, "s");
            return this;
        }

        /**
         * @param seconds times at which to keep depth profiles (s)
         * @return this builder
         */
        public Builder snapshotTimes(double... seconds) {
            List<Double> list = new ArrayList<>();
            for (double t : seconds) {
                list.add(Checks.requireFiniteNonNegative("snapshot time", t, "s"));
            }
            this.snapshotTimes = List.copyOf(list);
            return this;
        }

        /**
         * @param value rate constants
         * @return this builder
         */
        public Builder parameters(BiologyParameters value) {
            this.parameters = Objects.requireNonNull(value, "parameters");
            return this;
        }

        /**
         * @param value resting state by layer role (default {@link LayerBaseline#forRole})
         * @return this builder
         */
        public Builder baselines(Function<LayerRole, LayerBaseline> value) {
            this.baselines = Objects.requireNonNull(value, "baselines");
            return this;
        }

        /**
         * @param value how each session is solved; its damage processes are replaced by this course's
         * @return this builder
         */
        public Builder rfSettings(RfSettings value) {
            this.rfSettings = Objects.requireNonNull(value, "RF settings");
            return this;
        }

        /**
         * @param death the process whose Ω gives the killed cell fraction (default Henriques skin)
         * @param collagen the process whose Ω gives the denatured collagen fraction (default Maitland–Walsh)
         * @return this builder
         */
        public Builder damageProcesses(ArrheniusProcess death, ArrheniusProcess collagen) {
            this.cellDeath = Objects.requireNonNull(death, "cell-death process");
            this.collagenDenaturation = Objects.requireNonNull(collagen, "collagen process");
            return this;
        }

        /**
         * @param value threads
         * @return this builder
         */
        public Builder executor(ParallelExecutor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * @param value how the outcome regions (lesion, rim, biopsy, dermis) are drawn (default
         *        {@link OutcomeRegions#DEFAULT})
         * @return this builder
         */
        public Builder outcomeRegions(OutcomeRegions value) {
            this.outcomeRegions = Objects.requireNonNull(value, "outcome regions");
            return this;
        }

        /**
         * @param value where each session's needle grid lands relative to the first's (default
         *        {@link NeedlePlacement#DEFAULT}: reproducible random offsets)
         * @return this builder
         */
        public Builder placement(NeedlePlacement value) {
            this.placement = Objects.requireNonNull(value, "placement");
            return this;
        }

        /** @return the simulation, with a copy of this builder's settings */
        public RemodellingSimulation build() {
            return new RemodellingSimulation(this);
        }
    }
}
