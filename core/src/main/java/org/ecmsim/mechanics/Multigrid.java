package org.ecmsim.mechanics;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.numerics.BandedCholesky;

/**
 * A geometric multigrid V-cycle for {@link ElasticOperator}, used as the preconditioner of the conjugate gradient
 * method in {@link ElasticSolver}. Package-private.
 *
 * <p><b>Levels.</b> Each coarser level merges 2 elements along every direction that can be coarsened and keeps
 * the others (semi-coarsening): a direction is coarsened when its element count is even, the coarse count keeps
 * at least 2 elements (1 along z in the SITE layout, whose top is free), and its spacing is at most
 * {@value #ANISOTROPY}× the smallest spacing of the level (so coarse elements never become more anisotropic than
 * 2:1 — a point smoother smooths only weakly along a direction that is coupled much more weakly than another).
 * Coarsening stops when no direction qualifies or the level has at most {@value #DIRECT_DOFS} free unknowns.
 * Coarse operators are rediscretised (same Q1 element with the coarse spacings hx, hy, hz) with the mean λ and μ
 * of the children. Transfer: (tri)linear interpolation of nodal values along the coarsened directions ({@code P}),
 * identity along the others, and its transpose.
 *
 * <p><b>Smoother.</b> Chebyshev polynomial smoothing of degree {@value #DEGREE} in {@code D⁻¹K} (D the diagonal),
 * aimed at the eigenvalue interval [λ̂/{@value #RANGE}, λ̂], λ̂ = 1.1 × a Lanczos estimate ({@value #LANCZOS_STEPS}
 * CG steps) of the largest eigenvalue, capped by its Gershgorin bound; the same polynomial before and after the coarse correction, so the cycle is a symmetric linear
 * operator (an SPD preconditioner for CG). It replaced 2 + 2 damped Jacobi sweeps, which left 18 CG iterations on a
 * uniform 16³ site even with an exact coarse solve (the near-incompressible ν = 0.45 makes point Jacobi a poor
 * smoother); with it the count is 9–11 (docs/validation.md, "Mechanics").
 *
 * <p><b>Coarsest level.</b> Solved exactly by a banded Cholesky factorisation of its free unknowns in their natural
 * order (node x fastest, 3 components per node), assembled from the element matrices and factored once: the
 * half-bandwidth is about 6·mx·my with the periodic wrap of the SITE layout, so storage is n·b and the factorisation
 * n·b²/2 operations. If that would exceed {@value #FACTOR_MAX} multiply-adds (a few seconds) the coarsest level
 * falls back to {@value #COARSE_SWEEPS} Jacobi sweeps (a weaker preconditioner, same answer).
 *
 * <p>Every loop is a fixed sum per node, split over z planes, and the banded solves are serial: bitwise identical for
 * any thread count.
 */
final class Multigrid {

    /** Degree of the Chebyshev smoother (model choice, tuned: 3 gives the fewest products per digit). */
    static final int DEGREE = 3;
    /** Ratio of the ends of the smoothed eigenvalue interval (model choice, tuned between 4 and 30). */
    static final double RANGE = 15;
    /** Coarsening stops at this many free unknowns (model choice: the direct solve is then cheap). */
    static final int DIRECT_DOFS = 2000;
    /** Largest factorisation cost n·b²/2 (multiply-adds) of the coarsest level's banded Cholesky (model choice). */
    static final double FACTOR_MAX = 4e9;
    /** Jacobi sweeps on a coarsest level too large to factor. */
    static final int COARSE_SWEEPS = 40;
    /** Lanczos (CG) steps of the estimate of the largest eigenvalue of D⁻¹K per level (model choice). */
    static final int LANCZOS_STEPS = 20;
    /** Largest ratio of a direction's spacing to the smallest spacing for that direction to be coarsened. */
    static final double ANISOTROPY = 1.5;

    private final List<ElasticOperator> levels = new ArrayList<>();
    /** Per level l &gt; 0: the coarsening ratios (1 or 2) from level l − 1, x, y, z. */
    private final List<int[]> ratios = new ArrayList<>();
    private final double[] omega;
    /** Per level: 1.1 × the estimated largest eigenvalue of D⁻¹K. */
    private final double[] lambdaMax;
    private final double[][] d;
    private final double[][] q;
    private final double[][] x;
    private final double[][] b;
    private final double[][] t;
    /** Banded Cholesky factor of the coarsest level's free dofs; null if not factored. */
    private BandedCholesky coarse;
    private int[] freeDofs;
    private double[] coarseRhs;

