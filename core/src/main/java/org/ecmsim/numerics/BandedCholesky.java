package org.ecmsim.numerics;

import java.util.Arrays;

/**
 * Cholesky factorisation {@code A = L Lᵀ} of a small {@link SevenPointOperator}, stored as a band: in the flat
 * ordering the operator couples cell {@code c} only to {@code c ± 1}, {@code c ± nx} and {@code c ± nx·ny}, so
 * {@code L} has lower bandwidth {@code b} = the largest of these strides that is used, and the factorisation costs
 * {@code n·b²/2} multiply-adds and {@code (b + 1)·n} doubles instead of {@code n³/3} and {@code n²}. Used for the
 * coarsest multigrid level. Package-private: not a general band solver.
 */
final class BandedCholesky {

    /** A pivot below this fraction of its diagonal entry is taken as zero: the operator is (nearly) singular. */
    static final double SINGULAR_PIVOT_RATIO = 1e-12;

    private final int n;
    private final int band;
    private final int width;
    private final double[] l;
    private boolean factored;

    /**
     * Storage for the factor of an operator of the given shape.
     *
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     */
    BandedCholesky(int nx, int ny, int nz) {
        this.n = nx * ny * nz;
        this.band = nz > 1 ? nx * ny : ny > 1 ? nx : 1;
        this.width = band + 1;
        this.l = new double[n * width];
    }

    /**
     * Factors {@code a}, which must have the shape given at construction.
     *
     * @param a the operator
     * @return false if a pivot is (numerically) zero or negative: the operator is singular and no factor is kept
     */
    boolean factor(SevenPointOperator a) {
        final int nx = a.nx();
        final int ny = a.ny();
        final int sz = nx * ny;
        final double[] cx = a.cx();
        final double[] cy = a.cy();
        final double[] cz = a.cz();
        final double[] d = a.d();
        Arrays.fill(l, 0);
        // Assemble the lower triangle: entry (c, c − s) sits at l[c·width + band − s].
        for (int c = 0; c < n; c++) {
            int row = c * width;
            l[row + band] = d[c] + a.offDiagonalSum(c);
            // Each coupling exists only along an axis with more than one cell, so the offsets 1, nx and nx·ny
            // that occur are distinct and at most band.
            if (c % nx > 0) {
                l[row + band - 1] = -cx[c - 1];
            }
            if ((c / nx) % ny > 0) {
                l[row + band - nx] = -cy[c - nx];
            }
            if (c >= sz) {
                l[row + band - sz] = -cz[c - sz];
            }
        }
        // Row-oriented (left-looking) Cholesky: L[c][j] = (A[c][j] − Σ_{m<j} L[c][m] L[j][m]) / L[j][j].
        for (int c = 0; c < n; c++) {
            int row = c * width;
            int jmin = Math.max(0, c - band);
            for (int j = jmin; j <= c; j++) {
                int rowJ = j * width;
                double s = l[row + band - (c - j)];
                int mmin = Math.max(jmin, j - band);
                for (int m = mmin; m < j; m++) {
                    s -= l[row + band - (c - m)] * l[rowJ + band - (j - m)];
                }
                if (j < c) {
                    l[row + band - (c - j)] = s / l[rowJ + band];
                } else {
                    double diagonal = d[c] + a.offDiagonalSum(c);
                    if (!(s > SINGULAR_PIVOT_RATIO * diagonal)) {
                        factored = false;
                        return false;
                    }
                    l[row + band] = Math.sqrt(s);
                }
            }
        }
        factored = true;
        return true;
    }

    /** @return whether the last {@link #factor} succeeded */
    boolean factored() {
        return factored;
    }

    /**
     * Solves {@code L Lᵀ x = b}.
     *
     * @param b right-hand side, length n
     * @param x solution, length n (may be {@code b})
     */
    void solve(double[] b, double[] x) {
        // Forward: L y = b.
        for (int c = 0; c < n; c++) {
            int row = c * width;
            double s = b[c];
            for (int m = Math.max(0, c - band); m < c; m++) {
                s -= l[row + band - (c - m)] * x[m];
            }
            x[c] = s / l[row + band];
        }
        // Backward: Lᵀ x = y.
        for (int c = n - 1; c >= 0; c--) {
            double s = x[c];
            int top = Math.min(n - 1, c + band);
            for (int m = c + 1; m <= top; m++) {
                s -= l[m * width + band - (m - c)] * x[m];
            }
            x[c] = s / l[c * width + band];
        }
    }
}
