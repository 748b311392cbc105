package org.ecmsim.numerics;

/**
 * The Thomas algorithm for tridiagonal systems {@code a[i]·u[i−1] + b[i]·u[i] + c[i]·u[i+1] = d[i]}, i = 0…n−1
 * ({@code a[0]} and {@code c[n−1]} are ignored). Stable without pivoting for diagonally dominant systems, which
 * is what implicit diffusion steps produce. O(n), no allocation: the caller passes a scratch array.
 */
public final class Tridiagonal {

    private Tridiagonal() {
    }

    /**
     * Solves in place: on return {@code d} holds the solution.
     *
     * @param a sub-diagonal, {@code a[i]} multiplies {@code u[i−1]}
     * @param b diagonal
     * @param c super-diagonal, {@code c[i]} multiplies {@code u[i+1]}
     * @param d right-hand side on entry, solution on return
     * @param scratch work array of length ≥ n
     * @param n system size
     */
    public static void solve(double[] a, double[] b, double[] c, double[] d, double[] scratch, int n) {
        // Forward elimination: c'[i] = c[i] / (b[i] − a[i] c'[i−1]), d'[i] = (d[i] − a[i] d'[i−1]) / (same).
        double beta = b[0];
        d[0] /= beta;
        for (int i = 1; i < n; i++) {
            scratch[i - 1] = c[i - 1] / beta;
            beta = b[i] - a[i] * scratch[i - 1];
            d[i] = (d[i] - a[i] * d[i - 1]) / beta;
        }
        // Back substitution: u[i] = d'[i] − c'[i] u[i+1].
        for (int i = n - 2; i >= 0; i--) {
            d[i] -= scratch[i] * d[i + 1];
        }
    }
}
