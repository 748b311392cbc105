package org.ecmsim.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.scenario.BiologyKeys;
import org.ecmsim.scenario.Key;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.scenario.ScenarioKeys;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.scenario.UnitParser;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A study file: the base scenario, the factors, the design, the metrics, constraints, objectives and a stop
 * condition. Every factor is checked like a scenario key: its key must exist, its values must carry a unit of the
 * key's kind, and the scenarios at both ends of its range are parsed with {@link ScenarioParser}, so a bad range gives
 * the scenario's own one-line error. Each run's scenario is made by editing the base scenario's YAML tree and
 * parsing it again, so it is checked exactly as a file would be.
 *
 * <pre>
 * base: ../scenarios/default.yaml        # or scenario: { ...inline... }
 * mode: thermal_only                     # or course
 * vary:
 *   - key: treatment.passes[0].drive.energy_per_pin
 *     range: [10 mJ, 60 mJ]
 *     steps: 6                           # full grids only
 *     scale: linear                      # or log
 *   - key: treatment.passes[0].conduction
 *     values: [50 ms, 100 ms, 200 ms]
 * design: {type: grid}                   # grid | specified | sobol | morris | saltelli | root | bobyqa | cmaes
 * metrics: [lesion_width_mm, fat_margin_C]
 * constraints: [{metric: epidermis_margin_C, min: 0}, {metric: peak_temperature_C, max: 100}]
 * objectives: [{metric: smooth_lesion_volume_mm3, direction: max}]
 * stop: {metric: fat_margin_C, below: 0} # monotone 1-D sweeps: stop once it turns negative
 * </pre>
 */
public final class StudyFile {

    /**
     * A constraint: min ≤ metric ≤ max.
     *
     * @param metric the metric
     * @param min its lowest acceptable value (−∞: none)
     * @param max its highest acceptable value (+∞: none)
     */
    public record Constraint(String metric, double min, double max) {

        /**
         * @param value the metric's value
         * @return how far inside the bounds it is (≥ 0: met; NaN if the value is NaN)
         */
        public double margin(double value) {
            return Math.min(value - min, max - value);
        }

        /** @return the bounds as text: {@code >= 0}, {@code <= 100}, {@code in [0, 100]} */
        public String bounds() {
            if (Double.isInfinite(max)) {
                return ">= " + canonical(min);
            }
            if (Double.isInfinite(min)) {
                return "<= " + canonical(max);
            }
            return "in [" + canonical(min) + ", " + canonical(max) + "]";
        }
    }

    /**
     * An objective.
     *
     * @param metric the metric
     * @param maximise true for larger is better
     */
    public record Objective(String metric, boolean maximise) {
    }

    /**
     * Stop a monotone 1-D sweep at the first run whose metric is below a value.
     *
     * @param metric the metric
     * @param below the value
     */
    public record Stop(String metric, double below) {
    }

    /**
     * The design and its settings.
     *
     * @param type grid, specified, sobol, morris, saltelli, root, bobyqa or cmaes
     * @param n sample size (sobol: points; saltelli: base N)
     * @param r Morris trajectories
     * @param levels Morris levels
     * @param seed the seed of random choices (Morris, bootstrap, CMA-ES)
     * @param runs the rows of a specified design (factor units)
     * @param tolerance root solve: tolerance on the factor (factor unit)
     * @param maxEvaluations root solve and optimisers: the most runs
     * @param bootstrap bootstrap resamples of Sobol intervals
     */
    public record Design(String type, int n, int r, int levels, long seed, List<double[]> runs, double tolerance,
            int maxEvaluations, int bootstrap) {
    }

    private static final Pattern INDEXED = Pattern.compile("([a-z_]+)\\[(\\d+)]");
    private static final Set<String> TOP = Set.of("base", "scenario", "mode", "vary", "design", "metrics",
            "constraints", "objectives", "stop", "name");

    private final String file;
    private final String name;
    private final Map<String, Object> base;
    private final Evaluator.Mode mode;
    private final List<Factor> factors = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();
    private final Design design;
    private final List<String> metrics = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Objective> objectives = new ArrayList<>();
    private final Stop stop;

