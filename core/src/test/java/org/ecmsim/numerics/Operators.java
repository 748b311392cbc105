package org.ecmsim.numerics;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Test operators for the numerics tests, and an independent dense assembly of a {@link SevenPointOperator}. */
final class Operators {

    private Operators() {
    }

    /**
     * A random heterogeneous SPD operator: cell values σ log-uniform in [σmax/contrast, σmax] with σmax = 1, face
     * conductances their harmonic means, and d log-uniform in [0.1, 1] on about {@code dFraction} of the cells (at
     * least one).
     */
    static SevenPointOperator random(int nx, int ny, int nz, long seed, double contrast, double dFraction) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = nx * ny * nz;
        double[] sigma = new double[n];
        for (int c = 0; c < n; c++) {
            sigma[c] = Math.exp(-rng.nextDouble() * Math.log(contrast));
        }
        SevenPointOperator a = harmonic(nx, ny, nz, sigma, 1.0);
        double[] d = a.d();
        for (int c = 0; c < n; c++) {
            if (rng.nextDouble() < dFraction) {
                d[c] = Math.exp(-rng.nextDouble() * Math.log(10));
            }
        }
        d[rng.nextInt(n)] = 1.0;
        a.validate();
        return a;
    }

    /**
     * Face conductances {@code scale · 2σ₁σ₂/(σ₁ + σ₂)} between neighbouring cells (harmonic mean, the series
     * conductance of two half cells), d = 0.
     */
    static SevenPointOperator harmonic(int nx, int ny, int nz, double[] sigma, double scale) {
        SevenPointOperator a = new SevenPointOperator(nx, ny, nz);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + nx * (j + ny * k);
                    if (i < nx - 1) {
                        a.cx()[c] = scale * mean(sigma[c], sigma[c + 1]);
                    }
                    if (j < ny - 1) {
                        a.cy()[c] = scale * mean(sigma[c], sigma[c + nx]);
                    }
                    if (k < nz - 1) {
                        a.cz()[c] = scale * mean(sigma[c], sigma[c + nx * ny]);
                    }
                }
            }
        }
        return a;
    }

    private static double mean(double s1, double s2) {
        return 2 * s1 * s2 / (s1 + s2);
    }

    /**
     * The homogeneous Poisson-like operator: conductance 1 on every interior face and, for a value of 0 held half a
     * cell beyond each domain face, d = 2 per domain face the cell touches (a boundary face's conductance with the
     * distance halved).
     */
    static SevenPointOperator poisson(int nx, int ny, int nz) {
        SevenPointOperator a = new SevenPointOperator(nx, ny, nz);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + nx * (j + ny * k);
                    a.cx()[c] = i < nx - 1 ? 1 : 0;
                    a.cy()[c] = j < ny - 1 ? 1 : 0;
                    a.cz()[c] = k < nz - 1 ? 1 : 0;
                    int faces = (i == 0 ? 1 : 0) + (i == nx - 1 ? 1 : 0) + (j == 0 ? 1 : 0) + (j == ny - 1 ? 1 : 0)
                            + (k == 0 ? 1 : 0) + (k == nz - 1 ? 1 : 0);
                    a.d()[c] = 2.0 * faces;
                }
            }
        }
        return a;
    }

    /**
     * The operator as a dense matrix, assembled face by face from cell coordinates (not through
     * {@link SevenPointOperator#apply}): each face of conductance c between cells p and q adds c to A[p][p] and
     * A[q][q] and −c to A[p][q] and A[q][p]; d is added to the diagonal.
     */
    static DMatrixRMaj dense(SevenPointOperator a) {
        int nx = a.nx();
        int ny = a.ny();
        int nz = a.nz();
        int n = a.cellCount();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * (j + ny * k);
                    m.add(p, p, a.d()[p]);
                    if (i + 1 < nx) {
                        addFace(m, p, (i + 1) + nx * (j + ny * k), a.cx()[p]);
                    }
                    if (j + 1 < ny) {
                        addFace(m, p, i + nx * ((j + 1) + ny * k), a.cy()[p]);
                    }
                    if (k + 1 < nz) {
                        addFace(m, p, i + nx * (j + ny * (k + 1)), a.cz()[p]);
                    }
                }
            }
        }
        return m;
    }

    private static void addFace(DMatrixRMaj m, int p, int q, double c) {
        m.add(p, p, c);
        m.add(q, q, c);
        m.add(p, q, -c);
        m.add(q, p, -c);
    }

    /** A vector of uniform random values in [−1, 1). */
    static double[] randomVector(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            v[c] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int c = 0; c < u.length; c++) {
            s += u[c] * v[c];
        }
        return s;
    }

    static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    /** ‖u − v‖₂ / ‖v‖₂. */
    static double relativeDifference(double[] u, double[] v) {
        double s = 0;
        for (int c = 0; c < u.length; c++) {
            double e = u[c] - v[c];
            s += e * e;
        }
        return Math.sqrt(s) / norm(v);
    }
}
