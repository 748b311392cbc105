package org.ecmsim.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecmsim.parallel.ParallelExecutor;

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
 * would dominate the diagonal of every coarse cell containing one and nearly freeze the free cells of that
 * aggregate on all coarse levels; left out, it does not affect the preconditioner at all. A coarse cell made
 * only of decoupled cells gets {@code d = 1}, so the coarse operators stay non-singular.
 *
 * <p><b>Smoother.</b> Red-black Gauss–Seidel (red: {@code i + j + k} even), {@link Settings#sweeps()} sweeps red
 * then black before the coarse correction and the same number black then red after it; the post-smoother is the
 * adjoint of the pre-smoother, so the V-cycle is symmetric. A half-sweep of one colour reads only the other
 * colour, so its cells can be updated in any order and in parallel. The pre-smoothing sweeps and the residual,
 * and the prolongation and the post-smoothing sweeps, each run as one wavefront over the z planes (so the planes
 * in use stay in cache); since every cell value is computed by a fixed expression from the same inputs, results
 * are bitwise identical for any thread count. After the last pre-smoothing half-sweep (black) the residual of
 * the black cells is zero, so only red residuals are computed and restricted.
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

    /**
     * Largest coarsest level accepted. Its band Cholesky factor of a cube of n cells holds about n^{5/3} doubles and
     * costs about n^{7/3}/2 multiply-adds: 3.2·10⁶ doubles (26 MB) and 6·10⁸ at this limit, 10⁵ and 5·10⁶ at the
     * default of {@value #DEFAULT_COARSEST_MAX_CELLS}.
     */
    public static final int MAX_COARSEST_CELLS = 8_000;

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

        /**
         * Validates the ranges.
         *
         * @param sweeps red-black Gauss–Seidel sweeps before and after each coarse correction, 1 to 8
         * @param coarsestMaxCells size limit of the coarsest level, 1 to {@link #MAX_COARSEST_CELLS}
         */
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
        int nx = a.nx();
        int ny = a.ny();
        int nz = a.nz();
        SevenPointOperator op = a;
        boolean coarse = false;
        while (true) {
            boolean coarsest = (long) nx * ny * nz <= settings.coarsestMaxCells() || nx * ny * nz == 1;
            list.add(new Level(op, coarse, coarsest, settings.sweeps(), executor));
            if (coarsest) {
                break;
            }
            nx = (nx + 1) / 2;
            ny = (ny + 1) / 2;
            nz = (nz + 1) / 2;
            op = new SevenPointOperator(nx, ny, nz);
            coarse = true;
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
        a.validate(levels[0].executor);
        operator = a;
        levels[0].op = a;
        for (int l = 0; l < levels.length; l++) {
            levels[l].setUp(l + 1 < levels.length ? levels[l + 1].op : null);
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
            if (coarsestDirect) {
                coarsest.solve(b, x);
            } else {
                level.run(level.coarsestStages, b, x, null, null);
            }
            return;
        }
        Level coarse = levels[l + 1];
        // Pre-smoothing and the restricted residual: even fine planes sum into coarse.b, odd ones into oddPlanes.
        level.run(level.preStages, b, x, coarse.b, null);
        coarse.addOddPlanes(level.oddPlanes);
        cycle(l + 1, coarse.b, coarse.x);
        // The coarse correction is read by the first post-smoothing half-sweep (see Level.BLACK_CORRECTED).
        level.run(level.postStages, b, x, null, coarse.x);
    }

    /**
     * One level of the hierarchy: its operator, the smoother's inverse diagonal, (coarse levels) b and x, and the
     * plane kernels.
     *
     * <p>The smoothing, residual and correction steps are stages applied to whole z planes. Stage s on plane k
     * reads only planes k − 1 … k + 1 as left by stage s − 1, so a list of stages runs as a wavefront: at step t,
     * stage s is applied to plane t − s. The wavefront keeps the few planes in use in cache, where separate
     * half-sweeps would each stream the whole level through memory. In parallel, the planes are cut into blocks
     * of at least {@code 2·stages} planes; each block runs its wavefront as far as it can without the planes of its
     * neighbours (stage s stops s planes short of a block edge), then the triangles left at each block edge are
     * finished. Every cell value is computed by the same expression from the same inputs as in a plain
     * stage-by-stage sweep, so the result does not depend on the blocks or on the thread count.
     */
    private static final class Level {
        /** Red cells ({@code i + j + k} even) from a zero initial guess: {@code x = b / diag}. */
        static final int RED_FROM_ZERO = 0;
        /** Gauss–Seidel on the red cells (reads black cells only). */
        static final int RED = 1;
        /** Gauss–Seidel on the black cells (reads red cells only). */
        static final int BLACK = 2;
        /**
         * Gauss–Seidel on the black cells with red values {@code x + P·xc}: the prolongation of the coarse
         * correction, read where it is needed. The red values themselves are not updated: the following red
         * half-sweep overwrites them without reading them, so this equals prolongation followed by a black sweep.
         */
        static final int BLACK_CORRECTED = 3;
        /**
         * The residual {@code b − A x} summed over each aggregate into the coarse right-hand side. After a black
         * half-sweep the residual of every black cell is zero (its equation holds for its current red neighbours),
         * so only red cells are visited; decoupled cells are left out.
         */
        static final int RESIDUAL = 4;

        SevenPointOperator op;
        final int nx;
        final int ny;
        final int nz;
        final int cnx;
        final int cny;
        final double[] invDiag;
        final double[] b;
        final double[] x;
        /** Restricted residual of the odd fine planes (even ones go straight to the coarse b); null if coarsest. */
        final double[] oddPlanes;
        final int[] preStages;
        final int[] postStages;
        final int[] coarsestStages;
        final ParallelExecutor executor;

        // The current run.
        private double[] rhs;
        private double[] sol;
        private double[] coarseRhs;
        private double[] coarseSol;

        Level(SevenPointOperator op, boolean coarse, boolean coarsest, int sweeps, ParallelExecutor executor) {
            this.op = op;
            this.nx = op.nx();
            this.ny = op.ny();
            this.nz = op.nz();
            this.cnx = (nx + 1) / 2;
            this.cny = (ny + 1) / 2;
            int n = op.cellCount();
            this.invDiag = new double[n];
            this.b = coarse ? new double[n] : null;
            this.x = coarse ? new double[n] : null;
            this.oddPlanes = coarsest ? null : new double[cnx * cny * ((nz + 1) / 2)];
            this.preStages = new int[2 * sweeps + 1];
            this.postStages = new int[2 * sweeps];
            for (int s = 0; s < sweeps; s++) {
                preStages[2 * s] = s == 0 ? RED_FROM_ZERO : RED;
                preStages[2 * s + 1] = BLACK;
                postStages[2 * s] = s == 0 ? BLACK_CORRECTED : BLACK;
                postStages[2 * s + 1] = RED;
            }
            preStages[2 * sweeps] = RESIDUAL;
            int m = COARSEST_FALLBACK_SWEEPS;
            this.coarsestStages = new int[4 * m];
            for (int s = 0; s < m; s++) {
                coarsestStages[2 * s] = s == 0 ? RED_FROM_ZERO : RED;
                coarsestStages[2 * s + 1] = BLACK;
                coarsestStages[2 * m + 2 * s] = BLACK;
                coarsestStages[2 * m + 2 * s + 1] = RED;
            }
            this.executor = n >= PARALLEL_MIN_CELLS ? executor : ParallelExecutor.serial();
        }

        /**
         * Recomputes the smoother's inverse diagonal; before that, if {@code coarse} is not null, fills it with the
         * scaled aggregation of this level's operator (see the class notes).
         */
        void setUp(SevenPointOperator coarse) {
            // invDiag first holds the off-diagonal sums, which tell the decoupled cells (sum exactly 0).
            op.offDiagonalSums(invDiag, executor);
            if (coarse != null) {
                coarsen(coarse, invDiag);
            }
            double[] d = op.d();
            executor.forRange(nz, (from, to) -> {
                for (int c = from * nx * ny, end = to * nx * ny; c < end; c++) {
                    double diagonal = d[c] + invDiag[c];
                    invDiag[c] = diagonal > 0 ? 1.0 / diagonal : 0.0;
                }
            });
        }

        /**
         * The coarse operator, over the coarse z planes in parallel: each coarse cell sums its fine cells in the
         * same order (fine planes 2k, then 2k + 1, each in index order) whatever the thread count.
         */
        private void coarsen(SevenPointOperator coarse, double[] offDiagonal) {
            double[] cx = op.cx();
            double[] cy = op.cy();
            double[] cz = op.cz();
            double[] d = op.d();
            double[] ccx = coarse.cx();
            double[] ccy = coarse.cy();
            double[] ccz = coarse.cz();
            double[] cd = coarse.d();
            coarse.clear();
            int cplane = cnx * cny;
            executor.forRange(coarse.nz(), (kFrom, kTo) -> {
                for (int k = 2 * kFrom; k < Math.min(nz, 2 * kTo); k++) {
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
                            if (offDiagonal[c] > 0) {
                                cd[cc] += d[c];
                            }
                        }
                    }
                }
                for (int cc = kFrom * cplane; cc < kTo * cplane; cc++) {
                    ccx[cc] *= COARSE_CONDUCTANCE_SCALE;
                    ccy[cc] *= COARSE_CONDUCTANCE_SCALE;
                    ccz[cc] *= COARSE_CONDUCTANCE_SCALE;
                }
            });
            // After every coarse plane is scaled: a cell's sum reads the plane below it.
            executor.forRange(coarse.nz(), (kFrom, kTo) -> {
                for (int cc = kFrom * cplane; cc < kTo * cplane; cc++) {
                    if (cd[cc] == 0 && coarse.offDiagonalSum(cc) == 0) {
                        cd[cc] = 1.0;
                    }
                }
            });
        }

        /** {@code b += oddPlanes} (this level's b holds the even planes' part of the restricted residual). */
        void addOddPlanes(double[] odd) {
            for (int c = 0; c < b.length; c++) {
                b[c] += odd[c];
            }
        }

        /** Runs {@code stages} over all planes as a wavefront (see the class notes). */
        void run(int[] stages, double[] rhs, double[] sol, double[] coarseRhs, double[] coarseSol) {
            this.rhs = rhs;
            this.sol = sol;
            this.coarseRhs = coarseRhs;
            this.coarseSol = coarseSol;
            int m = stages.length;
            int threads = executor.threads();
            int blocks = threads == 1 ? 1 : Math.min(nz / (2 * m), 4 * threads);
            if (blocks <= 1) {
                runBlock(stages, 0, nz);
            } else {
                executor.forRange(blocks, (b0, b1) -> {
                    for (int block = b0; block < b1; block++) {
                        runBlock(stages, blockStart(block, blocks), blockStart(block + 1, blocks));
                    }
                });
                executor.forRange(blocks - 1, (b0, b1) -> {
                    for (int block = b0; block < b1; block++) {
                        finishBlockEdge(stages, blockStart(block + 1, blocks));
                    }
                });
            }
            this.rhs = null;
            this.sol = null;
            this.coarseRhs = null;
            this.coarseSol = null;
        }

        private int blockStart(int block, int blocks) {
            return (int) ((long) nz * block / blocks);
        }

        /** Stage s on the planes of [from, to) at least s planes from an edge shared with another block. */
        private void runBlock(int[] stages, int from, int to) {
            int m = stages.length;
            for (int t = from; t < to + m - 1; t++) {
                for (int s = 0; s < m; s++) {
                    int k = t - s;
                    int lo = from == 0 ? 0 : from + s;
                    int hi = to == nz ? nz : to - s;
                    if (k >= lo && k < hi) {
                        stage(stages[s], k);
                    }
                }
            }
        }

        /** The rest near the block edge at plane {@code edge}: stage s on [edge − s, edge + s), as a wavefront. */
        private void finishBlockEdge(int[] stages, int edge) {
            int m = stages.length;
            for (int t = edge; t < edge + 2 * m - 2; t++) {
                for (int s = 1; s < m; s++) {
                    int k = t - s;
                    if (k >= edge - s && k < edge + s && k >= 0 && k < nz) {
                        stage(stages[s], k);
                    }
                }
            }
        }

        private void stage(int kind, int k) {
            switch (kind) {
                case RED_FROM_ZERO -> redFromZero(k);
                case RED -> halfSweep(k, 0);
                case BLACK -> halfSweep(k, 1);
                case BLACK_CORRECTED -> blackCorrected(k);
                case RESIDUAL -> restrictResidual(k);
                default -> throw new AssertionError(kind);
            }
        }

        private void redFromZero(int k) {
            for (int j = 0; j < ny; j++) {
                int row = nx * (j + ny * k);
                for (int i = (j + k) & 1; i < nx; i += 2) {
                    sol[row + i] = rhs[row + i] * invDiag[row + i];
                }
            }
        }

        /**
         * Gauss–Seidel on the cells of one colour (0 red, 1 black) of plane k:
         * {@code x_c = (b_c + Σ c_f x_neighbour) / (d_c + Σ c_f)}.
         */
        private void halfSweep(int k, int colour) {
            final int sy = nx;
            final int sz = nx * ny;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            final double[] x = sol;
            final double[] r = rhs;
            final boolean interiorPlane = k > 0 && k < nz - 1;
            for (int j = 0; j < ny; j++) {
                int row = sy * j + sz * k;
                int i0 = (colour + j + k) & 1;
                if (interiorPlane && j > 0 && j < ny - 1) {
                    // Interior line: only the end cells lack neighbours.
                    int i = i0;
                    if (i == 0) {
                        smoothCell(row, 0, j, k);
                        i = 2;
                    }
                    int end = row + nx - 1;
                    for (int c = row + i; c < end; c += 2) {
                        x[c] = (r[c]
                                + cx[c - 1] * x[c - 1] + cx[c] * x[c + 1]
                                + cy[c - sy] * x[c - sy] + cy[c] * x[c + sy]
                                + cz[c - sz] * x[c - sz] + cz[c] * x[c + sz]) * invDiag[c];
                    }
                    if (((nx - 1 - i0) & 1) == 0 && nx > 1) {
                        smoothCell(end, nx - 1, j, k);
                    }
                } else {
                    for (int i = i0; i < nx; i += 2) {
                        smoothCell(row + i, i, j, k);
                    }
                }
            }
        }

        /** The Gauss–Seidel update of one cell anywhere, with the terms in the same order as the interior loop. */
        private void smoothCell(int c, int i, int j, int k) {
            final int sy = nx;
            final int sz = nx * ny;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            final double[] x = sol;
            double s = rhs[c];
            if (i > 0) {
                s += cx[c - 1] * x[c - 1];
            }
            if (i < nx - 1) {
                s += cx[c] * x[c + 1];
            }
            if (j > 0) {
                s += cy[c - sy] * x[c - sy];
            }
            if (j < ny - 1) {
                s += cy[c] * x[c + sy];
            }
            if (k > 0) {
                s += cz[c - sz] * x[c - sz];
            }
            if (k < nz - 1) {
                s += cz[c] * x[c + sz];
            }
            x[c] = s * invDiag[c];
        }

        private void blackCorrected(int k) {
            final int sy = nx;
            final int sz = nx * ny;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            final double[] x = sol;
            final double[] e = coarseSol;
            final int csz = cnx * cny;
            for (int j = 0; j < ny; j++) {
                int row = sy * j + sz * k;
                int coarseRow = cnx * ((j >> 1) + cny * (k >> 1));
                int coarseSouth = cnx * (((j - 1) >> 1) + cny * (k >> 1));
                int coarseNorth = cnx * (((j + 1) >> 1) + cny * (k >> 1));
                int coarseBelow = coarseRow + (((k - 1) >> 1) - (k >> 1)) * csz;
                int coarseAbove = coarseRow + (((k + 1) >> 1) - (k >> 1)) * csz;
                for (int i = (1 + j + k) & 1; i < nx; i += 2) {
                    int c = row + i;
                    int ci = i >> 1;
                    double s = rhs[c];
                    if (i > 0) {
                        s += cx[c - 1] * (x[c - 1] + e[coarseRow + ((i - 1) >> 1)]);
                    }
                    if (i < nx - 1) {
                        s += cx[c] * (x[c + 1] + e[coarseRow + ((i + 1) >> 1)]);
                    }
                    if (j > 0) {
                        s += cy[c - sy] * (x[c - sy] + e[coarseSouth + ci]);
                    }
                    if (j < ny - 1) {
                        s += cy[c] * (x[c + sy] + e[coarseNorth + ci]);
                    }
                    if (k > 0) {
                        s += cz[c - sz] * (x[c - sz] + e[coarseBelow + ci]);
                    }
                    if (k < nz - 1) {
                        s += cz[c] * (x[c + sz] + e[coarseAbove + ci]);
                    }
                    x[c] = s * invDiag[c];
                }
            }
        }

        private void restrictResidual(int k) {
            final int sy = nx;
            final int sz = nx * ny;
            final double[] cx = op.cx();
            final double[] cy = op.cy();
            final double[] cz = op.cz();
            final double[] d = op.d();
            final double[] x = sol;
            final double[] out = (k & 1) == 0 ? coarseRhs : oddPlanes;
            int coarsePlane = cnx * cny * (k >> 1);
            Arrays.fill(out, coarsePlane, coarsePlane + cnx * cny, 0.0);
            for (int j = 0; j < ny; j++) {
                int row = sy * j + sz * k;
                int coarseRow = coarsePlane + cnx * (j >> 1);
                for (int i = (j + k) & 1; i < nx; i += 2) {
                    int c = row + i;
                    double xc = x[c];
                    double off = 0;
                    double ax = d[c] * xc;
                    if (i > 0) {
                        off += cx[c - 1];
                        ax += cx[c - 1] * (xc - x[c - 1]);
                    }
                    if (i < nx - 1) {
                        off += cx[c];
                        ax += cx[c] * (xc - x[c + 1]);
                    }
                    if (j > 0) {
                        off += cy[c - sy];
                        ax += cy[c - sy] * (xc - x[c - sy]);
                    }
                    if (j < ny - 1) {
                        off += cy[c];
                        ax += cy[c] * (xc - x[c + sy]);
                    }
                    if (k > 0) {
                        off += cz[c - sz];
                        ax += cz[c - sz] * (xc - x[c - sz]);
                    }
                    if (k < nz - 1) {
                        off += cz[c];
                        ax += cz[c] * (xc - x[c + sz]);
                    }
                    if (off > 0) {
                        out[coarseRow + (i >> 1)] += rhs[c] - ax;
                    }
                }
            }
        }
    }
}
