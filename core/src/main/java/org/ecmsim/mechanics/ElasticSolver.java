package org.ecmsim.mechanics;

import java.util.Arrays;
import java.util.Objects;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.internal.Checks;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.tissue.Tissue;

/**
 * Small-strain, isotropic, linear elastic equilibrium with an eigenstrain on a voxel grid: find the displacement u
 * with {@code ∇·σ = 0}, {@code σ = λ tr(ε − ε*) I + 2μ (ε − ε*)}, {@code ε = ½(∇u + ∇uᵀ)}, for a given
 * eigenstrain ε* (free strain: here the thermal shrinkage of collagen) that is uniform in each cell.
 *
 * <p><b>Discretisation.</b> Trilinear hexahedral finite elements on the cells of the {@link Grid3D}, displacements
 * at the cell corners (nodes at {@code (i·dx, j·dy, k·dz)}, z = 0 the skin surface, z down), λ and μ per cell,
 * selective reduced integration (shear part 2×2×2 Gauss points, volumetric part at the centre). The stiffness
 * matrix is symmetric positive definite on the free nodes and is applied matrix-free.
 *
 * <p><b>Boundaries.</b>
 * <ul>
 *   <li>{@link Boundary#SITE}: the treatment site's unit cell. The displacement is
 *       {@code u = E·x + ũ}: a uniform in-plane macroscopic strain E (E_xx, E_yy, E_xy) plus a fluctuation ũ that is
 *       periodic in x and y (the lateral faces are periodic, as in the thermal unit cell: the pin lattice repeats).
 *       The skin surface z = 0 is traction-free. The deep face is held for the fluctuation (ũ = 0: bonded to a
 *       substrate that follows the mean in-plane strain but does not move locally or in depth). E is not imposed:
 *       it is chosen so that the mean in-plane stress is zero, {@code ∫σ_xx = ∫σ_yy = ∫σ_xy = 0}, i.e. no net
 *       force acts across the lateral faces — the treated area contracts freely as a whole, which is the stationary
 *       point of the energy over E. This bounds the contraction from above: untreated skin around a finite treated
 *       area would resist it.</li>
 *   <li>{@link Boundary#DIRICHLET_BOX}: every boundary node has a given displacement (for verification against
 *       exact solutions).</li>
 * </ul>
 *
 * <p><b>Solver.</b> Conjugate gradients preconditioned by one geometric multigrid V-cycle on the voxel hierarchy
 * (coarsening by 2 along every direction whose element count is even, semi-coarsening otherwise; rediscretised
 * coarse operators, Chebyshev polynomial smoothing, a banded Cholesky factorisation of the coarsest level),
 * matrix-free; on layered materials the operator is a 27-point block stencil per node plane.
 * The iteration count is nearly independent of the grid size (docs/validation.md, "Mechanics"); a grid with odd
 * element counts along every direction cannot be coarsened, and then a large coarsest level falls back to Jacobi
 * sweeps, which costs iterations, not accuracy. In the SITE layout the mean-stress condition is met by
 * superposition: the responses to the three unit macroscopic strains are solved once per solver (their mean
 * stresses form a 3×3 in-plane stiffness, their cell stresses the reciprocity weights of {@link #macroStrainSite}),
 * so each solve knows E before it starts and is a single CG solve for the fluctuation.
 *
 * <p><b>Determinism.</b> All loops run over z planes of nodes with fixed per-node sums, and dot products are summed
 * per plane and then in plane order: results are bitwise identical for any thread count.
 */
public final class ElasticSolver {

    /** The default relative residual tolerance of the CG solves. */
    public static final double DEFAULT_TOLERANCE = 1e-9;
    /** The most CG iterations of one solve. */
    public static final int MAX_ITERATIONS = 2000;

    /** How the boundary of the grid is treated (see the class description). */
    public enum Boundary {
        /** Periodic lateral faces with a free mean in-plane strain, a free top surface, the deep face held. */
        SITE,
        /** Every boundary node has a prescribed displacement. */
        DIRICHLET_BOX
    }

