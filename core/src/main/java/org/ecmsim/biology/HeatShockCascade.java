package org.ecmsim.biology;

/**
 * The heat-shock response as a linear cascade: an induction signal passes through {@value #STAGES} stages
 * (transcription, translation, folding), each with time constant τ_s, into the protein, which decays with τ_h:
 * <pre>
 *   ds₁/dt = −s₁/τ_s,   ds_k/dt = s_{k−1}/τ_s − s_k/τ_s,   dh/dt = s₃/τ_s − h/τ_h.
 * </pre>
 * A cascade, unlike a single delay, gives the sharp rise and fall that is measured: HSP70 peaking 12–18 h after
 * heating and back to baseline by 48 h (Du et al., Mol Vis 18:2380 (2012)); one stage cannot do both (its level at
 * 48 h is at least a third of its peak when the peak is at 15 h). The system is linear with constant coefficients,
 * so each step applies the exact propagator e^{AΔt}, computed once per step length.
 */
final class HeatShockCascade {

    /** Number of induction stages before the protein. */
    static final int STAGES = 3;
    private static final int N = STAGES + 1;

    private final double stageTime;
    private final double proteinTime;

    HeatShockCascade(double stageTime, double proteinTime) {
        this.stageTime = stageTime;
        this.proteinTime = proteinTime;
    }

    /** @return e^{AΔt} as a row-major N × N matrix: state' = P · state, state = (s₁, s₂, s₃, h) */
    double[] propagator(double dt) {
        double[] a = new double[N * N];
        for (int k = 0; k < STAGES; k++) {
            a[k * N + k] = -1.0 / stageTime;
            if (k > 0) {
                a[k * N + k - 1] = 1.0 / stageTime;
            }
        }
        a[STAGES * N + STAGES - 1] = 1.0 / stageTime;
        a[STAGES * N + STAGES] = -1.0 / proteinTime;
        // Scaling and squaring with a 20-term Taylor series: ‖AΔt/2^s‖ ≤ 1/2.
        double norm = Math.max(1.0 / stageTime, 1.0 / proteinTime) * 2 * dt;
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
        double scale = dt / Math.pow(2, squarings);
        double[] x = new double[N * N];
        for (int i = 0; i < x.length; i++) {
            x[i] = a[i] * scale;
        }
        double[] result = identity();
        double[] term = identity();
        for (int k = 1; k <= 20; k++) {
            term = multiply(term, x);
            for (int i = 0; i < term.length; i++) {
                term[i] /= k;
                result[i] += term[i];
            }
        }
        for (int s = 0; s < squarings; s++) {
            result = multiply(result, result);
        }
        return result;
    }

    /** @return h(t) after a unit input s₁(0) = 1 */
    double response(double t) {
        return propagator(t)[STAGES * N];
    }

    /** @return the time of the protein peak after a unit input (s), by golden-section search over 0–5 days */
    double peakTime() {
        double lo = 0;
        double hi = 5 * 86400.0;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200; it++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (response(a) < response(b)) {
                lo = a;
            } else {
                hi = b;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double[] identity() {
        double[] m = new double[N * N];
        for (int i = 0; i < N; i++) {
            m[i * N + i] = 1;
        }
        return m;
    }

    private static double[] multiply(double[] p, double[] q) {
        double[] r = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                double v = p[i * N + k];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < N; j++) {
                    r[i * N + j] += v * q[k * N + j];
                }
            }
        }
        return r;
    }
}
