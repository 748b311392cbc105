package org.ecmsim.examples;

import org.ecmsim.tissue.LayerRole;
import org.ecmsim.simulation.site.TreatmentSite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;

/**
 * Fits the collagen synthesis boosts of activated and synthetic fibroblasts to published time courses after one
 * session of the default treatment (7×7 bipolar tip, 30 mJ/pin, 100 ms, age 50), by Nelder–Mead on the logarithms
 * of two boosts, β_III,a (collagen III by activated cells) and β_I,s (collagen I by synthetic cells), the other two
 * following from the fixed {@link #PHASE_RATIO} (commons-math3 {@link SimplexOptimizer}):
 * <pre>
 *   collagen I synthesis, reticular dermis, day 7:   +50 %   (34–84 %: RF content +34 %; procollagen I mRNA +47 %
 *                                                             after PDL and +84 % after Nd:YAG, Orringer 2005)
 *   collagen III synthesis, day 7:                  +46 %   (monopolar RF, conference abstract)
 *   collagen III synthesis, day 30:                 +51 %   (same)
 *   collagen I + III in the lethal core, day 70:    ≥ 95 % of control (zones replaced by ~10 weeks, Hantash 2009)
 * </pre>
 * The thermal phase is computed once; each evaluation runs the biology of the treated site and its control to day
 * 70. Prints the fitted values, which are the defaults of {@link BiologyParameters}, and the targets side by side.
 */
public final class CalibrateBiology {

    static final double[] TARGETS = {0.50, 0.46, 0.51, 0.95};

    private CalibrateBiology() {
    }

    /** The chart's file name. */
    static final String CHART = "calibrate_biology.png";

    /** @param args optional maximum number of evaluations (default 300), and --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args optional maximum number of evaluations (default 300), and --out DIR for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ExampleCli.run("CalibrateBiology", "[evaluations, 1-10000, default 300]", args, 1, out, err, a -> {
            int evaluations = a.integer(0, 300, 1, 10000, "number of evaluations");
            Path dir = a.out();
            fit(evaluations, out);
            ExampleCli.saved(out, chart(lastFit[0], lastFit[1], dir.resolve(CHART)));
        });
    }

    /** The outcomes of the last {@link #fit}: fitted, then with the current defaults (for the chart). */
    private static final double[][] lastFit = new double[2][];

    /**
     * Draws the published targets, the fitted outcomes and those of the current defaults side by side.
     *
     * @param fitted the outcomes of the fitted parameters
     * @param current the outcomes of the current defaults
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(double[] fitted, double[] current, Path file) throws IOException {
        double[][] v = new double[3][4];
        for (int t = 0; t < 4; t++) {
            v[0][t] = 100 * TARGETS[t];
            v[1][t] = 100 * fitted[t];
            v[2][t] = 100 * current[t];
        }
        return ExampleChart.bars(file, "Calibration targets and fitted outcomes", "%",
                List.of("C I synthesis d7", "C III synthesis d7", "C III synthesis d30", "core C I+III d70"),
                List.of("published", "fitted", "current defaults"), v);
    }

    /** The default treatment's thermal insult on its site, computed once. */
    static final class Fixture {
        final RemodellingSimulation sim;
        final TreatmentSite site;
        final ThermalInsult insult;
        final int reticular;

        Fixture() {
            Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
            ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle,
                    ElectrodeArray.Pattern.ALTERNATING_ROWS);
            sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(50)
                    .build();
            site = sim.site(needle.depth());
            RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
            RfTreatmentResult rf = sim.thermalPhase(site, new TreatmentSession(0, List.of(pass)), null);
            insult = sim.insult(site, rf);
            reticular = site.materialOf(LayerRole.RETICULAR_DERMIS);
        }

        /** @return {C1 synthesis d7, C3 synthesis d7, C3 synthesis d30} as relative changes, and core recovery d70 */
        double[] outcomes(BiologyParameters p) {
            RemodellingModel treated = sim.newModel(site, p);
            RemodellingModel control = sim.newModel(site, p);
            treated.applyInsult(insult);
            double[] out = new double[4];
            advance(treated, control, 7);
            out[0] = layerSynthesis(treated, Species.COLLAGEN_I) / layerSynthesis(control, Species.COLLAGEN_I) - 1;
            out[1] = layerSynthesis(treated, Species.COLLAGEN_III) / layerSynthesis(control, Species.COLLAGEN_III) - 1;
            advance(treated, control, 23);
            out[2] = layerSynthesis(treated, Species.COLLAGEN_III) / layerSynthesis(control, Species.COLLAGEN_III) - 1;
            advance(treated, control, 40);
            out[3] = coreCollagen(treated) / coreCollagen(control);
            return out;
        }

