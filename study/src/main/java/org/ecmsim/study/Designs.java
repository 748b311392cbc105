package org.ecmsim.study;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Experimental designs on the unit hypercube [0, 1]^k (a {@link Factor} maps a coordinate to its setting), or on
 * the factors' own levels for the full grid. Every design is deterministic: the same arguments give the same points.
 */
public final class Designs {

    private Designs() {
    }

    /**
     * All combinations of the factors' levels ({@link Factor#levels()}): the last factor varies fastest.
     *
     * @param factors the factors
     * @return one row of settings (factor units) per run
     */
    public static List<double[]> grid(List<Factor> factors) {
        List<double[]> out = new ArrayList<>();
        int k = factors.size();
        int[] idx = new int[k];
        double[][] levels = new double[k][];
        long total = 1;
        for (int i = 0; i < k; i++) {
            levels[i] = factors.get(i).levels();
            total *= levels[i].length;
        }
        if (total > 1_000_000) {
            throw new IllegalArgumentException("a full grid of " + total + " runs; use fewer steps or a Sobol design");
        }
        for (long n = 0; n < total; n++) {
            double[] row = new double[k];
            for (int i = 0; i < k; i++) {
                row[i] = levels[i][idx[i]];
            }
            out.add(row);
            for (int i = k - 1; i >= 0; i--) {
                if (++idx[i] < levels[i].length) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }

    /**
     * The first {@code n} points of the Sobol sequence in k dimensions (Joe–Kuo direction numbers, the first point,
     * all zeros, skipped).
     *
     * @param k dimensions (1–1000)
     * @param n number of points
     * @return the points in [0, 1)^k
     */
    public static List<double[]> sobol(int k, int n) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(k);
        g.skipTo(1);
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.nextVector());
        }
        return out;
    }

    /**
     * Morris elementary-effects trajectories: r trajectories of k + 1 points on a p-level grid, each step changing
     * one factor (in a random order) by Δ = p / (2 (p − 1)), up or down so the point stays in [0, 1].
     *
     * @param k factors
     * @param r trajectories (≥ 2)
     * @param p levels (even, ≥ 2)
     * @param seed the random seed
     * @return r (k + 1) points, trajectory after trajectory
     */
    public static List<double[]> morris(int k, int r, int p, long seed) {
        if (r < 2) {
            throw new IllegalArgumentException("morris trajectories r = " + r + "; valid range 2 or more");
        }
        if (p < 2 || p % 2 != 0) {
            throw new IllegalArgumentException("morris levels p = " + p + "; valid: an even number, 2 or more");
        }
        Well19937c rnd = new Well19937c(seed);
        double delta = p / (2.0 * (p - 1));
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = rnd.nextInt(p) / (p - 1.0);
            }
            out.add(x.clone());
            int[] order = permutation(k, rnd);
            for (int s = 0; s < k; s++) {
                int i = order[s];
                x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
                out.add(x.clone());
            }
        }
        return out;
    }

    /**
     * Saltelli's sample for Sobol indices: matrices A and B (N × k, the two halves of a 2k-dimensional Sobol
     * sequence) and, for each factor i, A_B^(i) (A with column i taken from B). Rows are laid out run by run:
     * A_j, B_j, A_B^(1)_j … A_B^(k)_j for j = 0 … N − 1, so a prefix of whole blocks is a smaller sample.
     *
     * @param k factors
     * @param n base sample size N
     * @return N (k + 2) points
     */
    public static List<double[]> saltelli(int k, int n) {
        List<double[]> base = sobol(2 * k, n);
        List<double[]> out = new ArrayList<>(n * (k + 2));
        for (double[] row : base) {
            double[] a = new double[k];
            double[] b = new double[k];
            System.arraycopy(row, 0, a, 0, k);
            System.arraycopy(row, k, b, 0, k);
            out.add(a);
            out.add(b);
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out.add(ab);
            }
        }
        return out;
    }

    private static int[] permutation(int k, Well19937c rnd) {
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
