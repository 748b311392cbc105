package org.ecmsim.biology;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;

/**
 * The state of the remodelling model on a biology grid: one flat array per {@link Species}
 * ({@code index = i + nx·(j + ny·k)}, x fastest), the three stages of the heat-shock cascade (their sum is
 * {@link Species#HEAT_SHOCK_SIGNAL}), the per-cell constants set at the start (layer, resting fibroblast density F₀,
 * carrying capacity K, the young synthesis rates σ, whether fibroblasts live and move there), and the mass ledgers
 * of the matrix components. A new state is at rest for its age: F₀·F(age) resting fibroblasts, collagen at D·C₀
 * (its immature share at the resting balance), elastin at E₀·S·F, hyaluronan at HA₀·S·F, MMP at m*, HSP47 at its
 * basal level 1, vessels intact, no signals, no new collagen (labelling begins at the first treatment,
 * {@link #startLabelling}).
 *
 * <p>Steppers change the arrays in place ({@link #values}, {@link #stage}) and book the matrix they synthesise and
 * degrade ({@link #bookSynthesis}, {@link #bookDegradation}), so that each {@link MatrixLedger} closes.
 */
public final class BiologyState {

    private static final Species[] ALL = Species.values();

    private final Grid3D grid;
    private final int n;
    final double[][] field;
    final double[] restDensity;
    final double[] capacity;
    final double[] sigmaI;
    final double[] sigmaIII;
    final double[] sigmaElastin;
    final double[] sigmaHyaluronan;
    final boolean[] motile;
    final int[] layerOfCell;
    /*
     * The per-cell constants above depend on the layer only; the same values per layer (indexed by material), for
     * the reaction kernel, which then reads one int per cell instead of seven doubles.
     */
    final double[] layerRestDensity;
    final double[] layerCapacity;
    final double[] layerSigmaI;
    final double[] layerSigmaIII;
    final double[] layerSigmaElastin;
    final double[] layerSigmaHyaluronan;
    final double[] layerRestCollagen;
    /** C_rest: native collagen I + III of each cell at the start, the set point of new-collagen degradation (kg/m³). */
    final double[] restCollagen;
    /** k_N0, the degradation rate of new collagen at the resting content (1/s), fixed at the start age. */
    final double newCollagenRestDegradation;
    /** m*₀, the resting MMP activity at the start age: the turnover of mature collagen and of elastin scales with m/m*₀. */
    final double mmpReference;
    /** True once labelling began: synthesis from then on also goes into the new-collagen parts. */
    boolean labelling;
    final double[] stage1;
    final double[] stage2;
    final double[] stage3;
    private final Map<Species, double[]> ledger = new EnumMap<>(Species.class);
    private final Map<Species, Double> initialMass = new EnumMap<>(Species.class);

