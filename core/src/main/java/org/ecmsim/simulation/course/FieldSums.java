package org.ecmsim.simulation.course;

/**
 * Sums of many fields over the same cells in one pass, for the samplers: each field's sum is formed exactly as a
 * loop over the cells in order would form it alone (one accumulator per field, from zero, the same terms in the same
 * order), so the result is bitwise that loop's; running four fields' sums side by side only hides the latency of
 * the additions.
 */
final class FieldSums {

    private FieldSums() {
    }

    /**
     * out[f] = Σ_i w[i]·fields[f][i], over i = 0, 1, … in order.
     *
     * @param fields the fields, each as long as {@code w}
     * @param w the weight of each cell
     * @param out one sum per field
     */
    static void weighted(double[][] fields, double[] w, double[] out) {
        int n = w.length;
        int f = 0;
        for (; f + 4 <= fields.length; f += 4) {
            double[] v0 = fields[f];
            double[] v1 = fields[f + 1];
            double[] v2 = fields[f + 2];
            double[] v3 = fields[f + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                double wi = w[i];
                s0 += wi * v0[i];
                s1 += wi * v1[i];
                s2 += wi * v2[i];
                s3 += wi * v3[i];
            }
            out[f] = s0;
            out[f + 1] = s1;
            out[f + 2] = s2;
            out[f + 3] = s3;
        }
        for (; f < fields.length; f++) {
            double[] v = fields[f];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += w[i] * v[i];
            }
            out[f] = s;
        }
    }

    /**
     * out[f] = Σ fields[f][c] over the cells c listed, in the order listed.
     *
     * @param fields the fields
     * @param cells the cells to sum, in order
     * @param out one sum per field
     */
    static void over(double[][] fields, int[] cells, double[] out) {
        int f = 0;
        for (; f + 4 <= fields.length; f += 4) {
            double[] v0 = fields[f];
            double[] v1 = fields[f + 1];
            double[] v2 = fields[f + 2];
            double[] v3 = fields[f + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c : cells) {
                s0 += v0[c];
                s1 += v1[c];
                s2 += v2[c];
                s3 += v3[c];
            }
            out[f] = s0;
            out[f + 1] = s1;
            out[f + 2] = s2;
            out[f + 3] = s3;
        }
        for (; f < fields.length; f++) {
            double[] v = fields[f];
            double s = 0;
            for (int c : cells) {
                s += v[c];
            }
            out[f] = s;
        }
    }
}
