package org.ecmsim.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.ecmsim.electric.UnitCell;
import java.util.List;
import java.util.Locale;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.thermal.RegionSummary;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Efficacy against safety over a range of energies, as a device team would sweep them: for each energy per pin, one
 * 100 ms pulse of a 7×7 bipolar tip (unit cell of an interior needle), the lethal zone around the tip (efficacy) and
 * the peak temperatures and doses of the epidermis and the fat (safety).
 *
 * <p>What to notice: the zone grows with energy, first in depth along the exposed tip, then in width; the epidermis,
 * shielded by the insulated shaft, warms far less than the dermis at the tip; and past a point the peak at the tip
 * nears 100 °C, where tissue water boils (the model then loses accuracy: no latent heat) and the impedance rises.
 *
 * <p>Usage: {@code EnergySweep [cell size in µm, default 50; 1 mm must be a whole number (≥ 3) of cells]
 * [--out DIR]}; also draws the peak temperatures against energy into {@code energy_sweep.png}.
 */
public final class EnergySweep {

    private EnergySweep() {
    }

    /** The chart's file name. */
    static final String CHART = "energy_sweep.png";
    /** The energies swept (mJ per pin). */
    static final double[] ENERGIES = {5, 10, 20, 30, 45, 60};

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
        return ExampleCli.run("EnergySweep", "[cell size in um, 20-250, a divisor of 1000, default 50]", args, 1, out,
                err, a -> {
                    double cell = a.number(0, 50, 20, 250, "cell size (um)");
                    if (!UnitCell.fitsWholeCells(Units.mm(1.0), Units.um(cell))) {
                        String shown = cell == Math.rint(cell) ? String.valueOf((long) cell) : String.valueOf(cell);
                        throw new ExampleCli.UsageException("a cell size of " + shown + " um does not divide the 1 mm"
                                + " pitch into a whole number of cells; use e.g. 20, 25, 40, 50, 100, 125 or 250");
                    }
                    List<RfTreatmentResult> r = run(ENERGIES, Units.um(cell), out);
                    ExampleCli.saved(out, chart(ENERGIES, r, a.out().resolve(CHART)));
                });
    }

    /**
     * Draws the peak temperatures of the tip, the epidermis and the fat against the energy.
     *
     * @param energiesMj the energies (mJ per pin)
     * @param results the results of {@link #run(double[], double, PrintStream)}
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(double[] energiesMj, List<RfTreatmentResult> results, Path file) throws IOException {
        double[] tip = new double[results.size()];
        double[] epi = new double[tip.length];
        double[] fat = new double[tip.length];
        for (int e = 0; e < tip.length; e++) {
            RfTreatmentResult r = results.get(e);
            tip[e] = Units.kelvinToCelsius(r.thermal().peakTemperature().max());
            epi[e] = Units.kelvinToCelsius(r.thermal().region("epidermis").maxPeakTemperature());
            fat[e] = Units.kelvinToCelsius(r.thermal().region("subcutaneous fat").maxPeakTemperature());
        }
        double[] limit = new double[tip.length];
        java.util.Arrays.fill(limit, 43);
        return ExampleChart.line(file, "Peak temperatures against energy (safety limit 43 °C)", "energy per pin (mJ)",
                "peak temperature (°C)", List.of(new ExampleChart.Series("hottest (at the tips)", energiesMj, tip),
                        new ExampleChart.Series("epidermis", energiesMj, epi),
                        new ExampleChart.Series("subcutaneous fat", energiesMj, fat),
                        new ExampleChart.Series("43 °C limit", energiesMj, limit)), true);
    }

    /**
     * @param energiesMj energies per pin (mJ)
     * @param cellSize thermal cell size (m); 1 mm must be a whole number of cells
     * @param out where to print
     * @return the results, one per energy
     */
    public static List<RfTreatmentResult> run(double[] energiesMj, double cellSize, PrintStream out) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        Locale l = Locale.ROOT;
        out.printf(l, "ecmsim: energy sweep, 7×7 bipolar tip, 1.5 mm needles, 100 ms pulses%n%n");
        out.printf(l, "  mJ/pin   tip Z    peak   lethal zone (Ω≥1)          epidermis                     fat%n");
        out.printf(l, "           (Ω)      (°C)   width (µm)  depth (mm)     peak °C  margin  CEM43      peak °C%n");
        double limit = Units.celsiusToKelvin(43);
        double bestSafe = Double.NaN;
        List<RfTreatmentResult> results = new java.util.ArrayList<>();
        for (double e : energiesMj) {
            RfTreatmentResult r = RfTreatmentSimulation.unitCell(LayeredSkin.facialSkin(), tip, cellSize,
                    Units.mm(2.5)).build().run(List.of(RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(e),
                    100, 400)));
            results.add(r);
            CoagulationZone z = r.largestZone();
            RegionSummary epi = r.thermal().region("epidermis");
            RegionSummary fat = r.thermal().region("subcutaneous fat");
            String zone = z.cells() == 0 ? "      none              "
                    : String.format(l, "%8.0f    %4.2f–%4.2f  ", Units.toUm(z.width()), Units.toMm(z.top()),
                            Units.toMm(z.bottom()));
            double peak = r.thermal().peakTemperature().max();
            out.printf(l, "  %6.1f   %5.0f   %5.1f%s %s  %7.1f  %+5.1f K %8.3g   %7.1f%n", e,
                    r.pulses().get(0).impedance()[0], Units.kelvinToCelsius(peak),
                    peak >= Units.celsiusToKelvin(100) ? "*" : " ", zone, Units.kelvinToCelsius(epi.maxPeakTemperature()),
                    limit - epi.maxPeakTemperature(), epi.maxCem43(), Units.kelvinToCelsius(fat.maxPeakTemperature()));
            boolean safe = epi.maxPeakTemperature() < limit && fat.maxPeakTemperature() < limit;
            if (z.cells() > 0 && safe) {
                bestSafe = e;
            }
        }
        out.printf(l, "%n  margin: 43 °C minus the epidermis peak. * peak at or above 100 °C: water boils there, which the"
                + " model does not include, so the peak is overestimated.%n");
        if (Double.isNaN(bestSafe)) {
            out.printf(l, "  No energy in this sweep gave a lethal zone with the epidermis and fat below 43 °C.%n");
        } else {
            out.printf(l, "  Highest energy here with a lethal zone and the epidermis and fat below 43 °C: %.1f mJ/pin.%n",
                    bestSafe);
        }
        return results;
    }
}
