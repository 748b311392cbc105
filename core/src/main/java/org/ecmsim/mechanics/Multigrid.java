package org.ecmsim.mechanics;

import java.util.ArrayList;
import java.util.List;

/**
 * A geometric multigrid V-cycle for {@link ElasticOperator}, used as the preconditioner of the conjugate gradient
 * method in {@link ElasticSolver}. Package-private.
 *
 * <p>Levels: 2×2×2 elements are merged while every element count is even (and x, y keep at least 2 elements);
 * coarse operators are rediscretised with the mean λ and μ of the 8 children. Transfer: trilinear interpolation of
 * nodal values ({@code P}) and its transpose. Smoother: damped point Jacobi, {@code ω = 4/(3·λ̂)} with λ̂ a
 * power-iteration estimate (×1.1) of the largest eigenvalue of {@code D⁻¹K}, {@value #SWEEPS} sweeps before and
 * after the coarse correction, so the cycle is a symmetric linear operator. Coarsest level: a dense Cholesky
 * factorisation if it has at most {@value #DENSE_MAX} free unknowns, else {@value #COARSE_SWEEPS} Jacobi sweeps.
 * Every loop is a fixed sum per node, split over z planes: bitwise identical for any thread count.
 */
final class Multigrid {

    static final int SWEEPS = 2;
    static final int DENSE_MAX = 1500;
    static final int COARSE_SWEEPS = 40;

    private final List<ElasticOperator> levels = new ArrayList<>();
    private final double[] omega;
    private final double[][] x;
    private final double[][] b;
    private final double[][] t;
    private double[] dense;
    private int[] freeDofs;
    private double[] coarseRhs;

    Multigrid(ElasticOperator fine) {
        levels.add(fine);
        ElasticOperator op = fine;
        while (op.canCoarsen()) {
            op = op.coarsen();
            levels.add(op);
        }
        int n = levels.size();
        omega = new double[n];
        x = new double[n][];
        b = new double[n][];
        t = new double[n][];
        for (int l = 0; l < n; l++) {
            ElasticOperator a = levels.get(l);
            x[l] = new double[a.dofCount()];
            b[l] = new double[a.dofCount()];
            t[l] = new double[a.dofCount()];
            omega[l] = 4.0 / (3.0 * 1.1 * largestEigenvalue(a, t[l], x[l]));
        }
        factorCoarsest();
    }

    int levelCount() {
        return levels.size();
    }

