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
import org.ecmsim.simulation.session.RfProgress;
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

    /**
     * The default biology cell: one thermal cell (50 µm with the default thermal cell), so that the default lesion
     * (lethal zone about 400 µm wide) spans about 8 biology cells; 2 × 2 × 2 thermal cells (100 µm) gave 4. Model
     * choice (issue 11: at least 5 cells across the lesion).
     */
    public static final int DEFAULT_BIOLOGY_COARSENING = 1;

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
    private final ClinicalParameters clinical;
    private final ThermalPhaseReuse thermalPhaseReuse;

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
        this.clinical = b.clinical;
        this.thermalPhaseReuse = b.thermalPhaseReuse;
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
         * How far the thermal phase of a session has come: forwarded from {@link RfProgress} after each
         * conductivity interval and each heat step of a pause or cooling time, between {@link #sessionStarted} and
         * {@link #sessionDone}.
         *
         * @param session index from 0
         * @param count number of sessions
         * @param pass the pass being run, from 0
         * @param pulse the pulse of that pass, from 0
         * @param interval conductivity intervals of that pulse done so far (1 … intervals)
         * @param intervals conductivity intervals of that pulse
         * @param time simulated time of the session done so far (s)
         * @param totalTime simulated time of the whole session (s); the last call of a session has time == totalTime
         */
        default void thermalProgress(int session, int count, int pass, int pulse, int interval, int intervals,
                double time, double totalTime) {
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

    ParallelExecutor executor() {
        return executor;
    }

    /** @return the constants of the clinical outcomes (contraction, downtime) */
    public ClinicalParameters clinicalParameters() {
        return clinical;
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
        return start(protocol, followUp, listener).finish();
    }

    /**
     * Starts the protocol, to be advanced event by event ({@link CourseRun#next()}); {@link #run} is
     * {@code start(...).finish()}.
     *
     * @param protocol the sessions
     * @param followUp the last time (s), not before the last session
     * @param listener told about the phases
     * @return the course at time 0, no event done
     */
    public CourseRun start(TreatmentProtocol protocol, double followUp, Listener listener) {
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
        return new CourseRun(this, protocol, followUp, listener, site, snapshotTimes, sampleInterval);
    }

    /**
     * Continues a course from a state taken by {@link CourseRun#snapshot()}: the continued run gives results bitwise
     * identical to a run that was never stopped. The simulation, protocol and follow-up must be those of the run the
     * state was taken from (the state's events are checked; every array's length is checked).
     *
     * @param protocol the sessions
     * @param followUp the last time (s)
     * @param listener told about the phases from here on ({@link Listener#started} is called again)
     * @param state the saved state
     * @return the course at the state's event
     * @throws java.io.IOException if the state belongs to another course or is damaged
     */
    public CourseRun resume(TreatmentProtocol protocol, double followUp, Listener listener, CourseState state)
            throws java.io.IOException {
        Objects.requireNonNull(state, "state");
        CourseRun run = start(protocol, followUp, listener);
        run.restore(state);
        return run;
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
        return thermalPhase(site, session, vessels, RfProgress.NONE);
    }

    /**
     * {@link #thermalPhase(TreatmentSite, TreatmentSession, ScalarField)} reporting its progress.
     *
     * @param site a site of this simulation
     * @param session the session
     * @param vessels the treated tissue's vessel field on the biology grid (0–1), or null for intact vessels
     * @param progress told how far the thermal phase has come (it does not change the result)
     * @return the RF and thermal result of the session
     */
    public RfTreatmentResult thermalPhase(TreatmentSite site, TreatmentSession session, ScalarField vessels,
            RfProgress progress) {
        return thermalPhase(site, session, vessels, progress, null);
    }

    /**
     * The thermal phase with an extra observer of its heat steps (null for none). A phase watched step by step is
     * always computed; one that is not may be recalled from the {@link Builder#thermalPhaseReuse} cache.
     */
    RfTreatmentResult thermalPhase(TreatmentSite site, TreatmentSession session, ScalarField vessels,
            RfProgress progress, org.ecmsim.thermal.StepListener steps) {
        if (thermalPhaseReuse != null && steps == null) {
            return Objects.requireNonNull(thermalPhaseReuse.thermalPhase(session, vessels,
                    () -> computeThermalPhase(site, session, vessels, progress, null)), "reused thermal phase");
        }
        return computeThermalPhase(site, session, vessels, progress, steps);
    }

    private RfTreatmentResult computeThermalPhase(TreatmentSite site, TreatmentSession session, ScalarField vessels,
            RfProgress progress, org.ecmsim.thermal.StepListener steps) {
        RfTreatmentSimulation.Builder b = site.rfSession().executor(executor).settings(rfSettings).progress(progress);
        if (steps != null) {
            b.stepListener(steps);
        }
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
     * @param p rate constants to use instead of this simulation's (for young layers; with aged layers the collagen
     *        loss they carry is not counted again, {@link SiteGeometry#onAgedLayers})
     * @return a biology model of the site at rest for this simulation's age and step
     */
    public RemodellingModel newModel(TreatmentSite site, BiologyParameters p) {
        return site.newModel(agedLayers ? SiteGeometry.onAgedLayers(p) : p, ageYears, biologyStep, executor);
    }

    static double[] onSite(double[] values, Grid3D bio, int[] offset) {
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

    static DepthProfile profile(double time, RemodellingModel treated, RemodellingModel control) {
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
        private ThermalPhaseReuse thermalPhaseReuse;
        private Function<LayerRole, LayerBaseline> baselines = LayerBaseline::forRole;
        private RfSettings rfSettings = RfSettings.defaults();
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private ArrheniusProcess cellDeath = ArrheniusProcess.HENRIQUES_SKIN;
        private ArrheniusProcess collagenDenaturation = ArrheniusProcess.MAITLAND_WALSH_COLLAGEN;
        private OutcomeRegions outcomeRegions = OutcomeRegions.DEFAULT;
        private NeedlePlacement placement = NeedlePlacement.DEFAULT;
        private ClinicalParameters clinical = ClinicalParameters.DEFAULTS;

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

        /**
         * @param value the constants of the clinical outcomes (default {@link ClinicalParameters#DEFAULTS})
         * @return this builder
         */
        public Builder clinicalParameters(ClinicalParameters value) {
            this.clinical = Objects.requireNonNull(value, "clinical parameters");
            return this;
        }

        /**
         * @param value asked for every session's thermal phase, to recall one computed before for the same inputs
         *        (studies that vary only biology rate constants); null (the default) computes every one
         * @return this builder
         */
        public Builder thermalPhaseReuse(ThermalPhaseReuse value) {
            this.thermalPhaseReuse = value;
            return this;
        }

        /** @return the simulation, with a copy of this builder's settings */
        public RemodellingSimulation build() {
            return new RemodellingSimulation(this);
        }
    }
}
