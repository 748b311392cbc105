package org.ecmsim.study;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.PointValuePair;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.scenario.ScenarioParser;

/**
 * Runs a study: expands its design, runs every run (one thread per run, a fixed pool of N threads), skips runs
 * already in {@code runs.csv} when resuming, and writes {@code runs.csv} (rows in run order whatever N),
 * {@code sensitivity.csv}, {@code pareto.csv}, {@code optimum.yaml} and {@code study.json}. Finished runs are
 * appended to {@code runs.partial.csv} as they end, so an interrupted study resumes where it stopped.
 */
public final class StudyRunner {

    /** What one run does: the default parses the run's scenario and evaluates it. */
    @FunctionalInterface
    public interface RunFunction {
        /**
         * @param study the study
         * @param settings one value per factor (factor units)
         * @return the run's status and metrics; must not throw
         */
        Evaluation evaluate(StudyFile study, double[] settings);
    }

    /** Hears about finished runs, from any thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done runs finished (resumed runs included)
         * @param total runs in the design (an upper bound for adaptive designs)
         * @param ran runs actually run in this invocation
         * @param seconds wall-clock time since the start (s)
         */
        void finished(int done, int total, int ran, double seconds);
    }

    /**
     * One run of the study.
     *
     * @param index its place in the design (or in the order of evaluation for adaptive designs)
     * @param id the id derived from its settings
     * @param settings one value per factor (factor units)
     * @param result its status and metrics
     */
    public record Run(int index, String id, double[] settings, Evaluation result) {
    }

    /**
     * The outcome of a study.
     *
     * @param runs the runs in order
     * @param metrics the metric columns of runs.csv
     * @param sensitivity the rows of sensitivity.csv (with a header row), empty if the design has none
     * @param pareto the indices (into runs) of the Pareto front, empty without objectives
     * @param optimum the index (into runs) of the optimum, −1 if none
     * @param ran runs actually run (not resumed)
     */
    public record Outcome(List<Run> runs, List<String> metrics, List<List<String>> sensitivity, List<Integer> pareto,
            int optimum, int ran) {
    }

    private final StudyFile study;
    private final RunFunction function;
    private final int parallel;

    /**
     * @param study the study
     * @param parallel runs at once (≥ 1)
     * @param function what a run does (use {@link #defaultFunction})
     */
    public StudyRunner(StudyFile study, int parallel, RunFunction function) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel = " + parallel + "; valid range 1 or more");
        }
        this.study = study;
        this.parallel = parallel;
        this.function = function;
    }

    /**
     * @param study the study
     * @return parse the run's scenario (refused if the parser refuses it) and evaluate it in the study's mode
     */
    public static RunFunction defaultFunction(StudyFile study) {
        return defaultFunction(study, 1);
    }

    /**
     * @param study the study
     * @param threadsPerRun threads each run uses (1 for fixed designs, which run one scenario per thread; more for
     *        adaptive designs, which run one scenario at a time)
     * @return parse the run's scenario (refused if the parser refuses it) and evaluate it in the study's mode
     */
    public static RunFunction defaultFunction(StudyFile study, int threadsPerRun) {
        Evaluator evaluator = new Evaluator(study.mode(), null, threadsPerRun)
                .withThermalReuse(reusesThermalPhase(study) ? ThermalReuse.SHARED : null);
        return (s, settings) -> evaluate(evaluator, s.scenarioYaml(settings), s.label(settings));
    }

    /**
     * @param study a study
     * @return true if its runs share their first session's thermal phase: course runs that vary only biology
     *         rate constants ({@link ThermalReuse})
     */
    public static boolean reusesThermalPhase(StudyFile study) {
        return study.mode() == Evaluator.Mode.COURSE && study.variesOnlyBiology();
    }

    /**
     * One run, from the text of its scenario: what {@link #defaultFunction} does and what a cluster task does with
     * the YAML the driver sent it ({@link StudyFile#scenarioYaml}, {@link StudyFile#label}), so that both give the
     * same status and metrics, message for message.
     *
     * @param evaluator what the run simulates
     * @param scenarioYaml the run's scenario
     * @param label the scenario's name in messages
     * @return its status and metrics; {@code refused: ...} if the parser or the simulation refuses the scenario;
     *         never throws for a bad scenario
     */
    public static Evaluation evaluate(Evaluator evaluator, String scenarioYaml, String label) {
        Scenario sc;
        try {
            sc = ScenarioParser.parse(scenarioYaml, label);
        } catch (ScenarioException e) {
            return Evaluation.refused(e.getMessage());
        }
        try {
            return evaluator.evaluate(sc);
        } catch (IllegalArgumentException e) {
            return Evaluation.refused(e.getMessage());
        }
    }

    /**
     * The fixed design's runs: settings in factor units; empty for adaptive designs (root, bobyqa, cmaes).
     *
     * @param study the study
     * @return the settings of each run, in order
     */
    public static List<double[]> settings(StudyFile study) {
        List<Factor> f = study.factors();
        StudyFile.Design d = study.design();
        List<double[]> unit = unitPoints(study);
        if (d.type().equals("grid")) {
            return Designs.grid(f);
        }
        if (d.type().equals("specified")) {
            return d.runs();
        }
        List<double[]> out = new ArrayList<>();
        for (double[] u : unit) {
            out.add(toSettings(f, u));
        }
        return out;
    }

    static List<double[]> unitPoints(StudyFile study) {
        StudyFile.Design d = study.design();
        int k = study.factors().size();
        return switch (d.type()) {
            case "sobol" -> Designs.sobol(k, d.n());
            case "morris" -> Designs.morris(k, d.r(), d.levels(), d.seed());
            case "saltelli" -> Designs.saltelli(k, d.n());
            default -> List.of();
        };
    }

    private static double[] toSettings(List<Factor> f, double[] u) {
        double[] s = new double[f.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = f.get(i).at(u[i]);
        }
        return s;
    }

    /** @return true if the design chooses its runs as it goes, one at a time */
    public boolean adaptive() {
        return adaptive(study);
    }

    /**
     * @param study a study
     * @return true if its design chooses its runs as it goes, one at a time (root, bobyqa, cmaes)
     */
    public static boolean adaptive(StudyFile study) {
        return Set.of("root", "bobyqa", "cmaes").contains(study.design().type());
    }

    /**
     * @return the design as {@code --dry-run} prints it
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        StudyFile.Design d = study.design();
        sb.append(String.format(Locale.ROOT, "study %s: design %s, mode %s%n", study.name(), d.type(),
                study.mode().name().toLowerCase(Locale.ROOT)));
        for (Factor f : study.factors()) {
            sb.append("  vary ").append(f.column()).append(": ")
                    .append(f.values().isEmpty() ? "[" + StudyFile.canonical(f.low()) + ", "
                            + StudyFile.canonical(f.high()) + "] " + f.scale().name().toLowerCase(Locale.ROOT)
                            : f.values().toString())
                    .append('\n');
        }
        if (adaptive()) {
            sb.append(String.format(Locale.ROOT, "  adaptive: up to %d runs, chosen as the search goes%n",
                    d.maxEvaluations()));
            return sb.toString();
        }
        List<double[]> s = settings(study);
        sb.append(String.format(Locale.ROOT, "  %d runs%n", s.size()));
        sb.append("  index,id");
        for (Factor f : study.factors()) {
            sb.append(',').append(f.column());
        }
        sb.append('\n');
        for (int i = 0; i < s.size(); i++) {
            sb.append("  ").append(i).append(',').append(study.id(s.get(i)));
            for (double v : s.get(i)) {
                sb.append(',').append(StudyFile.canonical(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Runs the study and writes its files into {@code out}.
     *
     * @param out the output directory (created)
     * @param resume skip runs whose id is already in {@code runs.csv} or {@code runs.partial.csv}
     * @param progress told after each run
     * @return the outcome
     * @throws UncheckedIOException if a file cannot be written
     */
    public Outcome run(Path out, boolean resume, Progress progress) {
        try {
            Files.createDirectories(out);
            Map<String, Evaluation> done = resume ? StudyFiles.readDone(out, study.factors().size()) : new HashMap<>();
            Path partial = out.resolve("runs.partial.csv");
            if (!resume) {
                Files.deleteIfExists(partial);
            }
            long start = System.nanoTime();
            AtomicInteger ran = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            List<Run> runs;
            try (BufferedWriter log = Files.newBufferedWriter(partial, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                Cache cache = new Cache(done, log, ran, finished, progress, start);
                runs = adaptive() ? runAdaptive(cache) : runFixed(cache);
            }
            Outcome o = finish(runs, ran.get(), out);
            Files.deleteIfExists(partial);
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The analyses and the files of a finished study, whoever ran its runs (this runner, or the tasks of a cluster
     * job): {@code runs.csv}, {@code sensitivity.csv}, {@code pareto.csv}, {@code optimum.yaml}, {@code study.json}.
     *
     * @param runs every run of the design, in order (as {@link #runs} gives them for a fixed design)
     * @param ran runs actually run by this invocation
     * @param out the output directory (created)
     * @return the outcome
     * @throws UncheckedIOException if a file cannot be written
     */
    public Outcome finish(List<Run> runs, int ran, Path out) {
        try {
            Files.createDirectories(out);
            Outcome o = analyse(runs, ran);
            StudyFiles.write(study, o, out);
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runs of a fixed design from their results, with the study's stop condition applied: a run after the first
     * one whose stop metric is below the limit becomes {@code skipped: stop condition ...}, whether it was run or not.
     *
     * @param study the study
     * @param settings the design's settings ({@link #settings})
     * @param results one result per run, in order; null for a run not run (only after a stop)
     * @return the runs, in order
     */
    public static List<Run> runs(StudyFile study, List<double[]> settings, Evaluation[] results) {
        StudyFile.Stop stop = study.stop();
        int stoppedAt = stopIndex(stop, results, 0, results.length);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            Evaluation e = results[i];
            if (stoppedAt >= 0 && i > stoppedAt) {
                e = new Evaluation("skipped: stop condition (" + stop.metric() + " < "
                        + StudyFile.canonical(stop.below()) + " at run " + stoppedAt + ")", Map.of());
            } else if (e == null) {
                throw new IllegalArgumentException("run " + i + " has no result and comes before any stop");
            }
            runs.add(new Run(i, study.id(settings.get(i)), settings.get(i), e));
        }
        return runs;
    }

    /** The first run in [from, to) that meets the stop condition, or −1 (also without a stop condition). */
    private static int stopIndex(StudyFile.Stop stop, Evaluation[] results, int from, int to) {
        if (stop == null) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (results[i] != null && results[i].metric(stop.metric()) < stop.below()) {
                return i;
            }
        }
        return -1;
    }

    /** Runs (or recalls) runs by id, logging each new one. */
    private final class Cache {
        private final Map<String, Evaluation> done;
        private final BufferedWriter log;
        private final AtomicInteger ran;
        private final AtomicInteger finished;
        private final Progress progress;
        private final long start;
        private int total;

        Cache(Map<String, Evaluation> done, BufferedWriter log, AtomicInteger ran, AtomicInteger finished,
                Progress progress, long start) {
            this.done = done;
            this.log = log;
            this.ran = ran;
            this.finished = finished;
            this.progress = progress;
            this.start = start;
        }

        Evaluation get(double[] settings) {
            String id = study.id(settings);
            Evaluation e;
            synchronized (done) {
                e = done.get(id);
            }
            if (e == null) {
                e = function.evaluate(study, settings);
                ran.incrementAndGet();
                synchronized (done) {
                    done.put(id, e);
                    try {
                        log.write(StudyFiles.partialLine(id, e));
                        log.flush();
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }
            }
            progress.finished(finished.incrementAndGet(), total, ran.get(), (System.nanoTime() - start) * 1e-9);
            return e;
        }
    }

    private List<Run> runFixed(Cache cache) {
        List<double[]> settings = settings(study);
        cache.total = settings.size();
        Evaluation[] results = new Evaluation[settings.size()];
        StudyFile.Stop stop = study.stop();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "ecmsim-study");
            t.setDaemon(true);
            return t;
        });
        try {
            int batch = stop == null ? settings.size() : parallel;
            int stoppedAt = -1;
            for (int from = 0; from < settings.size() && stoppedAt < 0; from += batch) {
                List<Future<Evaluation>> futures = new ArrayList<>();
                int to = Math.min(settings.size(), from + batch);
                for (int i = from; i < to; i++) {
                    double[] s = settings.get(i);
                    futures.add(pool.submit(() -> cache.get(s)));
                }
                for (int i = from; i < to; i++) {
                    results[i] = futures.get(i - from).get();
                }
                stoppedAt = stopIndex(stop, results, from, to);
            }
            return runs(study, settings, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Run> runAdaptive(Cache cache) {
        StudyFile.Design d = study.design();
        cache.total = d.maxEvaluations();
        List<Factor> f = study.factors();
        List<Run> runs = new ArrayList<>();
        java.util.function.Function<double[], Evaluation> eval = s -> {
            Evaluation e = cache.get(s);
            runs.add(new Run(runs.size(), study.id(s), s.clone(), e));
            return e;
        };
        List<StudyFile.Constraint> cons = study.constraints();
        if (d.type().equals("root")) {
            if (cons.isEmpty()) {
                throw new ScenarioException(study.file() + ": design root needs constraints (the margins to keep"
                        + " at or above their min)");
            }
            Optimisers.highestSafe(x -> margin(eval.apply(new double[] {x}), cons), f.get(0).low(), f.get(0).high(),
                    d.tolerance(), d.maxEvaluations());
            return unique(runs);
        }
        if (study.objectives().isEmpty()) {
            throw new ScenarioException(study.file() + ": design " + d.type() + " needs an objective");
        }
        StudyFile.Objective obj = study.objectives().get(0);
        int k = f.size();
        MultivariateFunction objective = u -> {
            double v = eval.apply(toSettings(f, u)).metric(obj.metric());
            return obj.maximise() ? -v : v;
        };
        MultivariateFunction[] g = new MultivariateFunction[cons.size()];
        for (int j = 0; j < g.length; j++) {
            StudyFile.Constraint c = cons.get(j);
            g[j] = u -> c.margin(eval.apply(toSettings(f, u)).metric(c.metric()));
        }
        double[] start = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        java.util.Arrays.fill(start, 0.5);
        java.util.Arrays.fill(hi, 1.0);
        PointValuePair p = d.type().equals("bobyqa")
                ? Optimisers.bobyqa(objective, g, 1e3, start, lo, hi, d.maxEvaluations())
                : Optimisers.cmaes(objective, g, 1e3, start, lo, hi, d.maxEvaluations(), d.seed());
        eval.apply(toSettings(f, p.getPoint()));
        return unique(runs);
    }

    /** Repeated points (a solver asking again, the penalty and the objective reading one run) kept once. */
    private static List<Run> unique(List<Run> runs) {
        List<Run> unique = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Run r : runs) {
            if (seen.add(r.id())) {
                unique.add(new Run(unique.size(), r.id(), r.settings(), r.result()));
            }
        }
        return unique;
    }

    private static double margin(Evaluation e, List<StudyFile.Constraint> cons) {
        double m = Double.POSITIVE_INFINITY;
        for (StudyFile.Constraint c : cons) {
            m = Math.min(m, c.margin(e.metric(c.metric())));
        }
        return m;
    }

    private boolean feasible(Evaluation e) {
        if (!e.hasMetrics()) {
            return false;
        }
        for (StudyFile.Constraint c : study.constraints()) {
            if (!(c.margin(e.metric(c.metric())) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private Outcome analyse(List<Run> runs, int ran) {
        LinkedHashSet<String> names = new LinkedHashSet<>(study.metrics());
        if (names.isEmpty()) {
            // The evaluator's metrics in its order, then any others by name: the same columns however the runs'
            // maps were built (fresh, resumed from runs.csv or from runs.partial.csv).
            java.util.TreeSet<String> others = new java.util.TreeSet<>();
            for (Run r : runs) {
                others.addAll(r.result().metrics().keySet());
            }
            for (String m : Evaluator.THERMAL_METRICS) {
                if (others.remove(m)) {
                    names.add(m);
                }
            }
            names.addAll(others);
        }
        List<String> metrics = new ArrayList<>(names);
        List<String> analysed = new ArrayList<>();
        study.objectives().forEach(o -> analysed.add(o.metric()));
        study.constraints().forEach(c -> analysed.add(c.metric()));
        if (analysed.isEmpty()) {
            analysed.addAll(metrics);
        }
        List<String> analysedUnique = new ArrayList<>(new LinkedHashSet<>(analysed));
        List<List<String>> sens = sensitivity(runs, analysedUnique);
        List<Integer> pareto = new ArrayList<>();
        int optimum = -1;
        List<StudyFile.Objective> objs = study.objectives();
        if (!objs.isEmpty()) {
            List<double[]> values = new ArrayList<>();
            List<Integer> feasibleIdx = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                if (feasible(runs.get(i).result())) {
                    double[] v = new double[objs.size()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = runs.get(i).result().metric(objs.get(j).metric());
                    }
                    values.add(v);
                    feasibleIdx.add(i);
                }
            }
            boolean[] max = new boolean[objs.size()];
            for (int j = 0; j < max.length; j++) {
                max[j] = objs.get(j).maximise();
            }
            for (int i : Pareto.front(values, max)) {
                pareto.add(feasibleIdx.get(i));
            }
            optimum = pareto.stream().min(Comparator.comparingDouble((Integer i) -> {
                double v = runs.get(i).result().metric(objs.get(0).metric());
                return objs.get(0).maximise() ? -v : v;
            }).thenComparingInt(i -> i)).orElse(-1);
        } else if (study.design().type().equals("root") || !study.constraints().isEmpty()) {
            // No objective: the feasible run with the highest first factor (the highest safe setting).
            for (int i = 0; i < runs.size(); i++) {
                if (feasible(runs.get(i).result()) && (optimum < 0
                        || runs.get(i).settings()[0] > runs.get(optimum).settings()[0])) {
                    optimum = i;
                }
            }
        }
        return new Outcome(runs, metrics, sens, pareto, optimum, ran);
    }

    private List<List<String>> sensitivity(List<Run> runs, List<String> analysed) {
        String type = study.design().type();
        List<List<String>> rows = new ArrayList<>();
        int k = study.factors().size();
        if (type.equals("morris")) {
            rows.add(List.of("metric", "key", "mu", "mu_star", "sigma", "effects"));
            List<double[]> pts = unitPoints(study);
            for (String m : analysed) {
                double[] y = runs.stream().mapToDouble(r -> r.result().metric(m)).toArray();
                Sensitivity.Morris[] s = Sensitivity.morris(pts, y, k);
                for (int i = 0; i < k; i++) {
                    rows.add(List.of(m, study.factors().get(i).key(), num(s[i].mu()), num(s[i].muStar()),
                            num(s[i].sigma()), String.valueOf(s[i].effects())));
                }
            }
        } else if (type.equals("saltelli")) {
            rows.add(List.of("metric", "key", "S1", "S1_low95", "S1_high95", "ST", "ST_low95", "ST_high95",
                    "S1_half_N", "ST_half_N", "convergence"));
            for (String m : analysed) {
                double[] y = runs.stream().mapToDouble(r -> r.result().metric(m)).toArray();
                Sensitivity.Sobol[] s = Sensitivity.sobol(y, k, study.design().bootstrap(), study.design().seed());
                for (int i = 0; i < k; i++) {
                    rows.add(List.of(m, study.factors().get(i).key(), num(s[i].first()), num(s[i].firstLow()),
                            num(s[i].firstHigh()), num(s[i].total()), num(s[i].totalLow()), num(s[i].totalHigh()),
                            num(s[i].firstHalf()), num(s[i].totalHalf()), num(s[i].convergence())));
                }
            }
        }
        return rows;
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** @return the study */
    public StudyFile study() {
        return study;
    }

    static Map<String, Double> metricsOf(Map<String, Double> m) {
        return new LinkedHashMap<>(m);
    }
}
