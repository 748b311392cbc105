package org.ecmsim.numerics;

import java.util.Arrays;

/**
 * Cholesky factorisation {@code A = L Lᵀ} of a symmetric positive definite band matrix, stored as a band: row
 * {@code i} of {@code L} holds columns {@code i − b … i} ({@code b} the half-bandwidth), so the factorisation costs
 * {@code n·b²/2} multiply-adds and {@code (b + 1)·n} doubles instead of {@code n³/3} and {@code n²}. The exact solve of
 * the coarsest multigrid level, here for a {@link SevenPointOperator} ({@link #factor(SevenPointOperator)}: in the
 * flat ordering it couples cell {@code c} only to {@code c ± 1}, {@code c ± nx} and {@code c ± nx·ny}, so {@code b}
 * is the largest of these strides that is used) and in {@code org.ecmsim.mechanics} for the elastic operator (entries
 * added one by one with {@link #add}, then {@link #factorAssembled()}). Not exported from the module.
 */
public final class BandedCholesky {

    /** A pivot below this fraction of its diagonal entry is taken as zero: the matrix is (nearly) singular. */
    static final double SINGULAR_PIVOT_RATIO = 1e-12;

    private final int n;
    private final int band;
    private final int width;
    private final double[] l;
    private boolean factored;

    /**
     * Storage for the factor of an n × n matrix of half-bandwidth {@code band}, all entries zero.
     *
     * @param n unknowns
     * @param band half-bandwidth: entry (i, j) is zero when |i − j| &gt; band
     */
    public BandedCholesky(int n, int band) {
        this.n = n;
        this.band = band;
        this.width = band + 1;
        this.l = new double[Math.multiplyExact(n, width)];
    }

    /**
     * Storage for the factor of a seven-point operator of the given shape.
     *
     * @param nx cells along x
     * @param ny cells along y
     * @param nz cells along z
     */
    BandedCholesky(int nx, int ny, int nz) {
        this(nx * ny * nz, nz > 1 ? nx * ny : ny > 1 ? nx : 1);
    }

    /**
     * Adds {@code v} to the entry (i, j) of the lower triangle of the matrix to factor.
     *
     * @param i row, 0 … n − 1
     * @param j column, i − band … i
     * @param v the value to add
     */
    public void add(int i, int j, double v) {
        l[i * width + band - (i - j)] += v;
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
        return factorAssembled() < 0;
    }

    /**
     * Factors the matrix assembled with {@link #add}, in place (row-oriented, left-looking:
     * {@code L[i][j] = (A[i][j] − Σ_{k<j} L[i][k] L[j][k]) / L[j][j]}).
     *
     * @return −1 if factored; else the row whose pivot is (numerically) zero or negative, and no factor is kept
     */
    public int factorAssembled() {
        for (int c = 0; c < n; c++) {
            int row = c * width;
            int jmin = Math.max(0, c - band);
            for (int j = jmin; j <= c; j++) {
                int rowJ = j * width;
                double s = l[row + band - (c - j)];
                int mmin = Math.max(jmin, j - band);
                if (j < c) {
                    for (int m = mmin; m < j; m++) {
                        s -= l[row + band - (c - m)] * l[rowJ + band - (j - m)];
                    }
                    l[row + band - (c - j)] = s / l[rowJ + band];
                } else {
                    double diagonal = s;
                    for (int m = mmin; m < j; m++) {
                        s -= l[row + band - (c - m)] * l[rowJ + band - (j - m)];
                    }
                    if (!(s > SINGULAR_PIVOT_RATIO * diagonal)) {
                        factored = false;
                        return c;
                    }
                    l[row + band] = Math.sqrt(s);
                }
            }
        }
        factored = true;
        return -1;
    }

    /** @return whether the last factorisation succeeded */
    public boolean factored() {
        return factored;
    }

    /** @return the half-bandwidth */
    public int band() {
        return band;
    }

    /**
     * Solves {@code L Lᵀ x = b}.
     *
     * @param b right-hand side, length n
     * @param x solution, length n (may be {@code b})
     */
    public void solve(double[] b, double[] x) {
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