    Multigrid(ElasticOperator fine) {
        levels.add(fine);
        ElasticOperator op = fine;
        while (freeDofCount(op) > DIRECT_DOFS) {
            int[] r = ratios(op);
            if (r == null) {
                break;
            }
            op = op.coarsen(r[0], r[1], r[2]);
            levels.add(op);
            ratios.add(r);
        }
        int n = levels.size();
        omega = new double[n];
        lambdaMax = new double[n];
        d = new double[n][];
        q = new double[n][];
        x = new double[n][];
        b = new double[n][];
        t = new double[n][];
        for (int l = 0; l < n; l++) {
            ElasticOperator a = levels.get(l);
            x[l] = new double[a.dofCount()];
            b[l] = new double[a.dofCount()];
            t[l] = new double[a.dofCount()];
            lambdaMax[l] = Math.min(a.gershgorinBound(), 1.1 * lanczosLargest(a, LANCZOS_STEPS));
            omega[l] = 4.0 / (3.0 * lambdaMax[l]);
            if (l < n - 1) {
                d[l] = new double[a.dofCount()];
                q[l] = new double[a.dofCount()];
            }
        }
        factorCoarsest();
    }

    /** The coarsening ratios of the next level, or null if no direction can be coarsened. */
    private static int[] ratios(ElasticOperator a) {
        double hMin = Math.min(a.hx, Math.min(a.hy, a.hz));
        int zMin = a.periodic ? 1 : 2;
        int rx = a.nx % 2 == 0 && a.nx / 2 >= 2 && a.hx <= ANISOTROPY * hMin ? 2 : 1;
        int ry = a.ny % 2 == 0 && a.ny / 2 >= 2 && a.hy <= ANISOTROPY * hMin ? 2 : 1;
        int rz = a.nz % 2 == 0 && a.nz / 2 >= zMin && a.hz <= ANISOTROPY * hMin ? 2 : 1;
        return rx * ry * rz == 1 ? null : new int[] {rx, ry, rz};
    }

    private static int freeDofCount(ElasticOperator a) {
        int count = 0;
        for (int n = 0; n < a.nodeCount(); n++) {
            if (!a.held[n]) {
                count += 3;
            }
        }
        return count;
    }

    int levelCount() {
        return levels.size();
    }

    /** @return true if the coarsest level is solved exactly (banded Cholesky) */
    boolean exactCoarsest() {
        return coarse != null;
    }

