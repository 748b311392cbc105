package org.ecmsim.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.simulation.course.OutcomeRegion;
import org.ecmsim.simulation.course.RegionOutcome;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.units.Units;

/**
 * Fits the biology's free rate constants ({@link FittedParameters}) to published observables
 * ({@link CalibrationTargets}) and prints every target side by side with the model.
 *
 * <p>The default session's thermal phase is solved once ({@link BiologyProbe}); each evaluation then runs only the
 * biology (treated, control and microneedling alone, to day 84, with {@value #STEP_HOURS} h steps). The objective is
 * the weighted sum of squared misses of the fitted targets, a miss being the log-ratio of the model value to the
 * nearest end of the published range (zero inside it). The optimiser is BOBYQA (Powell's bound-constrained
 * quadratic-model method, commons-math3 {@link BOBYQAOptimizer}) on x = ln(value/start), started at a fixed point
 * ({@link FittedParameters#start}, so a fit is reproducible whatever the defaults are), with 2n + 1 interpolation
 * points, trust region 0.5 → 10⁻³; it is deterministic.
 *
 * <pre>
 *   java -cp examples/target/examples.jar org.ecmsim.examples.CalibrateBiology [evaluations] [--out DIR]
 *   java -cp examples/target/examples.jar org.ecmsim.examples.CalibrateBiology --check
 * </pre>
 * {@code --check} only evaluates the current defaults (one biology run) and prints the table; {@code --previous}
 * prints it for the hand-set defaults used before the calibration was adopted and the current (fitted) defaults side
 * by side;
 * {@code --resolution} runs the default course at three biology cell sizes.
 */
public final class CalibrateBiology {

    /** The chart's file name. */
    static final String CHART = "calibrate_biology.png";
    /** Biology step of the calibration runs (h). */
    static final double STEP_HOURS = 2;

    private CalibrateBiology() {
    }

