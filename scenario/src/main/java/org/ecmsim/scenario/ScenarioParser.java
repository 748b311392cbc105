package org.ecmsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.simulation.site.DomainDepth;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.scenario.UnitParser.UnitException;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.units.Units;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a scenario file (YAML 1.2) into a {@link Scenario}, checking every value before anything runs. Missing keys
 * take their defaults ({@link ScenarioKeys}); the first problem found ends the reading with a
 * {@link ScenarioException} whose message gives the file, line and column, the key, the value and what would be
 * valid.
 */
public final class ScenarioParser {

    /** More thermal cells than this is refused: memory and hours of run time. */
    public static final long MAX_THERMAL_CELLS = 4_000_000;

    /** Scenario files are at most this long (bytes; characters for text given directly): 1 MiB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** Mappings and lists nest at most this deep (the schema needs 4). */
    public static final int MAX_NESTING = 32;

    /** A single value or key is at most this many characters. */
    public static final int MAX_VALUE_CHARS = 1000;

    private static final List<Double> DEFAULT_SNAPSHOT_DAYS = List.of(7.0, 28.0, 84.0);

    private final String file;
    /** Where each value was read, by its display path, for checks that involve several keys. */
    private final Map<String, Node> locations = new LinkedHashMap<>();
    private Node root;
    private boolean defaultSnapshots;
    /** Questionable but valid settings, one line each. */
    private final List<String> warnings = new ArrayList<>();

    private ScenarioParser(String file) {
        this.file = file;
    }

    /**
     * Reads a scenario file: a regular file of at most {@value #MAX_FILE_BYTES} bytes of UTF-8 text.
     *
     * @param path a scenario file
     * @return the scenario, with the warnings found in {@link Scenario#warnings()}
     * @throws ScenarioException if the file cannot be read or is not a valid scenario
     */
    public static Scenario parse(Path path) {
        return parse(text(path), UnitParser.show(path.toString(), 4096));
    }