    /** @return the element counts of every level, "20×20×50 → 10×10×25 → …" */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (ElasticOperator a : levels) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            sb.append(a.nx).append('×').append(a.ny).append('×').append(a.nz);
        }
        return sb.append(coarse != null ? " (banded Cholesky, half-bandwidth " + coarse.band() + ")"
                : " (Jacobi on the coarsest level)").toString();
    }

    /**
     * The largest eigenvalue of D⁻¹K by {@code steps} steps of Jacobi-preconditioned CG from a fixed right-hand side:
     * the CG coefficients give the Lanczos tridiagonal matrix, whose largest eigenvalue (a Ritz value, from below)
     * converges much faster than power iteration — 12 power steps gave 4.8 on a 64³ site whose λ_max is about 5.4,
     * and the Chebyshev smoother then amplified the modes above its interval (27 CG iterations at 128³).
     */
    static double lanczosLargest(ElasticOperator a, int steps) {
        int n = a.dofCount();
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 1.0 + 0.37 * ((i * 7919L) % 101) / 101.0 - 0.6;
        }
        a.clearHeld(r);
        double[] diag = a.diagonal;
        double rz = 0;
        for (int i = 0; i < n; i++) {
            z[i] = r[i] / diag[i];
            p[i] = z[i];
            rz += r[i] * z[i];
        }
        double[] td = new double[steps];
        double[] te = new double[steps];
        int m = 0;
        double alphaOld = 0;
        double betaOld = 0;
        for (int k = 0; k < steps && rz > 0; k++) {
            a.apply(p, w);
            double pw = 0;
            for (int i = 0; i < n; i++) {
                pw += p[i] * w[i];
            }
            if (!(pw > 0)) {
                break;
            }
            double alpha = rz / pw;
            double rzNew = 0;
            for (int i = 0; i < n; i++) {
                r[i] -= alpha * w[i];
                z[i] = r[i] / diag[i];
                rzNew += r[i] * z[i];
            }
            double beta = rzNew / rz;
            td[k] = 1 / alpha + (k == 0 ? 0 : betaOld / alphaOld);
            te[k] = Math.sqrt(beta) / alpha;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
            rz = rzNew;
            alphaOld = alpha;
            betaOld = beta;
            m = k + 1;
        }
        if (m == 0) {
            return 1.0;
        }
        // Largest eigenvalue of the m×m tridiagonal (td, te) by bisection on the Sturm count.
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < m; k++) {
            double off = (k > 0 ? Math.abs(te[k - 1]) : 0) + (k < m - 1 ? Math.abs(te[k]) : 0);
            hi = Math.max(hi, td[k] + off);
        }
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            // the negative pivots of T − mid·I (LDLᵀ) count the eigenvalues below mid (Sturm)
            int below = 0;
            double q = 1;
            for (int k = 0; k < m; k++) {
                double e2 = k > 0 ? te[k - 1] * te[k - 1] : 0;
                q = td[k] - mid - (k > 0 ? e2 / q : 0);
                if (q == 0) {
                    q = -1e-300;
                }
                if (q < 0) {
                    below++;
                }
            }
            if (below < m) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Assembles the coarsest level's stiffness on its free dofs (natural order) from the element matrices into band
     * storage and factors it, {@code K = L Lᵀ} ({@link BandedCholesky}, shared with the potential solver's multigrid).
     */
    private void factorCoarsest() {
        ElasticOperator a = levels.get(levels.size() - 1);
        int[] index = new int[a.dofCount()];
        int count = 0;
        for (int n = 0; n < a.nodeCount(); n++) {
            for (int c = 0; c < 3; c++) {
                index[3 * n + c] = a.held[n] ? -1 : count++;
            }
        }
        if (count == 0) {
            return;
        }
        int[] nodes = new int[8];
        int bw = 0;
        for (int e = 0; e < a.elementCount(); e++) {
            a.elementNodes(e % a.nx, (e / a.nx) % a.ny, e / (a.nx * a.ny), nodes);
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int l = 0; l < 8; l++) {
                int g = index[3 * nodes[l]];
                if (g >= 0) {
                    lo = Math.min(lo, g);
                    hi = Math.max(hi, g + 2);
                }
            }
            if (hi >= 0) {
                bw = Math.max(bw, hi - lo);
            }
        }
        int w = bw + 1;
        if ((double) count * w * w / 2 > FACTOR_MAX) {
            return;
        }
        BandedCholesky chol = new BandedCholesky(count, bw);
        double[] ke = new double[24 * 24];
        for (int e = 0; e < a.elementCount(); e++) {
            a.elementNodes(e % a.nx, (e / a.nx) % a.ny, e / (a.nx * a.ny), nodes);
            a.elementMatrix(e, ke);
            for (int p = 0; p < 24; p++) {
                int gi = index[3 * nodes[p / 3] + p % 3];
                if (gi < 0) {
                    continue;
                }
                for (int q = 0; q < 24; q++) {
                    int gj = index[3 * nodes[q / 3] + q % 3];
                    if (gj < 0 || gj > gi) {
                        continue;
                    }
                    chol.add(gi, gj, ke[p * 24 + q]);
                }
            }
        }
        int failed = chol.factorAssembled();
        if (failed >= 0) {
            throw new IllegalStateException("the coarsest multigrid level (" + a.nx + "×" + a.ny + "×" + a.nz
                    + " elements) is not positive definite: pivot of unknown " + failed + " of " + count
                    + " is not positive; check the elastic moduli");
        }
        coarse = chol;
        freeDofs = new int[count];
        for (int d = 0; d < index.length; d++) {
            if (index[d] >= 0) {
                freeDofs[index[d]] = d;
            }
        }
        coarseRhs = new double[count];
    }

    /** z = B r: one V-cycle from zero. r and z are fine-level dof vectors (zero on held dofs). */
    void apply(double[] r, double[] z) {
        System.arraycopy(r, 0, b[0], 0, r.length);
        cycle(0);
        System.arraycopy(x[0], 0, z, 0, z.length);
    }

    private void cycle(int l) {
        ElasticOperator a = levels.get(l);
        double[] xl = x[l];
        double[] bl = b[l];
        if (l == levels.size() - 1) {
            solveCoarsest(a, xl, bl);
            return;
        }
        java.util.Arrays.fill(xl, 0);
        System.arraycopy(bl, 0, t[l], 0, bl.length);
        chebyshev(l, true);
        int[] r = ratios.get(l);
        restrict(a, levels.get(l + 1), r, t[l], b[l + 1]);
        cycle(l + 1);
        prolongAdd(a, levels.get(l + 1), r, x[l + 1], xl);
        a.apply(xl, t[l]);
        residual(a, bl, t[l]);
        chebyshev(l, false);
    }

    /**
     * Chebyshev smoothing of degree {@value #DEGREE}: x += p(D⁻¹K) D⁻¹ r with the residual r = b − K x given in
     * t[l]. The polynomial is the Chebyshev polynomial that is smallest on [λ̂/{@value #RANGE}, λ̂] (λ̂ = 1.1 × the
     * estimated largest eigenvalue of D⁻¹K), by the standard three-term Chebyshev recurrence; polynomial smoothers of
     * this kind for elasticity multigrid: Adams, Brezina, Hu and Tuminaro, J. Comput. Phys. 188 (2003) 593
     * (reference not checked in this work).
     * The same polynomial before and after the coarse correction keeps the V-cycle symmetric. If {@code keepResidual},
     * t[l] holds b − K x afterwards (one more product).
     */
    private void chebyshev(int l, boolean keepResidual) {
        ElasticOperator a = levels.get(l);
        double[] xl = x[l];
        double[] rl = t[l];
        double[] dl = d[l];
        double[] ql = q[l];
        double[] diag = a.diagonal;
        double hi = lambdaMax[l];
        double lo = hi / RANGE;
        double theta = (hi + lo) / 2;
        double delta = (hi - lo) / 2;
        double sigma = theta / delta;
        int plane = 3 * a.mx * a.my;
        double c0 = 1 / theta;
        a.executor.forRange(a.mz, (k0, k1) -> {
            for (int i = k0 * plane; i < k1 * plane; i++) {
                double v = c0 * rl[i] / diag[i];
                dl[i] = v;
                xl[i] += v;
            }
        });
        double rho = 1 / sigma;
        for (int k = 1; k < DEGREE || keepResidual && k == DEGREE; k++) {
            a.apply(dl, ql);
            if (k == DEGREE) {
                a.executor.forRange(a.mz, (k0, k1) -> {
                    for (int i = k0 * plane; i < k1 * plane; i++) {
                        rl[i] -= ql[i];
                    }
                });
                break;
            }
            double rhoNew = 1 / (2 * sigma - rho);
            double c1 = rhoNew * rho;
            double c2 = 2 * rhoNew / delta;
            rho = rhoNew;
            a.executor.forRange(a.mz, (k0, k1) -> {
                for (int i = k0 * plane; i < k1 * plane; i++) {
                    double r = rl[i] - ql[i];
                    rl[i] = r;
                    double v = c1 * dl[i] + c2 * r / diag[i];
                    dl[i] = v;
                    xl[i] += v;
                }
            });
        }
    }

    private void solveCoarsest(ElasticOperator a, double[] xl, double[] bl) {
        java.util.Arrays.fill(xl, 0);
        if (coarse == null) {
            for (int s = 0; s < COARSE_SWEEPS; s++) {
                jacobi(a, omega[levels.size() - 1], xl, bl, t[levels.size() - 1]);
            }
            return;
        }
        int n = freeDofs.length;
        double[] y = coarseRhs;
        for (int i = 0; i < n; i++) {
            y[i] = bl[freeDofs[i]];
        }
        coarse.solve(y, y);
        for (int i = 0; i < n; i++) {
            xl[freeDofs[i]] = y[i];
        }
    }

    /** x += ω D⁻¹ (b − K x); t is scratch. */
    private static void jacobi(ElasticOperator a, double w, double[] xl, double[] bl, double[] t) {
        a.apply(xl, t);
        double[] d = a.diagonal;
        a.executor.forRange(a.mz, (k0, k1) -> {
            int plane = 3 * a.mx * a.my;
            for (int i = k0 * plane; i < k1 * plane; i++) {
                xl[i] += w * (bl[i] - t[i]) / d[i];
            }
        });
        a.clearHeld(xl);
    }

    /** t ← b − t (t holds K x). */
    private static void residual(ElasticOperator a, double[] bl, double[] t) {
        a.executor.forRange(a.mz, (k0, k1) -> {
            int plane = 3 * a.mx * a.my;
            for (int i = k0 * plane; i < k1 * plane; i++) {
                t[i] = bl[i] - t[i];
            }
        });
        a.clearHeld(t);
    }

    /**
     * Pᵀ: each coarse node gathers its fine neighbours — along a coarsened direction fine nodes 2I − 1, 2I, 2I + 1
     * with weights ½, 1, ½; along the others fine node I with weight 1.
     */
    private static void restrict(ElasticOperator f, ElasticOperator c, int[] ratio, double[] rf, double[] rc) {
        int rx = ratio[0];
        int ry = ratio[1];
        int rz = ratio[2];
        c.executor.forRange(c.mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < c.my; j++) {
                    for (int i = 0; i < c.mx; i++) {
                        int n = i + c.mx * (j + c.my * k);
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        if (!c.held[n]) {
                            for (int dk = 1 - rz; dk <= rz - 1; dk++) {
                                int fk = rz * k + dk;
                                if (fk < 0 || fk >= f.mz) {
                                    continue;
                                }
                                double wk = dk == 0 ? 1.0 : 0.5;
                                for (int dj = 1 - ry; dj <= ry - 1; dj++) {
                                    int fj = ry * j + dj;
                                    if (!f.periodic && (fj < 0 || fj >= f.my)) {
                                        continue;
                                    }
                                    double wj = dj == 0 ? wk : 0.5 * wk;
                                    for (int di = 1 - rx; di <= rx - 1; di++) {
                                        int fi = rx * i + di;
                                        if (!f.periodic && (fi < 0 || fi >= f.mx)) {
                                            continue;
                                        }
                                        int m = 3 * f.node(fi, fj, fk);
                                        double w = di == 0 ? wj : 0.5 * wj;
                                        s0 += w * rf[m];
                                        s1 += w * rf[m + 1];
                                        s2 += w * rf[m + 2];
                                    }
                                }
                            }
                        }
                        rc[3 * n] = s0;
                        rc[3 * n + 1] = s1;
                        rc[3 * n + 2] = s2;
                    }
                }
            }
        });
    }

    /** xf += P xc (linear interpolation along the coarsened directions), held fine dofs left at 0. */
    private static void prolongAdd(ElasticOperator f, ElasticOperator c, int[] ratio, double[] xc, double[] xf) {
        int rx = ratio[0];
        int ry = ratio[1];
        int rz = ratio[2];
        f.executor.forRange(f.mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                int ka = rz == 2 ? k >> 1 : k;
                int kb = rz == 2 ? (k + 1) >> 1 : k;
                double wk = ka == kb ? 1.0 : 0.5;
                for (int j = 0; j < f.my; j++) {
                    int ja = ry == 2 ? j >> 1 : j;
                    int jb = ry == 2 ? (j + 1) >> 1 : j;
                    double wj = (ja == jb ? 1.0 : 0.5) * wk;
                    for (int i = 0; i < f.mx; i++) {
                        int n = i + f.mx * (j + f.my * k);
                        if (f.held[n]) {
                            continue;
                        }
                        int ia = rx == 2 ? i >> 1 : i;
                        int ib = rx == 2 ? (i + 1) >> 1 : i;
                        double w = (ia == ib ? 1.0 : 0.5) * wj;
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        for (int kk = ka; kk <= kb; kk++) {
                            for (int jj = ja; jj <= jb; jj++) {
                                for (int ii = ia; ii <= ib; ii++) {
                                    int m = 3 * c.node(ii, jj, kk);
                                    s0 += w * xc[m];
                                    s1 += w * xc[m + 1];
                                    s2 += w * xc[m + 2];
                                }
                            }
                        }
                        xf[3 * n] += s0;
                        xf[3 * n + 1] += s1;
                        xf[3 * n + 2] += s2;
                    }
                }
            }
        });
    }
}
