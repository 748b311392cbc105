package org.ecmsim.simulation.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.damage.ThermalDoseRecorder;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.thermal.BioheatProblem;
import org.ecmsim.thermal.EnergyLedger;
import org.ecmsim.thermal.HeatSolver;
import org.ecmsim.thermal.HeatSource;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * A thermal run: a {@link HeatSolver} on a {@link BioheatProblem}, with a {@link ThermalDoseRecorder} attached so
 * that every step adds to the damage integrals, and a temperature history sampled at a fixed interval. This is
 * where the thermal and damage packages are wired together.
 *
 * <pre>{@code
 * ThermalSimulation sim = ThermalSimulation.builder(problem).build();
 * HeatSource pulse = HeatSource.constant(powerDensity);
 * sim.addSource(pulse);
 * sim.run(0.3);            // 300 ms on
 * sim.removeSource(pulse);
 * sim.run(0.5);            // 500 ms of cooling
 * ThermalRunResult r = sim.result();
 * }</pre>
 */
public final class ThermalSimulation {

    /** The damage processes recorded unless the builder is told otherwise: skin (Henriques) and collagen. */
    public static final List<ArrheniusProcess> DEFAULT_PROCESSES =
            List.of(ArrheniusProcess.HENRIQUES_SKIN, ArrheniusProcess.MAITLAND_WALSH_COLLAGEN);

    private final BioheatProblem problem;
    private final HeatSolver solver;
    private final ThermalDoseRecorder dose;
    private final double sampleInterval;
    private final List<HistorySample> history = new ArrayList<>();
    private final EnergyLedger priorEnergy;
    private final double startTime;
    private final ProbeRecorder probes;
    private long samplesTaken;

    private ThermalSimulation(Builder b) {
        this.problem = b.problem;
        this.solver = b.timeStepping.newSolver(problem, b.executor);
        Continuation previous = b.previous;
        this.sampleInterval = previous == null ? b.sampleInterval : previous.sampleInterval;
        if (previous == null) {
            this.dose = new ThermalDoseRecorder(problem.grid(), b.processes, b.thresholds, b.floorTemperature,
                    b.executor);
            this.priorEnergy = EnergyLedger.ZERO;
            this.startTime = 0.0;
            this.probes = ProbeRecorder.create(problem.grid(), b.probeEveryStep, List.of(),
                    b.processes.size());
        } else {
            if (!previous.grid.equals(problem.grid())) {
                throw new IllegalArgumentException("cannot continue a run on grid " + previous.grid
                        + " on a different grid " + problem.grid());
            }
            this.dose = previous.dose;
            this.priorEnergy = previous.energy;
            this.startTime = previous.time;
            this.history.addAll(previous.history);
            this.probes = previous.probes.copy();
            solver.setTemperature(new ScalarField(problem.grid(), previous.temperature));
            solver.setTime(startTime);
        }
        solver.addStepListener((t0, before, t1, after) -> dose.accumulate(t1 - t0, before, after));
        if (probes.everyStep) {
            solver.addStepListener((t0, before, t1, after) -> probes.record(t1, after, dose));
        }
        if (previous == null) {
            sample();
        } else {
            samplesTaken = previous.samplesTaken;
        }
        for (ProbeSpec spec : b.probes) {
            addProbe(spec.name(), spec.x(), spec.y(), spec.z());
        }
    }

    /** A probe asked for on the builder. */
    record ProbeSpec(String name, double x, double y, double z) {
    }

    /**
     * Registers a named probe: from now on the temperature, each Ω and CEM43 at the point are recorded (now, and
     * then at every sampling time or after every step, as the builder set) and returned in
     * {@link ThermalRunResult#probes()}. Probes are carried over by {@link Builder#continueFrom}.
     *
     * @param name a name not used by another probe of this run
     * @param x x of the point (m), inside the grid
     * @param y y of the point (m)
     * @param z z (depth) of the point (m)
     * @throws IllegalArgumentException if the name is taken or the point is outside the grid
     */
    public void addProbe(String name, double x, double y, double z) {
        Objects.requireNonNull(name, "name");
        probes.add(problem.grid(), new ProbeSpec(name, x, y, z), dose.processes().size());
        probes.probes.get(probes.probes.size() - 1).record(solver.time(), solver.temperature().values(), dose);
    }

