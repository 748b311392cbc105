package org.ecmsim.biology;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.LodDiffusion;
import org.ecmsim.numerics.ParallelExecutor;
import org.ecmsim.numerics.StepClock;
import org.ecmsim.units.Checks;
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
 *   ∂f_a/∂t = ∇·(D_f ∇f_a − χ f_a ∇g) + α(h, g) f_q − k_mat f_a + r_a φ(g) f_a (1 − f/K) − δ_a f_a
 *   ∂f_s/∂t = ∇·(D_f ∇f_s − χ f_s ∇g) + k_mat f_a − k_q f_s + r_a φ(g) f_s (1 − f/K) − δ_a f_s
 *   α(h, g) = a_h h/(h + K_h) + a_g φ(g),   φ(g) = g/(1 + g)
 *   dC/dt = σ_C S(age) (f_q + β_C,a f_a + β_C,s f_s) − κ_C m C      (collagen I, III, elastin)
 *   dHA/dt = σ_HA S(age) (f_q + β_HA (f_a + f_s)) − κ_HA HA
 *   dC_d/dt = − C_d/τ_d                                              (denatured collagen)
 * </pre>
 * F₀ is the local resting fibroblast density, K = κ_K F₀ the carrying capacity, r_q = δ_q/(1 − 1/κ_K) so that F₀
 * is at rest; σ_C = κ_C C₀/F₀ so that the young baseline C₀ is at rest. S(age), F(age) and m*(age) are the aging
 * factors of {@link BiologyParameters}; the tissue starts at its age's equilibrium C₀·S·F/m*, and the age advances
 * with the simulation time, which is the only drift without treatment.
 *
 * <p>Only activated and synthetic fibroblasts migrate (resting fibroblasts are embedded in the matrix), and only
 * between cells whose layer has fibroblasts, so untreated tissue stays exactly at rest. A treatment
 * ({@link #applyInsult}) kills cells, denatures collagen, starts the heat-shock signal, sets the wound signal and
 * coagulates vessels.
 *
 * <p>Numerics, per step Δt (default 1 h, counted in whole steps): the growth factor diffuses by the implicit LOD
 * scheme ({@link LodDiffusion}); migrating fibroblasts move by an explicit, conservative, upwind finite-volume step,
 * sub-cycled so that every sub-step keeps them non-negative; then the reactions: the linear signals (s, h, w, v, m)
 * by their exact exponential solutions over the step, the fibroblasts and matrix by a Patankar-type update, gains
 * explicit and losses implicit, which keeps every value non-negative for any Δt. The matrix update books each
 * synthesised and degraded kilogram, so the mass budgets ({@link #ledger}) close to round-off.
 */
public final class RemodellingModel {

    private static final Species[] ALL = Species.values();
    /** Matrix species in the order of the per-plane booking slots: synthesis at [k], degradation at [5 + k]. */
    private static final Species[] BOOKED = {Species.COLLAGEN_I, Species.COLLAGEN_III, Species.DENATURED_COLLAGEN,
        Species.ELASTIN, Species.HYALURONAN};
    private static final double YEAR = 365.25 * Units.DAY;

    private final Grid3D grid;
    private final BiologyParameters p;
    private final double startAge;
    private final ParallelExecutor executor;
    private final LodDiffusion diffusion;
    private final int n;
    private final double[][] field;
    private final double[] restDensity;
    private final double[] capacity;
    private final double[] sigmaI;
    private final double[] sigmaIII;
    private final double[] sigmaElastin;
    private final double[] sigmaHyaluronan;
    private final boolean[] motile;
    private final int[] layerOfCell;
    private final double kappaCollagen;
    private final double kappaElastin;
    private final double kappaHyaluronan;
    private final double quiescentProliferation;
    private final double[] stage1;
    private final double[] stage2;
    private final double[] stage3;
    private double[] propagator;
    private double propagatorStep = Double.NaN;
    private final double[] scratchA;
    private final double[] scratchS;
    private final Map<Species, double[]> ledger = new EnumMap<>(Species.class);
    private final Map<Species, Double> initialMass = new EnumMap<>(Species.class);
    private final double[][] planePartial;

    private double timeStep = Units.HOUR;
    private final StepClock clock = new StepClock();

    /**
     * A model at rest for its age.
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
        this.grid = Objects.requireNonNull(grid, "grid");
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.startAge = Checks.requireInRange("age", ageYears, 18, 100, "years");
        if (!layers.grid().equals(grid)) {
            throw new IllegalArgumentException("the layer map's grid " + layers.grid() + " differs from " + grid);
        }
        if (layers.maxMaterial() >= baselines.size()) {
            throw new IllegalArgumentException("the layer map uses material " + layers.maxMaterial() + " but only "
                    + baselines.size() + " baselines were given");
        }
        this.n = grid.cellCount();
        this.diffusion = new LodDiffusion(grid, executor);
        this.field = new double[ALL.length][n];
        this.restDensity = new double[n];
        this.capacity = new double[n];
        this.sigmaI = new double[n];
        this.sigmaIII = new double[n];
        this.sigmaElastin = new double[n];
        this.sigmaHyaluronan = new double[n];
        this.motile = new boolean[n];
        this.layerOfCell = new int[n];
        this.stage1 = new double[n];
        this.stage2 = new double[n];
        this.stage3 = new double[n];
        this.scratchA = new double[n];
        this.scratchS = new double[n];
        this.planePartial = new double[grid.nz()][2 * BOOKED.length];
        this.kappaCollagen = Math.log(2) / p.matrix().collagenHalfLife();
        this.kappaElastin = Math.log(2) / p.matrix().elastinHalfLife();
        this.kappaHyaluronan = Math.log(2) / p.matrix().hyaluronanHalfLife();
        this.quiescentProliferation = p.fibroblasts().quiescentDeath() / (1 - 1 / p.fibroblasts().carryingCapacityFactor());
        double sf = p.aging().synthesisFactor(ageYears);
        double ff = p.aging().fibroblastFactor(ageYears);
        double mf = p.aging().mmpFactor(ageYears);
        for (int c = 0; c < n; c++) {
            int layer = layers.get(c);
            layerOfCell[c] = layer;
            LayerBaseline b = baselines.get(layer);
            double f0 = b.fibroblasts();
            if (f0 <= 0) {
                continue;
            }
            motile[c] = true;
            restDensity[c] = f0 * ff;
            capacity[c] = p.fibroblasts().carryingCapacityFactor() * restDensity[c];
            sigmaI[c] = kappaCollagen * b.collagenI() / f0;
            sigmaIII[c] = kappaCollagen * b.collagenIII() / f0;
            sigmaElastin[c] = kappaElastin * b.elastin() / f0;
            sigmaHyaluronan[c] = kappaHyaluronan * b.hyaluronan() / f0;
            set(Species.QUIESCENT_FIBROBLASTS, c, restDensity[c]);
            set(Species.COLLAGEN_I, c, b.collagenI() * sf * ff / mf);
            set(Species.COLLAGEN_III, c, b.collagenIII() * sf * ff / mf);
            set(Species.ELASTIN, c, b.elastin() * sf * ff / mf);
            set(Species.HYALURONAN, c, b.hyaluronan() * sf * ff);
            set(Species.MMP, c, mf);
        }
        java.util.Arrays.fill(field[Species.VESSELS.ordinal()], 1.0);
        for (Species s : ALL) {
            if (s.isMatrix()) {
                ledger.put(s, new double[4]);
                initialMass.put(s, mass(s));
            }
        }
    }

    private void set(Species s, int c, double v) {
        field[s.ordinal()][c] = v;
    }

    /** @return the biology grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the rate constants */
    public BiologyParameters parameters() {
        return p;
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
        return new ScalarField(grid, field[species.ordinal()]);
    }

    /**
     * @param c biology cell
     * @return its layer (material index)
     */
    public int layerOf(int c) {
        return layerOfCell[c];
    }

    /**
     * @param species a species
     * @return Σ value·V over the grid (kg for matrix, cells for fibroblasts)
     */
    public double mass(Species species) {
        double[] v = field[species.ordinal()];
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s * grid.cellVolume();
    }

    /**
     * The collagen synthesis rate now, per cell: σ_C S(age) (f_q + β_a f_a + β_s f_s).
     *
     * @param species {@link Species#COLLAGEN_I} or {@link Species#COLLAGEN_III}
     * @return the rate per cell (kg/(m³·s)), a new field
     */
    public ScalarField synthesisRate(Species species) {
        double[] sigma;
        double ba;
        double bs;
        if (species == Species.COLLAGEN_I) {
            sigma = sigmaI;
            ba = p.matrix().collagenIBoostActivated();
            bs = p.matrix().collagenIBoostSynthetic();
        } else if (species == Species.COLLAGEN_III) {
            sigma = sigmaIII;
            ba = p.matrix().collagenIIIBoostActivated();
            bs = p.matrix().collagenIIIBoostSynthetic();
        } else {
            throw new IllegalArgumentException("synthesis rates are for collagen I and III, not " + species);
        }
        double sf = p.aging().synthesisFactor(age());
        double[] fq = field[Species.QUIESCENT_FIBROBLASTS.ordinal()];
        double[] fa = field[Species.ACTIVATED_FIBROBLASTS.ordinal()];
        double[] fs = field[Species.SYNTHETIC_FIBROBLASTS.ordinal()];
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            out[c] = sigma[c] * sf * (fq[c] + ba * fa[c] + bs * fs[c]);
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
        double[] l = ledger.get(species);
        if (l == null) {
            throw new IllegalArgumentException(species + " is not a matrix component");
        }
        return new MatrixLedger(species, initialMass.get(species), mass(species), l[0], l[1], l[2], l[3]);
    }

    /**
     * Applies a treatment's thermal insult at the current time.
     *
     * @param insult per-cell killed, denatured and heat-shock fractions on this model's grid
     */
    public void applyInsult(ThermalInsult insult) {
        if (!insult.grid().equals(grid)) {
            throw new IllegalArgumentException("the insult's grid " + insult.grid() + " differs from " + grid);
        }
        double full = p.heatShock().fullInduction();
        double v = grid.cellVolume();
        double[] c1 = field[Species.COLLAGEN_I.ordinal()];
        double[] c3 = field[Species.COLLAGEN_III.ordinal()];
        double[] cd = field[Species.DENATURED_COLLAGEN.ordinal()];
        double lostI = 0;
        double lostIII = 0;
        for (int c = 0; c < n; c++) {
            double killed = insult.killed()[c];
            double survive = 1 - killed;
            field[Species.QUIESCENT_FIBROBLASTS.ordinal()][c] *= survive;
            field[Species.ACTIVATED_FIBROBLASTS.ordinal()][c] *= survive;
            field[Species.SYNTHETIC_FIBROBLASTS.ordinal()][c] *= survive;
            double dn = insult.denatured()[c];
            double d1 = c1[c] * dn;
            double d3 = c3[c] * dn;
            c1[c] -= d1;
            c3[c] -= d3;
            cd[c] += d1 + d3;
            lostI += d1;
            lostIII += d3;
            if (motile[c]) {
                double add = full * insult.heatShock()[c];
                stage1[c] += add;
                field[Species.HEAT_SHOCK_SIGNAL.ordinal()][c] += add;
            }
            double[] w = field[Species.WOUND.ordinal()];
            w[c] = w[c] + killed * (1 - w[c]);
            field[Species.VESSELS.ordinal()][c] *= survive;
        }
        ledger.get(Species.COLLAGEN_I)[2] += lostI * v;
        ledger.get(Species.COLLAGEN_III)[2] += lostIII * v;
        ledger.get(Species.DENATURED_COLLAGEN)[3] += (lostI + lostIII) * v;
    }

    /**
     * Advances by exactly {@code duration} in the fewest equal steps no longer than {@link #timeStep()}.
     *
     * @param duration time (s), &gt; 0
     */
    public void advance(double duration) {
        StepClock.Plan plan = StepClock.Plan.of(duration, timeStep);
        double start = time();
        clock.beginSteps(plan.step());
        for (long s = 0; s < plan.count(); s++) {
            step(plan.step());
            clock.completeStep();
        }
        clock.landAt(start + duration);
    }

    private void step(double dt) {
        // 1. Transport: growth factor (implicit LOD), migrating fibroblasts (explicit upwind, sub-cycled).
        diffusion.step(field[Species.GROWTH_FACTOR.ordinal()], p.wound().growthFactorDiffusivity(), 0.0, dt);
        migrate(dt);
        // 2. Reactions, pointwise.
        if (dt != propagatorStep) {
            propagator = p.heatShock().cascade().propagator(dt);
            propagatorStep = dt;
        }
        double age = age();
        double sf = p.aging().synthesisFactor(age);
        double mf = p.aging().mmpFactor(age);
        for (double[] row : planePartial) {
            java.util.Arrays.fill(row, 0.0);
        }
        executor.forRange(grid.nz(), (from, to) -> react(dt, sf, mf, from, to));
        // Book the plane sums in plane order: the ledger does not depend on the thread count.
        double v = grid.cellVolume();
        for (int k = 0; k < BOOKED.length; k++) {
            double syn = 0;
            double deg = 0;
            for (double[] row : planePartial) {
                syn += row[k];
                deg += row[BOOKED.length + k];
            }
            double[] l = ledger.get(BOOKED[k]);
            l[0] += syn * v;
            l[1] += deg * v;
        }
    }

    private void react(double dt, double sf, double mf, int zFrom, int zTo) {
        double[] e = propagator;
        double ew = Math.exp(-dt / p.wound().time());
        double ev = Math.exp(-dt / p.vessels().recoveryTime());
        double em = Math.exp(-dt / p.mmp().time());
        double[] s = field[Species.HEAT_SHOCK_SIGNAL.ordinal()];
        double[] h = field[Species.HEAT_SHOCK_PROTEIN.ordinal()];
        double[] w = field[Species.WOUND.ordinal()];
        double[] vs = field[Species.VESSELS.ordinal()];
        double[] g = field[Species.GROWTH_FACTOR.ordinal()];
        double[] m = field[Species.MMP.ordinal()];
        double[] fq = field[Species.QUIESCENT_FIBROBLASTS.ordinal()];
        double[] fa = field[Species.ACTIVATED_FIBROBLASTS.ordinal()];
        double[] fs = field[Species.SYNTHETIC_FIBROBLASTS.ordinal()];
        double[] c1 = field[Species.COLLAGEN_I.ordinal()];
        double[] c3 = field[Species.COLLAGEN_III.ordinal()];
        double[] cd = field[Species.DENATURED_COLLAGEN.ordinal()];
        double[] el = field[Species.ELASTIN.ordinal()];
        double[] ha = field[Species.HYALURONAN.ordinal()];
        int plane = grid.strideZ();
        for (int z = zFrom; z < zTo; z++) {
            double[] book = planePartial[z];
            for (int c = z * plane; c < (z + 1) * plane; c++) {
                // Linear signals: exact over the step (the cascade's propagator is lower triangular).
                double a1 = stage1[c];
                double a2 = stage2[c];
                double a3 = stage3[c];
                double h0 = h[c];
                stage1[c] = e[0] * a1;
                stage2[c] = e[4] * a1 + e[5] * a2;
                stage3[c] = e[8] * a1 + e[9] * a2 + e[10] * a3;
                h[c] = e[12] * a1 + e[13] * a2 + e[14] * a3 + e[15] * h0;
                s[c] = stage1[c] + stage2[c] + stage3[c];
                double w0 = w[c];
                w[c] = w0 * ew;
                vs[c] = 1 - (1 - vs[c]) * ev;
                double f0 = restDensity[c];
                if (f0 <= 0) {
                    g[c] = g[c] / (1 + dt * p.wound().growthFactorDecay());
                    double newD = cd[c] / (1 + dt / p.matrix().denaturedClearanceTime());
                    book[7] += cd[c] - newD;
                    cd[c] = newD;
                    continue;
                }
                double act = fa[c] + fs[c];
                // MMP relaxes to its target over τ_m (exact for a frozen target).
                double target = mf * (fq[c] + p.mmp().fromActivated() * act) / f0 + mf * p.mmp().fromWound() * w0;
                m[c] = target + (m[c] - target) * em;
                // Growth factor: production explicit, decay implicit.
                g[c] = (g[c] + dt * (p.wound().growthFactorFromWound() * w0 + p.wound().growthFactorFromActivated() * act / f0))
                        / (1 + dt * p.wound().growthFactorDecay());
                // Fibroblasts: gains explicit, losses implicit (Patankar), transfers use the updated donor.
                double hNow = h[c];
                double alpha = p.fibroblasts().activationByHeatShock() * hNow / (hNow + p.fibroblasts().heatShockHalfSaturation())
                        + p.fibroblasts().activationByGrowthFactor() * g[c] / (1 + g[c]);
                double logistic = 1 - (fq[c] + act) / capacity[c];
                double gq = quiescentProliferation * logistic;
                // Activated and synthetic cells divide only while the growth factor drives them.
                double ga = p.fibroblasts().activatedProliferation() * g[c] / (1 + g[c]) * logistic;
                double q0 = fq[c];
                double a0 = fa[c];
                double sy0 = fs[c];
                double q1 = (q0 + dt * (p.fibroblasts().quiescenceRate() * sy0 + Math.max(gq, 0) * q0))
                        / (1 + dt * (alpha + p.fibroblasts().quiescentDeath() + Math.max(-gq, 0)));
                double act1 = (a0 + dt * (alpha * q1 + Math.max(ga, 0) * a0))
                        / (1 + dt * (p.fibroblasts().maturationRate() + p.fibroblasts().activatedDeath() + Math.max(-ga, 0)));
                double s1 = (sy0 + dt * (p.fibroblasts().maturationRate() * act1 + Math.max(ga, 0) * sy0))
                        / (1 + dt * (p.fibroblasts().quiescenceRate() + p.fibroblasts().activatedDeath() + Math.max(-ga, 0)));
                fq[c] = q1;
                fa[c] = act1;
                fs[c] = s1;
                // Matrix: synthesis explicit (from the updated cells), degradation implicit.
                double mNow = m[c];
                double synI = dt * sigmaI[c] * sf * (q1 + p.matrix().collagenIBoostActivated() * act1
                        + p.matrix().collagenIBoostSynthetic() * s1);
                double synIII = dt * sigmaIII[c] * sf * (q1 + p.matrix().collagenIIIBoostActivated() * act1
                        + p.matrix().collagenIIIBoostSynthetic() * s1);
                double synE = dt * sigmaElastin[c] * sf * (q1 + p.matrix().elastinBoost() * (act1 + s1));
                double synH = dt * sigmaHyaluronan[c] * sf * (q1 + p.matrix().hyaluronanBoost() * (act1 + s1));
                double newI = (c1[c] + synI) / (1 + dt * kappaCollagen * mNow);
                double newIII = (c3[c] + synIII) / (1 + dt * kappaCollagen * mNow);
                double newE = (el[c] + synE) / (1 + dt * kappaElastin * mNow);
                double newH = (ha[c] + synH) / (1 + dt * kappaHyaluronan);
                double newD = cd[c] / (1 + dt / p.matrix().denaturedClearanceTime());
                book[0] += synI;
                book[1] += synIII;
                book[3] += synE;
                book[4] += synH;
                book[5] += c1[c] + synI - newI;
                book[6] += c3[c] + synIII - newIII;
                book[7] += cd[c] - newD;
                book[8] += el[c] + synE - newE;
                book[9] += ha[c] + synH - newH;
                c1[c] = newI;
                c3[c] = newIII;
                el[c] = newE;
                ha[c] = newH;
                cd[c] = newD;
            }
        }
    }

    /** Explicit, conservative, upwind transport of the migrating pools, sub-cycled for positivity. */
    private void migrate(double dt) {
        if (p.fibroblasts().motility() == 0 && p.fibroblasts().chemotaxis() == 0) {
            return;
        }
        double[] g = field[Species.GROWTH_FACTOR.ordinal()];
        // The largest outflow rate of any cell, Σ_faces (D/h² + max(u, 0)/h), sets the sub-step: each sub-step then
        // moves at most 90 % of a cell's content out, so no value goes negative.
        double worst = 0;
        for (int c = 0; c < n; c++) {
            if (motile[c]) {
                worst = Math.max(worst, outflowRate(c, g));
            }
        }
        int sub = Math.max(1, (int) Math.ceil(dt * worst / 0.9));
        double hsub = dt / sub;
        for (int k = 0; k < sub; k++) {
            moveOnce(field[Species.ACTIVATED_FIBROBLASTS.ordinal()], scratchA, hsub, g);
            moveOnce(field[Species.SYNTHETIC_FIBROBLASTS.ordinal()], scratchS, hsub, g);
        }
    }

    private double outflowRate(int c, double[] g) {
        double out = 0;
        int i = grid.i(c);
        int j = grid.j(c);
        int k = grid.k(c);
        out += faceOutflow(c, i > 0 ? c - 1 : -1, g, grid.dx());
        out += faceOutflow(c, i < grid.nx() - 1 ? c + 1 : -1, g, grid.dx());
        out += faceOutflow(c, j > 0 ? c - grid.strideY() : -1, g, grid.dy());
        out += faceOutflow(c, j < grid.ny() - 1 ? c + grid.strideY() : -1, g, grid.dy());
        out += faceOutflow(c, k > 0 ? c - grid.strideZ() : -1, g, grid.dz());
        out += faceOutflow(c, k < grid.nz() - 1 ? c + grid.strideZ() : -1, g, grid.dz());
        return out;
    }

    private double faceOutflow(int c, int nb, double[] g, double h) {
        if (nb < 0 || !motile[nb]) {
            return 0;
        }
        double u = p.fibroblasts().chemotaxis() * (g[nb] - g[c]) / h;
        return p.fibroblasts().motility() / (h * h) + Math.max(u, 0) / h;
    }

    /** Net inflow density rate (cells/(m³·s)) into c across its face to nb: diffusion plus upwind chemotaxis. */
    private double faceExchange(double[] f, double[] g, int c, int nb, double h) {
        if (nb < 0 || !motile[nb]) {
            return 0;
        }
        double u = p.fibroblasts().chemotaxis() * (g[nb] - g[c]) / h;
        double flux = u > 0 ? u * f[c] : u * f[nb];
        return p.fibroblasts().motility() * (f[nb] - f[c]) / (h * h) - flux / h;
    }

    private void moveOnce(double[] f, double[] out, double dt, double[] g) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int sy = grid.strideY();
        int sz = grid.strideZ();
        double dx = grid.dx();
        double dy = grid.dy();
        double dz = grid.dz();
        executor.forRange(nz, (from, to) -> {
            for (int k = from; k < to; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        int c = i + sy * j + sz * k;
                        if (!motile[c]) {
                            out[c] = f[c];
                            continue;
                        }
                        double change = faceExchange(f, g, c, i > 0 ? c - 1 : -1, dx)
                                + faceExchange(f, g, c, i < nx - 1 ? c + 1 : -1, dx)
                                + faceExchange(f, g, c, j > 0 ? c - sy : -1, dy)
                                + faceExchange(f, g, c, j < ny - 1 ? c + sy : -1, dy)
                                + faceExchange(f, g, c, k > 0 ? c - sz : -1, dz)
                                + faceExchange(f, g, c, k < nz - 1 ? c + sz : -1, dz);
                        out[c] = f[c] + dt * change;
                    }
                }
            }
        });
        System.arraycopy(out, 0, f, 0, n);
    }
}
