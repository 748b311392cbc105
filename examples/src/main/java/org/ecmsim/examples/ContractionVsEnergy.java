package org.ecmsim.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.course.SessionClinical;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Tightening against energy: for each energy per pin, one session of a 7×7 bipolar tip (one 100 ms pulse, 1.5 mm
 * needles) and the immediate areal contraction of the skin surface from the thermal shrinkage of dermal collagen,
 * with the epidermis's damage and the barrier's recovery time beside it (efficacy against safety and downtime).
 *
 * <p>What to notice: below the energy at which collagen starts to denature around the exposed tip there is
 * practically no contraction; above it the contraction grows steeply with the energy, as the denatured core widens,
 * while the insulated shaft keeps the epidermis's Henriques Ω orders of magnitude below the first-degree threshold.
 *
 * <p>Usage: {@code ContractionVsEnergy [cell size in µm, default 50; 1 mm must be a whole number (≥ 3) of cells]
 * [--out DIR]}; also draws the contraction against energy into {@code contraction_vs_energy.png}.
 */
public final class ContractionVsEnergy {

    private ContractionVsEnergy() {
    }

    /** The chart's file name. */
    static final String CHART = "contraction_vs_energy.png";
    /** The energies swept (mJ per pin). */
    static final double[] ENERGIES = {0, 10, 20, 30, 40, 50};

    /** @param args optional cell size (µm), and --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args optional cell size (µm), and --out DIR for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ExampleCli.run("ContractionVsEnergy", "[cell size in um, 20-250, a divisor of 1000, default 50]", args,
                1, out, err, a -> {
                    double cell = a.number(0, 50, 20, 250, "cell size (um)");
                    if (!UnitCell.fitsWholeCells(Units.mm(1.0), Units.um(cell))) {
                        throw new ExampleCli.UsageException("a cell size of " + cell + " um does not divide the 1 mm"
                                + " pitch into a whole number of cells; use e.g. 20, 25, 40, 50, 100, 125 or 250");
                    }
                    List<SessionClinical> r = run(ENERGIES, Units.um(cell), out);
                    ExampleCli.saved(out, chart(ENERGIES, r, a.out().resolve(CHART)));
                });
    }

    /**
     * @param energiesMj energies per pin (mJ)
     * @param cellSize thermal cell size (m); 1 mm must be a whole number of cells
     * @param out where to print
     * @return the clinical record of the session, one per energy
     */
    public static List<SessionClinical> run(double[] energiesMj, double cellSize, PrintStream out) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        Locale l = Locale.ROOT;
        out.printf(l, "ecmsim: immediate contraction against energy, 7×7 bipolar tip, 1.5 mm needles, 100 ms pulse%n%n");
        out.printf(l, "  mJ/pin   areal contraction   largest free   epidermis Ω   1st-degree   barrier%n");
        out.printf(l, "           of the surface (%%)   shrinkage (%%)  (Henriques)   margin       recovery (h)%n");
        List<SessionClinical> results = new ArrayList<>();
        for (double e : energiesMj) {
            RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(e), 100, 400);
            RemodellingSimulation sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip)
                    .cellSize(cellSize).biologyStep(6 * Units.HOUR).build();
            // one session on day 0, followed for one day: the immediate contraction is the session's
            SessionClinical s = sim.run(TreatmentProtocol.everyDays(1, 28, List.of(pass)), Units.DAY).clinical()
                    .sessions().get(0);
            results.add(s);
            double margin = s.epidermis().firstDegreeMargin();
            out.printf(l, "  %6.1f   %17.3g   %13.3g   %11.2e   %10s   %8.1f%n", e,
                    s.immediateArealContractionPercent(), 100 * s.maxShrinkage(), s.epidermis().maxOmega(),
                    Double.isInfinite(margin) ? "∞" : String.format(l, "%.3g", margin), 24 * s.barrierRecoveryDays());
        }
        out.printf(l, "%n  Contraction: 1 − det(I + E) of the surface's mean in-plane strain E, the treated area"
                + " contracting freely (an upper bound). Shrinkage: s_max·(1 − e^−Ω) of the collagen damage integral."
                + "%n  Margin: Ω = 0.53 (first-degree burn, Henriques 1947) over the epidermis's largest Ω.%n");
        return results;
    }

    /**
     * Draws the immediate areal contraction against the energy.
     *
     * @param energiesMj the energies (mJ per pin)
     * @param results the results of {@link #run(double[], double, PrintStream)}
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(double[] energiesMj, List<SessionClinical> results, Path file) throws IOException {
        double[] c = new double[results.size()];
        for (int e = 0; e < c.length; e++) {
            c[e] = results.get(e).immediateArealContractionPercent();
        }
        return ExampleChart.line(file, "Immediate areal contraction of the skin surface against energy",
                "energy per pin (mJ)", "areal contraction (%)",
                List.of(new ExampleChart.Series("immediate contraction", energiesMj, c)), true);
    }
}