    private StudyFile(String file, Map<String, Object> root, Path dir) {
        this.file = file;
        for (String k : root.keySet()) {
            if (!TOP.contains(k)) {
                throw fail(k + " is not a study key; valid: " + String.join(", ", TOP.stream().sorted().toList()));
            }
        }
        this.name = root.containsKey("name") ? String.valueOf(root.get("name"))
                : Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        this.base = baseTree(root, dir);
        String m = String.valueOf(root.getOrDefault("mode", "thermal_only"));
        this.mode = switch (m) {
            case "thermal_only" -> Evaluator.Mode.THERMAL_ONLY;
            case "course" -> Evaluator.Mode.COURSE;
            default -> throw fail("mode = " + m + "; valid: thermal_only | course");
        };
        List<?> vary = list(root.get("vary"), "vary");
        if (vary.isEmpty()) {
            throw fail("vary is empty; give at least one key to vary");
        }
        for (int i = 0; i < vary.size(); i++) {
            factor(map(vary.get(i), "vary[" + i + "]"), "vary[" + i + "]");
        }
        this.design = design(root.get("design") == null ? Map.of("type", "grid") : map(root.get("design"), "design"));
        for (Object o : list(root.get("metrics"), "metrics")) {
            metrics.add(String.valueOf(o));
        }
        List<?> cs = list(root.get("constraints"), "constraints");
        for (int i = 0; i < cs.size(); i++) {
            Map<String, Object> c = map(cs.get(i), "constraints[" + i + "]");
            if (!c.containsKey("min") && !c.containsKey("max")) {
                throw fail("constraints[" + i + "] needs min, max or both (metric >= min, metric <= max)");
            }
            constraints.add(new Constraint(string(c, "metric", "constraints[" + i + "]"),
                    c.containsKey("min") ? number(c.get("min"), "constraints[" + i + "].min")
                            : Double.NEGATIVE_INFINITY,
                    c.containsKey("max") ? number(c.get("max"), "constraints[" + i + "].max")
                            : Double.POSITIVE_INFINITY));
        }
        List<?> os = list(root.get("objectives"), "objectives");
        for (int i = 0; i < os.size(); i++) {
            Map<String, Object> o = map(os.get(i), "objectives[" + i + "]");
            String dirText = String.valueOf(o.getOrDefault("direction", "max"));
            if (!dirText.equals("max") && !dirText.equals("min")) {
                throw fail("objectives[" + i + "].direction = " + dirText + "; valid: max | min");
            }
            objectives.add(new Objective(string(o, "metric", "objectives[" + i + "]"), dirText.equals("max")));
        }
        if (root.get("stop") != null) {
            Map<String, Object> s = map(root.get("stop"), "stop");
            if (factors.size() != 1 || !design.type().equals("grid")) {
                throw fail("stop needs a 1-D grid sweep (one key in vary, design grid); found " + factors.size()
                        + " keys and design " + design.type());
            }
            stop = new Stop(string(s, "metric", "stop"), number(s.getOrDefault("below", 0), "stop.below"));
        } else {
            stop = null;
        }
        checkEnds();
    }

