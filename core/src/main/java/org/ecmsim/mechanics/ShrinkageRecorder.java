package org.ecmsim.mechanics;

import java.util.Arrays;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.internal.Checks;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;

/**
 * Accumulates, per cell, the equivalent heating time of {@link ShrinkageKinetics}
 * ({@code t_eq = ∫ exp(−(Ea/R)(1/T − 1/T_ref)) dt}) from a temperature history given step by step, like the damage
 * integrals: call {@link #accumulate(double, double[], double[])} once per solver step with the temperatures at its
 * start and end (for example from a {@code StepListener}). Within a step T is taken linear in time and the rate is
 * integrated with the logarithmic mean of its end values, exact when ln rate is linear in time and second order
 * otherwise.
 *
 * <p><b>Floor.</b> Cells whose start and end temperatures are both below the floor (default 45 °C) add nothing:
 * with the default kinetics the rate there is below exp(−(Ea/R)(1/318.15 − 1/353.15)) ≈ 1.5·10⁻⁸, so a minute below
 * the floor adds less than 10⁻⁶ s of equivalent time. Work is split over z planes; every update is per cell, so the
 * results are bitwise identical for any thread count. Nothing is allocated per step except one small task object.
 *
 * <p><b>Free strain.</b> {@link #eigenstrain(double[], double, ShrinkageMode, double[], double[], double[])} gives the
 * eigenstrain of every cell from its shrinkage: {@link ShrinkageMode#IN_PLANE} (the default for the dermis, whose collagen bundles lie mostly parallel
 * to the surface, so the fibres' shortening shortens the tissue in x and y and not in depth) or
 * {@link ShrinkageMode#ISOTROPIC} (a random fibre network).
 */
public final class ShrinkageRecorder {

    /** Which directions a cell's collagen shrinkage shortens. */
    public enum ShrinkageMode {
        /** ε* = (−s, −s, 0): fibres parallel to the skin surface. */
        IN_PLANE,
        /** ε* = (−s, −s, −s). */
        ISOTROPIC
    }

    /** The default floor temperature, 45 °C. */
    public static final double DEFAULT_FLOOR_TEMPERATURE = Units.celsiusToKelvin(45.0);

    private final Grid3D grid;
    private final ShrinkageKinetics kinetics;
    private final ParallelExecutor executor;
    private final double floor;
    private final double[] equivalentTime;
    private final int[] badCell;
    private final ParallelExecutor.RangeTask kernel = this::planes;
    private double stepDt;
    private double[] stepBefore;
    private double[] stepAfter;