    /** A prescribed displacement on the boundary of a {@link Boundary#DIRICHLET_BOX} solve. */
    @FunctionalInterface
    public interface BoundaryDisplacement {
        /**
         * @param x node x (m)
         * @param y node y (m)
         * @param z node z (m), 0 at the top face, increasing downward
         * @param u the displacement (m), x, y, z components, to fill
         */
        void at(double x, double y, double z, double[] u);
    }

    private static final String[] UNIT_NAMES = {"E_xx", "E_yy", "E_xy"};

    private final Grid3D grid;
    private final Boundary boundary;
    private final ElasticOperator operator;
    private final Multigrid multigrid;
    private final ParallelExecutor executor;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private final double[] partial;
    /** In-plane stiffness: mean stress (xx, yy, xy) per unit macroscopic strain (xx, yy, xy); null until needed. */
    private double[] macroStiffness;
    /** Per cell, the centre stress σ_xx, σ_yy, σ_zz of each unit macroscopic strain's response (Levin weights). */
    private double[][] unitStress;

    /**
     * @param grid the grid (cells are the elements)
     * @param youngsModulus Young's modulus per cell (Pa), finite and &gt; 0
     * @param poissonRatio Poisson's ratio per cell, in [0, 0.499]
     * @param boundary the boundary treatment
     * @param executor the threads to use
     * @throws IllegalArgumentException if an array has the wrong length or a value is out of range, or if the SITE
     *         layout has fewer than 2 cells along x or y
     */
    public ElasticSolver(Grid3D grid, double[] youngsModulus, double[] poissonRatio, Boundary boundary,
            ParallelExecutor executor) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.executor = Objects.requireNonNull(executor, "executor");
        int n = grid.cellCount();
        requireLength("youngsModulus", youngsModulus, n);
        requireLength("poissonRatio", poissonRatio, n);
        if (boundary == Boundary.SITE && (grid.nx() < 2 || grid.ny() < 2)) {
            throw new IllegalArgumentException("the SITE layout needs at least 2 cells along x and y; the grid is "
                    + grid);
        }
        double[] lambda = new double[n];
        double[] mu = new double[n];
        for (int c = 0; c < n; c++) {
            double e = Checks.requireFinitePositive("Young's modulus of cell " + c, youngsModulus[c], "Pa");
            double nu = Checks.requireInRange("Poisson ratio of cell " + c, poissonRatio[c], 0.0, 0.499, "");
            mu[c] = e / (2 * (1 + nu));
            lambda[c] = e * nu / ((1 + nu) * (1 - 2 * nu));
        }
        this.operator = new ElasticOperator(boundary == Boundary.SITE, grid.nx(), grid.ny(), grid.nz(), grid.dx(),
                grid.dy(), grid.dz(), lambda, mu, executor);
        this.multigrid = new Multigrid(operator);
        int dofs = operator.dofCount();
        r = new double[dofs];
        z = new double[dofs];
        p = new double[dofs];
        q = new double[dofs];
        partial = new double[operator.mz];
    }

    /**
     * A SITE solver for a tissue, with the elastic properties of each material from
     * {@link SkinElasticity#of(org.ecmsim.tissue.Material)}.
     *
     * @param tissue the tissue
     * @param executor the threads to use
     * @return the solver
     */
    public static ElasticSolver forTissue(Tissue tissue, ParallelExecutor executor) {
        Grid3D g = tissue.grid();
        double[] e = new double[g.cellCount()];
        double[] nu = new double[g.cellCount()];
        for (int c = 0; c < e.length; c++) {
            ElasticProperties props = SkinElasticity.of(tissue.materialAt(c));
            e[c] = props.youngsModulus();
            nu[c] = props.poissonRatio();
        }
        return new ElasticSolver(g, e, nu, Boundary.SITE, executor);
    }

    private static void requireLength(String name, double[] a, int n) {
        Objects.requireNonNull(a, name);
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has length " + a.length + "; the grid has " + n + " cells");
        }
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the boundary treatment */
    public Boundary boundary() {
        return boundary;
    }

    /**
     * @return the multigrid hierarchy, e.g. "20×20×50 → 10×10×25 → 5×5×25 (banded Cholesky, half-bandwidth 149)"
     */
    public String multigridDescription() {
        return multigrid.describe();
    }

    /** @return the number of multigrid levels (1 = no coarsening) */
    public int multigridLevels() {
        return multigrid.levelCount();
    }

    /**
     * Solves a {@link Boundary#SITE} problem: the macroscopic strain E by reciprocity ({@link #macroStrainSite},
     * which solves the three unit macroscopic strains' responses on the first call), then one CG solve for the
     * periodic fluctuation with the load of ε* − E. Equal to solving the fluctuation problem, taking E from its mean
     * stress and solving again (superposition) to the CG tolerance.
     *
     * @param eigenXx the eigenstrain ε*_xx per cell (dimensionless; negative = shrinkage)
     * @param eigenYy ε*_yy per cell
     * @param eigenZz ε*_zz per cell
     * @param tolerance relative residual tolerance of each CG solve, in (0, 1)
     * @return the solution (the eigenstrain arrays are kept by reference for its energy methods)
     */
    public ElasticSolution solveSite(double[] eigenXx, double[] eigenYy, double[] eigenZz, double tolerance) {
        if (boundary != Boundary.SITE) {
            throw new IllegalStateException("solveSite needs the SITE boundary; this solver has " + boundary);
        }
        // E first, by reciprocity from the unit responses (solved once per solver), then one solve for ũ.
        double[] macro = macroStrainSite(eigenXx, eigenYy, eigenZz, tolerance);
        double[] u = new double[operator.dofCount()];
        double[] f = new double[operator.dofCount()];
        operator.eigenstrainLoad(eigenXx, eigenYy, eigenZz, macro[0], macro[1], macro[2], f);
        int[] its = pcg(f, u, tolerance, "the SITE solve");
        double res = relativeResidual(f, u);
        return new ElasticSolution(this, operator, u, macro, eigenXx, eigenYy, eigenZz, its[0], res, its[1] == 1);
    }

    /**
     * The {@link #solveSite} result by superposition, without reciprocity: the fluctuation problem for ε* from zero,
     * E from its mean stress and the 3×3 in-plane stiffness, then a second solve with that E, from the first
     * solution. Two solves instead of one: kept as the reference {@link #solveSite} is tested against.
     */
    ElasticSolution solveSiteBySuperposition(double[] eigenXx, double[] eigenYy, double[] eigenZz, double tolerance) {
        if (boundary != Boundary.SITE) {
            throw new IllegalStateException("solveSite needs the SITE boundary; this solver has " + boundary);
        }
        checkEigen(eigenXx, eigenYy, eigenZz, tolerance);
        ensureMacroStiffness(tolerance);
        double[] u = new double[operator.dofCount()];
        double[] f = new double[operator.dofCount()];
        operator.eigenstrainLoad(eigenXx, eigenYy, eigenZz, 0, 0, 0, f);
        int[] its = pcg(f, u, tolerance, "the SITE solve without E");
        ElasticSolution first = new ElasticSolution(this, operator, u, new double[3], eigenXx, eigenYy, eigenZz,
                its[0], 0, true);
        double[] s0 = new double[3];
        first.meanStress(s0);
        double[] macro = solve3(macroStiffness, new double[] {-s0[0], -s0[1], -s0[2]});
        operator.eigenstrainLoad(eigenXx, eigenYy, eigenZz, macro[0], macro[1], macro[2], f);
        its = pcg(f, u, tolerance, "the SITE solve with E");
        double res = relativeResidual(f, u);
        return new ElasticSolution(this, operator, u, macro, eigenXx, eigenYy, eigenZz, its[0], res,
                its[1] == 1);
    }

    /**
     * Solves a {@link Boundary#DIRICHLET_BOX} problem.
     *
     * @param eigenXx the eigenstrain ε*_xx per cell
     * @param eigenYy ε*_yy per cell
     * @param eigenZz ε*_zz per cell
     * @param boundaryDisplacement the displacement of the boundary nodes
     * @param tolerance relative residual tolerance, in (0, 1)
     * @return the solution
     */
    public ElasticSolution solveBox(double[] eigenXx, double[] eigenYy, double[] eigenZz,
            BoundaryDisplacement boundaryDisplacement, double tolerance) {
        if (boundary != Boundary.DIRICHLET_BOX) {
            throw new IllegalStateException("solveBox needs the DIRICHLET_BOX boundary; this solver has " + boundary);
        }
        Objects.requireNonNull(boundaryDisplacement, "boundaryDisplacement");
        checkEigen(eigenXx, eigenYy, eigenZz, tolerance);
        double[] lift = new double[operator.dofCount()];
        double[] v = new double[3];
        for (int k = 0; k < operator.mz; k++) {
            for (int j = 0; j < operator.my; j++) {
                for (int i = 0; i < operator.mx; i++) {
                    int n = i + operator.mx * (j + operator.my * k);
                    if (operator.held[n]) {
                        boundaryDisplacement.at(i * grid.dx(), j * grid.dy(), k * grid.dz(), v);
                        lift[3 * n] = v[0];
                        lift[3 * n + 1] = v[1];
                        lift[3 * n + 2] = v[2];
                    }
                }
            }
        }
        double[] f = new double[operator.dofCount()];
        double[] kl = new double[operator.dofCount()];
        operator.eigenstrainLoad(eigenXx, eigenYy, eigenZz, 0, 0, 0, f);
        operator.apply(lift, kl);
        for (int i = 0; i < f.length; i++) {
            f[i] -= kl[i];
        }
        double[] w = new double[operator.dofCount()];
        int[] its = pcg(f, w, tolerance, "the DIRICHLET_BOX solve");
        double res = relativeResidual(f, w);
        for (int i = 0; i < w.length; i++) {
            w[i] += lift[i];
        }
        return new ElasticSolution(this, operator, w, new double[3], eigenXx, eigenYy, eigenZz, its[0], res,
                its[1] == 1);
    }

    private void checkEigen(double[] a, double[] b, double[] c, double tolerance) {
        requireLength("eigenXx", a, grid.cellCount());
        requireLength("eigenYy", b, grid.cellCount());
        requireLength("eigenZz", c, grid.cellCount());
        Checks.requireInRange("tolerance", tolerance, 1e-15, 0.5, "");
    }

    /**
     * Solves the responses to the three unit macroscopic strains once per solver: their mean stresses form the 3×3
     * in-plane stiffness, and their cell stresses are kept as the weights of {@link #macroStrainSite}.
     */
    private void ensureMacroStiffness(double tolerance) {
        if (macroStiffness != null) {
            return;
        }
        macroStiffness = new double[9];
        int n = grid().cellCount();
        unitStress = new double[3][3 * n];
        double[] u = new double[operator.dofCount()];
        double[] unit = new double[3];
        double[] s = new double[3];
        for (int a = 0; a < 3; a++) {
            Arrays.fill(unit, 0);
            unit[a] = 1;
            Arrays.fill(u, 0);
            operator.eigenstrainLoad(null, null, null, unit[0], unit[1], unit[2], r);
            pcg(r, u, tolerance, "the response to the unit macroscopic strain " + UNIT_NAMES[a]);
            ElasticSolution sol = new ElasticSolution(this, operator, u, unit.clone(), null, null, null, 0, 0,
                    true);
            sol.meanStress(s);
            double[] cs = new double[6];
            for (int c = 0; c < n; c++) {
                sol.stress(c, cs);
                unitStress[a][3 * c] = cs[0];
                unitStress[a][3 * c + 1] = cs[1];
                unitStress[a][3 * c + 2] = cs[2];
            }
            for (int b = 0; b < 3; b++) {
                macroStiffness[3 * b + a] = s[b];
            }
        }
    }

    /**
     * The macroscopic in-plane strain (E_xx, E_yy, E_xy) of a {@link Boundary#SITE} problem without solving it: by
     * reciprocity (Levin's theorem for the discrete, symmetric problem), the mean stress of the fluctuation problem
     * for ε* is −(1/n) Σ_c σ_a(c) : ε*(c), with σ_a the cell stresses of the unit macroscopic strain a's response; E
     * then follows from the 3×3 in-plane stiffness, as in {@link #solveSite}. Equal to {@code solveSite(...)}'s
     * macroscopic strain to the CG tolerance, at the cost of one pass over the cells once the three unit responses
     * are known (they are solved on the first call, to {@code tolerance}).
     *
     * @param eigenXx the eigenstrain ε*_xx per cell
     * @param eigenYy ε*_yy per cell
     * @param eigenZz ε*_zz per cell
     * @param tolerance relative residual tolerance of the unit responses, in (0, 1)
     * @return {E_xx, E_yy, E_xy} (tensor components), the input of {@link ElasticSolution#arealContraction(double[])}
     */
    public double[] macroStrainSite(double[] eigenXx, double[] eigenYy, double[] eigenZz, double tolerance) {
        if (boundary != Boundary.SITE) {
            throw new IllegalStateException("macroStrainSite needs the SITE boundary; this solver has " + boundary);
        }
        checkEigen(eigenXx, eigenYy, eigenZz, tolerance);
        ensureMacroStiffness(tolerance);
        int n = grid().cellCount();
        double[] s0 = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] w = unitStress[a];
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += w[3 * c] * eigenXx[c] + w[3 * c + 1] * eigenYy[c] + w[3 * c + 2] * eigenZz[c];
            }
            // E_xy's unit strain has two tensor entries (xy and yx); the mean stress reports σ_xy once
            s0[a] = -(a == 2 ? 0.5 : 1.0) * sum / n;
        }
        return solve3(macroStiffness, new double[] {-s0[0], -s0[1], -s0[2]});
    }

    private static double[] solve3(double[] m, double[] rhs) {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] a = m.clone();
            for (int row = 0; row < 3; row++) {
                a[3 * row + c] = rhs[row];
            }
            x[c] = (a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                    + a[2] * (a[3] * a[7] - a[4] * a[6])) / det;
        }
        return x;
    }

    /** ‖f − K u‖ / ‖f‖ on the free dofs (u zero on held dofs). */
    double relativeResidual(double[] f, double[] u) {
        operator.apply(u, q);
        double num = 0;
        double den = 0;
        for (int i = 0; i < f.length; i++) {
            double d = f[i] - q[i];
            num += d * d;
            den += f[i] * f[i];
        }
        return den == 0 ? 0 : Math.sqrt(num / den);
    }

    private double dot(double[] a, double[] b) {
        int plane = 3 * operator.mx * operator.my;
        executor.forRange(operator.mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double s = 0;
                for (int i = k * plane; i < (k + 1) * plane; i++) {
                    s += a[i] * b[i];
                }
                partial[k] = s;
            }
        });
        double s = 0;
        for (double v : partial) {
            s += v;
        }
        return s;
    }

    /**
     * Preconditioned CG for K x = f from the given x (zero on held dofs).
     *
     * @return {iterations, 1 if converged}
     */
    private int[] pcg(double[] f, double[] x, double tolerance, String what) {
        operator.apply(x, q);
        for (int i = 0; i < r.length; i++) {
            r[i] = f[i] - q[i];
        }
        operator.clearHeld(r);
        double bnorm = Math.sqrt(dot(f, f));
        if (bnorm == 0) {
            Arrays.fill(x, 0);
            return new int[] {0, 1};
        }
        double rnorm = Math.sqrt(dot(r, r));
        if (rnorm <= tolerance * bnorm) {
            return new int[] {0, 1};
        }
        multigrid.apply(r, z);
        System.arraycopy(z, 0, p, 0, p.length);
        double rz = dot(r, z);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            operator.apply(p, q);
            double alpha = rz / dot(p, q);
            int plane = 3 * operator.mx * operator.my;
            executor.forRange(operator.mz, (k0, k1) -> {
                for (int i = k0 * plane; i < k1 * plane; i++) {
                    x[i] += alpha * p[i];
                    r[i] -= alpha * q[i];
                }
            });
            rnorm = Math.sqrt(dot(r, r));
            if (rnorm <= tolerance * bnorm) {
                return new int[] {it, 1};
            }
            if (!Double.isFinite(rnorm)) {
                throw new IllegalStateException("the conjugate gradient iteration of " + what + " on the "
                        + grid.nx() + "×" + grid.ny() + "×" + grid.nz() + " grid broke down at iteration " + it
                        + ": residual norm " + rnorm + " (relative to " + bnorm + "); check the eigenstrain and "
                        + "the moduli for NaN or infinite values");
            }
            multigrid.apply(r, z);
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            executor.forRange(operator.mz, (k0, k1) -> {
                for (int i = k0 * plane; i < k1 * plane; i++) {
                    p[i] = z[i] + beta * p[i];
                }
            });
        }
        return new int[] {MAX_ITERATIONS, 0};
    }
}