    /**
     * @param path a study file
     * @return the study
     * @throws ScenarioException with a one-line message if the file or its base scenario is not valid
     */
    public static StudyFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(path + ": cannot read it (" + e.getMessage() + ")");
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(text, path.toString(), dir);
    }

    /**
     * @param text the study YAML
     * @param file the name used in messages
     * @param dir the directory a relative {@code base} is resolved against
     * @return the study
     * @throws ScenarioException with a one-line message if the study is not valid
     */
    public static StudyFile parse(String text, String file, Path dir) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ScenarioException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new ScenarioException(file + ": a study is a mapping with base, vary, design, ...; found "
                    + (root == null ? "an empty file" : "a " + root.getClass().getSimpleName()));
        }
        return new StudyFile(file, cast(root), dir);
    }

    /** @return the study's name (the file name without .yaml, or its {@code name}) */
    public String name() {
        return name;
    }

    /** @return the file name used in messages */
    public String file() {
        return file;
    }

    /** @return what each run simulates */
    public Evaluator.Mode mode() {
        return mode;
    }

    /** @return the factors, in file order */
    public List<Factor> factors() {
        return List.copyOf(factors);
    }

    /** @return the design */
    public Design design() {
        return design;
    }

    /** @return the metrics asked for (empty: all) */
    public List<String> metrics() {
        return List.copyOf(metrics);
    }

    /** @return the constraints */
    public List<Constraint> constraints() {
        return List.copyOf(constraints);
    }

    /** @return the objectives */
    public List<Objective> objectives() {
        return List.copyOf(objectives);
    }

    /** @return the stop condition, or null */
    public Stop stop() {
        return stop;
    }

    /**
     * @param settings one value per factor (factor units)
     * @return the run's id: the first 12 hex digits of the SHA-256 of its canonical settings
     */
    public String id(double[] settings) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            sb.append(factors.get(i).key()).append('=').append(canonical(settings[i])).append(' ')
                    .append(factors.get(i).unit()).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param settings one value per factor (factor units)
     * @return the scenario YAML of the run: the base tree with the factors set (biology factors in its
     *         {@code biology} section, so the YAML alone reproduces the run)
     */
    public String scenarioYaml(double[] settings) {
        Map<String, Object> tree = deepCopy(base);
        for (int i = 0; i < factors.size(); i++) {
            set(tree, factors.get(i).key(), keys.get(i) == null ? plainNumber(settings[i]) : value(i, settings[i]));
        }
        DumpSettings ds = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(ds).dumpToString(tree);
    }

    /** A biology value as YAML writes a number: whole numbers without a fraction. */
    private static Object plainNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    /**
     * @param settings one value per factor (factor units)
     * @return the label of the run's scenario in messages: {@code <file> run <id>}
     */
    public String label(double[] settings) {
        return file + " run " + id(settings);
    }

    /**
     * @param settings one value per factor (factor units)
     * @return the run's scenario
     * @throws ScenarioException if the scenario is not valid (a combination the parser refuses)
     */
    public Scenario scenario(double[] settings) {
        return ScenarioParser.parse(scenarioYaml(settings), label(settings));
    }

    /** @return true if any factor is a biology key */
    public boolean variesBiology() {
        return keys.contains(null);
    }

    /** @return true if every factor is a biology key: the runs share every thermal input */
    public boolean variesOnlyBiology() {
        return keys.stream().allMatch(java.util.Objects::isNull);
    }

    /**
     * @param i a factor index
     * @param v its value (factor unit)
     * @return the value as a scenario file writes it ({@code "30 mJ"}, {@code 5})
     */
    public Object value(int i, double v) {
        Key k = keys.get(i);
        if (k != null && k.kind() == Key.Kind.INTEGER) {
            return (int) Math.round(v);
        }
        return canonical(v) + (factors.get(i).unit().isEmpty() ? "" : " " + factors.get(i).unit());
    }

    static String canonical(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private void factor(Map<String, Object> f, String where) {
        String key = string(f, "key", where);
        Key k = null;
        String unit = "";
        if (BiologyKeys.isBiology(key)) {
            try {
                BiologyKeys.get(BiologyParameters.defaults(), key);
            } catch (IllegalArgumentException e) {
                throw fail(where + ".key: " + e.getMessage());
            }
        } else {
            String generic = key.replaceAll("\\[\\d+]", "[]");
            for (Key c : ScenarioKeys.all()) {
                if (c.path().equals(generic)) {
                    k = c;
                }
            }
            if (k == null || k.kind() == Key.Kind.BOOLEAN || k.kind() == Key.Kind.CHOICE
                    || k.kind() == Key.Kind.QUANTITY_LIST) {
                throw fail(where + ".key = " + key + " is not a numeric scenario key; valid: "
                        + String.join(", ", ScenarioKeys.all().stream().filter(c -> c.kind() == Key.Kind.QUANTITY
                                || c.kind() == Key.Kind.INTEGER).map(Key::path).toList())
                        + " (with [i] for a pass), or biology.<group>.<parameter>");
            }
        }
        Factor.Scale scale = switch (String.valueOf(f.getOrDefault("scale", "linear"))) {
            case "linear" -> Factor.Scale.LINEAR;
            case "log" -> Factor.Scale.LOG;
            default -> throw fail(where + ".scale = " + f.get("scale") + "; valid: linear | log");
        };
        List<Double> vals = new ArrayList<>();
        String[] unitHolder = {null};
        if (f.containsKey("values") == f.containsKey("range")) {
            throw fail(where + " (" + key + "): give either range: [low, high] or values: [...]");
        }
        List<?> given = list(f.containsKey("values") ? f.get("values") : f.get("range"), where
                + (f.containsKey("values") ? ".values" : ".range"));
        for (int j = 0; j < given.size(); j++) {
            vals.add(quantity(given.get(j), k, key, where + "." + (f.containsKey("values") ? "values" : "range")
                    + "[" + j + "]", unitHolder));
        }
        unit = unitHolder[0] == null ? "" : unitHolder[0];
        Factor factor;
        try {
            if (f.containsKey("values")) {
                factor = Factor.values(key, unit, vals);
            } else {
                if (vals.size() != 2) {
                    throw fail(where + ".range has " + vals.size() + " values; give [low, high]");
                }
                int steps = (int) number(f.getOrDefault("steps", 5), where + ".steps");
                if (steps < 2) {
                    throw fail(where + ".steps = " + steps + "; valid range 2 or more");
                }
                factor = Factor.range(key, unit, vals.get(0), vals.get(1), steps, scale);
            }
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
        factors.add(factor);
        keys.add(k);
    }

    /** A value of a factor in the factor's unit (the first value's unit), checked against the key's range. */
    private double quantity(Object o, Key k, String key, String where, String[] unitHolder) {
        if (k == null || k.kind() == Key.Kind.INTEGER) {
            double v = number(o, where);
            if (k != null && (v < k.minValue() || v > k.maxValue() || v != Math.rint(v))) {
                throw fail(where + ": " + key + " = " + o + "; valid range " + k.range() + " (whole numbers)");
            }
            return v;
        }
        String text = String.valueOf(o);
        double si;
        String unit;
        try {
            si = UnitParser.parse(text, k.dimension());
            unit = UnitParser.unit(text, k.dimension());
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + key + " = " + text + ": " + e.getMessage());
        }
        if (si < k.minValue() * (1 - 1e-12) || si > k.maxValue() * (1 + 1e-12)) {
            throw fail(where + ": " + key + " = " + text + " is out of range; valid range " + k.range());
        }
        if (unitHolder[0] == null) {
            unitHolder[0] = unit;
        }
        return k.dimension().fromSi(si, unitHolder[0]);
    }

    /** Parses the scenarios at the ends of every range (the others at their lows), so bad ranges fail now. */
    private void checkEnds() {
        double[] lows = new double[factors.size()];
        for (int i = 0; i < lows.length; i++) {
            lows[i] = factors.get(i).levels()[0];
        }
        for (int i = 0; i < factors.size(); i++) {
            for (double v : new double[] {factors.get(i).low(), factors.get(i).high()}) {
                double[] s = lows.clone();
                s[i] = v;
                try {
                    ScenarioParser.parse(scenarioYaml(s), file + " vary[" + i + "] (" + factors.get(i).key() + " = "
                            + value(i, v) + ")");
                } catch (IllegalArgumentException e) {
                    throw fail("vary[" + i + "]: " + e.getMessage());
                }
            }
        }
    }

    private Design design(Map<String, Object> d) {
        String type = String.valueOf(d.getOrDefault("type", "grid"));
        List<String> types = List.of("grid", "specified", "sobol", "morris", "saltelli", "root", "bobyqa", "cmaes");
        if (!types.contains(type)) {
            throw fail("design.type = " + type + "; valid: " + String.join(" | ", types));
        }
        List<double[]> runs = new ArrayList<>();
        if (type.equals("specified")) {
            List<?> rows = list(d.get("runs"), "design.runs");
            if (rows.isEmpty()) {
                throw fail("design.runs is empty; a specified design lists its runs, one value per key each");
            }
            for (int r = 0; r < rows.size(); r++) {
                List<?> row = list(rows.get(r), "design.runs[" + r + "]");
                if (row.size() != factors.size()) {
                    throw fail("design.runs[" + r + "] has " + row.size() + " values; give one per key in vary ("
                            + factors.size() + ")");
                }
                double[] v = new double[row.size()];
                for (int i = 0; i < v.length; i++) {
                    String[] u = {factors.get(i).unit().isEmpty() ? null : factors.get(i).unit()};
                    v[i] = quantity(row.get(i), keys.get(i), factors.get(i).key(), "design.runs[" + r + "][" + i
                            + "]", u);
                }
                runs.add(v);
            }
        }
        if ((type.equals("root") || type.equals("stop")) && factors.size() != 1) {
            throw fail("design root varies one key; found " + factors.size());
        }
        if ((type.equals("bobyqa")) && factors.size() < 2) {
            throw fail("design bobyqa needs 2 or more keys; use root or cmaes for one");
        }
        double tol = 0;
        if (d.containsKey("tolerance")) {
            String[] u = {factors.get(0).unit().isEmpty() ? null : factors.get(0).unit()};
            Key k0 = keys.get(0);
            tol = k0 == null || k0.kind() == Key.Kind.INTEGER ? number(d.get("tolerance"), "design.tolerance")
                    : k0.dimension().fromSi(UnitParser.parse(String.valueOf(d.get("tolerance")), k0.dimension()),
                            u[0]);
        } else {
            tol = (factors.get(0).high() - factors.get(0).low()) / 100;
        }
        return new Design(type, (int) number(d.getOrDefault("n", 64), "design.n"),
                (int) number(d.getOrDefault("r", 10), "design.r"),
                (int) number(d.getOrDefault("levels", 4), "design.levels"),
                (long) number(d.getOrDefault("seed", 1), "design.seed"), runs, tol,
                (int) number(d.getOrDefault("max_evaluations", type.equals("root") ? 12 : 100),
                        "design.max_evaluations"),
                (int) number(d.getOrDefault("bootstrap", 500), "design.bootstrap"));
    }

    private Map<String, Object> baseTree(Map<String, Object> root, Path dir) {
        if (root.containsKey("base") == root.containsKey("scenario")) {
            throw fail("give the base scenario as base: FILE or scenario: {inline mapping}, one of them");
        }
        Object tree;
        String where;
        if (root.containsKey("base")) {
            Path p = dir.resolve(String.valueOf(root.get("base")));
            where = p.toString();
            try {
                tree = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(p,
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw fail("base = " + root.get("base") + ": cannot read " + p);
            } catch (YamlEngineException e) {
                throw fail("base = " + root.get("base") + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
            }
            ScenarioParser.parse(p);
        } else {
            tree = root.get("scenario");
            where = file + " scenario";
        }
        if (tree == null) {
            return new LinkedHashMap<>();
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw fail(where + ": a scenario is a mapping");
        }
        Map<String, Object> m = cast(tree);
        ScenarioParser.parse(new Dump(DumpSettings.builder().build()).dumpToString(m), where);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> tree, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = tree;
        for (int p = 0; p < parts.length; p++) {
            boolean last = p == parts.length - 1;
            Matcher m = INDEXED.matcher(parts[p]);
            Map<String, Object> map = (Map<String, Object>) node;
            if (m.matches()) {
                Object l = map.get(m.group(1));
                List<Object> list;
                if (l instanceof List<?>) {
                    list = (List<Object>) l;
                } else {
                    list = new ArrayList<>();
                    map.put(m.group(1), list);
                }
                int idx = Integer.parseInt(m.group(2));
                while (list.size() <= idx) {
                    list.add(new LinkedHashMap<String, Object>());
                }
                node = list.get(idx);
            } else if (last) {
                if (parts.length >= 2 && parts[p - 1].equals("drive")) {
                    map.keySet().removeIf(k -> Set.of("energy_per_pin", "power", "voltage").contains(k));
                }
                map.put(parts[p], value);
            } else {
                Object next = map.get(parts[p]);
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    map.put(parts[p], next);
                }
                node = next;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map<?, ?>)) {
            throw fail(where + " must be a mapping (key: value); found " + o);
        }
        return cast(o);
    }

    private List<?> list(Object o, String where) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw fail(where + " must be a list [..]; found " + o);
        }
        return l;
    }

    private String string(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            throw fail(where + "." + key + " is missing");
        }
        return String.valueOf(v);
    }

    private double number(Object o, String where) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            throw fail(where + " = " + o + " is not a number");
        }
    }

    private ScenarioException fail(String message) {
        return new ScenarioException(file + ": " + message);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d factors, design %s", name, factors.size(),
                Objects.toString(design.type()));
    }
}