        private static void advance(RemodellingModel t, RemodellingModel c, double days) {
            t.advance(days * Units.DAY);
            c.advance(days * Units.DAY);
        }

        private double layerSynthesis(RemodellingModel m, Species s) {
            double[] rate = m.synthesisRate(s).values();
            double sum = 0;
            for (int c = 0; c < rate.length; c++) {
                if (m.layerOf(c) == reticular) {
                    sum += rate[c];
                }
            }
            return sum;
        }

        /** Collagen I + III in the cells where at least half the cells were killed. */
        private double coreCollagen(RemodellingModel m) {
            double[] c1 = m.field(Species.COLLAGEN_I).values();
            double[] c3 = m.field(Species.COLLAGEN_III).values();
            double sum = 0;
            for (int c = 0; c < c1.length; c++) {
                if (insult.killed()[c] >= 0.5) {
                    sum += c1[c] + c3[c];
                }
            }
            return sum;
        }
    }

    /**
     * The model's structural assumption, not fitted: activated (early) fibroblasts make collagen III three times as
     * readily as collagen I, synthetic (late) ones the reverse, after the early type III and later type I deposition
     * seen in wounds (Dale, Sherratt &amp; Maini 1996).
     */
    static final double PHASE_RATIO = 3.0;

    /** @return parameters with β_III,a = e^{x₀}, β_I,s = e^{x₁} and the other two set by {@link #PHASE_RATIO} */
    static BiologyParameters withBoosts(double[] logBoosts) {
        double b3a = Math.exp(logBoosts[0]);
        double b1s = Math.exp(logBoosts[1]);
        BiologyParameters d = BiologyParameters.defaults();
        return d.withMatrix(d.matrix()
                .withCollagenIIIBoostActivated(b3a)
                .withCollagenIBoostActivated(b3a / PHASE_RATIO)
                .withCollagenIBoostSynthetic(b1s)
                .withCollagenIIIBoostSynthetic(b1s / PHASE_RATIO));
    }

    /** Relative squared misfit of the synthesis targets plus a one-sided penalty on core recovery. */
    static double misfit(double[] o) {
        double m = 0;
        for (int t = 0; t < 3; t++) {
            double r = (o[t] - TARGETS[t]) / TARGETS[t];
            m += r * r;
        }
        double shortfall = Math.max(0, TARGETS[3] - o[3]) / TARGETS[3];
        return m + 10 * shortfall * shortfall;
    }

    /**
     * @param evaluations the optimiser's budget
     * @param out where to print
     * @return the fitted boosts {β_I,a, β_I,s, β_III,a, β_III,s}
     */
    public static double[] fit(int evaluations, PrintStream out) {
        Fixture f = new Fixture();
        BiologyParameters d = BiologyParameters.defaults();
        double[] start = {Math.log(20), Math.log(20)};
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-6, 1e-8);
        PointValuePair best = optimizer.optimize(new MaxEval(evaluations),
                new ObjectiveFunction(x -> misfit(f.outcomes(withBoosts(x)))), GoalType.MINIMIZE,
                new InitialGuess(start), new NelderMeadSimplex(new double[] {0.5, 0.5}));
        double b3a = Math.exp(best.getPoint()[0]);
        double b1s = Math.exp(best.getPoint()[1]);
        double[] boosts = {b3a / PHASE_RATIO, b1s, b3a, b1s / PHASE_RATIO};
        double[] o = f.outcomes(withBoosts(best.getPoint()));
        Locale l = Locale.ROOT;
        out.printf(l, "Fitted after %d evaluations (misfit %.3e):%n", optimizer.getEvaluations(), best.getValue());
        out.printf(l, "  collagen I boost: activated %.3f, synthetic %.3f%n", boosts[0], boosts[1]);
        out.printf(l, "  collagen III boost: activated %.3f, synthetic %.3f%n", boosts[2], boosts[3]);
        out.printf(l, "%n  target                                    published   fitted   current defaults%n");
        double[] now = f.outcomes(d);
        String[] names = {"collagen I synthesis, day 7", "collagen III synthesis, day 7",
            "collagen III synthesis, day 30", "lethal-core collagen I+III, day 70"};
        for (int t = 0; t < 4; t++) {
            out.printf(l, "  %-40s %8.0f %% %7.1f %% %9.1f %%%n", names[t], 100 * TARGETS[t] * (t < 3 ? 1 : 1),
                    100 * o[t], 100 * now[t]);
        }
        lastFit[0] = o;
        lastFit[1] = now;
        return boosts;
    }
}