    /** @param args optional maximum number of evaluations (default 300), --check, and --out DIR for the chart */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The main without exiting.
     *
     * @param args optional maximum number of evaluations (default 300), {@code --check} (evaluate the defaults only),
     *        {@code --previous} (the previous hand-set defaults and the current ones), {@code --resolution} (the default course at
     *        three biology cell sizes) and {@code --out DIR} for the chart
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, or 2 for bad arguments (with the usage line on {@code err})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean check = Arrays.asList(args).contains("--check");
        boolean resolution = Arrays.asList(args).contains("--resolution");
        boolean previous = Arrays.asList(args).contains("--previous");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--check") && !a.equals("--resolution")
                && !a.equals("--previous")).toArray(String[]::new);
        return ExampleCli.run("CalibrateBiology",
                "[evaluations, 1-10000, default 300] [--check | --previous | --resolution]",
                rest, 1, out, err, a -> {
                    int evaluations = a.integer(0, 300, 1, 10000, "number of evaluations");
                    Path dir = a.out();
                    if (resolution) {
                        resolution(out);
                        return;
                    }
                    BiologyProbe probe = new BiologyProbe(STEP_HOURS * Units.HOUR);
                    BiologyParameters defaults = BiologyParameters.defaults();
                    double[] now = probe.evaluate(defaults);
                    if (previous) {
                        BiologyParameters before = FittedParameters.previous(defaults);
                        double[] q = probe.evaluate(before);
                        out.printf(Locale.ROOT, "Objective: previous hand-set defaults %.4f, current defaults %.4f%n%n",
                                objective(q), objective(now));
                        parameters(out, before, defaults);
                        out.println();
                        table(out, q, now);
                        ExampleCli.saved(out, chart(misses(q), misses(now), dir.resolve(CHART)));
                        return;
                    }
                    if (check) {
                        out.printf(Locale.ROOT, "Current defaults: objective %.4f%n%n", objective(now));
                        table(out, now, null);
                        ExampleCli.saved(out, chart(misses(now), null, dir.resolve(CHART)));
                        return;
                    }
                    BiologyParameters start = FittedParameters.start(defaults);
                    double[] first = probe.evaluate(start);
                    Fit fit = fit(probe, start, evaluations, err);
                    out.printf(Locale.ROOT, "BOBYQA after %d evaluations: objective %.4f (start) -> %.4f;"
                            + " current defaults %.4f%n%n", fit.evaluations, objective(first), fit.objective,
                            objective(now));
                    out.println("  start -> fitted");
                    parameters(out, start, fit.parameters);
                    out.println();
                    table(out, now, fit.quantities);
                    ExampleCli.saved(out, chart(misses(now), misses(fit.quantities), dir.resolve(CHART)));
                });
    }

    /** Biology block sizes of the resolution table, in 50 µm thermal cells. */
    static final int[] COARSENINGS = {4, 2, 1};

    /**
     * Runs the default course (three sessions 28 days apart, follow-up to day 84) with the biology on blocks of
     * {@link #COARSENINGS} thermal cells and prints the headline outcomes at day 84.
     *
     * @param out where to print
     */
    static void resolution(PrintStream out) {
        Locale l = Locale.ROOT;
        out.printf(l, "Default course, day 84, thermal cells 50 um; outcomes vs untreated control%n%n");
        out.printf(l, "  %-10s %-40s", "bio cell", "");
        for (OutcomeRegion r : HEADLINE_REGIONS) {
            out.printf(l, " %12s", r.label());
        }
        out.println();
        for (int f : COARSENINGS) {
            long t0 = System.nanoTime();
            RemodellingResult r = BiologyProbe.defaultCourse(f);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            for (Headline h : Headline.values()) {
                out.printf(l, "  %-10s %-40s", String.format(l, "%.0f um", 50.0 * f), h.label);
                for (OutcomeRegion region : HEADLINE_REGIONS) {
                    RegionOutcome o = r.outcome(region);
                    int last = o.sampleCount() - 1;
                    out.printf(l, " %12.2f", h.value(o, last));
                }
                out.println();
            }
            out.printf(l, "  %-10s %-40s %12.1f%n", "", "run time (s)", seconds);
        }
    }

    private static final OutcomeRegion[] HEADLINE_REGIONS = {OutcomeRegion.LESION, OutcomeRegion.RIM,
        OutcomeRegion.BIOPSY, OutcomeRegion.DERMIS};

    /** The headline outcomes of the resolution table. */
    private enum Headline {
        COLLAGEN("collagen I+III vs control (%)") {
            @Override
            double value(RegionOutcome o, int s) {
                return o.collagenPercentVsControl(s);
            }
        },
        NEW_FRACTION("new-collagen fraction (%)") {
            @Override
            double value(RegionOutcome o, int s) {
                return 100 * o.newCollagenFraction(s);
            }
        },
        NEW_FRACTION_CONTROL("new-collagen fraction, control (%)") {
            @Override
            double value(RegionOutcome o, int s) {
                return 100 * o.newCollagenFractionControl(s);
            }
        },
        TYPE_III("type III share of new collagen (%)") {
            @Override
            double value(RegionOutcome o, int s) {
                return 100 * o.typeIIIShareOfNewCollagen(s);
            }
        },
        FIBROBLASTS("fibroblasts vs control (%)") {
            @Override
            double value(RegionOutcome o, int s) {
                return o.fibroblastsPercentVsControl(s);
            }
        },
        STAINED("stained area vs control (points)") {
            @Override
            double value(RegionOutcome o, int s) {
                return o.stainedAreaChangePoints(s);
            }
        },
        VOLUME("region volume (mm3)") {
            @Override
            double value(RegionOutcome o, int s) {
                return o.volume()[s] * 1e9;
            }
        };

        private final String label;

        Headline(String label) {
            this.label = label;
        }

        abstract double value(RegionOutcome o, int sample);
    }

    /**
     * The result of a fit.
     *
     * @param parameters the fitted parameters
     * @param quantities the model quantities with them
     * @param objective the objective there
     * @param evaluations how many evaluations the optimiser used
     */
    record Fit(BiologyParameters parameters, double[] quantities, double objective, int evaluations) {
    }

    /**
     * @param q the model quantities, indexed by {@link BiologyProbe.Quantity#ordinal()}
     * @return Σ w·miss² over the fitted targets whose quantity the model has
     */
    static double objective(double[] q) {
        double sum = 0;
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            if (t.use() == CalibrationTargets.Use.FIT) {
                double m = t.miss(q[t.quantity().ordinal()]);
                if (!Double.isNaN(m)) {
                    sum += t.weight() * m * m;
                }
            }
        }
        return sum;
    }

    /**
     * @param q the model quantities
     * @return the miss of every target, in table order (NaN where the model has no value)
     */
    static double[] misses(double[] q) {
        double[] m = new double[CalibrationTargets.ALL.size()];
        for (int i = 0; i < m.length; i++) {
            CalibrationTargets.Target t = CalibrationTargets.ALL.get(i);
            m[i] = t.miss(q[t.quantity().ordinal()]);
        }
        return m;
    }

    /**
     * Minimises {@link #objective} over the {@link FittedParameters} with BOBYQA.
     *
     * @param probe the model runs
     * @param base the starting parameters
     * @param evaluations the optimiser's budget
     * @return the best point found
     */
    static Fit fit(BiologyProbe probe, BiologyParameters base, int evaluations) {
        return fit(probe, base, evaluations, null);
    }

    /**
     * As {@link #fit(BiologyProbe, BiologyParameters, int)}, printing every improvement (evaluation number, objective,
     * the constants in their printed units) to {@code progress}, so that a long fit can be followed and its best point
     * read off if it has to be stopped.
     *
     * @param probe the model runs
     * @param base the starting parameters
     * @param evaluations the optimiser's budget
     * @param progress where to print improvements, or null
     * @return the best point found
     */
    static Fit fit(BiologyProbe probe, BiologyParameters base, int evaluations, PrintStream progress) {
        int n = FittedParameters.values().length;
        double[] lower = FittedParameters.lowerBounds(base);
        double[] upper = FittedParameters.upperBounds(base);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = Math.max(lower[i], Math.min(upper[i], 0.0));
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-3);
        // BOBYQA throws when the budget runs out; keep the best point seen, so a capped run still returns it.
        double[] best = start.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        int[] count = {0};
        MultivariateFunction f = x -> {
            double v = objective(probe.evaluate(FittedParameters.apply(base, x)));
            count[0]++;
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(x, 0, best, 0, n);
                if (progress != null) {
                    BiologyParameters at = FittedParameters.apply(base, x);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "evaluation %d: objective %.5f;",
                            count[0], v));
                    for (FittedParameters c : FittedParameters.values()) {
                        line.append(String.format(Locale.ROOT, " %.6g", c.printed(at)));
                    }
                    progress.println(line);
                }
            }
            return v;
        };
        try {
            optimizer.optimize(new MaxEval(Math.max(evaluations, 2 * n + 2)), new ObjectiveFunction(f),
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            // the budget is spent: the best point so far is the answer
        }
        BiologyParameters p = FittedParameters.apply(base, best);
        double[] q = probe.evaluate(p);
        return new Fit(p, q, objective(q), count[0]);
    }

    private static void parameters(PrintStream out, BiologyParameters before, BiologyParameters after) {
        Locale l = Locale.ROOT;
        out.printf(l, "  %-36s %12s %12s  %s%n", "fitted constant", "before", "after", "bounds");
        for (FittedParameters f : FittedParameters.values()) {
            out.printf(l, "  %-36s %12.5g %12.5g  %.3g-%.3g %s%n", f.label(), f.printed(before), f.printed(after),
                    f.printedLow(), f.printedHigh(), f.unit());
        }
    }

    /**
     * Prints the targets side by side with the model.
     *
     * @param out where to
     * @param now the quantities with the current defaults, or those before (a fit's start, the previous defaults)
     * @param fitted the quantities after (fitted, current defaults), or null; the miss is that of the last column
     */
    static void table(PrintStream out, double[] now, double[] fitted) {
        Locale l = Locale.ROOT;
        out.printf(l, "  %-27s %-10s %-10s %-16s %10s %10s %7s %-4s %s%n", "target", "region", "when", "published",
                fitted == null ? "defaults" : "before", fitted == null ? "" : "after", "miss", "use", "verified");
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            BiologyProbe.Quantity q = t.quantity();
            double[] shown = fitted == null ? now : fitted;
            double m = t.miss(shown[q.ordinal()]);
            out.printf(l, "  %-27s %-10s %-10s %-16s %10s %10s %7s %-4s %s%n", t.id(), t.region(), t.when(),
                    range(t), number(now[q.ordinal()], q), fitted == null ? "" : number(fitted[q.ordinal()], q),
                    Double.isNaN(m) ? "n/a" : m == 0 ? "hit" : String.format(l, "%+.2f", m),
                    t.use() == CalibrationTargets.Use.FIT ? "fit" : "chk", t.verified().name().toLowerCase(l));
        }
        out.printf(l, "%n  miss: ln(model / nearest end of the published range), 0 (hit) inside it; n/a: the model"
                + " has no such quantity%n");
    }

    private static String range(CalibrationTargets.Target t) {
        double s = t.quantity().scale();
        String u = t.quantity().unit();
        Locale l = Locale.ROOT;
        if (Double.isInfinite(t.high())) {
            return String.format(l, ">= %.3g %s", t.low() * s, u).trim();
        }
        if (t.low() == 0) {
            return String.format(l, "<= %.3g %s", t.high() * s, u).trim();
        }
        return String.format(l, "%.3g-%.3g %s", t.low() * s, t.high() * s, u).trim();
    }

    private static String number(double v, BiologyProbe.Quantity q) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g%s", v * q.scale(),
                q.unit().isEmpty() ? "" : " " + q.unit());
    }

    /**
     * Draws the miss of every target with the current defaults and, if given, the fitted parameters.
     *
     * @param now misses with the current defaults, in table order
     * @param fitted misses with the fitted parameters, or null
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path chart(double[] now, double[] fitted, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            names.add(t.id());
        }
        double[][] v = fitted == null ? new double[][] {clean(now)} : new double[][] {clean(now), clean(fitted)};
        return ExampleChart.bars(file, "Calibration: miss per target (0 = inside the published range)",
                "ln(model / published range)", names,
                fitted == null ? List.of("current defaults") : List.of("before", "after"), v);
    }

    private static double[] clean(double[] m) {
        double[] out = m.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }
}
