package org.ecmsim.biology;

import java.util.Arrays;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.numerics.LodDiffusion;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * The default {@link BiologyStepper}: one step Δt is an operator splitting, first order in Δt.
 * <ol>
 *   <li>Transport: the growth factor diffuses by one implicit LOD step ({@link LodDiffusion}, zero flux, decay left
 *       to the reactions); migrating fibroblasts (f_a, f_s) move by an explicit, conservative, upwind finite-volume
 *       step between cells with fibroblasts, sub-cycled so that every sub-step keeps them non-negative.</li>
 *   <li>Reactions, pointwise with the terms of {@link BiologyKinetics}: the linear signals (s, h, w, v, m) by their
 *       exact exponential solutions over the step; the growth factor, fibroblasts and matrix by a Patankar-type
 *       update, gains explicit and losses implicit, which keeps every value non-negative for any Δt. The
 *       fibroblasts are updated in the order f_q, f_a, f_s, each transfer using the donor's updated value; the
 *       matrix uses the updated cells and MMP activity.</li>
 * </ol>
 * The reactions run in parallel over fixed z slabs and book synthesis and breakdown per z plane; the plane sums go
 * into the ledgers in plane order, so the result is bitwise the same for any thread count. No allocation in the
 * loops; the cascade propagator is rebuilt only when the step length or the kinetics change.
 */
public final class OperatorSplitStepper implements BiologyStepper {

    /**
     * Matrix species in the order of the per-plane booking slots: synthesis at [k], degradation at [9 + k], and the
     * maturation of the two immature parts at [18] and [19].
     */
    private static final Species[] BOOKED = {Species.COLLAGEN_I, Species.COLLAGEN_III, Species.DENATURED_COLLAGEN,
        Species.ELASTIN, Species.HYALURONAN, Species.IMMATURE_COLLAGEN_I, Species.IMMATURE_COLLAGEN_III,
        Species.NEW_COLLAGEN_I, Species.NEW_COLLAGEN_III};
    private static final int NB = 9;
    /** Cells per chunk of the reaction passes: a chunk's values of every field fit in the L2 cache. */
    private static final int CHUNK = 1024;

    private final Grid3D grid;
    private final ParallelExecutor executor;
    private final LodDiffusion diffusion;
    private final int n;
    private final double[] scratchA;
    private final double[] scratchS;
    private final double[][] planePartial;
    private final double[] planeWorst;
    /** How many identical columns the grid stands for (1: none replicated). */
    private final int lateralCopies;
    /** Per plane, one column's booked terms, replicated into the plane sums (only for lateralCopies &gt; 1). */
    private final double[][] planeTerms;
    private final boolean[] rowOccupied;
    private final boolean[] rowMoved;
    private double[] propagator;
    private double propagatorStep = Double.NaN;
    private BiologyKinetics propagatorKinetics;

    /**
     * A stepper for states on {@code grid}.
     *
     * @param grid the biology grid
     * @param executor threads
     */
    public OperatorSplitStepper(Grid3D grid, ParallelExecutor executor) {
        this(grid, executor, 1);
    }

