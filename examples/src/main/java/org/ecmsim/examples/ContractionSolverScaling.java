package org.ecmsim.examples;

import java.util.Arrays;
import java.util.Locale;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.mechanics.ElasticSolution;
import org.ecmsim.mechanics.ElasticSolver;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * Measures the iteration count of the contraction solve ({@link ElasticSolver}, multigrid-preconditioned CG) on
 * n³ site grids with layered moduli (epidermis 1 MPa, dermis 0.2 MPa, fat 2 kPa, ν = 0.45) and a shrinking sphere
 * of dermis (ε* = −2 % in-plane), to show that it does not grow with the grid. Arguments: the grid sizes (default
 * 32 64 128). What to notice: the iteration count stays flat while the work per iteration grows as n³.
 */
public final class ContractionSolverScaling {

    private ContractionSolverScaling() {
    }

    /**
     * @param args grid sizes (cells per axis, powers of two)
     */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {32, 64, 128}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int nc : sizes) {
            Grid3D g = Grid3D.uniform(nc, nc, nc, 2e-3 / nc);
            int n = g.cellCount();
            double[] e = new double[n];
            double[] ex = new double[n];
            for (int c = 0; c < n; c++) {
                int k = g.k(c);
                e[c] = k < nc / 8 ? 1e6 : k < nc * 5 / 8 ? 2e5 : 2e3;
                double x = (g.i(c) + 0.5) / nc - 0.5;
                double y = (g.j(c) + 0.5) / nc - 0.5;
                double z = (g.k(c) + 0.5) / nc - 0.35;
                ex[c] = x * x + y * y + z * z < 0.04 ? -0.02 : 0;
            }
            double[] nu = new double[n];
            Arrays.fill(nu, 0.45);
            long t0 = System.nanoTime();
            ElasticSolver s = new ElasticSolver(g, e, nu, ElasticSolver.Boundary.SITE,
                    ParallelExecutor.defaultExecutor());
            ElasticSolution sol = s.solveSite(ex, ex, new double[n], 1e-8);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            System.out.printf(Locale.ROOT, "%d^3: %d CG iterations to 1e-8 (residual %.1e), %d levels, areal "
                    + "contraction %.4f %%, %.1f s (setup + 5 solves)%n", nc, sol.iterations(),
                    sol.relativeResidual(), s.multigridLevels(), sol.arealContractionPercent(), seconds);
        }
    }
}
