package org.ecmsim.simulation;

import static org.ecmsim.units.Checks.requireFinitePositive;

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
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.BlockCoarsening;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Checks;
import org.ecmsim.units.Units;

/**
 * A course of RF-microneedling sessions and the weeks of remodelling that follow, against an untreated control.
 *
 * <p>The site is one unit cell of the tip ({@link RfTreatmentSimulation#unitCell}), which stands for the treated
 * skin under an interior needle. At each session the thermal phase runs on the tissue as it is then: the perfusion of
 * every thermal cell is scaled by the vessel state of the biology (vessels coagulated at an earlier session and not
 * yet regrown carry less blood); nothing else of the remodelling feeds back into the physics (matrix changes of a
 * few per cent do not move the thermal or electrical properties measurably, and no source quantifies that link).
 * The heat then becomes a {@link ThermalInsult} on the biology grid, a coarsening of the thermal grid by whole
 * blocks, so that cell and matrix fractions transfer conservatively; the treated and the control tissue advance side
 * by side with the same steps.
 */
public final class RemodellingSimulation {

    private final Builder b;

    private RemodellingSimulation(Builder b) {
        this.b = b;
    }

    /**
     * @param skin the skin layers
     * @param tip the needle array (a regular array: the site is its unit cell)
     * @return a builder with the defaults: age 50, 50 µm thermal cells, domain 1 mm deeper than the needles,
     *         biology cells of 2 × 2 × 2 thermal cells, 1 h biology steps, samples every day
     */
    public static Builder builder(LayeredSkin skin, ElectrodeArray tip) {
        return new Builder(skin, tip);
    }

    /**
     * Hears about a run as it happens, on the running thread: for progress reports and for keeping more than the
     * result holds (e.g. the 3-D biology fields on the snapshot days). Every method does nothing by default.
     */
    public interface Listener {
        /**
         * @param site the site the run uses (grids, layers, tissue)
         */
        default void started(Site site) {
        }

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
         */
        default void sessionDone(int session, RfTreatmentResult result) {
        }

        /**
         * @param day a sampling day just recorded (d)
         * @param followUpDay the last day (d)
         */
        default void sampled(double day, double followUpDay) {
        }

        /**
         * @param day a snapshot day (d)
         * @param treated the treated tissue's model (read only, valid during the call)
         * @param control the control's model (read only, valid during the call)
         */
        default void snapshot(double day, RemodellingModel treated, RemodellingModel control) {
        }
    }

    /**
     * Runs the protocol to the follow-up day.
     *
     * @param protocol the sessions
     * @param followUpDay the last day (d), after the last session
     * @return the result
     */
    public RemodellingResult run(TreatmentProtocol protocol, double followUpDay) {
        return run(protocol, followUpDay, new Listener() {
        });
    }

