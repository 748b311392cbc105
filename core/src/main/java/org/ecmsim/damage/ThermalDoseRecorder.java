package org.ecmsim.damage;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireTemperature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * Accumulates, for every cell of a {@link Grid3D}, the thermal damage and dose measures of a heating run:
 * <ul>
 *   <li>Ω for each of a list of {@link ArrheniusProcess}es, {@code Ω = ∫ k(T) dt} (dimensionless);</li>
 *   <li>the CEM43 thermal dose (equivalent minutes at 43 °C, see {@link Cem43});</li>
 *   <li>the peak temperature (K);</li>
 *   <li>the time spent at or above each of a list of threshold temperatures (s).</li>
 * </ul>
 *
 * <p>Call {@link #accumulate(double, double[], double[])} once per solver step with the temperatures at the start and
 * the end of the step. Within a step the temperature of a cell is taken to vary linearly in time. Ω and CEM43 are
 * integrated with the logarithmic mean of the end rates, {@code Δt·(k₁ − k₀)/(ln k₁ − ln k₀)}, which is exact when
 * ln k is linear in time (exactly so for CEM43 and for isothermal steps, approximately for Arrhenius rates since
 * 1/T is nearly linear in T over a step) and second order in Δt otherwise; a step is first split where it crosses
 * 43 °C (CEM43) or a process's regime switch temperature, so piecewise rates are integrated piece by piece. Time
 * above a threshold adds Δt if both ends are at or above it and the linearly interpolated fraction of Δt if the step
 * crosses it.
 *
 * <p><b>Floor temperature.</b> A cell whose start and end temperatures are both below the floor (default
 * {@link #DEFAULT_FLOOR_TEMPERATURE}, 39 °C) adds nothing to Ω or CEM43: this skips the exponentials in the large
 * region that stays near body temperature. The Ω left out is at most {@code k(floor)·(time spent below the floor)};
 * at 39 °C the built-in processes have k = 2.5·10⁻⁷ /s (Henriques), 1.6·10⁻⁶ /s (Weaver–Stoll, Maitland–Walsh),
 * 1.0·10⁻⁶ /s (Pearce) and 7.8·10⁻⁶ /s (fat), all below 10⁻⁵ /s, so over a treatment of a couple of minutes the
 * neglected Ω is below 10⁻³. The CEM43 left out is at most 0.25⁴ = 1/256 equivalent minutes per minute spent below
 * 39 °C. Peak temperature and time above thresholds are always recorded. Set the floor to 0 K to integrate every
 * cell.
 *
 * <p><b>Parallelism.</b> Work is split over z planes with a {@link ParallelExecutor}; every update is pointwise, so
 * the results are bitwise identical for any thread count. An instance is not safe for concurrent calls.
 *
 * <p><b>Results</b> are returned as {@link ScalarField}s: {@link #omega(int)}, {@link #cem43()},
 * {@link #peakTemperature()} and {@link #timeAbove(int)} are live views of the recorder's arrays (they change as steps
 * are accumulated; {@link ScalarField#copy()} them to keep a snapshot, and do not write to them);
 * {@link #damagedFraction(int)} is a new field. No array is allocated per step.
 */
public final class ThermalDoseRecorder {

    /**
     * The default floor temperature, 39 °C = 312.15 K: below it a cell adds nothing to Ω and CEM43 (see the class
     * description for the size of what is left out).
     */
    public static final double DEFAULT_FLOOR_TEMPERATURE = Units.celsiusToKelvin(39.0);

    private final Grid3D grid;
    private final List<ArrheniusProcess> processes;
    private final double[] thresholds;
    private final double floorTemperature;
    private final ParallelExecutor executor;

    // Flattened regimes: process p uses entries [regimeOffset[p], regimeOffset[p + 1]).
    private final int[] regimeOffset;
    private final double[] regimeLower;
    private final double[] regimeLnA;
    private final double[] regimeTheta;

    private final double[][] omega;
    private final double[] cem43;
    private final double[] peak;
    private final double[][] timeAbove;

    private final ScalarField[] omegaViews;
    private final ScalarField cem43View;
    private final ScalarField peakView;
    private final ScalarField[] timeAboveViews;

    // Per z plane: the first cell with an invalid temperature in the current step, or −1.
    private final int[] badCell;
    private final ParallelExecutor.RangeTask kernel = this::accumulatePlanes;

    // The current step, set by accumulate() before the kernel runs.
    private double stepDt;
    private double[] stepBefore;
    private double[] stepAfter;

    private double elapsed;
    private long steps;

    /**
     * A recorder.
     *
     * @param grid the grid whose cells are recorded
     * @param processes the damage processes to integrate Ω for (may be empty)
     * @param thresholdTemperatures the temperatures to record the time above (K), each finite and &gt; 0 (may be
     *         empty); copied
     * @param floorTemperature the floor temperature (K), finite and ≥ 0; 0 disables the floor
     * @param executor runs the per-plane work
     */
    public ThermalDoseRecorder(Grid3D grid, List<ArrheniusProcess> processes, double[] thresholdTemperatures,
            double floorTemperature, ParallelExecutor executor) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.processes = List.copyOf(Objects.requireNonNull(processes, "processes"));
        this.thresholds = Objects.requireNonNull(thresholdTemperatures, "thresholdTemperatures").clone();
        for (int q = 0; q < thresholds.length; q++) {
            requireTemperature("threshold temperature [" + q + "]", thresholds[q]);
        }
        this.floorTemperature = requireFiniteNonNegative("floor temperature", floorTemperature, "K");
        this.executor = Objects.requireNonNull(executor, "executor");

        int np = this.processes.size();
        regimeOffset = new int[np + 1];
        for (int p = 0; p < np; p++) {
            regimeOffset[p + 1] = regimeOffset[p] + this.processes.get(p).regimeCount();
        }
        regimeLower = new double[regimeOffset[np]];
        regimeLnA = new double[regimeOffset[np]];
        regimeTheta = new double[regimeOffset[np]];
        for (int p = 0; p < np; p++) {
            this.processes.get(p).fill(regimeLower, regimeLnA, regimeTheta, regimeOffset[p]);
        }

        int n = grid.cellCount();
        omega = new double[np][n];
        omegaViews = new ScalarField[np];
        for (int p = 0; p < np; p++) {
            omegaViews[p] = new ScalarField(grid, omega[p]);
        }
        cem43 = new double[n];
        cem43View = new ScalarField(grid, cem43);
        peak = new double[n];
        peakView = new ScalarField(grid, peak);
        timeAbove = new double[thresholds.length][n];
        timeAboveViews = new ScalarField[thresholds.length];
        for (int q = 0; q < thresholds.length; q++) {
            timeAboveViews[q] = new ScalarField(grid, timeAbove[q]);
        }
        badCell = new int[grid.nz()];
    }

    /**
     * A recorder with the default floor and the serial executor.
     *
     * @param grid the grid
     * @param processes the damage processes
     * @param thresholdTemperatures the threshold temperatures (K)
     */
    public ThermalDoseRecorder(Grid3D grid, List<ArrheniusProcess> processes, double... thresholdTemperatures) {
        this(grid, processes, thresholdTemperatures, DEFAULT_FLOOR_TEMPERATURE, ParallelExecutor.serial());
    }

    /**
     * @param grid the grid
     * @return a builder with no process, no threshold, the default floor and the serial executor
     */
    public static Builder builder(Grid3D grid) {
        return new Builder(grid);
    }

    /** Options for a {@link ThermalDoseRecorder}; validated in {@link #build()}. */
    public static final class Builder {
        private final Grid3D grid;
        private final List<ArrheniusProcess> processes = new ArrayList<>();
        private double[] thresholds = new double[0];
        private double floor = DEFAULT_FLOOR_TEMPERATURE;
        private ParallelExecutor executor = ParallelExecutor.serial();

        private Builder(Grid3D grid) {
            this.grid = grid;
        }

        /**
         * @param process a damage process to record Ω for
         * @return this builder
         */
        public Builder process(ArrheniusProcess process) {
            processes.add(Objects.requireNonNull(process, "process"));
            return this;
        }

        /**
         * @param list damage processes to record Ω for, in order
         * @return this builder
         */
        public Builder processes(List<ArrheniusProcess> list) {
            for (ArrheniusProcess p : list) {
                process(p);
            }
            return this;
        }

        /**
         * @param temperature a threshold temperature (K) to record the time above
         * @return this builder
         */
        public Builder threshold(double temperature) {
            thresholds = Arrays.copyOf(thresholds, thresholds.length + 1);
            thresholds[thresholds.length - 1] = temperature;
            return this;
        }

        /**
         * @param temperature the floor temperature (K), ≥ 0; 0 disables the floor
         * @return this builder
         */
        public Builder floorTemperature(double temperature) {
            floor = temperature;
            return this;
        }

        /**
         * @param parallelExecutor the executor for the per-plane work
         * @return this builder
         */
        public Builder executor(ParallelExecutor parallelExecutor) {
            executor = Objects.requireNonNull(parallelExecutor, "executor");
            return this;
        }

        /** @return the recorder */
        public ThermalDoseRecorder build() {
            return new ThermalDoseRecorder(grid, processes, thresholds, floor, executor);
        }
    }

    /**
     * Accumulates one step of length {@code dt} during which every cell's temperature goes linearly from
     * {@code temperatureBefore} to {@code temperatureAfter}. Neither array is modified or kept.
     *
     * @param dt step length (s), finite and &gt; 0
     * @param temperatureBefore temperatures at the start of the step (K), one per cell, finite and &gt; 0
     * @param temperatureAfter temperatures at the end of the step (K), one per cell, finite and &gt; 0
     * @throws IllegalArgumentException if dt is invalid or an array has the wrong length (nothing is recorded), or
     *         if a temperature is not finite and positive (then the other cells of the step have been recorded and
     *         the step is not counted: call {@link #reset()} before going on)
     */
    public void accumulate(double dt, double[] temperatureBefore, double[] temperatureAfter) {
        Checks.requireFinitePositive("time step dt", dt, "s");
        requireLength("temperatureBefore", temperatureBefore);
        requireLength("temperatureAfter", temperatureAfter);
        stepDt = dt;
        stepBefore = temperatureBefore;
        stepAfter = temperatureAfter;
        try {
            executor.forRange(grid.nz(), kernel);
        } finally {
            stepBefore = null;
            stepAfter = null;
        }
        for (int k = 0; k < badCell.length; k++) {
            int n = badCell[k];
            if (n >= 0) {
                throw new IllegalArgumentException("temperature of cell " + n + " (" + grid.i(n) + ", " + grid.j(n)
                        + ", " + grid.k(n) + ") is invalid: temperatureBefore = " + temperatureBefore[n]
                        + " K, temperatureAfter = " + temperatureAfter[n]
                        + " K; temperatures must be finite and > 0 K (the step is only partly recorded; reset())");
            }
        }
        elapsed += dt;
        steps++;
    }

    /**
     * {@link #accumulate(double, double[], double[])} with fields.
     *
     * @param dt step length (s), finite and &gt; 0
     * @param temperatureBefore temperatures at the start of the step (K), on this recorder's grid
     * @param temperatureAfter temperatures at the end of the step (K), on this recorder's grid
     */
    public void accumulate(double dt, ScalarField temperatureBefore, ScalarField temperatureAfter) {
        requireGrid("temperatureBefore", temperatureBefore);
        requireGrid("temperatureAfter", temperatureAfter);
        accumulate(dt, temperatureBefore.values(), temperatureAfter.values());
    }

    private void requireLength(String name, double[] a) {
        Objects.requireNonNull(a, name);
        if (a.length != grid.cellCount()) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; the grid " + grid + " has "
                    + grid.cellCount() + " cells");
        }
    }

    private void requireGrid(String name, ScalarField f) {
        Objects.requireNonNull(f, name);
        if (!f.grid().equals(grid)) {
            throw new IllegalArgumentException(name + " is on the grid " + f.grid() + "; this recorder's grid is "
                    + grid);
        }
    }

    /** The kernel: planes {@code [kFrom, kTo)} of the current step. */
    private void accumulatePlanes(int kFrom, int kTo) {
        final double dt = stepDt;
        final double[] before = stepBefore;
        final double[] after = stepAfter;
        final double floor = floorTemperature;
        final int plane = grid.strideZ();
        final int np = omega.length;
        final int nq = thresholds.length;
        for (int k = kFrom; k < kTo; k++) {
            int bad = -1;
            int end = (k + 1) * plane;
            for (int n = k * plane; n < end; n++) {
                double t0 = before[n];
                double t1 = after[n];
                if (!(t0 > 0.0 && t1 > 0.0 && t0 < Double.POSITIVE_INFINITY && t1 < Double.POSITIVE_INFINITY)) {
                    if (bad < 0) {
                        bad = n;
                    }
                    continue;
                }
                double hi = t0 > t1 ? t0 : t1;
                double lo = t0 > t1 ? t1 : t0;
                if (hi > peak[n]) {
                    peak[n] = hi;
                }
                for (int q = 0; q < nq; q++) {
                    double th = thresholds[q];
                    if (lo >= th) {
                        timeAbove[q][n] += dt;
                    } else if (hi > th) {
                        // Crosses the threshold: the fraction of the step spent above it, T linear in t.
                        timeAbove[q][n] += dt * (hi - th) / (hi - lo);
                    }
                }
                if (hi < floor) {
                    continue;
                }
                for (int p = 0; p < np; p++) {
                    // Ω += ∫ k(T(t)) dt over the step (log-mean rule, split at regime switches).
                    omega[p][n] += Quadrature.arrheniusRamp(regimeLower, regimeLnA, regimeTheta, regimeOffset[p],
                            regimeOffset[p + 1], t0, t1, dt);
                }
                // CEM43 += ∫ R^(43 − T(t)) dt / 60 (exact for linear T, split at 43 °C).
                cem43[n] += Quadrature.cem43Ramp(t0, t1, dt);
            }
            badCell[k] = bad;
        }
    }

    /** Sets every accumulated quantity, the elapsed time and the step count to zero (peak temperatures to 0 K). */
    public void reset() {
        for (double[] o : omega) {
            Arrays.fill(o, 0.0);
        }
        Arrays.fill(cem43, 0.0);
        Arrays.fill(peak, 0.0);
        for (double[] t : timeAbove) {
            Arrays.fill(t, 0.0);
        }
        elapsed = 0.0;
        steps = 0;
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the recorded damage processes, in index order */
    public List<ArrheniusProcess> processes() {
        return processes;
    }

    /** @return the threshold temperatures (K), in index order (a new array) */
    public double[] thresholdTemperatures() {
        return thresholds.clone();
    }

    /** @return the floor temperature (K) */
    public double floorTemperature() {
        return floorTemperature;
    }

    /** @return the executor */
    public ParallelExecutor executor() {
        return executor;
    }

    /** @return the total recorded time, the sum of the accumulated steps' dt (s) */
    public double elapsedTime() {
        return elapsed;
    }

    /** @return the number of accumulated steps */
    public long stepCount() {
        return steps;
    }

    /**
     * @param processIndex index into {@link #processes()}
     * @return Ω of that process per cell (dimensionless); a live view
     */
    public ScalarField omega(int processIndex) {
        return omegaViews[checkIndex("process index", processIndex, omegaViews.length)];
    }

    /**
     * @param process one of {@link #processes()} (the first equal one is used)
     * @return Ω of that process per cell (dimensionless); a live view
     */
    public ScalarField omega(ArrheniusProcess process) {
        return omega(indexOf(process));
    }

    /**
     * @param processIndex index into {@link #processes()}
     * @return the damaged fraction {@code 1 − e^(−Ω)} per cell (dimensionless, 0–1); a new field
     */
    public ScalarField damagedFraction(int processIndex) {
        double[] o = omega(processIndex).values();
        double[] f = new double[o.length];
        for (int n = 0; n < o.length; n++) {
            f[n] = -Math.expm1(-o[n]);
        }
        return new ScalarField(grid, f);
    }

    /**
     * @param process one of {@link #processes()}
     * @return the damaged fraction {@code 1 − e^(−Ω)} per cell (dimensionless, 0–1); a new field
     */
    public ScalarField damagedFraction(ArrheniusProcess process) {
        return damagedFraction(indexOf(process));
    }

    /** @return CEM43 per cell (equivalent minutes at 43 °C); a live view */
    public ScalarField cem43() {
        return cem43View;
    }

    /** @return the peak temperature per cell (K), 0 K before the first step; a live view */
    public ScalarField peakTemperature() {
        return peakView;
    }

    /**
     * @param thresholdIndex index into {@link #thresholdTemperatures()}
     * @return the time spent at or above that threshold per cell (s); a live view
     */
    public ScalarField timeAbove(int thresholdIndex) {
        return timeAboveViews[checkIndex("threshold index", thresholdIndex, timeAboveViews.length)];
    }

    private int indexOf(ArrheniusProcess process) {
        Objects.requireNonNull(process, "process");
        int i = processes.indexOf(process);
        if (i < 0) {
            throw new IllegalArgumentException("damage process '" + process.name()
                    + "' is not recorded here; recorded: " + names());
        }
        return i;
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (ArrheniusProcess p : processes) {
            names.add(p.name());
        }
        return names.toString();
    }

    private static int checkIndex(String name, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(name + " = " + index + " is outside 0–" + (count - 1) + " ("
                    + count + " recorded)");
        }
        return index;
    }
}
