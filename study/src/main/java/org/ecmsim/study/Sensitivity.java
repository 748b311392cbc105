package org.ecmsim.study;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;

/**
 * Sensitivity analyses: Morris elementary effects (μ, μ*, σ) and Sobol first-order and total indices (Saltelli et
 * al. 2010 first-order estimator, Jansen 1999 total estimator) with seeded bootstrap confidence intervals and an
 * N/2-versus-N convergence check. Runs that produced no value (NaN) are left out of the estimates that need them.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /**
     * Morris statistics of one factor, in output units per unit of the factor's [0, 1] range.
     *
     * @param mu mean elementary effect
     * @param muStar mean absolute elementary effect (the ranking measure)
     * @param sigma standard deviation of the effects (interactions and non-linearity)
     * @param effects number of elementary effects used
     */
    public record Morris(double mu, double muStar, double sigma, int effects) {
    }

    /**
     * Sobol indices of one factor with 95 % bootstrap intervals.
     *
     * @param first first-order index S_i
     * @param firstLow lower end of its interval
     * @param firstHigh upper end
     * @param total total index S_Ti
     * @param totalLow lower end of its interval
     * @param totalHigh upper end
     * @param firstHalf S_i from the first N/2 blocks (convergence check)
     * @param totalHalf S_Ti from the first N/2 blocks
     */
    public record Sobol(double first, double firstLow, double firstHigh, double total, double totalLow,
            double totalHigh, double firstHalf, double totalHalf) {

        /** @return the larger change of the two indices between N/2 and N blocks */
        public double convergence() {
            return Math.max(Math.abs(first - firstHalf), Math.abs(total - totalHalf));
        }
    }

    /**
     * @param points the unit-cube points of {@link Designs#morris}, trajectory after trajectory
     * @param y the output of every point
     * @param k factors
     * @return the statistics of each factor
     */
    public static Morris[] morris(List<double[]> points, double[] y, int k) {
        int r = points.size() / (k + 1);
        double[][] ee = new double[k][r];
        int[] n = new int[k];
        for (int t = 0; t < r; t++) {
            for (int s = 1; s <= k; s++) {
                double[] a = points.get(t * (k + 1) + s - 1);
                double[] b = points.get(t * (k + 1) + s);
                int i = changed(a, b);
                double ya = y[t * (k + 1) + s - 1];
                double yb = y[t * (k + 1) + s];
                if (i >= 0 && Double.isFinite(ya) && Double.isFinite(yb)) {
                    ee[i][n[i]++] = (yb - ya) / (b[i] - a[i]);
                }
            }
        }
        Morris[] out = new Morris[k];
        for (int i = 0; i < k; i++) {
            double mu = 0;
            double abs = 0;
            for (int j = 0; j < n[i]; j++) {
                mu += ee[i][j];
                abs += Math.abs(ee[i][j]);
            }
            mu /= n[i];
            abs /= n[i];
            double v = 0;
            for (int j = 0; j < n[i]; j++) {
                v += (ee[i][j] - mu) * (ee[i][j] - mu);
            }
            out[i] = new Morris(mu, abs, n[i] > 1 ? Math.sqrt(v / (n[i] - 1)) : Double.NaN, n[i]);
        }
        return out;
    }

    /**
     * Sobol indices from the outputs of a {@link Designs#saltelli} sample.
     *
     * @param y outputs, N (k + 2) of them in the sample's order
     * @param k factors
     * @param resamples bootstrap resamples (e.g. 1000)
     * @param seed the bootstrap seed
     * @return the indices of each factor
     */
    public static Sobol[] sobol(double[] y, int k, int resamples, long seed) {
        int blocks = y.length / (k + 2);
        int[] all = new int[blocks];
        int[] half = new int[blocks / 2];
        for (int j = 0; j < blocks; j++) {
            all[j] = j;
        }
        System.arraycopy(all, 0, half, 0, half.length);
        double[][] full = indices(y, k, all);
        double[][] firstHalf = indices(y, k, half);
        Well19937c rnd = new Well19937c(seed);
        double[][][] boot = new double[resamples][][];
        int[] pick = new int[blocks];
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < blocks; j++) {
                pick[j] = rnd.nextInt(blocks);
            }
            boot[b] = indices(y, k, pick);
        }
        Sobol[] out = new Sobol[k];
        for (int i = 0; i < k; i++) {
            double[] s1 = new double[resamples];
            double[] st = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                s1[b] = boot[b][0][i];
                st[b] = boot[b][1][i];
            }
            out[i] = new Sobol(full[0][i], percentile(s1, 0.025), percentile(s1, 0.975), full[1][i],
                    percentile(st, 0.025), percentile(st, 0.975), firstHalf[0][i], firstHalf[1][i]);
        }
        return out;
    }

    /** {S_i}, {S_Ti} over the given blocks (repeats allowed). */
    private static double[][] indices(double[] y, int k, int[] blocks) {
        int w = k + 2;
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int j : blocks) {
            for (double v : new double[] {y[j * w], y[j * w + 1]}) {
                if (Double.isFinite(v)) {
                    sum += v;
                    sum2 += v * v;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        double[] s1 = new double[k];
        double[] st = new double[k];
        for (int i = 0; i < k; i++) {
            double a1 = 0;
            double at = 0;
            int m = 0;
            for (int j : blocks) {
                double fa = y[j * w];
                double fb = y[j * w + 1];
                double fab = y[j * w + 2 + i];
                if (Double.isFinite(fa) && Double.isFinite(fb) && Double.isFinite(fab)) {
                    a1 += fb * (fab - fa);
                    at += (fa - fab) * (fa - fab);
                    m++;
                }
            }
            s1[i] = a1 / m / var;
            st[i] = at / (2.0 * m) / var;
        }
        return new double[][] {s1, st};
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static int changed(double[] a, double[] b) {
        int found = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
