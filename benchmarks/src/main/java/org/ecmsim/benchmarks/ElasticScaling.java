package org.ecmsim.benchmarks;

import java.util.Locale;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.mechanics.ElasticSolution;
import org.ecmsim.mechanics.ElasticSolver;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * Iterations and time of the contraction solve ({@link ElasticSolver}, SITE layout) as the grid is refined: a layered
 * skin cube of side 2 mm (top eighth 1 MPa, down to five eighths 0.2 MPa, the rest 2 kPa — epidermis, dermis, fat;
 * ν = 0.45) with an in-plane shrinking ball of −2 % (radius 0.4 mm, centre 0.7 mm deep), relative residual 1e-8.
 * Sizes N give N³ elements; the size "site" is the default course's 20×20×50 grid of 50 µm cells with the same
 * layers; a prefix "u" ("u32", "usite") makes the moduli uniform (0.2 MPa). Prints two lines per size: the
 * multigrid hierarchy; the setup time (operator, hierarchy, coarsest factorisation), the time of the three unit
 * macroscopic strains' responses (solved once per solver), and the iterations, time and recomputed relative
 * residual of the solve itself ({@link ElasticSolver#solveSite}: one CG solve), with the areal contraction.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar org.ecmsim.benchmarks.ElasticScaling 32 64 128}.
 */
public final class ElasticScaling {

    private ElasticScaling() {
    }

    /** @param args sizes: integers N for N³, or "site" (default: site 32 64 128) */
    public static void main(String[] args) {
        String[] sizes = args.length == 0 ? new String[] {"site", "32", "64", "128"} : args;
        int threads = Runtime.getRuntime().availableProcessors();
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            for (String size : sizes) {
                boolean uniform = size.startsWith("u");
                size = uniform ? size.substring(1) : size;
                Grid3D g = size.equals("site") ? Grid3D.uniform(20, 20, 50, 50e-6)
                        : Grid3D.uniform(Integer.parseInt(size), Integer.parseInt(size), Integer.parseInt(size),
                                2e-3 / Integer.parseInt(size));
                run(size, g, uniform, executor, threads);
            }
        }
    }

    private static void run(String name, Grid3D g, boolean uniform, ParallelExecutor executor, int threads) {
        int n = g.cellCount();
        double[] e = new double[n];
        double[] nu = new double[n];
        double[] ex = new double[n];
        double h = g.lengthZ();
        for (int c = 0; c < n; c++) {
            double z = (g.k(c) + 0.5) * g.dz();
            e[c] = uniform ? 2e5 : z < h / 8 ? 1e6 : z < h * 5 / 8 ? 2e5 : 2e3;
            nu[c] = 0.45;
            double x = (g.i(c) + 0.5) * g.dx() - g.lengthX() / 2;
            double y = (g.j(c) + 0.5) * g.dy() - g.lengthY() / 2;
            double dz = z - 0.35 * h;
            double r = 0.2 * Math.min(g.lengthX(), h);
            ex[c] = x * x + y * y + dz * dz < r * r ? -0.02 : 0.0;
        }
        long t0 = System.nanoTime();
        ElasticSolver s = new ElasticSolver(g, e, nu, ElasticSolver.Boundary.SITE, executor);
        long t1 = System.nanoTime();
        s.macroStrainSite(ex, ex, new double[n], 1e-8);
        long t2 = System.nanoTime();
        ElasticSolution sol = s.solveSite(ex, ex, new double[n], 1e-8);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: %d×%d×%d elements, %d dofs, %d threads; levels %s%n", name, g.nx(), g.ny(),
                g.nz(), 3 * g.nx() * g.ny() * (g.nz() + 1), threads, s.multigridDescription());
        System.out.printf(Locale.ROOT, "  setup %.2f s, 3 unit responses %.2f s, "
                + "solve: iterations=%d seconds=%.3f (%.1f ms/iteration) residual=%.2e converged=%b, "
                + "areal contraction %.6f %%%n",
                (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, sol.iterations(), (t3 - t2) * 1e-9,
                (t3 - t2) * 1e-6 / Math.max(1, sol.iterations()), sol.relativeResidual(), sol.converged(),
                sol.arealContractionPercent());
    }
}