    /**
     * Runs the protocol to the follow-up day, telling a listener about each phase.
     *
     * @param protocol the sessions
     * @param followUpDay the last day (d), after the last session
     * @param listener told about the phases
     * @return the result
     */
    public RemodellingResult run(TreatmentProtocol protocol, double followUpDay, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        requireFinitePositive("follow-up day", followUpDay, "d");
        for (TreatmentSession s : protocol.sessions()) {
            if (s.day() > followUpDay) {
                throw new IllegalArgumentException("session on day " + s.day() + " comes after the follow-up day "
                        + followUpDay);
            }
        }
        Site site = site(maxNeedleDepth(protocol));
        listener.started(site);
        RemodellingModel treated = site.newModel(b.parameters);
        RemodellingModel control = site.newModel(b.parameters);

        TreeSet<Double> sampleDays = new TreeSet<>();
        long samples = (long) Math.floor(followUpDay / b.sampleEvery + 1e-9);
        for (long s = 0; s <= samples; s++) {
            sampleDays.add(s * b.sampleEvery);
        }
        sampleDays.add(followUpDay);
        TreeSet<Double> events = new TreeSet<>(sampleDays);
        for (TreatmentSession s : protocol.sessions()) {
            events.add(s.day());
        }
        for (double d : b.snapshotDays) {
            if (d <= followUpDay) {
                events.add(d);
            }
        }
        List<RfTreatmentResult> sessions = new ArrayList<>();
        Recorder recorder = new Recorder(site.tissue, site.layers, site.baselines);
        List<DepthProfile> profiles = new ArrayList<>();
        for (double day : events) {
            double dt = day * Units.DAY - treated.time();
            if (dt > 1e-6) {
                treated.advance(dt);
                control.advance(dt);
            }
            for (TreatmentSession s : protocol.sessions()) {
                if (s.day() == day) {
                    listener.sessionStarted(sessions.size(), protocol.sessions().size(), day);
                    RfTreatmentResult rf = site.thermalPhase(s, treated.field(Species.VESSELS));
                    sessions.add(rf);
                    treated.applyInsult(site.insult(rf, b.parameters));
                    listener.sessionDone(sessions.size() - 1, rf);
                }
            }
            if (sampleDays.contains(day)) {
                recorder.sample(day, treated, control);
                listener.sampled(day, followUpDay);
            }
            if (b.snapshotDays.contains(day)) {
                profiles.add(profile(day, treated, control));
                listener.snapshot(day, treated, control);
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
        return new RemodellingResult(b.ageYears, recorder.series(), profiles, sessions, balances, controlBalances);
    }

    /**
     * The treated site as this simulation sets it up, for studies that drive the pieces themselves (calibration,
     * sensitivity): the unit-cell grid and tissue, the biology grid and layers, the thermal phase of a session and
     * the insult it causes.
     *
     * @param needleDepth the deepest needle depth the site must hold (m)
     * @return the site
     */
    public Site site(double needleDepth) {
        double depth = b.depth > 0 ? b.depth : needleDepth + Units.mm(1.0);
        // Whole blocks of f cells; the small slack keeps 2.5 mm / 50 µm / 2 = 25.000000000000004 at 25.
        depth = Math.ceil(depth / b.cellSize / b.factor - 1e-9) * b.factor * b.cellSize;
        LayeredSkin skin = b.agedLayers ? aged(b.skin, b.ageYears) : b.skin;
        return new Site(skin, depth);
    }

    /** The treated site: see {@link RemodellingSimulation#site(double)}. */
    public final class Site {
        private final LayeredSkin skin;
        private final double depth;
        private final BlockCoarsening coarsening;
        private final Tissue tissue;
        private final MaterialMap layers;
        private final List<LayerBaseline> baselines = new ArrayList<>();

        private Site(LayeredSkin skin, double depth) {
            this.skin = skin;
            this.depth = depth;
            Grid3D probe = RfTreatmentSimulation.unitCell(skin, b.tip, b.cellSize, depth).grid();
            this.coarsening = BlockCoarsening.largestDividing(probe, b.factor);
            this.tissue = skin.toTissue(probe);
            this.layers = majority(tissue, coarsening);
            for (Material m : tissue.materials()) {
                baselines.add(b.baselines.apply(m.name()));
            }
        }

        /** @return the biology grid */
        public Grid3D biologyGrid() {
            return coarsening.coarse();
        }

        /** @return the layer (material index) of every biology cell */
        public MaterialMap layers() {
            return layers.copy();
        }

        /** @return the tissue of the thermal grid (without needles) */
        public Tissue tissue() {
            return tissue;
        }

        /**
         * @param parameters rate constants
         * @return a biology model of the site at rest for the simulation's age
         */
        public RemodellingModel newModel(BiologyParameters parameters) {
            RemodellingModel m = new RemodellingModel(coarsening.coarse(), layers, baselines, parameters,
                    b.ageYears, b.executor);
            m.setTimeStep(b.biologyStep);
            return m;
        }

        /**
         * @param session the session
         * @param vessels the treated tissue's vessel field on the biology grid (0–1), or null for intact vessels
         * @return the RF and thermal result of the session
         */
        public RfTreatmentResult thermalPhase(TreatmentSession session, ScalarField vessels) {
            RfTreatmentSimulation.Builder rf = RfTreatmentSimulation.unitCell(skin, b.tip, b.cellSize, depth)
                    .executor(b.executor)
                    .processes(List.of(b.deathProcess, b.collagenProcess), b.deathProcess);
            if (vessels != null) {
                // The builder keeps a single-precision copy; the prolonged double field is garbage before the run.
                rf.perfusionScale(prolonged(vessels));
            }
            return rf.build().run(session.passes());
        }

        private ScalarField prolonged(ScalarField vessels) {
            double[] perfusion = new double[coarsening.fine().cellCount()];
            coarsening.prolong(vessels.values(), perfusion);
            return new ScalarField(coarsening.fine(), perfusion);
        }

        /**
         * @param rf a session's result
         * @param parameters rate constants (their heat-shock dose scale is used)
         * @return the insult on the biology grid
         */
        public ThermalInsult insult(RfTreatmentResult rf, BiologyParameters parameters) {
            return RemodellingSimulation.insult(rf, coarsening, parameters.heatShock().doseScaleMinutes());
        }
    }

    private double maxNeedleDepth(TreatmentProtocol protocol) {
        double d = b.tip.needle().depth();
        for (TreatmentSession s : protocol.sessions()) {
            for (RfPass p : s.passes()) {
                d = Math.max(d, p.needleDepth());
            }
        }
        return d;
    }

    private static ThermalInsult insult(RfTreatmentResult rf, BlockCoarsening coarsening, double scale) {
        ThermalRunResult t = rf.thermal();
        int n = coarsening.fine().cellCount();
        double[] killed = new double[n];
        double[] denatured = new double[n];
        double[] shock = new double[n];
        double[] death = t.omega().get(0).values();
        double[] collagen = t.omega().get(1).values();
        double[] cem = t.cem43().values();
        for (int c = 0; c < n; c++) {
            double survive = Math.exp(-death[c]);
            killed[c] = -Math.expm1(-death[c]);
            denatured[c] = -Math.expm1(-collagen[c]);
            shock[c] = -Math.expm1(-cem[c] / scale) * survive;
        }
        Grid3D bio = coarsening.coarse();
        double[] k = new double[bio.cellCount()];
        double[] d = new double[bio.cellCount()];
        double[] h = new double[bio.cellCount()];
        coarsening.restrict(killed, k);
        coarsening.restrict(denatured, d);
        coarsening.restrict(shock, h);
        clamp(k);
        clamp(d);
        clamp(h);
        return new ThermalInsult(bio, k, d, h);
    }

    /** Block means of values in [0, 1] can exceed 1 by an ulp; keep them in range. */
    private static void clamp(double[] a) {
        for (int c = 0; c < a.length; c++) {
            a[c] = Math.min(1.0, Math.max(0.0, a[c]));
        }
    }

    private static MaterialMap majority(Tissue tissue, BlockCoarsening coarsening) {
        Grid3D bio = coarsening.coarse();
        int m = tissue.materialCount();
        int[][] counts = new int[bio.cellCount()][m];
        byte[] ids = tissue.materialMap().ids();
        for (int c = 0; c < ids.length; c++) {
            counts[coarsening.coarseOf(c)][ids[c] & 0xFF]++;
        }
        MaterialMap map = new MaterialMap(bio);
        for (int c = 0; c < counts.length; c++) {
            int best = 0;
            for (int k = 1; k < m; k++) {
                if (counts[c][k] > counts[c][best]) {
                    best = k;
                }
            }
            map.set(c, best);
        }
        return map;
    }

    /**
     * Thins the epidermis and dermis with age as measured by Branchet et al., Gerontology 36:28 (1990): epidermis
     * −6.5 %/decade (mean of men's −7.2 and women's −5.7), dermis −6 %/decade, from age 25.
     */
    static LayeredSkin aged(LayeredSkin skin, double ageYears) {
        double decades = Math.max(0, (ageYears - 25) / 10);
        LayeredSkin s = skin;
        for (int l = 0; l < skin.layerCount(); l++) {
            String name = skin.layers().get(l).name();
            double factor = name.equals("epidermis") ? Math.pow(1 - 0.065, decades)
                    : name.contains("dermis") ? Math.pow(1 - 0.06, decades) : 1.0;
            s = s.withThickness(l, skin.layers().get(l).thickness() * factor);
        }
        return s;
    }

    private DepthProfile profile(double day, RemodellingModel treated, RemodellingModel control) {
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

    /** Collects the per-layer means at each sampling day. */
    private static final class Recorder {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> layerIndex = new ArrayList<>();
        private final MaterialMap layers;
        private final List<Double> days = new ArrayList<>();
        private final List<Map<Species, List<Double>>> treated = new ArrayList<>();
        private final List<Map<Species, List<Double>>> control = new ArrayList<>();

        Recorder(Tissue tissue, MaterialMap layers, List<LayerBaseline> baselines) {
            this.layers = layers;
            for (int m = 0; m < tissue.materialCount(); m++) {
                if (!baselines.get(m).equals(LayerBaseline.NONE) && layers.count(m) > 0) {
                    names.add(tissue.materials().get(m).name());
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

    /** Builder of {@link RemodellingSimulation}. */
    public static final class Builder {
        private final LayeredSkin skin;
        private final ElectrodeArray tip;
        private double ageYears = 50;
        private boolean agedLayers;
        private double cellSize = Units.um(50);
        private double depth = -1;
        private int factor = 2;
        private double biologyStep = Units.HOUR;
        private double sampleEvery = 1.0;
        private List<Double> snapshotDays = List.of();
        private BiologyParameters parameters = BiologyParameters.defaults();
        private Function<String, LayerBaseline> baselines = LayerBaseline::forLayer;
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private ArrheniusProcess deathProcess = ArrheniusProcess.HENRIQUES_SKIN;
        private ArrheniusProcess collagenProcess = ArrheniusProcess.MAITLAND_WALSH_COLLAGEN;

        private Builder(LayeredSkin skin, ElectrodeArray tip) {
            this.skin = Objects.requireNonNull(skin, "skin");
            this.tip = Objects.requireNonNull(tip, "tip");
        }

        /**
         * @param years age at day 0 (years), 18–100
         * @return this builder
         */
        public Builder ageYears(double years) {
            this.ageYears = Checks.requireInRange("age", years, 18, 100, "years");
            return this;
        }

        /**
         * @param on thin the epidermis and dermis for the age (Branchet 1990)
         * @return this builder
         */
        public Builder agedLayers(boolean on) {
            this.agedLayers = on;
            return this;
        }

        /**
         * @param metres thermal cell size (m); the tip pitch must be a whole number of cells
         * @return this
         */
        public Builder cellSize(double metres) {
            this.cellSize = requireFinitePositive("cell size", metres, "m");
            return this;
        }

        /**
         * @param metres domain depth (m); default 1 mm below the deepest needle
         * @return this builder
         */
        public Builder depth(double metres) {
            this.depth = requireFinitePositive("domain depth", metres, "m");
            return this;
        }

        /**
         * @param f biology cell = f × f × f thermal cells (the largest divisor ≤ f is used)
         * @return this
         */
        public Builder biologyCoarsening(int f) {
            if (f < 1) {
                throw new IllegalArgumentException("biology coarsening = " + f + " is invalid; it must be ≥ 1");
            }
            this.factor = f;
            return this;
        }

        /**
         * @param hours biology time step (h)
         * @return this builder
         */
        public Builder biologyStepHours(double hours) {
            this.biologyStep = requireFinitePositive("biology step", hours, "h") * Units.HOUR;
            return this;
        }

        /**
         * @param days sampling interval of the time series (d)
         * @return this builder
         */
        public Builder sampleEveryDays(double days) {
            this.sampleEvery = requireFinitePositive("sampling interval", days, "d");
            return this;
        }

        /**
         * @param days days on which to keep depth profiles
         * @return this builder
         */
        public Builder snapshotDays(double... days) {
            List<Double> list = new ArrayList<>();
            for (double d : days) {
                list.add(d);
            }
            this.snapshotDays = List.copyOf(list);
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
         * @param value resting state by layer name
         * @return this builder
         */
        public Builder baselines(Function<String, LayerBaseline> value) {
            this.baselines = Objects.requireNonNull(value, "baselines");
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

        /** @return the simulation */
        public RemodellingSimulation build() {
            return new RemodellingSimulation(this);
        }
    }
}
