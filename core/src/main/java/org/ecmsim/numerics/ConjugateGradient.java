package org.ecmsim.numerics;

import java.util.Arrays;
import java.util.Objects;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * The preconditioned conjugate gradient method for {@code A x = b} with a symmetric positive definite
 * {@link SevenPointOperator} {@code A} (Hestenes–Stiefel; Saad, Iterative Methods for Sparse Linear Systems, 2nd
 * ed., Algorithm 9.1):
 *
 * <pre>
 *   r = b − A x,  z = M⁻¹ r,  p = z
 *   repeat:  α = (r·z)/(p·A p),  x += α p,  r −= α A p,  z = M⁻¹ r,  β = (r·z)_new/(r·z)_old,  p = z + β p
 * </pre>
 *
 * stopping when {@code ‖r‖₂ ≤ tol·‖b‖₂}. Convergence is then confirmed on the true residual {@code b − A x}; if
 * round-off made the recurrence drift, the iteration restarts from the true residual, so a reported
 * {@link SolveResult#converged()} always refers to {@code ‖b − A x‖₂ / ‖b‖₂} of the returned {@code x}. This
 * criterion weighs every row by its scale: see {@link SevenPointOperator} on scaling eliminated rows.
 *
 * <p><b>Preconditioners</b> ({@link Preconditioning}): none, Jacobi (the inverse diagonal), or one V-cycle of
 * {@link MultigridPreconditioner}, whose cost per iteration is a few operator applications and whose iteration
 * count grows only slowly with the grid size.
 *
 * <p><b>Determinism.</b> Every loop runs over z planes on the {@link ParallelExecutor}; each dot product is summed
 * per z plane and the plane sums are added in plane order, so the iterates are bitwise identical for any thread
 * count.
 *
 * <p><b>Reuse.</b> An instance is bound to one grid shape; its work vectors (and the multigrid hierarchy) are
 * allocated once and reused by every solve. There are three: {@code r}, {@code p}, and one array for both
 * {@code A p} and {@code M⁻¹ r}, whose lifetimes do not overlap (24 bytes per cell). The multigrid setup is done on the first solve and redone when
 * {@link #solve} gets a different operator instance or after {@link #coefficientsChanged()}; the Jacobi diagonal is
 * recomputed on every solve. If an operator's coefficients are changed in place without calling
 * {@link #coefficientsChanged()}, the multigrid preconditioner is stale: convergence may slow down or fail (the
 * result then says so), but a converged result is still correct. An instance is not safe for concurrent use.
 */
public final class ConjugateGradient {

    /** The preconditioner {@code M⁻¹} applied to each residual. */
    public enum Preconditioning {
        /** {@code M = I}: plain conjugate gradients. */
        NONE,
        /** {@code M = diag(A)}: cheap, helps with strongly varying coefficients, not with grid size. */
        JACOBI,
        /** One symmetric V-cycle of {@link MultigridPreconditioner}: iteration counts nearly independent of size. */
        MULTIGRID
    }

    private final int nx;
    private final int ny;
    private final int nz;
    private final int n;
    private final Preconditioning preconditioning;
    private final MultigridPreconditioner.Settings multigridSettings;
    private final ParallelExecutor executor;

    private final double[] r;
    /** {@code M⁻¹ r}: the same array as {@link #q} (or as {@link #r} without preconditioning). */
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private final double[] invDiag;
    private final double[] partialA;
    private final double[] partialB;

    private MultigridPreconditioner multigrid;
    private boolean multigridStale;

    /**
     * A solver for operators of shape {@code nx × ny × nz}, with default multigrid settings.
     *
     * @param nx cells along x, ≥ 1
     * @param ny cells along y, ≥ 1
     * @param nz cells along z, ≥ 1
     * @param preconditioning the preconditioner
     * @param executor runs the loops over z planes
     */
    public ConjugateGradient(int nx, int ny, int nz, Preconditioning preconditioning, ParallelExecutor executor) {
        this(nx, ny, nz, preconditioning, MultigridPreconditioner.Settings.DEFAULT, executor);
    }

    /**
     * A solver for operators of shape {@code nx × ny × nz}.
     *
     * @param nx cells along x, ≥ 1
     * @param ny cells along y, ≥ 1
     * @param nz cells along z, ≥ 1
     * @param preconditioning the preconditioner
     * @param multigridSettings the V-cycle settings, used with {@link Preconditioning#MULTIGRID}
     * @param executor runs the loops over z planes
     */
    public ConjugateGradient(int nx, int ny, int nz, Preconditioning preconditioning,
            MultigridPreconditioner.Settings multigridSettings, ParallelExecutor executor) {
        this.n = SevenPointOperator.checkedCellCount(nx, ny, nz);
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.preconditioning = Objects.requireNonNull(preconditioning, "preconditioning");
        this.multigridSettings = Objects.requireNonNull(multigridSettings, "multigridSettings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.r = new double[n];
        this.p = new double[n];
        this.q = new double[n];
        // z = M⁻¹ r shares q's storage: q = A p is dead once r is updated, and z is dead once p = z + β p is formed,
        // before the next q = A p. This saves one vector (8 bytes per cell) and changes no operation.
        this.z = preconditioning == Preconditioning.NONE ? r : q;
        this.invDiag = preconditioning == Preconditioning.JACOBI ? new double[n] : null;
        this.partialA = new double[nz];
        this.partialB = new double[nz];
    }

    /** @return the preconditioner kind */
    public Preconditioning preconditioning() {
        return preconditioning;
    }

    /**
     * Marks the multigrid hierarchy stale: the next {@link #solve} rebuilds it from the operator's current
     * coefficients. Call it after changing an operator's arrays in place.
     */
    public void coefficientsChanged() {
        multigridStale = true;
    }

    /**
     * Solves {@code A x = b}, starting from the {@code x} given.
     *
     * @param a the operator, of this solver's shape; validated on every call
     * @param b the right-hand side, length n, finite; not modified
     * @param x initial guess on entry (finite), the solution on return; set to 0 if {@code b = 0}
     * @param relativeTolerance stop when {@code ‖b − A x‖₂ ≤ relativeTolerance·‖b‖₂}; finite, &gt; 0 and &lt; 1
     * @param maxIterations the most iterations to run, ≥ 0
     * @return iterations, relative residual and whether the tolerance was met (if not, {@code x} holds the last
     *         iterate and the caller decides what to do)
     * @throws IllegalArgumentException for an operator of another shape or invalid coefficients, wrong array
     *         lengths, non-finite entries in {@code b} or {@code x}, or an invalid tolerance or iteration limit
     * @throws IllegalStateException if a non-finite value or a non-positive curvature {@code pᵀAp} appears
     *         (naming the iteration), which an SPD operator with finite data does not produce
     */
    public SolveResult solve(SevenPointOperator a, double[] b, double[] x, double relativeTolerance,
            int maxIterations) {
        requireShape(a);
        a.requireVector("b", b);
        a.requireVector("x", x);
        if (b == x) {
            throw new IllegalArgumentException("solve needs distinct arrays for b and x; they are the same array");
        }
        return solve(a, b, null, x, relativeTolerance, maxIterations);
    }

    /** The solve for a dense {@code b} or (if {@code b} is null) a sparse {@code sparseB}, both validated. */
    private SolveResult solve(SevenPointOperator a, double[] b, SparseVector sparseB, double[] x,
            double relativeTolerance, int maxIterations) {
        requireShape(a);
        a.requireVector("x", x);
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance = " + relativeTolerance
                    + " is invalid; it must be finite, > 0 and < 1");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + " is invalid; it must be ≥ 0");
        }
        if (b != null) {
            requireFiniteEntries("b", b);
        } else {
            requireFiniteEntries("b", sparseB.values());
        }
        requireFiniteEntries("x", x);
        int[] planeStart = sparseB == null ? null : planeStarts(sparseB);
        setUpPreconditioner(a);

        double bb = b != null ? dot(b, b) : sparseNormSquared(sparseB, planeStart);
        if (bb == 0) {
            Arrays.fill(x, 0.0);
            return new SolveResult(0, 0.0, true);
        }
        double bNorm = Math.sqrt(bb);
        double target = relativeTolerance * bNorm;

        double rr = trueResidual(a, b, sparseB, planeStart, x, 0);
        if (Math.sqrt(rr) <= target) {
            return new SolveResult(0, Math.sqrt(rr) / bNorm, true);
        }
        double rz = precondition(rr, 0);
        copy(z, p);
        for (int it = 1; it <= maxIterations; it++) {
            // q = A p, pᵀAp.
            executor.forRange(nz, (from, to) -> a.applyPlanes(p, q, partialA, from, to));
            double pq = sumPlanes(partialA);
            if (!(pq > 0) || !Double.isFinite(pq)) {
                throw new IllegalStateException("conjugate gradients broke down at iteration " + it + ": pᵀAp = " + pq
                        + (Double.isFinite(pq) ? " ≤ 0 (the operator is not positive definite on this right-hand "
                        + "side)" : " is not finite"));
            }
            double alpha = rz / pq;
            rr = updateSolutionAndResidual(x, alpha);
            if (!Double.isFinite(rr)) {
                throw new IllegalStateException("conjugate gradients produced a non-finite residual at iteration "
                        + it + " (‖r‖² = " + rr + ")");
            }
            if (Math.sqrt(rr) <= target) {
                rr = trueResidual(a, b, sparseB, planeStart, x, it);
                if (Math.sqrt(rr) <= target) {
                    return new SolveResult(it, Math.sqrt(rr) / bNorm, true);
                }
                // The recurrence drifted from the true residual: restart from the latter.
                rz = precondition(rr, it);
                copy(z, p);
                continue;
            }
            double rzNew = precondition(rr, it);
            double beta = rzNew / rz;
            rz = rzNew;
            updateDirection(beta);
        }
        rr = trueResidual(a, b, sparseB, planeStart, x, maxIterations);
        double relative = Math.sqrt(rr) / bNorm;
        return new SolveResult(maxIterations, relative, relative <= relativeTolerance);
    }

    /**
     * Solves {@code A x = b} for a right-hand side that is zero except at a few cells, starting from the {@code x}
     * given. The iterates are bitwise identical to those of {@link #solve(SevenPointOperator, double[], double[],
     * double, int)} with {@code b.toDense()}; no dense copy of {@code b} is made.
     *
     * @param a the operator, of this solver's shape; validated on every call
     * @param b the right-hand side, of length n, finite; not modified
     * @param x initial guess on entry (finite), the solution on return; set to 0 if {@code b = 0}
     * @param relativeTolerance stop when {@code ‖b − A x‖₂ ≤ relativeTolerance·‖b‖₂}; finite, &gt; 0 and &lt; 1
     * @param maxIterations the most iterations to run, ≥ 0
     * @return iterations, relative residual and whether the tolerance was met
     * @throws IllegalArgumentException as {@link #solve(SevenPointOperator, double[], double[], double, int)}
     * @throws IllegalStateException as {@link #solve(SevenPointOperator, double[], double[], double, int)}
     */
    public SolveResult solve(SevenPointOperator a, SparseVector b, double[] x, double relativeTolerance,
            int maxIterations) {
        requireShape(a);
        Objects.requireNonNull(b, "b");
        if (b.length() != n) {
            throw new IllegalArgumentException("vector b has length " + b.length() + "; it must have one entry per"
                    + " cell, " + nx + "·" + ny + "·" + nz + " = " + n);
        }
        return solve(a, null, b, x, relativeTolerance, maxIterations);
    }

    private void requireShape(SevenPointOperator a) {
        Objects.requireNonNull(a, "a");
        if (a.nx() != nx || a.ny() != ny || a.nz() != nz) {
            throw new IllegalArgumentException("operator " + a + " does not have the shape " + nx + "×" + ny + "×"
                    + nz + " this solver was built for");
        }
    }

    private void setUpPreconditioner(SevenPointOperator a) {
        if (preconditioning == Preconditioning.MULTIGRID) {
            if (multigrid == null) {
                multigrid = new MultigridPreconditioner(a, multigridSettings, executor);
            } else if (multigridStale || multigrid.operator() != a) {
                multigrid.rebuild(a);
            } else {
                a.validate(executor);
            }
            multigridStale = false;
            return;
        }
        a.validate();
        if (preconditioning == Preconditioning.JACOBI) {
            double[] d = a.d();
            a.offDiagonalSums(invDiag);
            for (int c = 0; c < n; c++) {
                // d + Σ c > 0 in every row of a valid operator.
                invDiag[c] = 1.0 / (d[c] + invDiag[c]);
            }
        }
    }

    private static void requireFiniteEntries(String name, double[] v) {
        for (int c = 0; c < v.length; c++) {
            if (!Double.isFinite(v[c])) {
                throw new IllegalArgumentException(name + "[" + c + "] = " + v[c] + " is invalid; it must be finite");
            }
        }
    }

    /**
     * {@code r = b − A x}; returns {@code ‖r‖²}. For a sparse b the zero entries give {@code 0.0 − q}, exactly
     * what the dense loop computes, and the sum runs over the same cells in the same order.
     */
    private double trueResidual(SevenPointOperator a, double[] b, SparseVector sparseB, int[] planeStart, double[] x,
            int iteration) {
        executor.forRange(nz, (from, to) -> {
            a.applyPlanes(x, q, null, from, to);
            int plane = nx * ny;
            for (int k = from; k < to; k++) {
                double s = 0;
                if (b != null) {
                    for (int c = k * plane, end = c + plane; c < end; c++) {
                        double rc = b[c] - q[c];
                        r[c] = rc;
                        s += rc * rc;
                    }
                } else {
                    for (int c = k * plane, end = c + plane; c < end; c++) {
                        r[c] = 0.0 - q[c];
                    }
                    int[] index = sparseB.indices();
                    double[] value = sparseB.values();
                    for (int e = planeStart[k]; e < planeStart[k + 1]; e++) {
                        r[index[e]] = value[e] - q[index[e]];
                    }
                    for (int c = k * plane, end = c + plane; c < end; c++) {
                        s += r[c] * r[c];
                    }
                }
                partialA[k] = s;
            }
        });
        double rr = sumPlanes(partialA);
        if (!Double.isFinite(rr)) {
            throw new IllegalStateException("conjugate gradients produced a non-finite residual at iteration "
                    + iteration + " (‖b − A x‖² = " + rr + ")");
        }
        return rr;
    }

    /** {@code z = M⁻¹ r}; returns {@code r·z}. */
    private double precondition(double rr, int iteration) {
        double rz;
        switch (preconditioning) {
            case NONE -> rz = rr; // z is r
            case JACOBI -> {
                executor.forRange(nz, (from, to) -> {
                    int plane = nx * ny;
                    for (int k = from; k < to; k++) {
                        double s = 0;
                        for (int c = k * plane, end = c + plane; c < end; c++) {
                            double zc = r[c] * invDiag[c];
                            z[c] = zc;
                            s += r[c] * zc;
                        }
                        partialA[k] = s;
                    }
                });
                rz = sumPlanes(partialA);
            }
            case MULTIGRID -> {
                multigrid.apply(r, z);
                rz = dot(r, z);
            }
            default -> throw new AssertionError(preconditioning);
        }
        if (!(rz > 0) || !Double.isFinite(rz)) {
            throw new IllegalStateException("the " + preconditioning + " preconditioner gave rᵀM⁻¹r = " + rz
                    + " at iteration " + iteration + "; it must be finite and > 0 for a non-zero residual");
        }
        return rz;
    }

    /** {@code x += α p}, {@code r −= α q}; returns {@code ‖r‖²}. */
    private double updateSolutionAndResidual(double[] x, double alpha) {
        executor.forRange(nz, (from, to) -> {
            int plane = nx * ny;
            for (int k = from; k < to; k++) {
                double s = 0;
                for (int c = k * plane, end = c + plane; c < end; c++) {
                    x[c] += alpha * p[c];
                    double rc = r[c] - alpha * q[c];
                    r[c] = rc;
                    s += rc * rc;
                }
                partialB[k] = s;
            }
        });
        return sumPlanes(partialB);
    }

    /** {@code p = z + β p}. */
    private void updateDirection(double beta) {
        executor.forRange(nz, (from, to) -> {
            int plane = nx * ny;
            for (int c = from * plane, end = to * plane; c < end; c++) {
                p[c] = z[c] + beta * p[c];
            }
        });
    }

    private void copy(double[] from, double[] to) {
        executor.forRange(nz, (k0, k1) -> {
            int plane = nx * ny;
            System.arraycopy(from, k0 * plane, to, k0 * plane, (k1 - k0) * plane);
        });
    }

    /** A dot product summed per z plane, then over planes in order: independent of the thread count. */
    private double dot(double[] u, double[] v) {
        executor.forRange(nz, (from, to) -> {
            int plane = nx * ny;
            for (int k = from; k < to; k++) {
                double s = 0;
                for (int c = k * plane, end = c + plane; c < end; c++) {
                    s += u[c] * v[c];
                }
                partialA[k] = s;
            }
        });
        return sumPlanes(partialA);
    }

    /** For each z plane k, the first entry of b in plane k or later; entry nz is b's size. */
    private int[] planeStarts(SparseVector b) {
        int[] start = new int[nz + 1];
        int[] index = b.indices();
        int plane = nx * ny;
        int e = 0;
        for (int k = 0; k <= nz; k++) {
            while (e < index.length && index[e] < (long) k * plane) {
                e++;
            }
            start[k] = e;
        }
        return start;
    }

    /** {@code ‖b‖²} summed per plane in cell order, then over planes: the same sum as {@link #dot} of the dense b. */
    private double sparseNormSquared(SparseVector b, int[] planeStart) {
        double[] value = b.values();
        for (int k = 0; k < nz; k++) {
            double s = 0;
            for (int e = planeStart[k]; e < planeStart[k + 1]; e++) {
                s += value[e] * value[e];
            }
            partialA[k] = s;
        }
        return sumPlanes(partialA);
    }

    private static double sumPlanes(double[] partial) {
        double s = 0;
        for (double v : partial) {
            s += v;
        }
        return s;
    }
}