    /**
     * A state at rest for its age.
     *
     * @param grid the biology grid
     * @param layers the layer (material index) of every biology cell
     * @param baselines the young-adult baseline of each material index
     * @param kinetics the kinetics (its turnover rates set σ = κ C₀/F₀, so that the young baseline is at rest)
     * @param ageYears age (years)
     */
    public BiologyState(Grid3D grid, MaterialMap layers, List<LayerBaseline> baselines, BiologyKinetics kinetics,
            double ageYears) {
        this.grid = Objects.requireNonNull(grid, "grid");
        BiologyParameters p = kinetics.parameters();
        if (!layers.grid().equals(grid)) {
            throw new IllegalArgumentException("the layer map's grid " + layers.grid() + " differs from " + grid);
        }
        if (layers.maxMaterial() >= baselines.size()) {
            throw new IllegalArgumentException("the layer map uses material " + layers.maxMaterial() + " but only "
                    + baselines.size() + " baselines were given");
        }
        this.n = grid.cellCount();
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
        this.restCollagen = new double[n];
        int layerCount = baselines.size();
        this.layerRestDensity = new double[layerCount];
        this.layerCapacity = new double[layerCount];
        this.layerSigmaI = new double[layerCount];
        this.layerSigmaIII = new double[layerCount];
        this.layerSigmaElastin = new double[layerCount];
        this.layerSigmaHyaluronan = new double[layerCount];
        this.layerRestCollagen = new double[layerCount];
        this.newCollagenRestDegradation = kinetics.restingNewCollagenDegradation(ageYears);
        double df = p.aging().collagenFactor(ageYears);
        double kx = kinetics.crossLinkingRate();
        double sf = p.aging().synthesisFactor(ageYears);
        double ff = p.aging().fibroblastFactor(ageYears);
        double mf = p.aging().mmpFactor(ageYears);
        double carrying = p.fibroblasts().carryingCapacityFactor();
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
            capacity[c] = carrying * restDensity[c];
            sigmaI[c] = kinetics.collagenSynthesisRate * b.collagenI() / f0;
            sigmaIII[c] = kinetics.collagenSynthesisRate * b.collagenIII() / f0;
            sigmaElastin[c] = kinetics.kappaElastin * b.elastin() / f0;
            sigmaHyaluronan[c] = kinetics.kappaHyaluronan * b.hyaluronan() / f0;
            set(Species.QUIESCENT_FIBROBLASTS, c, restDensity[c]);
            // Collagen at the age's content D·C₀, its immature share at the resting balance κ/(1/τ_x + κ).
            double immatureShare = kinetics.kappaCollagen / (kx + kinetics.kappaCollagen);
            set(Species.COLLAGEN_I, c, b.collagenI() * df);
            set(Species.COLLAGEN_III, c, b.collagenIII() * df);
            set(Species.IMMATURE_COLLAGEN_I, c, b.collagenI() * df * immatureShare);
            set(Species.IMMATURE_COLLAGEN_III, c, b.collagenIII() * df * immatureShare);
            restCollagen[c] = (b.collagenI() + b.collagenIII()) * df;
            layerRestDensity[layer] = restDensity[c];
            layerCapacity[layer] = capacity[c];
            layerSigmaI[layer] = sigmaI[c];
            layerSigmaIII[layer] = sigmaIII[c];
            layerSigmaElastin[layer] = sigmaElastin[c];
            layerSigmaHyaluronan[layer] = sigmaHyaluronan[c];
            layerRestCollagen[layer] = restCollagen[c];
            set(Species.HSP47, c, 1.0);
            set(Species.ELASTIN, c, b.elastin() * sf * ff);
            set(Species.HYALURONAN, c, b.hyaluronan() * sf * ff);
            set(Species.MMP, c, mf);
        }
        this.mmpReference = mf;
        Arrays.fill(field[Species.VESSELS.ordinal()], 1.0);
        for (Species s : ALL) {
            if (s.isMatrix()) {
                ledger.put(s, new double[5]);
                initialMass.put(s, mass(s));
            }
        }
    }

    /**
     * The state of one column of a laterally uniform state: column (0, 0) of {@code full} on {@code column}, a grid
     * of 1×1×nz cells of the same spacings. The per-cell constants and the values are those of that column; the
     * ledgers start at zero, the initial masses are the column's own.
     */
    BiologyState(BiologyState full, Grid3D column) {
        this.grid = column;
        this.n = column.cellCount();
        int plane = full.grid.strideZ();
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
        this.restCollagen = new double[n];
        for (int k = 0; k < n; k++) {
            int c = k * plane;
            restDensity[k] = full.restDensity[c];
            capacity[k] = full.capacity[c];
            sigmaI[k] = full.sigmaI[c];
            sigmaIII[k] = full.sigmaIII[c];
            sigmaElastin[k] = full.sigmaElastin[c];
            sigmaHyaluronan[k] = full.sigmaHyaluronan[c];
            motile[k] = full.motile[c];
            layerOfCell[k] = full.layerOfCell[c];
            restCollagen[k] = full.restCollagen[c];
        }
        this.layerRestDensity = full.layerRestDensity.clone();
        this.layerCapacity = full.layerCapacity.clone();
        this.layerSigmaI = full.layerSigmaI.clone();
        this.layerSigmaIII = full.layerSigmaIII.clone();
        this.layerSigmaElastin = full.layerSigmaElastin.clone();
        this.layerSigmaHyaluronan = full.layerSigmaHyaluronan.clone();
        this.layerRestCollagen = full.layerRestCollagen.clone();
        this.newCollagenRestDegradation = full.newCollagenRestDegradation;
        this.mmpReference = full.mmpReference;
        copyLaterally(full, false);
        for (Species s : ALL) {
            if (s.isMatrix()) {
                ledger.put(s, new double[5]);
                initialMass.put(s, mass(s));
            }
        }
    }

    /**
     * @return true if every layer and every value (bitwise) is the same across each z plane, so that each column
     *         equals column (0, 0)
     */
    boolean isLaterallyUniform() {
        int plane = grid.strideZ();
        if (!uniform(layerOfCell, plane) || !uniform(stage1, plane) || !uniform(stage2, plane)
                || !uniform(stage3, plane)) {
            return false;
        }
        for (double[] f : field) {
            if (!uniform(f, plane)) {
                return false;
            }
        }
        return true;
    }

    private static boolean uniform(double[] a, int plane) {
        for (int p0 = 0; p0 < a.length; p0 += plane) {
            long first = Double.doubleToRawLongBits(a[p0]);
            for (int c = p0 + 1; c < p0 + plane; c++) {
                if (Double.doubleToRawLongBits(a[c]) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean uniform(int[] a, int plane) {
        for (int p0 = 0; p0 < a.length; p0 += plane) {
            for (int c = p0 + 1; c < p0 + plane; c++) {
                if (a[c] != a[p0]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sets every cell (i, j, k) of this state to the values of cell (0, 0, k) of {@code from}, a state with the same
     * z planes, layers and spacings (either may be a single column): the fields, the cascade stages, the labelling
     * flag and, if {@code ledgers}, the booked ledger totals (synthesised, degraded, denatured away, matured). The
     * initial masses and the mass gained at labelling are sums over this state's own grid and stay as they are.
     */
    void copyLaterally(BiologyState from, boolean ledgers) {
        Grid3D g = from.grid;
        if (g.nz() != grid.nz() || g.dx() != grid.dx() || g.dy() != grid.dy() || g.dz() != grid.dz()) {
            throw new IllegalArgumentException("a state on " + g + " cannot be copied laterally onto " + grid
                    + ": the z planes and spacings must be the same");
        }
        int fromPlane = g.strideZ();
        int plane = grid.strideZ();
        for (int k = 0; k < grid.nz(); k++) {
            if (from.layerOfCell[k * fromPlane] != layerOfCell[k * plane]) {
                throw new IllegalArgumentException("plane " + k + " has layer " + layerOfCell[k * plane]
                        + " here but " + from.layerOfCell[k * fromPlane] + " in the state copied");
            }
        }
        for (int s = 0; s < field.length; s++) {
            spread(from.field[s], fromPlane, field[s], plane);
        }
        spread(from.stage1, fromPlane, stage1, plane);
        spread(from.stage2, fromPlane, stage2, plane);
        spread(from.stage3, fromPlane, stage3, plane);
        labelling = from.labelling;
        if (ledgers) {
            for (Map.Entry<Species, double[]> e : ledger.entrySet()) {
                double[] src = from.ledger.get(e.getKey());
                double[] dst = e.getValue();
                dst[0] = src[0];
                dst[1] = src[1];
                dst[2] = src[2];
                dst[4] = src[4];
            }
        }
    }

    private static void spread(double[] from, int fromPlane, double[] to, int plane) {
        for (int k = 0, c = 0; c < to.length; k++, c += plane) {
            Arrays.fill(to, c, c + plane, from[k * fromPlane]);
        }
    }

    private void set(Species s, int c, double v) {
        field[s.ordinal()][c] = v;
    }

    /** @return the biology grid */
    public Grid3D grid() {
        return grid;
    }

    /**
     * @param species a species
     * @return its values, one per cell in grid order: the live array, which steppers update in place (unit of the
     *         species)
     */
    public double[] values(Species species) {
        return field[species.ordinal()];
    }

    /**
     * @param k stage of the heat-shock cascade, 1 to {@value HeatShockCascade#STAGES}
     * @return its values, one per cell: the live array (dimensionless)
     */
    public double[] stage(int k) {
        return switch (k) {
            case 1 -> stage1;
            case 2 -> stage2;
            case 3 -> stage3;
            default -> throw new IllegalArgumentException("stage " + k + " is outside the valid range 1 to 3");
        };
    }

    /**
     * @param c biology cell
     * @return its layer (material index)
     */
    public int layerOf(int c) {
        return layerOfCell[c];
    }

    /**
     * @param c biology cell
     * @return F₀, the resting fibroblast density at the start age (cells/m³); 0 where the layer has no fibroblasts
     */
    public double restDensity(int c) {
        return restDensity[c];
    }

    /**
     * @param c biology cell
     * @return K = κ_K F₀, the carrying capacity (cells/m³)
     */
    public double capacity(int c) {
        return capacity[c];
    }

    /**
     * @param c biology cell
     * @return true where the layer has fibroblasts; migrating fibroblasts move only between such cells
     */
    public boolean isMotile(int c) {
        return motile[c];
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
     * The mass budget of a matrix component since the start.
     *
     * @param species a matrix species
     * @return its ledger
     */
    public MatrixLedger ledger(Species species) {
        double[] l = slots(species);
        return new MatrixLedger(species, initialMass.get(species), mass(species), l[0], l[1], l[2], l[3], l[4]);
    }

    /**
     * Books immature collagen that cross-linked into the mature pool (it leaves the immature part; the native
     * total and the new-collagen part are unchanged).
     *
     * @param species {@link Species#IMMATURE_COLLAGEN_I} or {@link Species#IMMATURE_COLLAGEN_III}
     * @param kilograms the mass matured (kg)
     */
    public void bookMaturation(Species species, double kilograms) {
        slots(species)[4] += kilograms;
    }

    /** @return true once labelling of new collagen began ({@link #startLabelling}) */
    public boolean isLabelling() {
        return labelling;
    }

    /**
     * Begins labelling new collagen (once; later calls do nothing): from now on all synthesis also goes into
     * {@link Species#NEW_COLLAGEN_I} and {@link Species#NEW_COLLAGEN_III}, and the immature collagen present now
     * (made within about the cross-linking time) counts as new: it is booked as gained by the new parts.
     */
    public void startLabelling() {
        if (labelling) {
            return;
        }
        labelling = true;
        double v = grid.cellVolume();
        System.arraycopy(field[Species.IMMATURE_COLLAGEN_I.ordinal()], 0, field[Species.NEW_COLLAGEN_I.ordinal()], 0,
                n);
        System.arraycopy(field[Species.IMMATURE_COLLAGEN_III.ordinal()], 0,
                field[Species.NEW_COLLAGEN_III.ordinal()], 0, n);
        ledger.get(Species.NEW_COLLAGEN_I)[3] += mass(Species.NEW_COLLAGEN_I);
        ledger.get(Species.NEW_COLLAGEN_III)[3] += mass(Species.NEW_COLLAGEN_III);
    }

    /**
     * Books matrix made by fibroblasts.
     *
     * @param species a matrix species
     * @param kilograms the mass synthesised (kg)
     */
    public void bookSynthesis(Species species, double kilograms) {
        slots(species)[0] += kilograms;
    }

    /**
     * Books matrix removed by MMPs, turnover or (for denatured collagen) clearance.
     *
     * @param species a matrix species
     * @param kilograms the mass degraded (kg)
     */
    public void bookDegradation(Species species, double kilograms) {
        slots(species)[1] += kilograms;
    }

    private double[] slots(Species species) {
        double[] l = ledger.get(species);
        if (l == null) {
            throw new IllegalArgumentException(species + " is not a matrix component");
        }
        return l;
    }

    /**
     * Applies a treatment's thermal insult: kills cells, denatures collagen (booked), starts the heat-shock cascade
     * in cells with fibroblasts, raises the wound signal and coagulates vessels.
     *
     * @param insult per-cell killed, denatured and heat-shock fractions on this state's grid
     * @param fullInduction the cascade input of a saturating dose (dimensionless), see
     *        {@link BiologyKinetics#fullInduction()}
     */
    public void applyInsult(ThermalInsult insult, double fullInduction) {
        if (!insult.grid().equals(grid)) {
            throw new IllegalArgumentException("the insult's grid " + insult.grid() + " differs from " + grid);
        }
        double full = fullInduction;
        double v = grid.cellVolume();
        double[] c1 = field[Species.COLLAGEN_I.ordinal()];
        double[] c3 = field[Species.COLLAGEN_III.ordinal()];
        double[] cd = field[Species.DENATURED_COLLAGEN.ordinal()];
        double[] n1 = field[Species.IMMATURE_COLLAGEN_I.ordinal()];
        double[] n3 = field[Species.IMMATURE_COLLAGEN_III.ordinal()];
        double[] l1 = field[Species.NEW_COLLAGEN_I.ordinal()];
        double[] l3 = field[Species.NEW_COLLAGEN_III.ordinal()];
        double lostI = 0;
        double lostIII = 0;
        double[] lostPart = new double[4];
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
            lostPart[0] += n1[c] * dn;
            lostPart[1] += n3[c] * dn;
            lostPart[2] += l1[c] * dn;
            lostPart[3] += l3[c] * dn;
            n1[c] -= n1[c] * dn;
            n3[c] -= n3[c] * dn;
            l1[c] -= l1[c] * dn;
            l3[c] -= l3[c] * dn;
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
        ledger.get(Species.IMMATURE_COLLAGEN_I)[2] += lostPart[0] * v;
        ledger.get(Species.IMMATURE_COLLAGEN_III)[2] += lostPart[1] * v;
        ledger.get(Species.NEW_COLLAGEN_I)[2] += lostPart[2] * v;
        ledger.get(Species.NEW_COLLAGEN_III)[2] += lostPart[3] * v;
    }
}
