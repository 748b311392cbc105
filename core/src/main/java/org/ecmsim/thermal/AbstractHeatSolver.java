package org.ecmsim.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.numerics.StepClock;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/** State and bookkeeping shared by the heat solvers: clock, sources, perfusion scale, listeners, energy ledger. */
abstract sealed class AbstractHeatSolver implements HeatSolver permits ExplicitHeatSolver, AdiHeatSolver {

    final BioheatProblem problem;
    final PennesOperator op;
    final ParallelExecutor executor;
    final Grid3D grid;
    /** Current temperature (K) and the buffer the next step writes; swapped after each step. */
    double[] current;
    double[] next;
    final double[] power;
    /** Per row (y + ny·z): false if the row's power density is zero throughout; refreshed with {@link #power}. */
    final boolean[] sourceRows;
    /**
     * Perfusion scale per cell, or null while every scale is 1 (then it takes no memory and no bandwidth). Kept in
     * single precision: a relative rounding of 6e-8 is far below what any perfusion estimate can resolve, and it
     * halves the array. Shared with {@link #perfusionScale}, which is immutable.
     */
    float[] perfusion;
    private PerfusionScale perfusionScale;
    private final List<HeatSource> sources = new ArrayList<>();
    private final List<StepListener> listeners = new ArrayList<>();
    private boolean sourcesCached;
    private double timeStep;

    // Clock: time = segmentStart + segmentSteps·segmentDt (StepClock).
    private final StepClock clock = new StepClock();
    private double lastCheckedTime;

    private boolean tracking = true;
    /** Per-plane budget partials, [z][slot], reused every step. */
    final double[][] partial;
    private final double[] totals = new double[PennesOperator.SLOTS];