    /**
     * Deposits heat instantly (see {@link HeatSolver#deposit}); the energy appears in {@link #energy()} as source
     * heat. The damage records do not see the jump itself, only the steps after it.
     *
     * @param deposit the energy per cell
     */
    public void deposit(org.ecmsim.thermal.EnergyDeposit deposit) {
        solver.deposit(deposit);
    }

    /**
     * What a continued run takes over from the run it continues: a copy of its temperature, its damage recorder,
     * history, clock and energy budget. Taken when {@link Builder#continueFrom} is called, so that the previous run
     * (and its heat solver's arrays) can be released before the new solver is allocated.
     */
    private record Continuation(Grid3D grid, double[] temperature, ThermalDoseRecorder dose, double sampleInterval,
            List<HistorySample> history, EnergyLedger energy, double time, long samplesTaken, ProbeRecorder probes) {

        static Continuation of(ThermalSimulation run) {
            return new Continuation(run.problem.grid(), run.solver.temperature().values().clone(), run.dose,
                    run.sampleInterval, List.copyOf(run.history), run.energy(), run.time(), run.samplesTaken,
                    run.probes.copy());
        }
    }

    /**
     * A builder with the defaults: explicit solver at 0.9 of its stability limit, the
     * {@link #DEFAULT_PROCESSES}, thresholds at 43, 50 and 60 °C, history every 10 ms, the default executor.
     *
     * @param problem the problem
     * @return the builder
     */
    public static Builder builder(BioheatProblem problem) {
        return new Builder(problem);
    }

    /** @return the heat solver (for sources, time step, perfusion scale) */
    public HeatSolver solver() {
        return solver;
    }

    /** @param source a heat source to include from now on */
    public void addSource(HeatSource source) {
        solver.addSource(source);
    }

    /**
     * @param source a source previously added
     * @return true if it was present
     */
    public boolean removeSource(HeatSource source) {
        return solver.removeSource(source);
    }

    /** @return the simulation time (s) */
    public double time() {
        return solver.time();
    }

    /**
     * Advances by exactly {@code duration}, recording damage at every step and the history at every sampling time
     * passed (the run lands exactly on each sampling time).
     *
     * @param duration time to advance (s), &gt; 0
     */
    public void run(double duration) {
        Checks.requireFinitePositive("duration", duration, "s");
        double end = solver.time() + duration;
        double eps = 1e-9 * Math.min(sampleInterval, duration);
        while (true) {
            // Sampling times are whole multiples of the interval, not accumulated sums.
            double target = samplesTaken * sampleInterval;
            if (target > end + eps) {
                if (end - solver.time() > eps) {
                    solver.advance(end - solver.time());
                }
                return;
            }
            if (target - solver.time() > eps) {
                solver.advance(target - solver.time());
            }
            sample();
            if (Math.abs(end - solver.time()) <= eps) {
                return;
            }
        }
    }

