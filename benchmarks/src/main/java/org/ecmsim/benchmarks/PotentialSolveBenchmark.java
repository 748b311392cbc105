package org.ecmsim.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ecmsim.numerics.ConjugateGradient;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.numerics.SevenPointOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One potential solve to a relative residual of 1e-8, from zero, on a skin-like heterogeneous operator with two
 * needle-like columns of held cells (+1 and −1), with multigrid-preconditioned and unpreconditioned conjugate
 * gradients. The iteration counts are printed once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class PotentialSolveBenchmark {

    /** Cells per axis. */
    @Param({"64"})
    public int n;

    /** Preconditioner. */
    @Param({"MULTIGRID", "NONE"})
    public String preconditioner;

    /** Worker threads. */
    @Param({"2"})
    public int threads;

    private ParallelExecutor executor;
    private SevenPointOperator operator;
    private ConjugateGradient cg;
    private double[] rhs;
    private double[] x;

    /**
     * Builds the operator: conductance 1 between dermis cells, 0.1 in the top eighth (the epidermis), 0.12 in the
     * bottom quarter (fat); two columns of held cells at ±1 reaching 5/8 of the depth.
     */
    @Setup(Level.Trial)
    public void setUp() {
        executor = new ParallelExecutor(threads);
        operator = new SevenPointOperator(n, n, n);
        rhs = assemble(operator, n);
        cg = new ConjugateGradient(n, n, n, ConjugateGradient.Preconditioning.valueOf(preconditioner), executor);
        x = new double[n * n * n];
        Arrays.fill(x, 0.0);
        var r = cg.solve(operator, rhs, x, 1e-8, 100_000);
        System.out.printf("%n%s at %d³: %d iterations to %.1e%n", preconditioner, n, r.iterations(),
                r.relativeResidual());
    }

    /**
     * Fills the operator and returns the right-hand side: held rows read φ = ±1 (scaled like the free rows'
     * diagonal, as the potential solver does); a free cell next to a held one gets the half-cell conductance 2σ on
     * its diagonal and 2σ·V on its right-hand side.
     */
    static double[] assemble(SevenPointOperator op, int n) {
        boolean[] held = heldCells(n);
        double[] sigma = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            double s = k < n / 8 ? 0.1 : k >= 3 * n / 4 ? 0.12 : 1.0;
            for (int c = k * n * n; c < (k + 1) * n * n; c++) {
                sigma[c] = s;
            }
        }
        double[] b = new double[n * n * n];
        double[][] cs = {op.cx(), op.cy(), op.cz()};
        int[] stride = {1, n, n * n};
        for (int c = 0; c < b.length; c++) {
            int[] pos = {c % n, (c / n) % n, c / (n * n)};
            for (int a = 0; a < 3; a++) {
                if (pos[a] + 1 >= n) {
                    continue;
                }
                int nb = c + stride[a];
                if (held[c] && held[nb]) {
                    continue;
                }
                if (held[c] || held[nb]) {
                    int free = held[c] ? nb : c;
                    int fixed = held[c] ? c : nb;
                    op.d()[free] += 2 * sigma[free];
                    b[free] += 2 * sigma[free] * potential(fixed, n);
                } else {
                    cs[a][c] = 2 * sigma[c] * sigma[nb] / (sigma[c] + sigma[nb]);
                }
            }
        }
        for (int c = 0; c < b.length; c++) {
            if (held[c]) {
                op.d()[c] = 2.0;
                b[c] = 2.0 * potential(c, n);
            }
        }
        return b;
    }

    private static double potential(int c, int n) {
        return (c % n) < n / 2 ? 1.0 : -1.0;
    }

    static boolean[] heldCells(int n) {
        boolean[] held = new boolean[n * n * n];
        for (int k = 0; k < 5 * n / 8; k++) {
            held[n / 3 + n * (n / 2 + n * k)] = true;
            held[2 * n / 3 + n * (n / 2 + n * k)] = true;
        }
        return held;
    }

    /** Releases the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /**
     * One solve from zero.
     *
     * @param bh sink
     */
    @Benchmark
    public void solve(Blackhole bh) {
        Arrays.fill(x, 0.0);
        bh.consume(cg.solve(operator, rhs, x, 1e-8, 100_000));
    }
}
