package org.ecmsim.biology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.numerics.StepClock;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

/**
 * The weeks after a thermal treatment: fibroblasts, signals and extracellular matrix on a biology grid, advanced by
 * operator splitting into transport and reactions. The equations, with f = f_q + f_a + f_s the fibroblasts
 * (quiescent, activated, synthetic), h the heat-shock protein excess, s its induction signal, w the wound signal,
 * g the growth factor, m the MMP activity, C the matrix components:
 * <pre>
 *   s → s₂ → s₃ → h, each stage with time τ_s, h decaying with τ_h (see HeatShockCascade); s is the sum of stages
 *   dw/dt = −w/τ_w                         dv/dt = (1 − v)/τ_v                       (vessels)
 *   ∂g/∂t = D_g ∇²g + p_w w + p_a (f_a + f_s)/F₀ − k_g g
 *   dm/dt = (m*(age) [f_q + μ_a (f_a + f_s)]/F₀ + m*(age) μ_w w − m)/τ_m
 *   ∂f_q/∂t = − α(h, g) f_q + k_q f_s + r_q f_q (1 − f/K) − δ_q f_q
 *   ∂f_a/∂t = ∇·(D_f ∇f_a − χ f_a ∇g) + α(h, g) f_q − k_mat f_a + (r_q + r_a φ(g)) f_a (1 − f/K) − δ_a f_a
 *   ∂f_s/∂t = ∇·(D_f ∇f_s − χ f_s ∇g) + k_mat f_a − k_q f_s + (r_q + r_a φ(g)) f_s (1 − f/K) − δ_a f_s
 *   α(h, g) = a_h h/(h + K_h) + a_g φ(g),   φ(g) = g/(1 + g)
 *   P_C = σ_C S(age) (f_q + β_C,a f_a + β_C,s f_s)                  (collagen synthesis, C = I, III)
 *   dN_C/dt = P_C − (k_N + 1/τ_x + κ_C m/m*₀) N_C                        (immature, newly made collagen)
 *   dM_C/dt = N_C/τ_x − κ_C (m/m*₀) M_C                                (mature, cross-linked; native C = N + M)
 *   k_N = k_N0 ((C_I + C_III)/C_rest)^n                              (new collagen degraded, with a set point)
 *   dL_C/dt = λ (P_C − k_N N_C − κ_C (m/m*₀) L_C)                      (new since labelling began, λ = 0 or 1)
 *   dH47/dt = ((P_I + P_III)/P_rest + η_47 h − H47)/τ_47              (HSP47, fold over basal)
 *   dE/dt = σ_E S(age) (f_q + β_E (f_a + f_s)) − κ_E (m/m*₀) E        (elastin)
 *   dHA/dt = σ_HA S(age) (f_q + β_HA (f_a + f_s)) − κ_HA HA
 *   dC_d/dt = − m C_d/τ_d                                            (denatured collagen, cleared by MMPs)
 * </pre>
 * F₀ is the local resting fibroblast density, K = κ_K F₀ the carrying capacity, r_q = δ_q/(1 − 1/κ_K) so that F₀
 * is at rest; σ_C = r_syn C₀/F₀ with r_syn the measured fractional synthesis rate of skin collagen, and k_N0 set
 * so that the resting maturation flux balances the mature turnover (BiologyKinetics#restingNewCollagenDegradation).
 * S(age), F(age), m*(age) and D(age) are the aging factors of {@link BiologyParameters}; the tissue starts at rest
 * for its age (collagen D·C₀, elastin E₀·S·F), and the age advances with the simulation time, which is the only
 * drift without treatment.
 *
 * <p>Only activated and synthetic fibroblasts migrate (resting fibroblasts are embedded in the matrix), and only
 * between cells whose layer has fibroblasts, so untreated tissue stays exactly at rest. A treatment
 * ({@link #applyInsult}) kills cells, denatures collagen, starts the heat-shock signal, sets the wound signal and
 * coagulates vessels.
 *
 * <p>The model is a façade over three parts: the {@link BiologyState} (fields, per-cell constants, ledgers), the
 * {@link BiologyKinetics} (the pointwise right-hand side above, without transport) and a {@link BiologyStepper}
 * that advances the state by one step. The default stepper, {@link OperatorSplitStepper}, diffuses the growth
 * factor by the implicit LOD scheme, moves migrating fibroblasts by an explicit upwind finite-volume step
 * sub-cycled for positivity, then applies the reactions: the linear signals (s, h, w, v, m) exactly over the step,
 * the fibroblasts and matrix by a Patankar-type update that keeps every value non-negative for any Δt and books
 * each synthesised and degraded kilogram, so the mass budgets ({@link #ledger}) close to round-off. The model owns
 * the clock: {@link #advance} takes whole steps of at most {@link #timeStep()} (default 1 h) and lands exactly on
 * its end ({@link StepClock}).
 */