    /** Power iteration for the largest eigenvalue of D⁻¹K on the free dofs, from a fixed start vector. */
    private static double largestEigenvalue(ElasticOperator a, double[] v, double[] w) {
        int n = a.dofCount();
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 + 0.37 * ((i * 7919L) % 101) / 101.0;
        }
        a.clearHeld(v);
        double est = 1.0;
        for (int it = 0; it < 12; it++) {
            a.apply(v, w);
            double vKv = 0;
            double vDv = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                vKv += v[i] * w[i];
                vDv += v[i] * v[i] * a.diagonal[i];
            }
            if (vDv <= 0) {
                break;
            }
            est = vKv / vDv;
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / a.diagonal[i];
                norm = Math.max(norm, Math.abs(v[i]));
            }
            if (norm == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            a.clearHeld(v);
        }
        java.util.Arrays.fill(v, 0);
        java.util.Arrays.fill(w, 0);
        return est > 0 ? est : 1.0;
    }

    private void factorCoarsest() {
        ElasticOperator a = levels.get(levels.size() - 1);
        int count = 0;
        for (int n = 0; n < a.nodeCount(); n++) {
            if (!a.held[n]) {
                count += 3;
            }
        }
        if (count > DENSE_MAX || count == 0) {
            return;
        }
        freeDofs = new int[count];
        int m = 0;
        for (int n = 0; n < a.nodeCount(); n++) {
            if (!a.held[n]) {
                freeDofs[m++] = 3 * n;
                freeDofs[m++] = 3 * n + 1;
                freeDofs[m++] = 3 * n + 2;
            }
        }
        dense = new double[count * count];
        coarseRhs = new double[count];
        double[] e = new double[a.dofCount()];
        double[] col = new double[a.dofCount()];
        for (int c = 0; c < count; c++) {
            e[freeDofs[c]] = 1;
            a.apply(e, col);
            e[freeDofs[c]] = 0;
            for (int r = 0; r < count; r++) {
                dense[r * count + c] = col[freeDofs[r]];
            }
        }
        // In-place Cholesky, lower triangle.
        for (int j = 0; j < count; j++) {
            double d = dense[j * count + j];
            for (int k = 0; k < j; k++) {
                d -= dense[j * count + k] * dense[j * count + k];
            }
            if (!(d > 0)) {
                dense = null;
                return;
            }
            d = Math.sqrt(d);
            dense[j * count + j] = d;
            for (int i = j + 1; i < count; i++) {
                double s = dense[i * count + j];
                for (int k = 0; k < j; k++) {
                    s -= dense[i * count + k] * dense[j * count + k];
                }
                dense[i * count + j] = s / d;
            }
        }
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
        for (int s = 0; s < SWEEPS; s++) {
            jacobi(a, omega[l], xl, bl, t[l]);
        }
        a.apply(xl, t[l]);
        residual(a, bl, t[l]);
        restrict(a, levels.get(l + 1), t[l], b[l + 1]);
        cycle(l + 1);
        prolongAdd(a, levels.get(l + 1), x[l + 1], xl);
        for (int s = 0; s < SWEEPS; s++) {
            jacobi(a, omega[l], xl, bl, t[l]);
        }
    }

    private void solveCoarsest(ElasticOperator a, double[] xl, double[] bl) {
        java.util.Arrays.fill(xl, 0);
        if (dense == null) {
            for (int s = 0; s < COARSE_SWEEPS; s++) {
                jacobi(a, omega[levels.size() - 1], xl, bl, t[levels.size() - 1]);
            }
            return;
        }
        int n = freeDofs.length;
        for (int i = 0; i < n; i++) {
            double s = bl[freeDofs[i]];
            for (int k = 0; k < i; k++) {
                s -= dense[i * n + k] * coarseRhs[k];
            }
            coarseRhs[i] = s / dense[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = coarseRhs[i];
            for (int k = i + 1; k < n; k++) {
                s -= dense[k * n + i] * coarseRhs[k];
            }
            coarseRhs[i] = s / dense[i * n + i];
        }
        for (int i = 0; i < n; i++) {
            xl[freeDofs[i]] = coarseRhs[i];
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

    /** Weight of fine offset d ∈ {−1, 0, 1} in linear interpolation: 1 at 0, ½ at ±1. */
    private static double weight(int d) {
        return d == 0 ? 1.0 : 0.5;
    }

    /** Pᵀ: each coarse node gathers its 27 fine neighbours (fine node 2I + d). */
    private static void restrict(ElasticOperator f, ElasticOperator c, double[] rf, double[] rc) {
        c.executor.forRange(c.mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < c.my; j++) {
                    for (int i = 0; i < c.mx; i++) {
                        int n = i + c.mx * (j + c.my * k);
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        if (!c.held[n]) {
                            for (int dk = -1; dk <= 1; dk++) {
                                int fk = 2 * k + dk;
                                if (fk < 0 || fk >= f.mz) {
                                    continue;
                                }
                                for (int dj = -1; dj <= 1; dj++) {
                                    int fj = 2 * j + dj;
                                    if (!f.periodic && (fj < 0 || fj >= f.my)) {
                                        continue;
                                    }
                                    for (int di = -1; di <= 1; di++) {
                                        int fi = 2 * i + di;
                                        if (!f.periodic && (fi < 0 || fi >= f.mx)) {
                                            continue;
                                        }
                                        int m = 3 * f.node(fi, fj, fk);
                                        double w = weight(di) * weight(dj) * weight(dk);
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

    /** xf += P xc (trilinear interpolation), held fine dofs left at 0. */
    private static void prolongAdd(ElasticOperator f, ElasticOperator c, double[] xc, double[] xf) {
        f.executor.forRange(f.mz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < f.my; j++) {
                    for (int i = 0; i < f.mx; i++) {
                        int n = i + f.mx * (j + f.my * k);
                        if (f.held[n]) {
                            continue;
                        }
                        double s0 = 0;
                        double s1 = 0;
                        double s2 = 0;
                        int ka = k >> 1;
                        int kb = (k + 1) >> 1;
                        int ja = j >> 1;
                        int jb = (j + 1) >> 1;
                        int ia = i >> 1;
                        int ib = (i + 1) >> 1;
                        for (int kk = ka; kk <= kb; kk++) {
                            double wk = ka == kb ? 1.0 : 0.5;
                            for (int jj = ja; jj <= jb; jj++) {
                                double wj = ja == jb ? 1.0 : 0.5;
                                for (int ii = ia; ii <= ib; ii++) {
                                    double wi = ia == ib ? 1.0 : 0.5;
                                    int m = 3 * c.node(ii, jj, kk);
                                    double w = wi * wj * wk;
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