    private static String text(Path path) {
        String name = UnitParser.show(path.toString(), 4096);
        if (Files.isDirectory(path)) {
            throw new ScenarioException(name + ": is a folder, not a scenario file");
        }
        if (!Files.exists(path)) {
            throw new ScenarioException(name + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(name + ": not a regular file (a device, pipe or socket); give a scenario"
                    + " file (YAML text)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(name + ": permission denied");
        } catch (IOException e) {
            throw new ScenarioException(name + ": cannot read it" + reason(e));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException(name + ": larger than " + MAX_FILE_BYTES / 1024 + " KiB; a scenario file is a"
                    + " few kilobytes of YAML text");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int at = 0;
            try {
                CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT);
                ByteBuffer in = ByteBuffer.wrap(bytes);
                CharBuffer out = CharBuffer.allocate(bytes.length + 1);
                probe.decode(in, out, true);
                at = in.position();
            } catch (RuntimeException ignored) {
                at = 0;
            }
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ScenarioException(name + ":" + line + ": not UTF-8 text (invalid byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[at] & 0xff) + " at byte " + (at + 1)
                    + "); save the scenario as UTF-8");
        }
    }

    /** @return " (reason)" for an I/O error, without Java class names */
    private static String reason(IOException e) {
        String r = e instanceof FileSystemException f ? f.getReason() : null;
        if (r == null || r.isBlank()) {
            return "";
        }
        return " (" + UnitParser.show(r.strip().toLowerCase(Locale.ROOT)) + ")";
    }

    /**
     * @param text the YAML text
     * @param fileName the name used in messages
     * @return the scenario
     * @throws ScenarioException if the text is not a valid scenario
     */
    public static Scenario parse(String text, String fileName) {
        return new ScenarioParser(fileName).read(text);
    }

    private Scenario read(String text) {
        if (text.length() > MAX_FILE_BYTES) {
            throw new ScenarioException(file + ": larger than " + MAX_FILE_BYTES / 1024 + " KiB; a scenario file is"
                    + " a few kilobytes of YAML text");
        }
        Optional<Node> doc;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file).setCodePointLimit(MAX_FILE_BYTES + 1)
                    .setMaxAliasesForCollections(20).setAllowRecursiveKeys(false).build();
            checkShape(settings, text);
            doc = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String where = m == null ? file : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new ScenarioException(where + ": not valid YAML: " + oneLine(problem)
                    + (e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")"));
        } catch (YamlEngineException e) {
            throw new ScenarioException(file + ": not valid YAML: " + oneLine(e.getMessage()));
        }
        root = doc.orElse(null);
        if (root == null || isNull(root)) {
            warnings.add(file + ": the file has no settings (empty, or only comments): running the built-in default"
                    + " scenario");
        }
        Section top = new Section("", "", root, root);
        Scenario.Tip tip = tipSection(top);
        Scenario s = new Scenario(skin(top), tip, treatment(top, tip.needleDepth()), numerics(top), output(top),
                safety(top), outcomes(top), clinical(top), List.of(), biology(top));
        s = crossCheck(s);
        warnAbout(s);
        return s.withWarnings(warnings);
    }

    /**
     * Walks the YAML events (without recursion) and refuses nesting deeper than {@value #MAX_NESTING} and values
     * longer than {@value #MAX_VALUE_CHARS} characters before the document is composed, so that neither can exhaust
     * the stack or flood a message.
     */
    private void checkShape(LoadSettings settings, String text) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    depth++;
                    if (depth > MAX_NESTING) {
                        throw fail(e.getStartMark(), "lists and mappings are nested more than " + MAX_NESTING
                                + " levels deep here; a scenario needs at most 4");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Scalar -> {
                    String v = ((ScalarEvent) e).getValue();
                    if (v.length() > MAX_VALUE_CHARS) {
                        throw fail(e.getStartMark(), "a value of " + v.length() + " characters ('"
                                + UnitParser.show(v) + "'); values are at most " + MAX_VALUE_CHARS + " characters");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * The {@code biology} section: group → parameter → a plain number in SI units ({@link BiologyKeys}); each value
     * is checked by its group's constructor, and a refusal names the key, the value and the group's message.
     */
    private Map<String, Double> biology(Section top) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!top.has("biology")) {
            return out;
        }
        Node node = top.entries.get("biology").getValueNode();
        if (isNull(node)) {
            return out;
        }
        List<String> all = BiologyKeys.all();
        Set<String> groups = new LinkedHashSet<>();
        all.forEach(k -> groups.add(k.split("\\.")[1]));
        if (!(node instanceof MappingNode map)) {
            throw fail(node, "biology must be a mapping of groups (" + String.join(", ", groups) + "); found "
                    + describe(node));
        }
        for (NodeTuple g : map.getValue()) {
            String group = g.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!groups.contains(group)) {
                throw fail(g.getKeyNode(), "unknown key '" + UnitParser.show(group) + "' in biology"
                        + suggestion(group, groups) + "; the groups here are " + String.join(", ", groups));
            }
            if (!(g.getValueNode() instanceof MappingNode params)) {
                throw fail(g.getValueNode(), "biology." + group + " must be a mapping of parameters to numbers in SI"
                        + " units; found " + describe(g.getValueNode()));
            }
            Set<String> names = new LinkedHashSet<>();
            all.stream().filter(k -> k.startsWith(BiologyKeys.PREFIX + group + ".")).forEach(k -> names.add(
                    k.substring(BiologyKeys.PREFIX.length() + group.length() + 1)));
            for (NodeTuple t : params.getValue()) {
                String name = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                String key = "biology." + group + "." + name;
                if (!names.contains(name)) {
                    throw fail(t.getKeyNode(), "unknown key '" + UnitParser.show(name) + "' in biology." + group
                            + suggestion(name, names) + "; the keys here are " + String.join(", ", names));
                }
                Node v = t.getValueNode();
                double value;
                try {
                    value = Double.parseDouble(((ScalarNode) v).getValue().strip());
                } catch (ClassCastException | NumberFormatException e) {
                    throw fail(v, key + " = " + describe(v) + " is not a number; biology values are plain numbers in"
                            + " SI units (s, 1/s or none), e.g. " + key + ": "
                            + BiologyKeys.get(org.ecmsim.biology.BiologyParameters.defaults(), key) + " (the default)");
                }
                if (out.put(group + "." + name, value) != null) {
                    throw fail(t.getKeyNode(), key + " is given twice");
                }
                try {
                    BiologyKeys.apply(Map.of(key, value));
                } catch (IllegalArgumentException e) {
                    throw fail(v, e.getMessage());
                }
            }
        }
        return out;
    }

    private Scenario.Skin skin(Section top) {
        Section s = top.section("skin");
        return new Scenario.Skin(s.quantity(ScenarioKeys.AGE), s.bool(ScenarioKeys.AGED_LAYERS));
    }

    private Scenario.Tip tipSection(Section top) {
        Section t = top.section("tip");
        int rows = t.integer(ScenarioKeys.ROWS);
        int columns = t.integer(ScenarioKeys.COLUMNS);
        double pitch = t.quantity(ScenarioKeys.PITCH);
        String pattern = t.choice(ScenarioKeys.PATTERN);
        Section n = t.section("needle");
        return new Scenario.Tip(rows, columns, pitch, ElectrodeArray.Pattern.valueOf(pattern.toUpperCase(Locale.ROOT)),
                n.quantity(ScenarioKeys.DIAMETER), n.quantity(ScenarioKeys.NEEDLE_DEPTH),
                n.quantity(ScenarioKeys.EXPOSED));
    }

    /** @param needleDepth the depth a pass without its own {@code depth} inserts the needles to (m) */
    private Scenario.Treatment treatment(Section top, double needleDepth) {
        Section t = top.section("treatment");
        int sessions = t.integer(ScenarioKeys.SESSIONS);
        double interval = t.quantity(ScenarioKeys.INTERVAL);
        List<RfPass> passes = new ArrayList<>();
        NodeTuple list = t.entries.get("passes");
        if (list == null || isNull(list.getValueNode())) {
            passes.add(pass(new Section("treatment.passes[0]", "treatment.passes[]", null, t.node), needleDepth));
        } else if (list.getValueNode() instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw fail(seq, "treatment.passes is empty; give at least one pass (a list of mappings with depth,"
                        + " drive, conduction, pulses, pulse_interval, cooling)");
            }
            for (int p = 0; p < seq.getValue().size(); p++) {
                Node item = seq.getValue().get(p);
                passes.add(pass(new Section("treatment.passes[" + p + "]", "treatment.passes[]", item, item),
                        needleDepth));
            }
        } else {
            throw fail(list.getValueNode(), "treatment.passes must be a list of passes, each a mapping starting"
                    + " with '- depth: ...'; found " + describe(list.getValueNode()));
        }
        return new Scenario.Treatment(sessions, interval, passes, t.quantity(ScenarioKeys.FOLLOW_UP),
                t.choice(ScenarioKeys.PLACEMENT), t.integer(ScenarioKeys.PLACEMENT_SEED));
    }

    private RfPass pass(Section p, double needleDepth) {
        double depth = p.has(ScenarioKeys.PASS_DEPTH.name()) ? p.quantity(ScenarioKeys.PASS_DEPTH) : needleDepth;
        Drive drive = drive(p);
        double conduction = p.quantity(ScenarioKeys.CONDUCTION);
        int pulses = p.integer(ScenarioKeys.PULSES);
        double gap = p.quantity(ScenarioKeys.PULSE_INTERVAL);
        double cooling = p.quantity(ScenarioKeys.COOLING);
        if (pulses > 1 && gap == 0) {
            throw fail(p.where(ScenarioKeys.PULSE_INTERVAL), p.path + ": a train of " + pulses + " pulses needs an"
                    + " off time between them; pulse_interval = 0 ms (valid range "
                    + ScenarioKeys.PULSE_INTERVAL.range() + ", > 0 when pulses > 1), or use one longer pulse");
        }
        return new RfPass(depth, drive, conduction, pulses, gap, cooling);
    }

    private Drive drive(Section pass) {
        Section d = pass.section("drive");
        List<String> given = new ArrayList<>();
        for (Key k : List.of(ScenarioKeys.ENERGY_PER_PIN, ScenarioKeys.POWER, ScenarioKeys.VOLTAGE)) {
            if (d.has(k.name())) {
                given.add(k.name());
            }
        }
        if (given.size() > 1) {
            throw fail(d.node, d.path + ": give exactly one of energy_per_pin, power or voltage; found "
                    + String.join(" and ", given));
        }
        if (given.isEmpty() && d.node != null && !isNull(d.node)) {
            throw fail(d.node, d.path + ": give one of energy_per_pin (" + ScenarioKeys.ENERGY_PER_PIN.range()
                    + "), power (" + ScenarioKeys.POWER.range() + ") or voltage (" + ScenarioKeys.VOLTAGE.range()
                    + ")");
        }
        if (given.isEmpty() && pass.has("drive")) {
            warnings.add(where(d.node) + ": " + d.path + " is empty: using the default energy_per_pin "
                    + ScenarioKeys.ENERGY_PER_PIN.defaultText() + "; give one of energy_per_pin, power or voltage");
        }
        String which = given.isEmpty() ? "energy_per_pin" : given.get(0);
        return switch (which) {
            case "power" -> new Drive.ConstantPower(d.quantity(ScenarioKeys.POWER));
            case "voltage" -> new Drive.ConstantVoltage(d.quantity(ScenarioKeys.VOLTAGE));
            default -> new Drive.EnergyPerPin(d.quantity(ScenarioKeys.ENERGY_PER_PIN));
        };
    }

    private Scenario.Numerics numerics(Section top) {
        Section n = top.section("numerics");
        return new Scenario.Numerics(n.quantity(ScenarioKeys.CELL_SIZE), n.quantity(ScenarioKeys.BIOLOGY_STEP),
                n.integer(ScenarioKeys.THREADS),
                Scenario.Domain.valueOf(n.choice(ScenarioKeys.DOMAIN).toUpperCase(Locale.ROOT)),
                n.bool(ScenarioKeys.TRUE_NEEDLE_SURFACE), n.integer(ScenarioKeys.BIOLOGY_COARSENING));
    }

    private Scenario.Output output(Section top) {
        Section o = top.section("output");
        double sample = o.quantity(ScenarioKeys.SAMPLE_EVERY);
        List<Double> snapshots = o.has(ScenarioKeys.SNAPSHOT_DAYS.name()) ? o.quantities(ScenarioKeys.SNAPSHOT_DAYS)
                : null;
        defaultSnapshots = snapshots == null;
        return new Scenario.Output(sample, snapshots == null ? List.of() : snapshots, o.bool(ScenarioKeys.VTI),
                Scenario.VtiEncoding.valueOf(o.choice(ScenarioKeys.VTI_ENCODING).toUpperCase(Locale.ROOT)));
    }

    private Scenario.Outcomes outcomes(Section top) {
        Section o = top.section("outcomes");
        double t = o.quantity(ScenarioKeys.BIOPSY_TOP);
        double b = o.quantity(ScenarioKeys.BIOPSY_BOTTOM);
        if (b <= t) {
            throw fail(at("outcomes.biopsy_bottom", "outcomes"), "outcomes.biopsy_bottom = "
                    + UnitParser.format(Units.toMm(b)) + " mm is not below outcomes.biopsy_top = "
                    + UnitParser.format(Units.toMm(t)) + " mm; the biopsy window must have a positive depth");
        }
        return new Scenario.Outcomes(o.quantity(ScenarioKeys.RIM_WIDTH), t, b, o.quantity(ScenarioKeys.STAIN_SPREAD));
    }

    private Scenario.Clinical clinical(Section top) {
        Section c = top.section("clinical");
        return new Scenario.Clinical(c.choice(ScenarioKeys.SHRINKAGE), c.quantity(ScenarioKeys.LOCKED_FRACTION),
                c.quantity(ScenarioKeys.MYOFIBROBLAST_STRAIN), c.quantity(ScenarioKeys.REEPITHELIALISATION_TIME),
                c.quantity(ScenarioKeys.ERYTHEMA_TIME), c.quantity(ScenarioKeys.ERYTHEMA_TOLERANCE),
                c.quantity(ScenarioKeys.HA_BOUND_WATER), c.quantity(ScenarioKeys.OEDEMA_FRACTION),
                c.quantity(ScenarioKeys.OEDEMA_TIME));
    }

    private Scenario.Safety safety(Section top) {
        Section s = top.section("safety");
        return new Scenario.Safety(s.quantity(ScenarioKeys.EPIDERMIS_LIMIT), s.quantity(ScenarioKeys.FAT_LIMIT));
    }

    /**
     * The checks that involve several keys, run once every key has been read on its own; also fills in the default
     * snapshot days.
     */
    private Scenario crossCheck(Scenario s) {
        Scenario.Tip tip = s.tip();
        if (tip.exposed() > tip.needleDepth() * (1 + 1e-12)) {
            throw fail(at("tip.needle.exposed", "tip.needle.depth", "tip.needle", "tip"), "tip.needle.exposed = "
                    + mm(tip.exposed()) + " is longer than the needle depth " + mm(tip.needleDepth())
                    + "; valid range " + ScenarioKeys.EXPOSED.min() + " – the depth");
        }
        if (tip.pitch() <= tip.needleDiameter()) {
            throw fail(at("tip.needle.diameter", "tip.pitch", "tip"), "tip.needle.diameter = "
                    + mm(tip.needleDiameter()) + " is not less than tip.pitch = " + mm(tip.pitch())
                    + ": the needles would overlap");
        }
        try {
            tip.toArray();
        } catch (IllegalArgumentException e) {
            throw fail(at("tip.pattern", "tip.rows", "tip"), "tip: "
                    + e.getMessage().replace("Pattern.MONOPOLAR", "pattern: monopolar"));
        }
        double cell = s.numerics().cellSize();
        if (!UnitCell.fitsWholeCells(tip.pitch(), cell)) {
            throw fail(at("numerics.cell_size", "tip.pitch", "numerics", "tip"), "numerics.cell_size = "
                    + um(cell) + " does not divide tip.pitch = " + mm(tip.pitch()) + " into a whole number (>= 3)"
                    + " of cells" + suggestCells(tip.pitch()) + "; valid range " + ScenarioKeys.CELL_SIZE.range());
        }
        int coarsening = s.numerics().biologyCoarsening();
        long across = Math.round(tip.pitch() / cell);
        if (across % coarsening != 0) {
            throw fail(at("numerics.biology_coarsening", "numerics"), "numerics.biology_coarsening = " + coarsening
                    + " does not divide the " + across + " cells across tip.pitch = " + mm(tip.pitch()) + " (cell_size "
                    + um(cell) + "); use a divisor of " + across + " in the valid range "
                    + ScenarioKeys.BIOLOGY_COARSENING.range());
        }
        double deepest = tip.needleDepth();
        for (RfPass p : s.treatment().passes()) {
            deepest = Math.max(deepest, p.needleDepth());
        }
        // The grid the run will use, from the same geometry class the simulation builds its site with.
        Grid3D grid = SiteGeometry.thermalGrid(tip.toArray(), cell, SiteGeometry.domainDepth(DomainDepth.DEFAULT,
                deepest, cell, coarsening));
        long cells = grid.cellCount();
        if (cells > MAX_THERMAL_CELLS) {
            throw fail(at("numerics.cell_size", "numerics"), String.format(Locale.ROOT, "numerics.cell_size = %s"
                    + " gives %d x %d x %d = %d thermal cells, more than %d; use a coarser cell", um(cell), grid.nx(),
                    grid.ny(), grid.nz(), cells, MAX_THERMAL_CELLS));
        }
        Scenario.Treatment t = s.treatment();
        if (t.lastSessionDay() > t.followUpDays() + 1e-9) {
            throw fail(at("treatment.follow_up", "treatment"), "treatment.follow_up = "
                    + UnitParser.format(t.followUpDays()) + " d comes before the last session (day "
                    + UnitParser.format(t.lastSessionDay()) + " = (sessions - 1) x interval); make it at least that");
        }
        List<Double> snapshots = new ArrayList<>();
        if (defaultSnapshots) {
            TreeSet<Double> days = new TreeSet<>();
            for (double d : DEFAULT_SNAPSHOT_DAYS) {
                if (d <= t.followUpDays()) {
                    days.add(d * Units.DAY);
                }
            }
            days.add(t.followUp());
            snapshots.addAll(days);
        } else {
            TreeSet<Double> days = new TreeSet<>();
            List<Double> given = s.output().snapshotDays();
            for (int k = 0; k < given.size(); k++) {
                if (given.get(k) > t.followUp() * (1 + 1e-12)) {
                    throw fail(at("output.snapshot_days[" + k + "]", "output.snapshot_days", "output"),
                            "output.snapshot_days[" + k + "] = " + UnitParser.format(given.get(k) / Units.DAY)
                            + " d is after treatment.follow_up = " + UnitParser.format(t.followUpDays())
                            + " d; valid range 0 d – follow_up");
                }
                days.add(given.get(k));
            }
            snapshots.addAll(days);
        }
        return s.withOutput(new Scenario.Output(s.output().sampleEvery(), snapshots, s.output().vti(),
                s.output().vtiEncoding()));
    }

    /**
     * The warnings for valid but questionable settings: a tip without an interior needle, an exposed tip reaching into
     * the epidermis or papillary dermis, a layer thinner than one cell.
     */
    private void warnAbout(Scenario s) {
        Scenario.Tip tip = s.tip();
        if (tip.rows() < 3 || tip.columns() < 3) {
            warnings.add(where(at("tip.rows", "tip.columns", "tip")) + ": a " + tip.rows() + " x " + tip.columns()
                    + " tip has no interior needle; the simulated unit cell stands for an interior needle (needles on"
                    + " all four sides), so the results describe the middle of a larger tip and this tip's edge"
                    + " needles are not simulated");
        }
        LayeredSkin skin = s.skin().agedLayers() ? SiteGeometry.agedSkin(LayeredSkin.facialSkin(), s.skin().ageYears())
                : LayeredSkin.facialSkin();
        int reticular = skin.indexOf(LayerRole.RETICULAR_DERMIS);
        double safeTop = skin.depthOfTop(reticular);
        List<RfPass> passes = s.treatment().passes();
        for (int p = 0; p < passes.size(); p++) {
            double depth = passes.get(p).needleDepth();
            double top = depth - tip.exposed();
            if (top < safeTop - 1e-12) {
                LayerRole reached = skin.layers().get(skin.layerAt(Math.max(0, top))).role();
                String path = "treatment.passes[" + p + "]";
                warnings.add(where(at(path + ".depth", "tip.needle.exposed", "tip.needle.depth", path))
                        + ": at the pass depth " + mm(depth) + " the exposed " + mm(tip.exposed()) + " of the needle"
                        + (top < 0 ? " sticks out of the skin and" : "") + " reaches into the " + reached.label()
                        + " (above " + mm(safeTop) + "), which the RF then heats directly; pass at least "
                        + mm(tip.exposed() + safeTop) + " deep or use a shorter exposed tip");
            }
        }
        double h = s.numerics().cellSize();
        for (int l = 0; l < skin.layerCount() - 1; l++) {
            double from = skin.depthOfTop(l);
            double thickness = skin.layers().get(l).thickness();
            // cells take the layer of their centre depth (k + 1/2) h
            long cells = (long) Math.ceil((from + thickness) / h - 0.5 - 1e-9) - (long) Math.ceil(from / h - 0.5 - 1e-9);
            if (thickness < h * (1 - 1e-9)) {
                warnings.add(where(at("numerics.cell_size", "numerics")) + ": the " + skin.layers().get(l).role().label()
                        + " (" + um(thickness) + (s.skin().agedLayers() ? ", thinned for the age" : "")
                        + ") is thinner than one cell (numerics.cell_size = " + um(h) + ") and not resolved: "
                        + (cells <= 0 ? "no cell centre falls in it, so it has no cells and no peak temperature or"
                            + " margin is reported for it"
                            : "a whole cell layer stands for it, so its temperatures are coarse")
                        + "; use a cell of at most " + um(thickness));
            }
        }
    }

    private String where(Node node) {
        Optional<Mark> m = node == null ? Optional.empty() : node.getStartMark();
        return m.map(x -> file + ":" + (x.getLine() + 1) + ":" + (x.getColumn() + 1)).orElse(file);
    }

    private static String suggestCells(double pitch) {
        List<String> ok = new ArrayList<>();
        for (int um : new int[] {25, 40, 50, 100, 125, 200, 250}) {
            if (UnitCell.fitsWholeCells(pitch, Units.um(um))) {
                ok.add(um + " um");
            }
        }
        return ok.isEmpty() ? "" : " (e.g. " + String.join(", ", ok) + ")";
    }

    private static String mm(double metres) {
        return UnitParser.format(Units.toMm(metres)) + " mm";
    }

    private static String um(double metres) {
        return UnitParser.format(Units.toUm(metres)) + " um";
    }

    /** @return the node of the first of these paths that was read from the file, else the document */
    private Node at(String... paths) {
        for (String p : paths) {
            Node n = locations.get(p);
            if (n != null) {
                return n;
            }
        }
        return root;
    }

    private ScenarioException fail(Node node, String message) {
        return fail(node == null ? Optional.empty() : node.getStartMark(), message);
    }

    private ScenarioException fail(Optional<Mark> m, String message) {
        String where = m.map(x -> file + ":" + (x.getLine() + 1) + ":" + (x.getColumn() + 1)).orElse(file + ":1:1");
        return new ScenarioException(where + ": " + oneLine(message));
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty()
                || s.getValue().equals("~") || s.getValue().equals("null"));
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return "'" + UnitParser.show(s.getValue()) + "'";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }

    /** One mapping of the file and the keys the schema allows in it. */
    private final class Section {
        private final String path;
        private final String schemaPath;
        private final Node node;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Section(String path, String schemaPath, Node node, Node markIfAbsent) {
            this.path = path;
            this.schemaPath = schemaPath;
            this.node = node == null ? null : node;
            if (node == null || isNull(node)) {
                return;
            }
            if (!(node instanceof MappingNode map)) {
                throw fail(node, (path.isEmpty() ? "the scenario" : path) + " must be a mapping of keys ("
                        + String.join(", ", allowed()) + "); found " + describe(node));
            }
            Set<String> allowed = allowed();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw fail(t.getKeyNode(), "keys must be plain words; found " + describe(t.getKeyNode()));
                }
                String key = k.getValue();
                if (!allowed.contains(key)) {
                    String where = path.isEmpty() ? "at the top level" : "in " + path;
                    throw fail(k, "unknown key '" + UnitParser.show(key) + "' " + where + suggestion(key, allowed) + "; the keys"
                            + " here are " + String.join(", ", allowed));
                }
                NodeTuple before = entries.put(key, t);
                if (before != null) {
                    throw fail(k, (path.isEmpty() ? "" : path + ".") + key + " is given twice (first on line "
                            + (before.getKeyNode().getStartMark().map(Mark::getLine).orElse(-1) + 1) + ")");
                }
            }
        }

        private Set<String> allowed() {
            Set<String> keys = new LinkedHashSet<>();
            switch (schemaPath) {
                case "" -> keys.addAll(List.of("skin", "tip", "treatment", "numerics", "output", "safety", "outcomes",
                        "clinical", "biology"));
                case "tip" -> keys.add("needle");
                case "treatment" -> keys.add("passes");
                case "treatment.passes[]" -> keys.add("drive");
                default -> {
                }
            }
            for (Key k : ScenarioKeys.all()) {
                if (k.section().equals(schemaPath)) {
                    keys.add(k.name());
                }
            }
            if (schemaPath.equals("treatment")) {
                // file order: sessions, interval, passes, follow_up
                keys.remove("passes");
                Set<String> ordered = new LinkedHashSet<>();
                for (String k : keys) {
                    ordered.add(k);
                    if (k.equals("interval")) {
                        ordered.add("passes");
                    }
                }
                return ordered;
            }
            return keys;
        }

        boolean has(String key) {
            NodeTuple t = entries.get(key);
            return t != null;
        }

        Section section(String key) {
            NodeTuple t = entries.get(key);
            String p = path.isEmpty() ? key : path + "." + key;
            String sp = schemaPath.isEmpty() ? key : schemaPath + "." + key;
            if (t == null) {
                return new Section(p, sp, null, node);
            }
            locations.put(p, t.getValueNode());
            return new Section(p, sp, t.getValueNode(), t.getKeyNode());
        }

        Node where(Key key) {
            NodeTuple t = entries.get(key.name());
            return t == null ? node : t.getValueNode();
        }

        private String keyPath(Key key) {
            return path.isEmpty() ? key.name() : path + "." + key.name();
        }

        /** @return the scalar text, or null if the key is absent (the default applies) */
        private String scalar(Key key) {
            NodeTuple t = entries.get(key.name());
            if (t == null) {
                return null;
            }
            Node v = t.getValueNode();
            locations.put(keyPath(key), v);
            if (!(v instanceof ScalarNode s) || isNull(v)) {
                throw fail(isNull(v) ? t.getKeyNode() : v, keyPath(key) + " has " + (isNull(v) ? "no value"
                        : describe(v) + " as its value") + "; give " + expected(key));
            }
            return s.getValue();
        }

        double quantity(Key key) {
            String text = scalar(key);
            if (text == null) {
                return UnitParser.parse(key.defaultText(), key.dimension());
            }
            return checkedQuantity(key, text, entries.get(key.name()).getValueNode(), keyPath(key));
        }

        private double checkedQuantity(Key key, String text, Node at, String shown) {
            double v;
            try {
                v = UnitParser.parse(text, key.dimension());
            } catch (UnitException e) {
                throw fail(at, shown + ": " + e.getMessage() + " (valid range " + key.range() + ")");
            }
            double min = key.minValue();
            double max = key.maxValue();
            if (!(v >= min - 1e-12 * Math.abs(min) && v <= max + 1e-12 * Math.abs(max))) {
                throw fail(at, shown + " = " + UnitParser.show(text.strip()) + " is out of range; valid range "
                        + key.range());
            }
            return v;
        }

        List<Double> quantities(Key key) {
            NodeTuple t = entries.get(key.name());
            Node v = t.getValueNode();
            locations.put(keyPath(key), v);
            List<Node> items;
            if (v instanceof SequenceNode seq) {
                items = seq.getValue();
            } else if (v instanceof ScalarNode && !isNull(v)) {
                items = List.of(v);
            } else if (isNull(v)) {
                items = List.of();
            } else {
                throw fail(v, keyPath(key) + " must be a list like [7 d, 28 d]; found " + describe(v));
            }
            List<Double> out = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                Node item = items.get(k);
                String shown = keyPath(key) + "[" + k + "]";
                locations.put(shown, item);
                if (!(item instanceof ScalarNode s)) {
                    throw fail(item, shown + " must be " + key.dimension().description() + " like '7 d'; found "
                            + describe(item));
                }
                out.add(checkedQuantity(key, s.getValue(), item, shown));
            }
            return out;
        }

        int integer(Key key) {
            String text = scalar(key);
            if (text == null) {
                return Integer.parseInt(key.defaultText());
            }
            Node at = entries.get(key.name()).getValueNode();
            int v;
            try {
                v = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                String why = text.strip().matches("[-+]?[0-9]+") ? " is out of range" : " is not a whole number";
                throw fail(at, keyPath(key) + " = " + UnitParser.show(text.strip()) + why + "; valid range "
                        + key.range());
            }
            if (v < key.minValue() || v > key.maxValue()) {
                throw fail(at, keyPath(key) + " = " + v + " is out of range; valid range " + key.range());
            }
            return v;
        }

        boolean bool(Key key) {
            String text = scalar(key);
            if (text == null) {
                return Boolean.parseBoolean(key.defaultText());
            }
            String t = text.strip();
            if (!t.equals("true") && !t.equals("false")) {
                throw fail(entries.get(key.name()).getValueNode(), keyPath(key) + " = " + UnitParser.show(t)
                        + " is not a boolean;"
                        + " write true or false");
            }
            return t.equals("true");
        }

        String choice(Key key) {
            String text = scalar(key);
            if (text == null) {
                return key.defaultText();
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!key.choices().contains(t)) {
                throw fail(entries.get(key.name()).getValueNode(), keyPath(key) + " = "
                        + UnitParser.show(text.strip()) + " is not one of " + key.range() + suggestion(t, key.choices()));
            }
            return t;
        }

        private String expected(Key key) {
            return switch (key.kind()) {
                case QUANTITY -> key.dimension().description() + " like '" + key.defaultText() + "' ("
                        + key.units() + "), valid range " + key.range();
                case QUANTITY_LIST -> "a list like " + key.defaultText() + ", valid range " + key.range();
                case INTEGER -> "a whole number, valid range " + key.range();
                case BOOLEAN -> "true or false";
                case CHOICE -> "one of " + key.range();
            };
        }
    }

    private static String suggestion(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
