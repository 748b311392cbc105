package org.ecmsim.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.verification.InstantPointSourceInPerfusedTissue;
import org.ecmsim.verification.LineSourceInUnperfusedMedium;
import org.ecmsim.verification.SteadyPointSourceInPerfusedTissue;

/**
 * Three textbook problems with exact solutions, each set up in a few lines through the position, source, deposit,
 * steady-state and material API (see the {@code org.ecmsim.verification} classes named below for the set-up), and
 * their convergence tables: the error at a probe point on three grids, and the observed order
 * log(e_coarse/e_fine)/log(h_coarse/h_fine), which is 2 for a second-order scheme.
 * <ul>
 *   <li>a line source switched on in an unperfused medium, q′/(4πk)·E₁(r²/(4αt)) — {@code LineSource} on a
 *       quarter domain with nz = 1 ({@link LineSourceInUnperfusedMedium});</li>
 *   <li>a steady point source in perfused tissue, P/(4πkr)·e^{−r/L} — {@code PointSource} at the corner of an
 *       octant, {@code SteadyStateSolver} ({@link SteadyPointSourceInPerfusedTissue});</li>
 *   <li>an instantaneous point source in perfused tissue — {@code EnergyDeposit} at the corner of an octant,
 *       explicit steps ({@link InstantPointSourceInPerfusedTissue}).</li>
 * </ul>
 *
 * <p>Usage: {@code TextbookProblems}; takes about a minute on two cores. The same tables are in docs/validation.md.
 */
public final class TextbookProblems {

    private TextbookProblems() {
    }

    /** @param args none */
    public static void main(String[] args) {
        ParallelExecutor ex = ParallelExecutor.defaultExecutor();
        PrintStream out = System.out;
        table("Line source in an unperfused medium, t = 20 s, probe at r = 1.44 mm", LineSourceInUnperfusedMedium.SIZE,
                LineSourceInUnperfusedMedium.GRIDS, n -> LineSourceInUnperfusedMedium.error(n, ex), out);
        table("Steady point source in perfused tissue (L = 2 mm), probe at r = 1.87 mm",
                SteadyPointSourceInPerfusedTissue.SIZE, SteadyPointSourceInPerfusedTissue.GRIDS,
                n -> SteadyPointSourceInPerfusedTissue.error(n, ex), out);
        table("Instantaneous point source in perfused tissue, t = 2 s, probe at r = 0.77 mm",
                InstantPointSourceInPerfusedTissue.SIZE, InstantPointSourceInPerfusedTissue.GRIDS,
                n -> InstantPointSourceInPerfusedTissue.error(n, ex), out);
    }

    /**
     * Prints one convergence table.
     *
     * @param title the problem
     * @param size the domain side (m)
     * @param grids cells per side, coarse to fine
     * @param error the error at the probe for a grid (K)
     * @param out where to print
     * @return the observed orders between successive grids
     */
    public static double[] table(String title, double size, int[] grids, IntToDoubleFunction error, PrintStream out) {
        out.println(title);
        out.println("  cells/side   cell (µm)   |error| (K)   order");
        double[] orders = new double[grids.length - 1];
        double previous = Double.NaN;
        for (int g = 0; g < grids.length; g++) {
            double e = error.applyAsDouble(grids[g]);
            String order = "";
            if (g > 0) {
                orders[g - 1] = Math.log(previous / e) / Math.log((double) grids[g] / grids[g - 1]);
                order = String.format(Locale.ROOT, "%.2f", orders[g - 1]);
            }
            out.printf(Locale.ROOT, "  %10d   %9.1f   %11.3e   %s%n", grids[g], size / grids[g] * 1e6, e, order);
            previous = e;
        }
        return orders;
    }
}