    /**
     * A stepper for a single column that stands for {@code lateralCopies} identical columns of a laterally uniform
     * state ({@link RemodellingModel#lateralColumn()}): each plane's booked synthesis and degradation is summed as
     * the full grid's stepper sums it, {@code lateralCopies} equal terms in cell order, so the ledgers are bitwise
     * those of the full grid.
     *
     * @param grid the biology grid: one column (1×1×nz) if {@code lateralCopies} &gt; 1
     * @param executor threads
     * @param lateralCopies the number of columns the grid stands for, ≥ 1 (1: the grid is the whole domain)
     */
    public OperatorSplitStepper(Grid3D grid, ParallelExecutor executor, int lateralCopies) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (lateralCopies < 1 || lateralCopies > 1 && grid.nx() * grid.ny() != 1) {
            throw new IllegalArgumentException("lateral copies = " + lateralCopies + " is invalid for a grid of "
                    + grid.nx() + "×" + grid.ny() + " columns; it must be ≥ 1, and 1 unless the grid is one column");
        }
        this.lateralCopies = lateralCopies;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.diffusion = new LodDiffusion(grid, executor);
        this.n = grid.cellCount();
        this.scratchA = new double[n];
        this.scratchS = new double[n];
        this.planePartial = new double[grid.nz()][2 * NB + 2];
        this.planeWorst = new double[grid.nz()];
        this.planeTerms = lateralCopies > 1 ? new double[grid.nz()][2 * NB + 2] : null;
        this.rowOccupied = new boolean[grid.ny() * grid.nz()];
        this.rowMoved = new boolean[grid.ny() * grid.nz()];
    }

    /** @return the number of identical columns the grid stands for (1: the grid is the whole domain) */
    public int lateralCopies() {
        return lateralCopies;
    }

    /** @return the biology grid this stepper works on */
    public Grid3D grid() {
        return grid;
    }

    @Override
    public void step(BiologyState state, BiologyKinetics k, double ageYears, double dt) {
        if (!state.grid().equals(grid)) {
            throw new IllegalArgumentException("the state's grid " + state.grid() + " differs from the stepper's "
                    + grid);
        }
        double[][] field = state.field;
        // 1. Transport: growth factor (implicit LOD), migrating fibroblasts (explicit upwind, sub-cycled).
        diffusion.step(field[Species.GROWTH_FACTOR.ordinal()], k.growthFactorDiffusivity, 0.0, dt);
        migrate(state, k, dt);
        // 2. Reactions, pointwise.
        if (dt != propagatorStep || k != propagatorKinetics) {
            propagator = k.cascade.propagator(dt);
            propagatorStep = dt;
            propagatorKinetics = k;
        }
        double sf = k.synthesisFactor(ageYears);
        double mf = k.mmpFactor(ageYears);
        for (double[] row : planePartial) {
            Arrays.fill(row, 0.0);
        }
        executor.forRange(grid.nz(), (from, to) -> react(state, k, dt, sf, mf, from, to));
        // Book the plane sums in plane order: the ledger does not depend on the thread count.
        double v = grid.cellVolume();
        for (int b = 0; b < BOOKED.length; b++) {
            double syn = 0;
            double deg = 0;
            for (double[] row : planePartial) {
                syn += row[b];
                deg += row[BOOKED.length + b];
            }
            state.bookSynthesis(BOOKED[b], syn * v);
            state.bookDegradation(BOOKED[b], deg * v);
        }
        double mat1 = 0;
        double mat3 = 0;
        for (double[] row : planePartial) {
            mat1 += row[2 * NB];
            mat3 += row[2 * NB + 1];
        }
        state.bookMaturation(Species.IMMATURE_COLLAGEN_I, mat1 * v);
        state.bookMaturation(Species.IMMATURE_COLLAGEN_III, mat3 * v);
    }

    private void react(BiologyState st, BiologyKinetics k, double dt, double sf, double mf, int zFrom, int zTo) {
        double[] e = propagator;
        double ew = Math.exp(-dt / k.woundTime);
        double ev = Math.exp(-dt / k.vesselRecoveryTime);
        double em = Math.exp(-dt / k.mmpTime);
        double e47 = Math.exp(-dt / k.hsp47Time);
        double gDecay = 1 / (1 + dt * k.growthFactorDecay);
        double clear = dt / k.denaturedClearanceTime;
        double kx = dt * k.crossLinkingRate;
        double kc = dt * k.kappaCollagen / st.mmpReference;
        double ke = dt * k.kappaElastin / st.mmpReference;
        double hDecay = 1 / (1 + dt * k.kappaHyaluronan);
        double kn0 = st.newCollagenRestDegradation;
        boolean labelling = st.labelling;
        double[][] field = st.field;
        int[] layerOf = st.layerOfCell;
        double[] stage1 = st.stage1;
        double[] stage2 = st.stage2;
        double[] stage3 = st.stage3;
        double[] restDensity = st.layerRestDensity;
        double[] restCollagen = st.layerRestCollagen;
        double[] capacity = st.layerCapacity;
        double[] sigmaI = st.layerSigmaI;
        double[] sigmaIII = st.layerSigmaIII;
        double[] sigmaElastin = st.layerSigmaElastin;
        double[] sigmaHyaluronan = st.layerSigmaHyaluronan;
        double[] s = field[Species.HEAT_SHOCK_SIGNAL.ordinal()];
        double[] h = field[Species.HEAT_SHOCK_PROTEIN.ordinal()];
        double[] h47 = field[Species.HSP47.ordinal()];
        double[] w = field[Species.WOUND.ordinal()];
        double[] vs = field[Species.VESSELS.ordinal()];
        double[] g = field[Species.GROWTH_FACTOR.ordinal()];
        double[] m = field[Species.MMP.ordinal()];
        double[] fq = field[Species.QUIESCENT_FIBROBLASTS.ordinal()];
        double[] fa = field[Species.ACTIVATED_FIBROBLASTS.ordinal()];
        double[] fs = field[Species.SYNTHETIC_FIBROBLASTS.ordinal()];
        double[] c1 = field[Species.COLLAGEN_I.ordinal()];
        double[] c3 = field[Species.COLLAGEN_III.ordinal()];
        double[] n1 = field[Species.IMMATURE_COLLAGEN_I.ordinal()];
        double[] n3 = field[Species.IMMATURE_COLLAGEN_III.ordinal()];
        double[] l1 = field[Species.NEW_COLLAGEN_I.ordinal()];
        double[] l3 = field[Species.NEW_COLLAGEN_III.ordinal()];
        double[] cd = field[Species.DENATURED_COLLAGEN.ordinal()];
        double[] el = field[Species.ELASTIN.ordinal()];
        double[] ha = field[Species.HYALURONAN.ordinal()];
        int plane = grid.strideZ();
        for (int z = zFrom; z < zTo; z++) {
            double[] book = planePartial[z];
            double syn0 = 0;
            double syn1 = 0;
            double syn2 = 0;
            double syn3 = 0;
            double syn4 = 0;
            double syn5 = 0;
            double syn6 = 0;
            double syn7 = 0;
            double syn8 = 0;
            double deg0 = 0;
            double deg1 = 0;
            double deg2 = 0;
            double deg3 = 0;
            double deg4 = 0;
            double deg5 = 0;
            double deg6 = 0;
            double deg7 = 0;
            double deg8 = 0;
            double mat1 = 0;
            double mat3 = 0;
            // Three passes per chunk of a plane, each over few arrays (hardware prefetch follows few streams; the
            // chunk's cell values stay in cache between the passes). Same arithmetic, same order of the sums.
            for (int c0 = z * plane; c0 < (z + 1) * plane; c0 += CHUNK) {
                int cEnd = Math.min(c0 + CHUNK, (z + 1) * plane);
                // Pass 1, linear signals: exact over the step (the cascade's propagator is lower triangular).
                for (int c = c0; c < cEnd; c++) {
                    double a1 = stage1[c];
                    double a2 = stage2[c];
                    double a3 = stage3[c];
                    double h0 = h[c];
                    stage1[c] = e[0] * a1;
                    stage2[c] = e[4] * a1 + e[5] * a2;
                    stage3[c] = e[8] * a1 + e[9] * a2 + e[10] * a3;
                    h[c] = e[12] * a1 + e[13] * a2 + e[14] * a3 + e[15] * h0;
                    s[c] = stage1[c] + stage2[c] + stage3[c];
                    vs[c] = 1 - (1 - vs[c]) * ev;
                }
                // Pass 2, wound, MMP, growth factor and fibroblasts.
                for (int c = c0; c < cEnd; c++) {
                    double w0 = w[c];
                    w[c] = w0 * ew;
                    double f0 = restDensity[layerOf[c]];
                    if (f0 <= 0) {
                        g[c] = g[c] * gDecay;
                        continue;
                    }
                    double act = fa[c] + fs[c];
                    // MMP relaxes to its target over τ_m (exact for a frozen target).
                    double target = k.mmpTarget(fq[c], act, w0, f0, mf);
                    m[c] = target + (m[c] - target) * em;
                    // Growth factor: production explicit, decay implicit.
                    g[c] = (g[c] + dt * k.growthFactorProduction(w0, act, f0)) * gDecay;
                    // Fibroblasts: gains explicit, losses implicit (Patankar), transfers use the updated donor.
                    double alpha = k.activation(h[c], g[c]);
                    double logistic = k.logistic(fq[c], act, capacity[layerOf[c]]);
                    double gq = k.quiescentGrowth(logistic);
                    double ga = k.activatedGrowth(g[c], logistic);
                    double q0 = fq[c];
                    double a0 = fa[c];
                    double sy0 = fs[c];
                    double q1 = (q0 + dt * (k.quiescenceRate * sy0 + (gq > 0 ? gq : 0) * q0))
                            / (1 + dt * (alpha + k.quiescentDeath + (gq < 0 ? -gq : 0)));
                    double act1 = (a0 + dt * (alpha * q1 + (ga > 0 ? ga : 0) * a0))
                            / (1 + dt * (k.maturationRate + k.activatedDeath + (ga < 0 ? -ga : 0)));
                    double s1 = (sy0 + dt * (k.maturationRate * act1 + (ga > 0 ? ga : 0) * sy0))
                            / (1 + dt * (k.quiescenceRate + k.activatedDeath + (ga < 0 ? -ga : 0)));
                    fq[c] = q1;
                    fa[c] = act1;
                    fs[c] = s1;
                }
                // Pass 3, the matrix, with the updated cells and MMP activity; HSP47.
                for (int c = c0; c < cEnd; c++) {
                    int layer = layerOf[c];
                    double f0 = restDensity[layer];
                    double mNow = m[c];
                    if (f0 <= 0) {
                        double newD = cd[c] / (1 + clear * mNow);
                        deg2 += cd[c] - newD;
                        cd[c] = newD;
                        continue;
                    }
                    double q1 = fq[c];
                    double act1 = fa[c];
                    double s1 = fs[c];
                    // Collagen, two pools per type: synthesis into the immature pool N; N degrades (k_N, set point on
                    // the native content), cross-links (1/τ_x) and turns over (κ m); the mature pool M = C − N gains
                    // what cross-links and turns over. Losses implicit, so every pool stays ≥ 0.
                    double synI = dt * sigmaI[layer] * sf * k.collagenIWeight(q1, act1, s1);
                    double synIII = dt * sigmaIII[layer] * sf * k.collagenIIIWeight(q1, act1, s1);
                    double kn = dt * k.newCollagenDegradation(kn0, c1[c] + c3[c], restCollagen[layer]);
                    double turn = kc * mNow;
                    double immatureLoss = 1 / (1 + kn + kx + turn);
                    double matureLoss = 1 / (1 + turn);
                    double nI = (n1[c] + synI) * immatureLoss;
                    double nIII = (n3[c] + synIII) * immatureLoss;
                    double matI = kx * nI;
                    double matIII = kx * nIII;
                    double newI = nI + (positive(c1[c] - n1[c]) + matI) * matureLoss;
                    double newIII = nIII + (positive(c3[c] - n3[c]) + matIII) * matureLoss;
                    syn0 += synI;
                    syn1 += synIII;
                    deg0 += c1[c] + synI - newI;
                    deg1 += c3[c] + synIII - newIII;
                    syn5 += synI;
                    syn6 += synIII;
                    deg5 += n1[c] + synI - matI - nI;
                    deg6 += n3[c] + synIII - matIII - nIII;
                    mat1 += matI;
                    mat3 += matIII;
                    if (labelling) {
                        // New collagen: all of N plus the labelled mature part, which gains what cross-links.
                        double lI = nI + (positive(l1[c] - n1[c]) + matI) * matureLoss;
                        double lIII = nIII + (positive(l3[c] - n3[c]) + matIII) * matureLoss;
                        syn7 += synI;
                        syn8 += synIII;
                        deg7 += l1[c] + synI - lI;
                        deg8 += l3[c] + synIII - lIII;
                        l1[c] = lI;
                        l3[c] = lIII;
                    }
                    // HSP47 relaxes over τ_47 to the synthesis per resting cell plus η_47 h (exact for a frozen target).
                    double restSyn = dt * (sigmaI[layer] + sigmaIII[layer]) * sf * f0;
                    double ratio = restSyn > 0 ? (synI + synIII) / restSyn : 1.0;
                    double t47 = k.hsp47Target(ratio, h[c]);
                    h47[c] = t47 + (h47[c] - t47) * e47;
                    c1[c] = newI;
                    c3[c] = newIII;
                    n1[c] = nI;
                    n3[c] = nIII;
                    // Elastin, hyaluronan: synthesis explicit, breakdown implicit; denatured collagen cleared by MMP.
                    double synE = dt * sigmaElastin[layer] * sf * k.elastinWeight(q1, act1, s1);
                    double synH = dt * sigmaHyaluronan[layer] * sf * k.hyaluronanWeight(q1, act1, s1);
                    double newE = (el[c] + synE) / (1 + ke * mNow);
                    double newH = (ha[c] + synH) * hDecay;
                    double newD = cd[c] / (1 + clear * mNow);
                    syn3 += synE;
                    syn4 += synH;
                    deg2 += cd[c] - newD;
                    deg3 += el[c] + synE - newE;
                    deg4 += ha[c] + synH - newH;
                    el[c] = newE;
                    ha[c] = newH;
                    cd[c] = newD;
                }
            }
            // Plane sums kept in locals (registers, no aliasing with the fields) and stored once per plane.
            book[0] += syn0;
            book[1] += syn1;
            book[2] += syn2;
            book[3] += syn3;
            book[4] += syn4;
            book[5] += syn5;
            book[6] += syn6;
            book[7] += syn7;
            book[8] += syn8;
            book[NB] += deg0;
            book[NB + 1] += deg1;
            book[NB + 2] += deg2;
            book[NB + 3] += deg3;
            book[NB + 4] += deg4;
            book[NB + 5] += deg5;
            book[NB + 6] += deg6;
            book[NB + 7] += deg7;
            book[NB + 8] += deg8;
            book[2 * NB] += mat1;
            book[2 * NB + 1] += mat3;
            if (lateralCopies > 1) {
                // Planes of one layer at rest hold the same terms: the previous plane's sums then serve again.
                double[] term = planeTerms[z];
                System.arraycopy(book, 0, term, 0, term.length);
                if (z > zFrom && Arrays.equals(term, planeTerms[z - 1])) {
                    System.arraycopy(planePartial[z - 1], 0, book, 0, book.length);
                } else {
                    replicate(book, term);
                }
            }
        }
    }

    /**
     * The plane sums of a full grid whose columns all equal this one: book[b] becomes lateralCopies equal terms
     * term[b] added one by one from zero, in the order and rounding of the full grid's per-plane sums.
     */
    private void replicate(double[] book, double[] term) {
        Arrays.fill(book, 0.0);
        for (int r = 0; r < lateralCopies; r++) {
            for (int b = 0; b < term.length; b++) {
                book[b] += term[b];
            }
        }
    }

    /** @return max(x, 0) for any x but NaN: cheaper than Math.max, which must order NaN and signed zeros */
    private static double positive(double x) {
        return x > 0 ? x : 0;
    }

    /**
     * Explicit, conservative, upwind transport of the migrating pools, sub-cycled for positivity. Both pools move in
     * one pass that shares the face velocities; rows whose pools and neighbouring rows' pools are all zero have no
     * flux and are skipped (their values would come out unchanged).
     */
    private void migrate(BiologyState st, BiologyKinetics k, double dt) {
        if (k.motility == 0 && k.chemotaxis == 0) {
            return;
        }
        boolean[] motile = st.motile;
        double[] g = st.field[Species.GROWTH_FACTOR.ordinal()];
        // The largest outflow rate of any cell, Σ_faces (D/h² + max(u, 0)/h) with u = χ Δg/h, sets the sub-step:
        // each sub-step then moves at most 90 % of a cell's content out, so no value goes negative. A maximum per
        // plane, in parallel; the maximum does not depend on the order, so neither on the thread count.
        executor.forRange(grid.nz(), (from, to) -> worstOutflow(g, motile, k, dt, from, to));
        double worst = 0;
        for (double w : planeWorst) {
            worst = Math.max(worst, w);
        }
        int sub = Math.max(1, (int) Math.ceil(dt * worst / 0.9));
        double hsub = dt / sub;
        double[] fa = st.field[Species.ACTIVATED_FIBROBLASTS.ordinal()];
        double[] fs = st.field[Species.SYNTHETIC_FIBROBLASTS.ordinal()];
        for (int i = 0; i < sub; i++) {
            executor.forRange(grid.nz(), (from, to) -> markRows(fa, fs, from, to));
            executor.forRange(grid.nz(), (from, to) -> moveRows(fa, fs, hsub, g, motile, k, from, to));
            executor.forRange(grid.nz(), (from, to) -> copyMovedRows(fa, fs, from, to));
        }
    }

    /**
     * planeWorst[z] = the largest outflow rate of a motile cell of plane z, or 0 where a cheap bound shows that the
     * plane cannot need more than one sub-step: every face's rate is at most D/h² + χ max|Δg|/h², with max|Δg| the
     * largest difference of the growth factor between neighbours along that axis, so 2 Σ_axes (D + χ max|Δg|)/h²
     * bounds every cell's outflow (1 % margin for rounding). Only planes over the bound are scanned cell by cell.
     */
    private void worstOutflow(double[] g, boolean[] motile, BiologyKinetics k, double dt, int zFrom, int zTo) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int sy = grid.strideY();
        int sz = grid.strideZ();
        double ax = k.motility / (grid.dx() * grid.dx());
        double ay = k.motility / (grid.dy() * grid.dy());
        double az = k.motility / (grid.dz() * grid.dz());
        double bx = k.chemotaxis / (grid.dx() * grid.dx());
        double by = k.chemotaxis / (grid.dy() * grid.dy());
        double bz = k.chemotaxis / (grid.dz() * grid.dz());
        for (int kz = zFrom; kz < zTo; kz++) {
            double gx = 0;
            double gy = 0;
            double gz = 0;
            int p0 = kz * sz;
            for (int c = p0; c < p0 + sz; c++) {
                double dxg = Math.abs(g[c + 1 < p0 + sz ? c + 1 : c] - g[c]);
                double dyg = Math.abs(g[c + sy < p0 + sz ? c + sy : c] - g[c]);
                double dzd = kz > 0 ? Math.abs(g[c] - g[c - sz]) : 0;
                double dzu = kz < nz - 1 ? Math.abs(g[c + sz] - g[c]) : 0;
                gx = dxg > gx ? dxg : gx;
                gy = dyg > gy ? dyg : gy;
                gz = dzd > gz ? dzd : gz;
                gz = dzu > gz ? dzu : gz;
            }
            // gx also spans row ends (x = nx − 1 to the next row's x = 0): a larger value, still a bound.
            double bound = 2 * (ax + bx * gx) + 2 * (ay + by * gy) + 2 * (az + bz * gz);
            if (dt * bound * 1.01 <= 0.9) {
                planeWorst[kz] = 0;
                continue;
            }
            double worst = 0;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + sy * j + sz * kz;
                    if (!motile[c]) {
                        continue;
                    }
                    double out = faceOutflow(c, i > 0 ? c - 1 : -1, g, ax, bx, motile)
                            + faceOutflow(c, i < nx - 1 ? c + 1 : -1, g, ax, bx, motile)
                            + faceOutflow(c, j > 0 ? c - sy : -1, g, ay, by, motile)
                            + faceOutflow(c, j < ny - 1 ? c + sy : -1, g, ay, by, motile)
                            + faceOutflow(c, kz > 0 ? c - sz : -1, g, az, bz, motile)
                            + faceOutflow(c, kz < nz - 1 ? c + sz : -1, g, az, bz, motile);
                    worst = out > worst ? out : worst;
                }
            }
            planeWorst[kz] = worst;
        }
    }

    /** The outflow rate across the face to nb: a + b max(Δg, 0), with a = D/h², b = χ/h² (1/s). */
    private static double faceOutflow(int c, int nb, double[] g, double a, double b, boolean[] motile) {
        if (nb < 0 || !motile[nb]) {
            return 0;
        }
        double dg = g[nb] - g[c];
        return a + b * (dg > 0 ? dg : 0);
    }

    /** rowOccupied[row] = true if a value of either pool in the row is not zero. */
    private void markRows(double[] fa, double[] fs, int zFrom, int zTo) {
        int nx = grid.nx();
        int ny = grid.ny();
        for (int row = zFrom * ny; row < zTo * ny; row++) {
            boolean any = false;
            for (int c = row * nx; c < (row + 1) * nx; c++) {
                if (fa[c] != 0 || fs[c] != 0) {
                    any = true;
                    break;
                }
            }
            rowOccupied[row] = any;
        }
    }

    /**
     * One Jacobi sub-step of both pools into the scratch arrays, for the rows that can change: a row changes only if
     * it or one of its four neighbouring rows holds fibroblasts, since every flux is a multiple of a pool value.
     */
    private void moveRows(double[] fa, double[] fs, double dt, double[] g, boolean[] motile, BiologyKinetics kin,
            int zFrom, int zTo) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int sy = grid.strideY();
        int sz = grid.strideZ();
        double ax = kin.motility / (grid.dx() * grid.dx());
        double ay = kin.motility / (grid.dy() * grid.dy());
        double az = kin.motility / (grid.dz() * grid.dz());
        double bx = kin.chemotaxis / (grid.dx() * grid.dx());
        double by = kin.chemotaxis / (grid.dy() * grid.dy());
        double bz = kin.chemotaxis / (grid.dz() * grid.dz());
        double[] outA = scratchA;
        double[] outS = scratchS;
        for (int k = zFrom; k < zTo; k++) {
            for (int j = 0; j < ny; j++) {
                int row = j + ny * k;
                boolean live = rowOccupied[row] || (j > 0 && rowOccupied[row - 1])
                        || (j < ny - 1 && rowOccupied[row + 1]) || (k > 0 && rowOccupied[row - ny])
                        || (k < nz - 1 && rowOccupied[row + ny]);
                rowMoved[row] = live;
                if (!live) {
                    continue;
                }
                for (int i = 0; i < nx; i++) {
                    int c = i + sy * j + sz * k;
                    if (!motile[c]) {
                        outA[c] = fa[c];
                        outS[c] = fs[c];
                        continue;
                    }
                    int west = i > 0 ? c - 1 : -1;
                    int east = i < nx - 1 ? c + 1 : -1;
                    int south = j > 0 ? c - sy : -1;
                    int north = j < ny - 1 ? c + sy : -1;
                    int below = k > 0 ? c - sz : -1;
                    int above = k < nz - 1 ? c + sz : -1;
                    double ca = faceExchange(fa, g, c, west, ax, bx, motile)
                            + faceExchange(fa, g, c, east, ax, bx, motile)
                            + faceExchange(fa, g, c, south, ay, by, motile)
                            + faceExchange(fa, g, c, north, ay, by, motile)
                            + faceExchange(fa, g, c, below, az, bz, motile)
                            + faceExchange(fa, g, c, above, az, bz, motile);
                    double cs = faceExchange(fs, g, c, west, ax, bx, motile)
                            + faceExchange(fs, g, c, east, ax, bx, motile)
                            + faceExchange(fs, g, c, south, ay, by, motile)
                            + faceExchange(fs, g, c, north, ay, by, motile)
                            + faceExchange(fs, g, c, below, az, bz, motile)
                            + faceExchange(fs, g, c, above, az, bz, motile);
                    outA[c] = fa[c] + dt * ca;
                    outS[c] = fs[c] + dt * cs;
                }
            }
        }
    }

    /**
     * Net inflow density rate (cells/(m³·s)) into c across its face to nb: diffusion plus upwind chemotaxis,
     * D Δf/h² − χ Δg f_up/h² = a Δf − b Δg f_up, with a = D/h², b = χ/h², f_up the pool upwind of the drift.
     */
    private static double faceExchange(double[] f, double[] g, int c, int nb, double a, double b, boolean[] motile) {
        if (nb < 0 || !motile[nb]) {
            return 0;
        }
        double dg = g[nb] - g[c];
        return a * (f[nb] - f[c]) - b * dg * (dg > 0 ? f[c] : f[nb]);
    }

    /** Copies the moved rows back into the pools (after the whole Jacobi sub-step). */
    private void copyMovedRows(double[] fa, double[] fs, int zFrom, int zTo) {
        int nx = grid.nx();
        int ny = grid.ny();
        for (int row = zFrom * ny; row < zTo * ny; row++) {
            if (rowMoved[row]) {
                System.arraycopy(scratchA, row * nx, fa, row * nx, nx);
                System.arraycopy(scratchS, row * nx, fs, row * nx, nx);
            }
        }
    }
}