public final class RemodellingModel {

    private static final double YEAR = 365.25 * Units.DAY;

    private final Grid3D grid;
    private final BiologyParameters p;
    private final double startAge;
    private final BiologyKinetics kinetics;
    private final BiologyState state;
    private final BiologyStepper stepper;

    private double timeStep = Units.HOUR;
    private final StepClock clock = new StepClock();

    /**
     * A model at rest for its age, advanced by the {@link OperatorSplitStepper}.
     *
     * @param grid the biology grid
     * @param layers the layer (material index) of every biology cell
     * @param baselines the young-adult baseline of each material index
     * @param parameters rate constants
     * @param ageYears age at the start (years), 18–100
     * @param executor threads
     */
    public RemodellingModel(Grid3D grid, MaterialMap layers, List<LayerBaseline> baselines,
            BiologyParameters parameters, double ageYears, ParallelExecutor executor) {
        this(grid, layers, baselines, parameters, ageYears,
                new OperatorSplitStepper(Objects.requireNonNull(grid, "grid"),
                        Objects.requireNonNull(executor, "executor")));
    }

    /**
     * A model at rest for its age, advanced by the given stepper.
     *
     * @param grid the biology grid
     * @param layers the layer (material index) of every biology cell
     * @param baselines the young-adult baseline of each material index
     * @param parameters rate constants
     * @param ageYears age at the start (years), 18–100
     * @param stepper the time-stepping scheme, for states on {@code grid}
     */
    public RemodellingModel(Grid3D grid, MaterialMap layers, List<LayerBaseline> baselines,
            BiologyParameters parameters, double ageYears, BiologyStepper stepper) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.stepper = Objects.requireNonNull(stepper, "stepper");
        this.startAge = Checks.requireInRange("age", ageYears, 18, 100, "years");
        this.kinetics = new BiologyKinetics(parameters);
        this.state = new BiologyState(grid, layers, baselines, kinetics, ageYears);
    }

    /** A column model: the state given, one column of a laterally uniform model. */
    private RemodellingModel(Grid3D grid, BiologyParameters parameters, double startAge, BiologyState state,
            BiologyStepper stepper, double timeStep) {
        this.grid = grid;
        this.p = parameters;
        this.stepper = stepper;
        this.startAge = startAge;
        this.kinetics = new BiologyKinetics(parameters);
        this.state = state;
        this.timeStep = timeStep;
    }

    /**
     * A model of one column of this model, for a tissue that stays laterally uniform, such as an untreated control:
     * advanced alone, its column evolves bitwise as every column of this model would, at 1/(nx·ny) of the cost, and
     * {@link #copyLaterally} spreads it back over this model's grid when the full field is wanted. That holds
     * because then every lateral flux is exactly zero: the growth factor (whose LOD sweeps along x and y would round
     * a uniform nonzero field) and the migrating fibroblasts are zero and stay zero, since no signal that makes them
     * is present. The conditions, all checked:
     * <ul>
     *   <li>the stepper is the default {@link OperatorSplitStepper} with no lateral copies;</li>
     *   <li>the layers and every value are the same (bitwise) across each z plane;</li>
     *   <li>the growth factor, activated and synthetic fibroblasts, wound signal, heat-shock signal, its stages and
     *       heat-shock protein are exactly zero everywhere;</li>
     *   <li>the kinetics make no growth factor and activate no fibroblasts from zero signals.</li>
     * </ul>
     * The correspondence lasts while neither model gets an insult ({@link #applyInsult}) and both get the same
     * {@link #advance} and {@link #startLabelling} calls. The column's stepper books each plane's matrix as
     * nx·ny equal terms ({@link OperatorSplitStepper#OperatorSplitStepper(Grid3D, ParallelExecutor, int)}), so
     * its ledgers' synthesised, degraded and matured totals are bitwise this model's; its masses are its own.
     *
     * @return the column model (grid 1×1×nz, same spacings, state, clock, step), or empty where a condition fails
     */
    public Optional<RemodellingModel> lateralColumn() {
        if (!(stepper instanceof OperatorSplitStepper s) || s.lateralCopies() != 1) {
            return Optional.empty();
        }
        Species[] quiet = {Species.GROWTH_FACTOR, Species.ACTIVATED_FIBROBLASTS, Species.SYNTHETIC_FIBROBLASTS,
            Species.WOUND, Species.HEAT_SHOCK_SIGNAL, Species.HEAT_SHOCK_PROTEIN};
        for (Species q : quiet) {
            if (!allZero(state.values(q))) {
                return Optional.empty();
            }
        }
        if (!allZero(state.stage1) || !allZero(state.stage2) || !allZero(state.stage3)) {
            return Optional.empty();
        }
        if (kinetics.activation(0, 0) != 0) {
            return Optional.empty();
        }
        for (double f0 : state.layerRestDensity) {
            if (f0 > 0 && kinetics.growthFactorProduction(0, 0, f0) != 0) {
                return Optional.empty();
            }
        }
        if (!state.isLaterallyUniform()) {
            return Optional.empty();
        }
        Grid3D column = new Grid3D(1, 1, grid.nz(), grid.dx(), grid.dy(), grid.dz(), grid.originX(),
                grid.originY(), grid.originZ());
        BiologyState columnState = new BiologyState(state, column);
        RemodellingModel m = new RemodellingModel(column, p, startAge, columnState,
                new OperatorSplitStepper(column, ParallelExecutor.serial(), grid.nx() * grid.ny()), timeStep);
        m.copyLaterally(this);
        return Optional.of(m);
    }

    private static boolean allZero(double[] a) {
        for (double x : a) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets every column of this model to column (0, 0) of {@code from}, a model with the same layers, z planes and
     * spacings (one of them typically a {@link #lateralColumn()}): the fields, the heat-shock stages, the labelling
     * flag, the clock and the ledgers' synthesised, degraded, denatured-away and matured totals. The initial masses
     * and the mass counted as new when labelling began are sums over this model's own grid and are kept.
     *
     * @param from the model to copy
     * @throws IllegalArgumentException if the z planes, spacings, layers, start age or step differ
     */
    public void copyLaterally(RemodellingModel from) {
        if (from.startAge != startAge || from.timeStep != timeStep) {
            throw new IllegalArgumentException("a model of age " + from.startAge + " years and step " + from.timeStep
                    + " s cannot be copied onto one of age " + startAge + " years and step " + timeStep + " s");
        }
        state.copyLaterally(from.state, true);
        clock.copyFrom(from.clock);
    }

    /** @return the biology grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the rate constants */
    public BiologyParameters parameters() {
        return p;
    }

    /** @return the pointwise reaction rates of this model */
    public BiologyKinetics kinetics() {
        return kinetics;
    }

    /** @return the time-stepping scheme */
    public BiologyStepper stepper() {
        return stepper;
    }

    /** @return the state, live (package use: tests) */
    BiologyState state() {
        return state;
    }

    /** @return the age at the start (years) */
    public double startAge() {
        return startAge;
    }

    /** @return the age now (years) */
    public double age() {
        return startAge + time() / YEAR;
    }

    /** @return the time since the start (s) */
    public double time() {
        return clock.time();
    }

    /** @return the steps taken */
    public long stepCount() {
        return clock.stepCount();
    }

    /** @return the step length (s) */
    public double timeStep() {
        return timeStep;
    }

    /** @param seconds the step length (s), any positive value: every part of the step is stable */
    public void setTimeStep(double seconds) {
        this.timeStep = Checks.requireFinitePositive("biology time step", seconds, "s");
    }

    /**
     * @param species a species
     * @return its values (a view of the model's array; do not modify)
     */
    public ScalarField field(Species species) {
        return new ScalarField(grid, state.values(species));
    }

    /**
     * @param c biology cell
     * @return its layer (material index)
     */
    public int layerOf(int c) {
        return state.layerOf(c);
    }

    /**
     * @param species a species
     * @return Σ value·V over the grid (kg for matrix, cells for fibroblasts)
     */
    public double mass(Species species) {
        return state.mass(species);
    }

    /**
     * The collagen synthesis rate now, per cell: σ_C S(age) (f_q + β_a f_a + β_s f_s).
     *
     * @param species {@link Species#COLLAGEN_I} or {@link Species#COLLAGEN_III}
     * @return the rate per cell (kg/(m³·s)), a new field
     */
    public ScalarField synthesisRate(Species species) {
        double[] sigma;
        boolean typeI;
        if (species == Species.COLLAGEN_I) {
            sigma = state.sigmaI;
            typeI = true;
        } else if (species == Species.COLLAGEN_III) {
            sigma = state.sigmaIII;
            typeI = false;
        } else {
            throw new IllegalArgumentException("synthesis rates are for collagen I and III, not " + species);
        }
        double sf = kinetics.synthesisFactor(age());
        double[] fq = state.values(Species.QUIESCENT_FIBROBLASTS);
        double[] fa = state.values(Species.ACTIVATED_FIBROBLASTS);
        double[] fs = state.values(Species.SYNTHETIC_FIBROBLASTS);
        int n = grid.cellCount();
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            double weight = typeI ? kinetics.collagenIWeight(fq[c], fa[c], fs[c])
                    : kinetics.collagenIIIWeight(fq[c], fa[c], fs[c]);
            out[c] = sigma[c] * sf * weight;
        }
        return new ScalarField(grid, out);
    }

    /**
     * The mass budget of a matrix component since the start.
     *
     * @param species a matrix species
     * @return its ledger
     */
    public MatrixLedger ledger(Species species) {
        return state.ledger(species);
    }

    /**
     * Begins labelling new collagen now (the first call counts; later calls do nothing): the new-collagen parts
     * ({@link Species#NEW_COLLAGEN_I}, {@link Species#NEW_COLLAGEN_III}) then hold the collagen made from now on,
     * plus the immature collagen present now. A course calls it on the treated and the control model at the first
     * session, so that both measure the same thing.
     */
    public void startLabelling() {
        state.startLabelling();
    }

    /** @return true once labelling of new collagen began */
    public boolean isLabelling() {
        return state.isLabelling();
    }

    /**
     * Applies a treatment's thermal insult at the current time.
     *
     * @param insult per-cell killed, denatured and heat-shock fractions on this model's grid
     */
    public void applyInsult(ThermalInsult insult) {
        state.applyInsult(insult, kinetics.fullInduction());
    }

    /**
     * Advances by exactly {@code duration} in the fewest equal steps no longer than {@link #timeStep()}.
     *
     * @param duration time (s), &gt; 0
     */
    public void advance(double duration) {
        Checks.requireFinitePositive("duration", duration, "s");
        StepClock.Plan plan = StepClock.Plan.of(duration, timeStep);
        double start = time();
        clock.beginSteps(plan.step());
        for (long s = 0; s < plan.count(); s++) {
            stepper.step(state, kinetics, age(), plan.step());
            clock.completeStep();
        }
        clock.landAt(start + duration);
    }
}
