package org.ecmsim.examples;

import java.io.PrintStream;
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
 * <p>Usage: {@code EnergySweep [cell size in µm, default 50]}.
 */
public final class EnergySweep {

    private EnergySweep() {
    }

    /** @param args optional cell size (µm) */
    public static void main(String[] args) {
        double cell = args.length > 0 ? Units.um(Double.parseDouble(args[0])) : Units.um(50);
        run(new double[] {5, 10, 20, 30, 45, 60}, cell, System.out);
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
