package org.ecmsim.benchmarks;

import java.util.Locale;
import org.ecmsim.numerics.ConjugateGradient;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.numerics.SevenPointOperator;
import org.ecmsim.numerics.SolveResult;

/**
 * Iterations of multigrid-preconditioned CG to a relative residual of 1e-8 on the skin-like two-needle system of
 * {@link PotentialSolveBenchmark}, at 64³, 128³ and 256³ (or the sizes given), with the wall time of one solve.
 * Prints one line per size: {@code n=… iterations=… seconds=…}.
 */
public final class SolverScaling {

    private SolverScaling() {
    }

    /** @param args sizes (default 64 128 256) */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {64, 128, 256} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        try (ParallelExecutor executor = new ParallelExecutor(Runtime.getRuntime().availableProcessors())) {
            for (int n : sizes) {
                SevenPointOperator op = new SevenPointOperator(n, n, n);
                double[] b = PotentialSolveBenchmark.assemble(op, n);
                ConjugateGradient cg = new ConjugateGradient(n, n, n, ConjugateGradient.Preconditioning.MULTIGRID,
                        executor);
                double[] x = new double[n * n * n];
                cg.solve(op, b, x, 1e-8, 1000); // builds the hierarchy and warms up
                java.util.Arrays.fill(x, 0.0);
                long t0 = System.nanoTime();
                SolveResult r = cg.solve(op, b, x, 1e-8, 1000);
                double s = (System.nanoTime() - t0) * 1e-9;
                System.out.printf(Locale.ROOT, "n=%d iterations=%d residual=%.2e seconds=%.3f%n", n, r.iterations(),
                        r.relativeResidual(), s);
            }
        }
    }
}