    /**
     * @param grid the grid
     * @param kinetics the shrinkage kinetics
     * @param floorTemperature the floor (K), ≥ 0
     * @param executor the threads to use
     */
    public ShrinkageRecorder(Grid3D grid, ShrinkageKinetics kinetics, double floorTemperature,
            ParallelExecutor executor) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.kinetics = Objects.requireNonNull(kinetics, "kinetics");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.floor = Checks.requireFiniteNonNegative("floorTemperature", floorTemperature, "K");
        this.equivalentTime = new double[grid.cellCount()];
        this.badCell = new int[grid.nz()];
    }

    /**
     * A recorder with the default floor on the default executor.
     *
     * @param grid the grid
     * @param kinetics the kinetics
     */
    public ShrinkageRecorder(Grid3D grid, ShrinkageKinetics kinetics) {
        this(grid, kinetics, DEFAULT_FLOOR_TEMPERATURE, ParallelExecutor.defaultExecutor());
    }

    /**
     * Adds one step during which every cell's temperature goes linearly from {@code temperatureBefore} to
     * {@code temperatureAfter}.
     *
     * @param dt step length (s), finite and &gt; 0
     * @param temperatureBefore temperatures at the start (K), one per cell, finite and &gt; 0
     * @param temperatureAfter temperatures at the end (K), one per cell, finite and &gt; 0
     * @throws IllegalArgumentException on a bad dt or array length (nothing recorded) or a bad temperature (the
     *         other cells are recorded; {@link #reset()} before going on)
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
        for (int n : badCell) {
            if (n >= 0) {
                throw new IllegalArgumentException("temperature of cell " + n + " is invalid: before = "
                        + temperatureBefore[n] + " K, after = " + temperatureAfter[n]
                        + " K; temperatures must be finite and > 0 K (the step is only partly recorded; reset())");
            }
        }
    }

    private void requireLength(String name, double[] a) {
        Objects.requireNonNull(a, name);
        if (a.length != grid.cellCount()) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; the grid " + grid + " has "
                    + grid.cellCount() + " cells");
        }
    }

    private void planes(int k0, int k1) {
        final double dt = stepDt;
        final double[] before = stepBefore;
        final double[] after = stepAfter;
        final int plane = grid.strideZ();
        for (int k = k0; k < k1; k++) {
            int bad = -1;
            for (int n = k * plane; n < (k + 1) * plane; n++) {
                double t0 = before[n];
                double t1 = after[n];
                if (!(t0 > 0 && t1 > 0 && t0 < Double.POSITIVE_INFINITY && t1 < Double.POSITIVE_INFINITY)) {
                    if (bad < 0) {
                        bad = n;
                    }
                    continue;
                }
                if (t0 < floor && t1 < floor) {
                    continue;
                }
                equivalentTime[n] += expOfLinear(dt, kinetics.lnRate(t0), kinetics.lnRate(t1));
            }
            badCell[k] = bad;
        }
    }

    /** ∫₀^d exp(linear from ln0 to ln1) dt: the logarithmic mean of the end values times d. */
    static double expOfLinear(double d, double ln0, double ln1) {
        double diff = ln1 - ln0;
        double ad = Math.abs(diff);
        if (ad < 1e-6) {
            return d * Math.exp(0.5 * (ln0 + ln1));
        }
        double lnMax = diff > 0 ? ln1 : ln0;
        return d * Math.exp(lnMax) * (-Math.expm1(-ad)) / ad;
    }

    /** Sets every equivalent time to 0. */
    public void reset() {
        Arrays.fill(equivalentTime, 0.0);
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the kinetics */
    public ShrinkageKinetics kinetics() {
        return kinetics;
    }

    /** @return the per-cell equivalent time at T_ref (s): a live view; do not modify */
    public double[] equivalentTime() {
        return equivalentTime;
    }

    /**
     * @param cell the cell
     * @param timeAtBodyTemperature recovery time after the heating (s), 0 for the immediate value
     * @return the free shrinkage of the cell's collagen (fraction of length)
     */
    public double shrinkage(int cell, double timeAtBodyTemperature) {
        Checks.requireFiniteNonNegative("timeAtBodyTemperature", timeAtBodyTemperature, "s");
        return kinetics.recovered(kinetics.shrinkage(equivalentTime[cell]), timeAtBodyTemperature);
    }

    /**
     * Fills the eigenstrain of every cell: {@code −transfer[c]·s_c} in x and y, and in z for
     * {@link ShrinkageMode#ISOTROPIC}.
     *
     * @param transfer per cell, the fraction of the collagen shrinkage the tissue takes (0 … 1)
     * @param timeAtBodyTemperature recovery time (s), ≥ 0
     * @param mode the directions
     * @param exx filled with ε*_xx
     * @param eyy filled with ε*_yy
     * @param ezz filled with ε*_zz
     */
    public void eigenstrain(double[] transfer, double timeAtBodyTemperature, ShrinkageMode mode, double[] exx,
            double[] eyy, double[] ezz) {
        requireLength("transfer", transfer);
        requireLength("exx", exx);
        requireLength("eyy", eyy);
        requireLength("ezz", ezz);
        Objects.requireNonNull(mode, "mode");
        for (int c = 0; c < exx.length; c++) {
            double e = -transfer[c] * shrinkage(c, timeAtBodyTemperature);
            exx[c] = e;
            eyy[c] = e;
            ezz[c] = mode == ShrinkageMode.ISOTROPIC ? e : 0.0;
        }
    }
}