    AbstractHeatSolver(BioheatProblem problem, ParallelExecutor executor) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.grid = problem.grid();
        this.op = new PennesOperator(problem);
        int n = grid.cellCount();
        this.current = new double[n];
        this.next = new double[n];
        this.power = new double[n];
        this.sourceRows = new boolean[grid.ny() * grid.nz()];
        this.perfusionScale = PerfusionScale.unit(grid);
        Arrays.fill(current, problem.initialTemperature());
        this.partial = new double[grid.nz()][PennesOperator.SLOTS];
        this.stepCoefficient = new double[op.materials];
    }

    private final double[] stepCoefficient;
    private double stepCoefficientStep = Double.NaN;

    /**
     * @param h step length (s)
     * @return Δt/(ρc) per material (s·m³·K/J), recomputed only when the step length changes
     */
    final double[] stepOverHeatCapacity(double h) {
        if (h != stepCoefficientStep) {
            for (int m = 0; m < stepCoefficient.length; m++) {
                stepCoefficient[m] = h / op.rc[m];
            }
            stepCoefficientStep = h;
        }
        return stepCoefficient;
    }

    /** Computes {@code next} from {@code current} over one step of length h starting at time t. */
    abstract void advanceOneStep(double t, double h);

    /** @return the time within a step at which sources are evaluated, as a fraction of the step */
    abstract double sourceEvaluationFraction();

    /** Checks a step length against the method's limits; throws IllegalArgumentException if it is refused. */
    abstract void checkTimeStep(double dt);

    @Override
    public BioheatProblem problem() {
        return problem;
    }

    @Override
    public ScalarField temperature() {
        return new ScalarField(grid, current);
    }

    @Override
    public void setTemperature(ScalarField temperature) {
        if (!temperature.grid().equals(grid)) {
            throw new IllegalArgumentException("temperature grid " + temperature.grid() + " differs from " + grid);
        }
        double[] v = temperature.values();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("temperature at cell " + describeCell(i) + " = " + v[i]
                        + " K is invalid; it must be finite and above 0 K");
            }
        }
        System.arraycopy(v, 0, current, 0, v.length);
        resetLedger();
    }

    @Override
    public void deposit(EnergyDeposit deposit) {
        if (!deposit.grid().equals(grid)) {
            throw new IllegalArgumentException("deposit grid " + deposit.grid() + " differs from " + grid);
        }
        double[] e = deposit.cellEnergyArray();
        double volume = grid.cellVolume();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != 0 && op.isFixed(i)) {
                throw new IllegalArgumentException("the deposit puts " + e[i] + " J into cell " + describeCell(i)
                        + ", which is held at a fixed temperature; deposit into free cells only");
            }
        }
        double stored = 0;
        double injected = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] != 0) {
                double rc = op.rc[op.mat[i] & 0xFF];
                double before = current[i];
                current[i] = before + e[i] / (rc * volume);
                stored += rc * (current[i] - before) * volume;
                injected += e[i];
            }
        }
        totals[PennesOperator.SLOT_SOURCE] += injected;
        totals[PennesOperator.SLOT_STORED] += stored;
    }

    @Override
    public double time() {
        return clock.time();
    }

    @Override
    public void setTime(double value) {
        Checks.requireFinite("time", value, "s");
        clock.setTime(value);
        lastCheckedTime = value;
    }

    @Override
    public long stepCount() {
        return clock.stepCount();
    }

    @Override
    public double timeStep() {
        return timeStep;
    }

    @Override
    public void setTimeStep(double dt) {
        Checks.requireFinitePositive("time step", dt, "s");
        checkTimeStep(dt);
        this.timeStep = dt;
    }

    @Override
    public void step() {
        // The state is scanned every FINITE_CHECK_INTERVAL steps inside runSteps; a scan here on every call would
        // be a full extra pass over memory per step (a fifth of the explicit step's cost at 128³).
        runSteps(1, timeStep);
    }

    @Override
    public void advance(double duration) {
        Checks.requireFinitePositive("duration", duration, "s");
        StepClock.Plan plan = StepClock.Plan.of(duration, timeStep);
        double start = time();
        runSteps(plan.count(), plan.step());
        // Land exactly on start + duration, whatever rounding the step count picked up.
        clock.landAt(start + duration);
        checkFinite();
    }

    private void runSteps(long n, double h) {
        clock.beginSteps(h);
        for (long s = 0; s < n; s++) {
            double t0 = time();
            refreshPower(t0 + sourceEvaluationFraction() * h);
            if (tracking) {
                clearPartials();
            }
            advanceOneStep(t0, h);
            double[] before = current;
            current = next;
            next = before;
            clock.completeStep();
            if (tracking) {
                addPartialsToTotals(h);
            }
            double t1 = time();
            for (StepListener l : listeners) {
                l.afterStep(t0, before, t1, current);
            }
            if (clock.stepCount() % FINITE_CHECK_INTERVAL == 0) {
                checkFinite();
            }
        }
    }

    private void refreshPower(double t) {
        boolean invariant = true;
        for (HeatSource s : sources) {
            invariant &= s.isTimeInvariant();
        }
        if (invariant && sourcesCached) {
            return;
        }
        Arrays.fill(power, 0.0);
        for (HeatSource s : sources) {
            s.addTo(t, power);
        }
        int nx = grid.nx();
        for (int row = 0; row < sourceRows.length; row++) {
            boolean any = false;
            for (int i = row * nx; i < (row + 1) * nx; i++) {
                double p = power[i];
                if (!Double.isFinite(p)) {
                    throw new IllegalArgumentException("the heat sources give power density " + p
                            + " W/m³ at cell " + describeCell(i) + " at t = " + t + " s; it must be finite");
                }
                any |= p != 0.0;
            }
            sourceRows[row] = any;
        }
        sourcesCached = invariant;
    }

    private void checkFinite() {
        double[] t = current;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) {
                throw new NumericalInstabilityException("temperature became " + t[i] + " at cell " + describeCell(i)
                        + " between t = " + lastCheckedTime + " s and t = " + time() + " s (step "
                        + clock.stepCount() + ", time step " + clock.segmentStep() + " s); check the heat sources,"
                        + " the material properties and the time step");
            }
        }
        lastCheckedTime = time();
    }

    String describeCell(int i) {
        return "(" + grid.i(i) + ", " + grid.j(i) + ", " + grid.k(i) + ") at depth "
                + String.format("%.4g", Units.toMm(grid.z(grid.k(i)))) + " mm, material '"
                + problem.tissue().materialAt(i).name() + "'";
    }

    @Override
    public void addSource(HeatSource source) {
        sources.add(Objects.requireNonNull(source, "source"));
        sourcesCached = false;
    }

    @Override
    public boolean removeSource(HeatSource source) {
        sourcesCached = false;
        return sources.remove(source);
    }

    @Override
    public void sourcesChanged() {
        sourcesCached = false;
    }

    @Override
    public ScalarField powerDensity() {
        refreshPower(time() + sourceEvaluationFraction() * timeStep);
        return new ScalarField(grid, power.clone());
    }

    @Override
    public void setPerfusionScale(PerfusionScale scale) {
        if (!scale.grid().equals(grid)) {
            throw new IllegalArgumentException("perfusion scale grid " + scale.grid() + " differs from " + grid);
        }
        // The scale is immutable: its array is shared, not copied.
        perfusionScale = scale;
        perfusion = scale.array();
    }

    /** @return true while every perfusion scale is exactly 1 (the scale array is then absent) */
    boolean unitPerfusion() {
        return perfusion == null;
    }

    @Override
    public PerfusionScale perfusionScale() {
        return perfusionScale;
    }

    @Override
    public void addStepListener(StepListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void setEnergyTracking(boolean on) {
        this.tracking = on;
    }

    /** @return true if the energy ledger is being kept */
    boolean tracking() {
        return tracking;
    }

    @Override
    public EnergyLedger energyLedger() {
        double[] faces = new double[6];
        for (Face f : Face.values()) {
            faces[f.ordinal()] = totals[PennesOperator.SLOT_FACE0 + f.ordinal()];
        }
        return new EnergyLedger(totals[PennesOperator.SLOT_STORED], totals[PennesOperator.SLOT_SOURCE],
                totals[PennesOperator.SLOT_METABOLIC], totals[PennesOperator.SLOT_PERFUSION], faces,
                totals[PennesOperator.SLOT_FIXED]);
    }

    private void resetLedger() {
        Arrays.fill(totals, 0.0);
    }

    private void clearPartials() {
        for (double[] p : partial) {
            Arrays.fill(p, 0.0);
        }
    }

    /**
     * Adds the per-plane partials to the running totals in plane order (so the ledger does not depend on the
     * thread count). Rate slots are powers (W) and are multiplied by h; the stored slot is already in J.
     */
    private void addPartialsToTotals(double h) {
        for (int slot = 0; slot < PennesOperator.SLOTS; slot++) {
            double s = 0;
            for (double[] p : partial) {
                s += p[slot];
            }
            totals[slot] += slot == PennesOperator.SLOT_STORED ? s : s * h;
        }
    }
}