    private void sample() {
        int regions = problem.tissue().materialCount();
        double[] max = new double[regions];
        double[] sum = new double[regions];
        int[] count = new int[regions];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] t = solver.temperature().values();
        byte[] ids = problem.tissue().materialMap().ids();
        int hottest = 0;
        for (int i = 0; i < t.length; i++) {
            int m = ids[i] & 0xFF;
            max[m] = Math.max(max[m], t[i]);
            sum[m] += t[i];
            count[m]++;
            if (t[i] > t[hottest]) {
                hottest = i;
            }
        }
        for (int m = 0; m < regions; m++) {
            sum[m] = count[m] == 0 ? Double.NaN : sum[m] / count[m];
            if (count[m] == 0) {
                max[m] = Double.NaN;
            }
        }
        history.add(new HistorySample(solver.time(), t[hottest], hottest, max, sum, energy().sourceHeat()));
        samplesTaken++;
        if (!probes.everyStep) {
            probes.record(solver.time(), t, dose);
        }
    }

    /** @return the heat budget of the whole run, including the runs this one continues (J) */
    public EnergyLedger energy() {
        return priorEnergy.plus(solver.energyLedger());
    }

    /** @return the problem */
    public BioheatProblem problem() {
        return problem;
    }

    /** @return the results so far (copies) */
    public ThermalRunResult result() {
        List<ArrheniusProcess> processes = dose.processes();
        List<ScalarField> omega = new ArrayList<>();
        for (int p = 0; p < processes.size(); p++) {
            omega.add(dose.omega(p).copy());
        }
        double[] thresholds = dose.thresholdTemperatures();
        List<ScalarField> above = new ArrayList<>();
        for (int q = 0; q < thresholds.length; q++) {
            above.add(dose.timeAbove(q).copy());
        }
        return new ThermalRunResult(solver.time(), solver.temperature().copy(), dose.peakTemperature().copy(),
                processes, omega, dose.cem43().copy(), thresholds, above, summarise(omega), history, energy(),
                probes.series());
    }

    private List<RegionSummary> summarise(List<ScalarField> omega) {
        Grid3D grid = problem.grid();
        double v = grid.cellVolume();
        int regions = problem.tissue().materialCount();
        int np = omega.size();
        int[] cells = new int[regions];
        double[] maxPeak = new double[regions];
        double[] sumPeak = new double[regions];
        double[][] maxOmega = new double[regions][np];
        double[][] damaged = new double[regions][np];
        double[] maxCem = new double[regions];
        double[] cemVolume = new double[regions];
        Arrays.fill(maxPeak, Double.NaN);
        double[] peak = dose.peakTemperature().values();
        double[] cem = dose.cem43().values();
        byte[] ids = problem.tissue().materialMap().ids();
        for (int i = 0; i < ids.length; i++) {
            int m = ids[i] & 0xFF;
            cells[m]++;
            maxPeak[m] = cells[m] == 1 ? peak[i] : Math.max(maxPeak[m], peak[i]);
            sumPeak[m] += peak[i];
            for (int p = 0; p < np; p++) {
                double o = omega.get(p).values()[i];
                maxOmega[m][p] = Math.max(maxOmega[m][p], o);
                if (o >= 1.0) {
                    damaged[m][p] += v;
                }
            }
            maxCem[m] = Math.max(maxCem[m], cem[i]);
            if (cem[i] >= ThermalRunResult.CEM43_NECROSIS_THRESHOLD) {
                cemVolume[m] += v;
            }
        }
        List<RegionSummary> out = new ArrayList<>();
        for (int m = 0; m < regions; m++) {
            out.add(new RegionSummary(problem.tissue().materials().get(m).name(), cells[m], cells[m] * v,
                    maxPeak[m], cells[m] == 0 ? Double.NaN : sumPeak[m] / cells[m], maxOmega[m], damaged[m],
                    maxCem[m], cemVolume[m]));
        }
        return out;
    }

    /** Builder of {@link ThermalSimulation}. */
    public static final class Builder {
        private final BioheatProblem problem;
        private TimeStepping timeStepping = TimeStepping.explicit();
        private ParallelExecutor executor = ParallelExecutor.defaultExecutor();
        private List<ArrheniusProcess> processes = DEFAULT_PROCESSES;
        private double[] thresholds = {Units.celsiusToKelvin(43), Units.celsiusToKelvin(50),
            Units.celsiusToKelvin(60)};
        private double floorTemperature = ThermalDoseRecorder.DEFAULT_FLOOR_TEMPERATURE;
        private double sampleInterval = 0.01;
        private Continuation previous;
        private final List<ProbeSpec> probes = new ArrayList<>();
        private boolean probeEveryStep;

        private Builder(BioheatProblem problem) {
            this.problem = Objects.requireNonNull(problem, "problem");
        }

        /** @return this builder, set to the explicit solver at its default step */
        public Builder explicit() {
            this.timeStepping = TimeStepping.explicit();
            return this;
        }

        /**
         * @param value how to step in time
         * @return this builder
         */
        public Builder timeStepping(TimeStepping value) {
            this.timeStepping = Objects.requireNonNull(value, "time stepping");
            return this;
        }

        /**
         * @param step ADI step length (s)
         * @return this builder, set to the implicit (Douglas ADI, θ = ½) solver
         */
        public Builder implicit(double step) {
            this.timeStepping = TimeStepping.adi(step);
            return this;
        }

        /**
         * @param value the threads to use
         * @return this builder
         */
        public Builder executor(ParallelExecutor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * @param value the damage processes to integrate
         * @return this builder
         */
        public Builder processes(List<ArrheniusProcess> value) {
            this.processes = List.copyOf(value);
            return this;
        }

        /**
         * @param celsius threshold temperatures for time-above records (°C)
         * @return this builder
         */
        public Builder thresholdsCelsius(double... celsius) {
            double[] k = new double[celsius.length];
            for (int n = 0; n < k.length; n++) {
                k[n] = Units.celsiusToKelvin(celsius[n]);
            }
            this.thresholds = k;
            return this;
        }

        /**
         * @param kelvin threshold temperatures for time-above records (K)
         * @return this builder
         */
        public Builder thresholds(double... kelvin) {
            for (double t : kelvin) {
                Checks.requireTemperature("threshold temperature", t);
            }
            this.thresholds = kelvin.clone();
            return this;
        }

        /**
         * @param kelvin damage floor temperature (K), see {@link ThermalDoseRecorder}
         * @return this builder
         */
        public Builder floorTemperature(double kelvin) {
            this.floorTemperature = kelvin;
            return this;
        }

        /**
         * @param seconds history sampling interval (s), &gt; 0
         * @return this builder
         */
        public Builder sampleInterval(double seconds) {
            this.sampleInterval = Checks.requireFinitePositive("sample interval", seconds, "s");
            return this;
        }

        /**
         * Adds a named probe (see {@link ThermalSimulation#addProbe}); the values are recorded from the start of
         * the run.
         *
         * @param name a name not used by another probe
         * @param x x of the point (m), inside the grid
         * @param y y of the point (m)
         * @param z z (depth) of the point (m)
         * @return this builder
         */
        public Builder probe(String name, double x, double y, double z) {
            for (ProbeSpec p : probes) {
                if (p.name().equals(name)) {
                    throw new IllegalArgumentException("a probe named '" + name + "' exists already");
                }
            }
            probes.add(new ProbeSpec(Objects.requireNonNull(name, "name"), x, y, z));
            return this;
        }

        /**
         * @param value true to record the probes after every solver step; false (the default) to record them at
         *        the sampling times of the history ({@link #sampleInterval}). A continued run keeps the setting of
         *        the run it continues.
         * @return this builder
         */
        public Builder probeEveryStep(boolean value) {
            this.probeEveryStep = value;
            return this;
        }

        /**
         * Continues another run on the same grid, for instance after the needles moved (a new tissue): the new
         * simulation starts from its temperature, time, history and energy budget, and keeps adding to its damage
         * recorder (the processes, thresholds, floor and history interval of that run apply). Its state is taken
         * now (the temperature is copied); the builder keeps no reference to the run, so the run can be released
         * before {@link #build()} allocates the new solver, and only one solver's arrays are alive at a time.
         *
         * @param run the run to continue; it should not be advanced further
         * @return this builder
         */
        public Builder continueFrom(ThermalSimulation run) {
            this.previous = Continuation.of(Objects.requireNonNull(run, "run"));
            return this;
        }

        /** @return the simulation, at time 0 with the problem's initial temperature (or continuing a run) */
        public ThermalSimulation build() {
            return new ThermalSimulation(this);
        }
    }
}
