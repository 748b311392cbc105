package org.ecmsim.examples;

import org.ecmsim.tissue.LayerRole;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * The same single session on skin aged 25, 45 and 65, followed for four weeks, each against an untreated control of
 * its own age.
 *
 * <p>Aging in the model: per-cell synthesis falls linearly to −32 % at 80 (Varani et al. 2006), resting fibroblasts to
 * −10 % and MMP activity rises to +20 % (model choices), so older skin starts with less collagen:
 * <pre>
 *   C_rest(age) = C_young · S(age) · F(age) / m(age)
 * </pre>
 * What to notice: the older the skin, the less collagen it starts with and the less new collagen the same treatment
 * makes (the "extra synthesised" column, in micrograms per cm² of skin); the change relative to its own control stays
 * similar, because treated and control age alike.
 *
 * <p>Usage: {@code AgingComparison [--out DIR]}; also draws the extra collagen I by age into
 * {@code aging_comparison.png}.
 */
public final class AgingComparison {

    private AgingComparison() {
    }

    /** The chart's file name. */
    static final String CHART = "aging_comparison.png";
    /** The ages compared (years). */
    static final double[] AGES = {25, 45, 65};

    /** @param args --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args --out DIR for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ExampleCli.run("AgingComparison", "", args, 0, out, err, a -> {
            Path dir = a.out();
            double[] extra = run(AGES, Units.um(50), 28, out);
            ExampleCli.saved(out, chart(AGES, extra, dir.resolve(CHART)));
        });
    }

    /**
     * Draws the extra collagen I made by the treatment against the age.
     *
     * @param ages the ages (years)
     * @param extra the results of {@link #run(double[], double, double, PrintStream)} (kg per m² of skin)
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(double[] ages, double[] extra, Path file) throws IOException {
        double[][] values = new double[1][ages.length];
        List<String> names = new java.util.ArrayList<>();
        for (int a = 0; a < ages.length; a++) {
            values[0][a] = extra[a] * 1e9 / 1e4;
            names.add(String.format(Locale.ROOT, "age %.0f", ages[a]));
        }
        return ExampleChart.bars(file, "Extra collagen I made by one session, by age", "µg per cm² of skin", names,
                List.of("extra collagen I"), values);
    }

    /**
     * @param ages ages (years)
     * @param cellSize thermal cell size (m)
     * @param days follow-up (d)
     * @param out where to print
     * @return the extra collagen I synthesised per age, treated − control (kg per m² of skin)
     */
    public static double[] run(double[] ages, double cellSize, double days, PrintStream out) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        Locale l = Locale.ROOT;
        out.printf(l, "ecmsim: one RF session (7×7 tip, 30 mJ/pin), followed %.0f days, by age%n%n", days);
        out.printf(l, "  age   coll I at rest   coll I vs control   coll III vs control   extra coll I made%n");
        out.printf(l, "  (y)   (kg/m³, ret.)    day %-3.0f (%%)         day %-3.0f (%%)           (µg/cm² of skin)%n",
                days, days);
        double[] extra = new double[ages.length];
        double area = Units.mm(1.0) * Units.mm(1.0); // the unit cell's skin area
        for (int a = 0; a < ages.length; a++) {
            RemodellingResult r = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip)
                    .ageYears(ages[a]).cellSize(cellSize).sampleInterval(7 * Units.DAY).build()
                    .run(TreatmentProtocol.everyDays(1, 28, List.of(pass)), days * Units.DAY);
            LayerTimeSeries deep = r.layer(LayerRole.RETICULAR_DERMIS);
            int last = deep.sampleCount() - 1;
            extra[a] = r.extraSynthesised(Species.COLLAGEN_I) / area;
            out.printf(l, "  %3.0f   %10.1f       %+12.3f        %+12.3f          %10.3f%n", ages[a],
                    deep.control().get(Species.COLLAGEN_I)[0], deep.percentVsControl(Species.COLLAGEN_I, last),
                    deep.percentVsControl(Species.COLLAGEN_III, last), extra[a] * 1e9 / 1e4);
        }
        return extra;
    }
}
