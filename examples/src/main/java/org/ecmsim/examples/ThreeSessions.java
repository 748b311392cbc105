package org.ecmsim.examples;

import org.ecmsim.tissue.LayerRole;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.Species;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * The usual course: three RF-microneedling sessions four weeks apart on 50-year-old facial skin, followed to week
 * 12, against untreated skin of the same age. Prints, week by week and layer by layer, how collagen I and III,
 * elastin and hyaluronic acid differ from the control.
 *
 * <p>The chain, per session: the tip's field heats the tissue (RF → Joule → Pennes), the heat kills cells and
 * denatures collagen near the tips (Arrhenius) and shocks the sublethal rim (CEM43 → HSP). Then, over weeks:
 * <pre>
 *   HSP and the wound signal activate fibroblasts;   activated fibroblasts proliferate and migrate into the wound,
 *   make collagen III first, then mature into collagen-I-rich synthetic cells;   the denatured matrix is cleared;
 *   hyaluronic acid turns over in days, collagen in years, so its gain persists.
 * </pre>
 * What to notice: the heat-shock protein peaks 15 h after each session (the HSP line below the table) and is gone
 * within two days; collagen synthesis rises within a week (calibrated to about +50 %), but collagen turns over in
 * years, so the layer's collagen content gains only tenths of a per cent per session, concentrated around the tips,
 * where the lethal cores are cleared and rebuilt; hyaluronic acid, turning over in days, follows the fibroblasts up
 * and back down; the fibroblasts killed in the cores return slowly; the epidermis is untouched (insulated needles).
 *
 * <p>Usage: {@code ThreeSessions [age in years, 18–100, default 50] [--out DIR]}; also draws collagen I against the
 * control, layer by layer, into {@code three_sessions_collagen_i.png}.
 */
public final class ThreeSessions {

    private ThreeSessions() {
    }

    /** The chart's file name. */
    static final String CHART = "three_sessions_collagen_i.png";

    /** @param args optional age (years), and --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args optional age (years), and --out DIR for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ExampleCli.run("ThreeSessions", "[age in years, 18-100, default 50]", args, 1, out, err, a -> {
            double age = a.number(0, 50, 18, 100, "age (years)");
            RemodellingResult r = run(age, Units.um(50), 84, out);
            ExampleCli.saved(out, chart(r, a.out().resolve(CHART)));
        });
    }

    /**
     * Draws the change of collagen I against the untreated control, per layer, over the days.
     *
     * @param r a result of {@link #run(double, double, double, PrintStream)}
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(RemodellingResult r, Path file) throws IOException {
        List<ExampleChart.Series> series = new java.util.ArrayList<>();
        for (LayerTimeSeries layer : r.layers()) {
            double[] day = new double[layer.sampleCount()];
            double[] pct = new double[day.length];
            for (int i = 0; i < day.length; i++) {
                day[i] = layer.time(i) / Units.DAY;
                pct[i] = layer.percentVsControl(Species.COLLAGEN_I, i);
            }
            series.add(new ExampleChart.Series(layer.layer(), day, pct));
        }
        return ExampleChart.line(file, "Collagen I against untreated skin (sessions on days 0, 28, 56)", "day",
                "collagen I vs control (%)", series, false);
    }

    /**
     * @param ageYears age at the first session (years)
     * @param cellSize thermal cell size (m); 1 mm must be a whole number of cells
     * @param followUpDays last day (d); sessions after it are left out
     * @param out where to print
     * @return the result
     */
    public static RemodellingResult run(double ageYears, double cellSize, double followUpDays, PrintStream out) {
        // A 7×7 bipolar tip, 1 mm pitch, 0.2 mm insulated needles 1.5 mm deep with 0.5 mm exposed tips.
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        // Three sessions 4 weeks apart (those that fall before the follow-up day).
        int sessions = (int) Math.min(3, Math.floor(followUpDays / 28) + 1);
        TreatmentProtocol course = TreatmentProtocol.everyDays(sessions, 28, List.of(pass));
        RemodellingResult r = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip)
                .ageYears(ageYears)
                .cellSize(cellSize)
                .sampleInterval(Units.DAY)
                .snapshotTimes(7 * Units.DAY, 28 * Units.DAY, 84 * Units.DAY)
                .build()
                .run(course, followUpDays * Units.DAY);
        print(out, r);
        return r;
    }

    private static void print(PrintStream out, RemodellingResult r) {
        Locale l = Locale.ROOT;
        out.printf(l, "ecmsim: 3 RF-microneedling sessions, 4 weeks apart, age %.0f, 7×7 bipolar tip at 30 mJ/pin%n%n",
                r.ageYears());
        for (int s = 0; s < r.sessions().size(); s++) {
            RfTreatmentResult rf = r.sessions().get(s);
            CoagulationZone z = rf.largestZone();
            out.printf(l, "session %d: tip impedance %.0f Ω, %.2f J delivered, peak %.1f °C, lethal zone %.0f µm wide"
                    + " (%.2f–%.2f mm deep)%n", s + 1, rf.pulses().get(0).impedance()[0], rf.deliveredEnergy(),
                    Units.kelvinToCelsius(rf.thermal().peakTemperature().max()), Units.toUm(z.width()),
                    Units.toMm(z.top()), Units.toMm(z.bottom()));
        }
        Species[] matrix = {Species.COLLAGEN_I, Species.COLLAGEN_III, Species.ELASTIN, Species.HYALURONAN};
        String[] label = {"coll I", "coll III", "elastin", "HA"};
        for (LayerTimeSeries layer : r.layers()) {
            out.printf(l, "%n%s: change vs untreated control (%%)%n  week", layer.layer());
            for (String s : label) {
                out.printf(l, " %9s", s);
            }
            out.printf(l, " %9s %9s%n", "HSP ×", "fibro ×");
            double last = layer.time(layer.sampleCount() - 1) / Units.DAY;
            for (int week = 0; week * 7 <= last + 1e-9; week++) {
                int i = layer.sampleAt(week * 7 * Units.DAY);
                out.printf(l, "  %4d", week);
                for (Species s : matrix) {
                    out.printf(l, " %+9.2f", layer.percentVsControl(s, i));
                }
                double fib = sum(layer, i, true) / sum(layer, i, false);
                out.printf(l, " %9.2f %9.2f%n", 1 + layer.treated().get(Species.HEAT_SHOCK_PROTEIN)[i], fib);
            }
        }
        LayerTimeSeries deep = r.layer(LayerRole.RETICULAR_DERMIS);
        int day1 = deep.sampleAt(Units.DAY);
        out.printf(l, "%nReticular dermis the day after the first session: HSP %.2f× basal (layer mean), activated"
                + " fibroblasts %.1f %% of all%n", 1 + deep.treated().get(Species.HEAT_SHOCK_PROTEIN)[day1],
                100 * deep.treated().get(Species.ACTIVATED_FIBROBLASTS)[day1] / sum(deep, day1, true));
        out.printf(l, "%nMass balance of the treated tissue (synthesised − degraded − denatured + gained = change)%n");
        for (MatrixLedger b : r.balances()) {
            out.printf(l, "  %-20s change %+.3e kg, imbalance %.1e kg%n", b.species(), b.current() - b.initial(),
                    b.imbalance());
        }
    }

    private static double sum(LayerTimeSeries layer, int i, boolean treated) {
        var m = treated ? layer.treated() : layer.control();
        return m.get(Species.QUIESCENT_FIBROBLASTS)[i] + m.get(Species.ACTIVATED_FIBROBLASTS)[i]
                + m.get(Species.SYNTHETIC_FIBROBLASTS)[i];
    }
}
