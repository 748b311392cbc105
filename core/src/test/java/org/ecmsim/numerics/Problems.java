package org.ecmsim.numerics;

/** Linear systems for the solver tests: an operator and a right-hand side. */
final class Problems {

    /** Cell size h: conductances σ·h are then O(10⁻⁵), while eliminated rows have d = 1. */
    static final double SPACING = 1e-4;
    /** Background cell value σ. */
    static final double BACKGROUND = 0.2;
    /** σ of the low block and of the sheaths: a contrast of 2·10⁵ to the background. */
    static final double LOW = 1e-6;

    /** An operator and its right-hand side. */
    record LinearSystem(SevenPointOperator operator, double[] rhs) {
    }

    private Problems() {
    }

    /**
     * A cube of n³ cells with σ = {@link #BACKGROUND}, a low block (σ = {@link #LOW}) in one octant,
     * and two square columns of 2×2 cells from the top face (k = 0) down to depth n/2 whose values are fixed, 1 in
     * one column and 0 in the other: these cells are eliminated (all their face conductances 0, d = 1, b = value) and
     * each free neighbour gets the face conductance c on its diagonal and c·value on its right-hand side. The top
     * quarter of each column is wrapped in a one-cell sheath of σ = {@link #LOW}. The bottom face is held at
     * 0 (d = 2σh on its cells); the other faces have no coupling. Face conductances: harmonic means of σ times h.
     */
    static LinearSystem fixedColumns(int n) {
        int cells = n * n * n;
        double[] sigma = new double[cells];
        int[] fixed = new int[cells]; // 0 free, 1 fixed at 1, 2 fixed at 0
        java.util.Arrays.fill(sigma, BACKGROUND);
        for (int k = n / 2; k < 3 * n / 4; k++) {
            for (int j = n / 8; j < n / 2; j++) {
                for (int i = n / 2; i < 7 * n / 8; i++) {
                    sigma[i + n * (j + n * k)] = LOW;
                }
            }
        }
        int[][] columns = {{n / 4, n / 4}, {n / 4, 3 * n / 4}};
        for (int e = 0; e < 2; e++) {
            int ci = columns[e][0];
            int cj = columns[e][1];
            for (int k = 0; k < n / 2; k++) {
                for (int j = cj - 2; j < cj + 4; j++) {
                    for (int i = ci - 2; i < ci + 4; i++) {
                        int c = i + n * (j + n * k);
                        boolean inside = i >= ci && i < ci + 2 && j >= cj && j < cj + 2;
                        if (inside) {
                            fixed[c] = e + 1;
                        } else if (k < n / 8 + 1 && i >= ci - 1 && i < ci + 3 && j >= cj - 1 && j < cj + 3) {
                            sigma[c] = LOW;
                        }
                    }
                }
            }
        }
        SevenPointOperator a = Operators.harmonic(n, n, n, sigma, SPACING);
        double[] b = new double[cells];
        double[][] faces = {a.cx(), a.cy(), a.cz()};
        int[] strides = {1, n, n * n};
        for (int axis = 0; axis < 3; axis++) {
            double[] cf = faces[axis];
            int s = strides[axis];
            for (int c = 0; c < cells; c++) {
                if (cf[c] == 0) {
                    continue;
                }
                int p = c;
                int q = c + s;
                if (fixed[p] != 0 || fixed[q] != 0) {
                    if (fixed[p] == 0) {
                        a.d()[p] += cf[c];
                        b[p] += cf[c] * value(fixed[q]);
                    } else if (fixed[q] == 0) {
                        a.d()[q] += cf[c];
                        b[q] += cf[c] * value(fixed[p]);
                    }
                    cf[c] = 0;
                }
            }
        }
        for (int c = 0; c < cells; c++) {
            if (fixed[c] != 0) {
                a.d()[c] = 1.0;
                b[c] = value(fixed[c]);
            }
        }
        for (int c = (n - 1) * n * n; c < cells; c++) {
            a.d()[c] += 2 * sigma[c] * SPACING;
        }
        a.validate();
        return new LinearSystem(a, b);
    }

    private static double value(int fixedKind) {
        return fixedKind == 1 ? 1.0 : 0.0;
    }
}
