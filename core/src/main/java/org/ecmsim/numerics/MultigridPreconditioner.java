package org.ecmsim.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An aggregation multigrid preconditioner for a {@link SevenPointOperator}: each {@link #apply application} is one
 * symmetric V-cycle started from zero, a symmetric positive definite approximation of {@code A⁻¹}, so it can
 * precondition the conjugate gradient method ({@link ConjugateGradient}).
 *
 * <p><b>Hierarchy.</b> Level 0 is the operator itself. Each coarser level aggregates 2×2×2 blocks of cells
 * (coarse cell {@code (i/2, j/2, k/2)}, so a coarse axis has {@code ⌈n/2⌉} cells; an axis of one cell stays one
 * cell, which gives semi-coarsening of thin grids) until a level has at most {@link Settings#coarsestMaxCells()}
 * cells or is a single cell. Prolongation {@code P} is injection (a coarse value is copied to every cell of its
 * aggregate: piecewise constant), restriction is {@code Pᵀ} (the sum over the aggregate).
 *
 * <p><b>Coarse operators.</b> The Galerkin operator {@code PᵀAP} of piecewise-constant aggregation has as face
 * conductances the sum of the fine conductances crossing the coarse face and as diagonal the sum of the fine
 * diagonal terms. For a homogeneous Laplacian-like operator that sum is twice the operator rediscretised on the
 * coarse grid (the face is 2² times larger in 3-D but the centres are 2 times further apart, so the rediscretised
 * conductance is 2·c, not 4·c), and a V-cycle with the plain Galerkin operator under-corrects smooth errors by a
 * factor of about 2 per level. The coarse conductances are therefore the crossing sums times ½, which restores
 * the rediscretised operator for homogeneous coefficients (Braess 1995, Notay 2010 use the same scaling of
 * aggregation coarse-grid corrections); the diagonal terms are summed without scaling, which is exact for
 * zeroth-order terms (proportional to the cell volume). With the ½ the coarse operator still bounds
 * {@code ½·PᵀAP} from above, so the coarse correction stays in (0, 2] in the A-norm and the V-cycle stays
 * positive definite.
 *
 * <p><b>Decoupled cells.</b> A cell whose six face conductances are all 0 (for example a cell whose value is
 * fixed, eliminated as the row {@code d·u = d·u_fixed}) is solved exactly by the smoother; it is left out of the
 * coarse levels: its {@code d} is not added to the coarse diagonal and its residual (zero after smoothing) is not
 * restricted. Otherwise such a row's {@code d}, whose scale is arbitrary (often 1 where conductances are 10⁻⁵),
 * would pin whole aggregates of free cells next to it at every coarse level. A coarse cell made only of
 * decoupled cells gets {@code d = 1}, so the coarse operators stay non-singular.
 *
 * <p><b>Smoother.</b> Red-black Gauss–Seidel (red: {@code i + j + k} even), {@link Settings#sweeps()} sweeps red
 * then black before the coarse correction and the same number black then red after it; the post-smoother is the
 * adjoint of the pre-smoother, so the V-cycle is symmetric. A half-sweep of one colour reads only the other
 * colour, so it runs in parallel over z planes with results independent of the thread count.
 *
 * <p><b>Coarsest level.</b> Solved with a band Cholesky factorisation computed at setup; if the coarsest operator
 * turns out singular (semi-definite input), {@link #COARSEST_FALLBACK_SWEEPS} symmetric Gauss–Seidel sweeps
 * instead.
 *
 * <p><b>Setup and updates.</b> The constructor validates the operator and builds the hierarchy (O(n) plus the
 * coarsest factorisation); {@link #rebuild()} redoes it in place after the operator's coefficients changed, and
 * {@link #rebuild(SevenPointOperator)} for another operator of the same shape. Nothing is allocated per
 * application except one small task object per parallel loop. An instance is not safe for concurrent use.
 *
 * <p>References: D. Braess, Towards algebraic multigrid for elliptic problems of second order, Computing 55 (1995)
 * 379–393; Y. Notay, An aggregation-based algebraic multigrid method, ETNA 37 (2010) 123–146.
 */
public final class MultigridPreconditioner {

    /** Default number of smoothing sweeps before and after the coarse correction. */
    public static final int DEFAULT_SWEEPS = 2;

    /** Default size limit of the coarsest level, solved directly. */
    public static final int DEFAULT_COARSEST_MAX_CELLS = 1000;

    /** Largest coarsest level accepted: its band factor holds up to about n^{5/3} doubles. */
    public static final int MAX_COARSEST_CELLS = 20_000;

    /** Symmetric Gauss–Seidel sweeps used on the coarsest level if it cannot be factored (singular). */
    public static final int COARSEST_FALLBACK_SWEEPS = 30;

    /** Levels with fewer cells than this run their loops on the calling thread (same results, less overhead). */
    static final int PARALLEL_MIN_CELLS = 16_384;

    /** Scaling of the summed fine conductances on coarse faces (see the class description). */
    static final double COARSE_CONDUCTANCE_SCALE = 0.5;

    /**
     * Settings of the V-cycle.
     *
     * @param sweeps red-black Gauss–Seidel sweeps before and after each coarse correction, 1 to 8
     * @param coarsestMaxCells coarsening stops at a level with at most this many cells, 1 to
     *         {@link #MAX_COARSEST_CELLS}
     */
    public record Settings(int sweeps, int coarsestMaxCells) {

        /** The defaults: {@link #DEFAULT_SWEEPS} sweeps, coarsest level ≤ {@link #DEFAULT_COARSEST_MAX_CELLS}. */
        public static final Settings DEFAULT = new Settings(DEFAULT_SWEEPS, DEFAULT_COARSEST_MAX_CELLS);

        /** Validates the ranges. */
        public Settings {
            if (sweeps < 1 || sweeps > 8) {
                throw new IllegalArgumentException("sweeps = " + sweeps + " is outside the valid range 1 to 8");
            }
            if (coarsestMaxCells < 1 || coarsestMaxCells > MAX_COARSEST_CELLS) {
                throw new IllegalArgumentException("coarsestMaxCells = " + coarsestMaxCells
                        + " is outside the valid range 1 to " + MAX_COARSEST_CELLS);
            }
        }

        /**
         * @param newSweeps sweeps before and after each coarse correction
         * @return a copy with that number of sweeps
         */
        public Settings withSweeps(int newSweeps) {
            return new Settings(newSweeps, coarsestMaxCells);
        }

        /**
         * @param newCoarsestMaxCells size limit of the coarsest level
         * @return a copy with that limit
         */
        public Settings withCoarsestMaxCells(int newCoarsestMaxCells) {
            return new Settings(sweeps, newCoarsestMaxCells);
        }
    }

    private final Settings settings;
    private final ParallelExecutor executor;
    private final Level[] levels;
    private final BandedCholesky coarsest;
    private SevenPointOperator operator;
    private boolean coarsestDirect;

    /**
     * Builds the hierarchy for {@code a} with the default settings.
     *
     * @param a the operator; validated
     * @param executor runs the loops over z planes of the larger levels
     * @throws IllegalArgumentException if the operator is invalid (see {@link SevenPointOperator#validate()})
     */
    public MultigridPreconditioner(SevenPointOperator a, ParallelExecutor executor) {
        this(a, Settings.DEFAULT, executor);
    }

    /**
     * Builds the hierarchy for {@code a}.
     *
     * @param a the operator; validated
     * @param settings the V-cycle settings
     * @param executor runs the loops over z planes of the larger levels
     * @throws IllegalArgumentException if the operator is invalid (see {@link SevenPointOperator#validate()})
     */
    public MultigridPreconditioner(SevenPointOperator a, Settings settings, ParallelExecutor executor) {
        Objects.requireNonNull(a, "a");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        List<Level> list = new ArrayList<>();
        list.add(new Level(a, false, executor));
        int nx = a.nx();
        int ny = a.ny();
        int nz = a.nz();
        while ((long) nx * ny * nz > settings.coarsestMaxCells() && (nx > 1 || ny > 1 || nz > 1)) {
            nx = (nx + 1) / 2;
            ny = (ny + 1) / 2;
            nz = (nz + 1) / 2;
            list.add(new Level(new SevenPointOperator(nx, ny, nz), true, executor));
        }
        this.levels = list.toArray(new Level[0]);
        this.coarsest = new BandedCholesky(nx, ny, nz);
        rebuild(a);
    }

    /** @return the operator the hierarchy was built from */
    public SevenPointOperator operator() {
        return operator;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return the number of levels, including the operator's own (level 0) */
    public int levelCount() {
        return levels.length;
    }

    /**
     * @param level 0 (the operator) to {@link #levelCount()} − 1 (the coarsest)
     * @return the operator on that level (live: do not modify)
     */
    public SevenPointOperator levelOperator(int level) {
        if (level < 0 || level >= levels.length) {
            throw new IllegalArgumentException("level = " + level + " is outside the valid range 0 to "
                    + (levels.length - 1));
        }
        return levels[level].op;
    }

    /** @return whether the coarsest level is solved by Cholesky (false: it was singular, Gauss–Seidel is used) */
    public boolean coarsestIsDirect() {
        return coarsestDirect;
    }

    /**
     * Recomputes the coarse operators, smoother diagonals and coarsest factorisation from the operator's current
     * coefficients. Call it after changing them; allocates nothing.
     *
     * @throws IllegalArgumentException if the operator is now invalid
     */
    public void rebuild() {
        rebuild(operator);
    }

    /**
     * Rebinds the hierarchy to another operator of the same shape and rebuilds it; allocates nothing.
     *
     * @param a the operator; validated
     * @throws IllegalArgumentException if its shape differs or it is invalid
     */
    public void rebuild(SevenPointOperator a) {
        Objects.requireNonNull(a, "a");
        SevenPointOperator fine = levels[0].op;
        if (!a.sameShape(fine)) {
            throw new IllegalArgumentException("operator " + a + " does not have the shape " + fine
                    + " this preconditioner was built for");
        }
        a.validate();
        operator = a;
        levels[0].op = a;
        levels[0].computeInverseDiagonal();
        for (int l = 1; l < levels.length; l++) {
            levels[l - 1].coarsen(levels[l].op);
            levels[l].computeInverseDiagonal();
        }
        coarsestDirect = coarsest.factor(levels[levels.length - 1].op);
    }

    /**
     * {@code z = B r}: one V-cycle for {@code A z = r} from {@code z = 0}. {@code B} is symmetric positive definite.
     *
     * @param r the vector to precondition (a residual), length n; not modified
     * @param z receives the result, length n, not the same array as {@code r}
     * @throws IllegalArgumentException if an array has the wrong length or {@code z == r}
     */
    public void apply(double[] r, double[] z) {
        operator.requireVector("r", r);
        operator.requireVector("z", z);
        if (r == z) {
            throw new IllegalArgumentException("apply needs distinct arrays for r and z; they are the same array");
        }
        cycle(0, r, z);
    }

    private void cycle(int l, double[] b, double[] x) {
        Level level = levels[l];
        if (l == levels.length - 1) {
            solveCoarsest(level, b, x);
            return;
        }
        int sweeps = settings.sweeps();
        level.redFromZero(b, x);
        level.halfSweep(b, x, Level.BLACK);
        for (int s = 1; s < sweeps; s++) {
            level.halfSweep(b, x, Level.RED);
            level.halfSweep(b, x, Level.BLACK);
        }
        Level coarse = levels[l + 1];
        level.restrictResidual(b, x, coarse.b);
        cycle(l + 1, coarse.b, coarse.x);
        level.prolongAdd(coarse.x, x);
        for (int s = 0; s < sweeps; s++) {
            level.halfSweep(b, x, Level.BLACK);
            level.halfSweep(b, x, Level.RED);
        }
    }

    private void solveCoarsest(Level level, double[] b, double[] x) {
        if (coarsestDirect) {
            coarsest.solve(b, x);
            return;
        }
        // Symmetric: m sweeps red→black, then their adjoint, m sweeps black→red.
        level.redFromZero(b, x);
        level.halfSweep(b, x, Level.BLACK);
        for (int s = 1; s < COARSEST_FALLBACK_SWEEPS; s++) {
            level.halfSweep(b, x, Level.RED);
            level.halfSweep(b, x, Level.BLACK);
        }
        for (int s = 0; s < COARSEST_FALLBACK_SWEEPS; s++) {
            level.halfSweep(b, x, Level.BLACK);
            level.halfSweep(b, x, Level.RED);
        }
    }

    /** One level of the hierarchy: its operator, the smoother's inverse diagonal and (coarse levels) b and x. */
    private static final class Level {
        static final int RED = 0;
        static final int BLACK = 1;

        SevenPointOperator op;
        final int nx;
        final int ny;
        final int nz;
        final double[] invDiag;
        final double[] b;
        final double[] x;
        final ParallelExecutor executor;

        Level(SevenPointOperator op, boolean coarse, ParallelExecutor executor) {
            this.op = op;
            this.nx = op.nx();
            this.ny = op.ny();
            this.nz = op.nz();
            int n = op.cellCount();
            this.invDiag = new double[n];
            this.b = coarse ? new double[n] : null;
            this.x = coarse ? new double[n] : null;
            this.executor = n >= PARALLEL_MIN_CELLS ? executor : ParallelExecutor.serial();
        }

        void computeInverseDiagonal() {
            double[] d = op.d();
            for (int c = 0; c < invDiag.length; c++) {
                double diagonal = d[c] + op.offDiagonalSum(c);
                invDiag[c] = diagonal > 0 ? 1.0 / diagonal : 0.0;
            }
        }

        /** Fills {@code coarse} with the scaled aggregation of this level's operator (see the class notes). */
        void coarsen(SevenPointOperator coarse) {
            double[] cx = op.cx();
            double[] cy = op.cy();
            double[] cz = op.cz();
            double[] d = op.d();
            double[] ccx = coarse.cx();
            double[] ccy = coarse.cy();
            double[] ccz = coarse.cz();
            double[] cd = coarse.d();
            Arrays.fill(ccx, 0);
            Arrays.fill(ccy, 0);
            Arrays.fill(ccz, 0);
            Arrays.fill(cd, 0);
            int cnx = coarse.nx();
            int cny = coarse.ny();
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    int row = nx * (j + ny * k);
                    int coarseRow = cnx * ((j >> 1) + cny * (k >> 1));
                    for (int i = 0; i < nx; i++) {
                        int c = row + i;
                        int cc = coarseRow + (i >> 1);
                        // A face between fine cells m and m + 1 crosses a coarse face iff m is odd.
                        if ((i & 1) == 1) {
                            ccx[cc] += cx[c];
                        }
                        if ((j & 1) == 1) {
                            ccy[cc] += cy[c];
                        }
                        if ((k & 1) == 1) {
                            ccz[cc] += cz[c];
                        }
                        if (op.offDiagonalSum(c) > 0) {
                            cd[cc] += d[c];
                        }
                    }
                }
            }
            int cn = coarse.cellCount();
            for (int cc = 0; cc < cn; cc++) {
                ccx[cc] *= COARSE_CONDUCTANCE_SCALE;
                ccy[cc] *= COARSE_CONDUCTANCE_SCALE;
                ccz[cc] *= COARSE_CONDUCTANCE_SCALE;
            }
            for (int cc = 0; cc < cn; cc++) {
                if (cd[cc] == 0 && coarse.offDiagonalSum(cc) == 0) {
                    cd[cc] = 1.0;
                }
            }
        }

        /** {@code x = 0} then a red half-sweep: {@code x = b / diag} on red cells, 0 on black ones. */
        void redFromZero(double[] rhs, double[] sol) {
            executor.forRange(nz, (from, to) -> {
                for (int k = from; k < to; k++) {
                    for (int j = 0; j < ny; j++) {
                        int row = nx * (j + ny * k);
                        int red = (j + k) & 1;
                        for (int i = 0; i < nx; i++) {
                            int c = row + i;
                            sol[c] = ((i & 1) == red) ? rhs[c] * invDiag[c] : 0.0;
                        }
                    }
                }
            });
        }

        /**
         * Gauss–Seidel on the cells of one colour: {@code x_c = (b_c + Σ c_f x_neighbour) / (d_c + Σ c_f)}. Reads
         * only cells of the other colour, so the planes can be updated in any order.
         */
        void halfSweep(double[] rhs, double[] sol, int colour) {
            executor.forRange(nz, (from, to) -> halfSweepPlanes(rhs, sol, colour, from, to));
        }

        private void halfSweepPlanes(double[] rhs, double[] sol, int colour, int k0, int k1) {
            final int sy = nx;
            final int sz = nx * ny;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            for (int k = k0; k < k1; k++) {
                boolean hasBelow = k > 0;
                boolean hasAbove = k < nz - 1;
                for (int j = 0; j < ny; j++) {
                    int row = sy * j + sz * k;
                    boolean hasSouth = j > 0;
                    boolean hasNorth = j < ny - 1;
                    for (int i = (colour + j + k) & 1; i < nx; i += 2) {
                        int c = row + i;
                        double s = rhs[c];
                        if (i > 0) {
                            s += cx[c - 1] * sol[c - 1];
                        }
                        if (i < nx - 1) {
                            s += cx[c] * sol[c + 1];
                        }
                        if (hasSouth) {
                            s += cy[c - sy] * sol[c - sy];
                        }
                        if (hasNorth) {
                            s += cy[c] * sol[c + sy];
                        }
                        if (hasBelow) {
                            s += cz[c - sz] * sol[c - sz];
                        }
                        if (hasAbove) {
                            s += cz[c] * sol[c + sz];
                        }
                        sol[c] = s * invDiag[c];
                    }
                }
            }
        }

        /**
         * {@code coarseRhs = Pᵀ (b − A x)}, the residual summed over each aggregate, leaving out decoupled cells.
         * Parallel over coarse planes; each sums its (up to) two fine planes in a fixed order.
         */
        void restrictResidual(double[] rhs, double[] sol, double[] coarseRhs) {
            int cnz = (nz + 1) / 2;
            executor.forRange(cnz, (from, to) -> restrictPlanes(rhs, sol, coarseRhs, from, to));
        }

        private void restrictPlanes(double[] rhs, double[] sol, double[] coarseRhs, int kc0, int kc1) {
            final int sy = nx;
            final int sz = nx * ny;
            final int cnx = (nx + 1) / 2;
            final int cny = (ny + 1) / 2;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            final double[] d = op.d();
            Arrays.fill(coarseRhs, kc0 * cnx * cny, kc1 * cnx * cny, 0.0);
            int kEnd = Math.min(nz, 2 * kc1);
            for (int k = 2 * kc0; k < kEnd; k++) {
                boolean hasBelow = k > 0;
                boolean hasAbove = k < nz - 1;
                for (int j = 0; j < ny; j++) {
                    int row = sy * j + sz * k;
                    int coarseRow = cnx * ((j >> 1) + cny * (k >> 1));
                    boolean hasSouth = j > 0;
                    boolean hasNorth = j < ny - 1;
                    for (int i = 0; i < nx; i++) {
                        int c = row + i;
                        double xc = sol[c];
                        double off = 0;
                        double ax = d[c] * xc;
                        if (i > 0) {
                            off += cx[c - 1];
                            ax += cx[c - 1] * (xc - sol[c - 1]);
                        }
                        if (i < nx - 1) {
                            off += cx[c];
                            ax += cx[c] * (xc - sol[c + 1]);
                        }
                        if (hasSouth) {
                            off += cy[c - sy];
                            ax += cy[c - sy] * (xc - sol[c - sy]);
                        }
                        if (hasNorth) {
                            off += cy[c];
                            ax += cy[c] * (xc - sol[c + sy]);
                        }
                        if (hasBelow) {
                            off += cz[c - sz];
                            ax += cz[c - sz] * (xc - sol[c - sz]);
                        }
                        if (hasAbove) {
                            off += cz[c];
                            ax += cz[c] * (xc - sol[c + sz]);
                        }
                        if (off > 0) {
                            coarseRhs[coarseRow + (i >> 1)] += rhs[c] - ax;
                        }
                    }
                }
            }
        }

        /** {@code x += P xc}: each cell gets the correction of its aggregate. */
        void prolongAdd(double[] coarseSol, double[] sol) {
            final int cnx = (nx + 1) / 2;
            final int cny = (ny + 1) / 2;
            executor.forRange(nz, (from, to) -> {
                for (int k = from; k < to; k++) {
                    for (int j = 0; j < ny; j++) {
                        int row = nx * (j + ny * k);
                        int coarseRow = cnx * ((j >> 1) + cny * (k >> 1));
                        for (int i = 0; i < nx; i++) {
                            sol[row + i] += coarseSol[coarseRow + (i >> 1)];
                        }
                    }
                }
            });
        }
    }
}
