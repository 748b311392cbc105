package org.ecmsim.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.scenario.ScenarioTemplate;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.site.TreatmentSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz test of scenario reading: a few hundred files mutated from the default scenario (wrong types, units,
 * ranges, structure, encodings, nesting, size) must each end in a one-line refusal ({@link ScenarioException}), a
 * scenario with warnings, or a valid scenario, never in another exception; a sample of the valid ones must also start
 * a run (the simulation, its protocol and its site are built, without the thermal phase).
 */
class ScenarioFuzzTest {

    /** Cases per run; the seed is fixed so that a failure can be replayed, and printed with every failing case. */
    private static final int CASES = 400;
    private static final long SEED = 20261127L;
    /** Valid scenarios whose run start is checked, at most. */
    private static final int RUN_STARTS = 8;

    private static final String[] VALUES = {
        "", "abc", "-1", "0", "1", "7", "1.5", "1e400", "-1e400", "99999999999999999999", "1.5 mm", "0.05 mm",
        "250 um", "30 mJ", "100 ms", "2 s", "37 C", "316.15 K", "300 K", "true", "false", "yes", "[1, 2]",
        "[7 d, 28 d]", "{a: 1}", "{}", "[]", "1\u00a0mm", "1 mm\u200b", "\u200b", "~", "null", "!!binary AAAA",
        "&a 1", "*a", "'1 mm'", "\"1\\u0000 mm\"", "1 mm mm", "NaN mm", ".inf mm", "0x10", "1,5 mm", "+2 mm",
        "-0 mm", "1.5mm", "1.5 MM", "1.5 µm", "3 d", "28 d", "0 d", "730 d", "1 y", "50 y", "200 y", "20 W", "40 V",
        "checkerboard", "monopolar", "binary", "ascii", "compressed", "base64", "\"\"", "'", "\"", ":", "- 1",
        "| \n  text", "> \n  folded",
    };
    private static final String[] UNITS = {"mm", "um", "µm", "m", "ms", "s", "min", "h", "d", "W", "mJ", "J", "V", "C",
        "°C", "K", "y", "", "%", "mm2"};

    @TempDir
    Path tmp;

    private enum Result { REFUSED, WARNED, VALID }

    @Test
    void everyMutatedScenarioIsRefusedInOneLineOrReadOrWarned() throws IOException {
        String template = ScenarioTemplate.text();
        SplittableRandom rnd = new SplittableRandom(SEED);
        int[] counts = new int[Result.values().length];
        List<String> failures = new ArrayList<>();
        List<Scenario> valid = new ArrayList<>();
        long start = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int c = 0; c < CASES; c++) {
            StringBuilder what = new StringBuilder();
            byte[] file = mutate(template, rnd, what);
            Path path = tmp.resolve("case" + c + ".yaml");
            Files.write(path, file);
            try {
                Scenario s = ScenarioParser.parse(path);
                counts[(s.warnings().isEmpty() ? Result.VALID : Result.WARNED).ordinal()]++;
                for (String w : s.warnings()) {
                    if (!oneLine(w)) {
                        failures.add("case " + c + " (" + what + "): warning not one short line: " + cut(w));
                    }
                }
                valid.add(s);
            } catch (ScenarioException e) {
                counts[Result.REFUSED.ordinal()]++;
                if (!oneLine(e.getMessage()) || e.getMessage().contains("Exception") || e.getMessage().contains("java.")) {
                    failures.add("case " + c + " (" + what + "): message not one plain short line: " + cut(e.getMessage()));
                }
            } catch (Throwable e) {
                failures.add("case " + c + " (" + what + "): " + e);
            }

        }
        double parseSeconds = (System.nanoTime() - start) * 1e-9;
        int started = 0;
        for (int k = 0; k < valid.size() && started < RUN_STARTS; k += Math.max(1, valid.size() / RUN_STARTS)) {
            Scenario s = valid.get(k);
            try {
                startRun(s);
                started++;
            } catch (RuntimeException e) {
                failures.add("valid scenario " + k + " does not start: " + e);
            }
        }
        System.out.printf(Locale.ROOT, "ScenarioFuzzTest (seed %d): %d cases: %d refused, %d warned, %d valid; %d run"
                + " starts checked; %.1f s (reading %.1f s; CPU %.1f s)%n", SEED, CASES, counts[0], counts[1], counts[2],
                started, (System.nanoTime() - start) * 1e-9, parseSeconds,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) * 1e-9);
        assertThat(failures).isEmpty();
        // The mutator must reach all three outcomes, or it tests too little.
        assertThat(Arrays.stream(counts).min().getAsInt()).as("fewest of one outcome").isPositive();
        assertThat(started).isPositive();
    }

    /** Builds what a run builds before its first thermal phase: the simulation, the protocol and the site. */
    private static void startRun(Scenario s) {
        RemodellingSimulation sim = CourseRunner.simulation(s, ParallelExecutor.serial());
        s.treatment().toProtocol();
        double deepest = s.tip().needleDepth();
        for (RfPass p : s.treatment().passes()) {
            deepest = Math.max(deepest, p.needleDepth());
        }
        TreatmentSite site = sim.site(deepest);
        assertThat(site).isNotNull();
    }

    private static boolean oneLine(String m) {
        return m != null && !m.isBlank() && m.indexOf('\n') < 0 && m.indexOf('\r') < 0 && m.length() < 700;
    }

    private static String cut(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** One to three mutations of the template; {@code what} names them. */
    private static byte[] mutate(String template, SplittableRandom rnd, StringBuilder what) {
        List<String> lines = new ArrayList<>(Arrays.asList(template.split("\n", -1)));
        byte[] bytes = null;
        int n = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(2) : 1;
        for (int m = 0; m < n; m++) {
            int kind = rnd.nextInt(14);
            what.append(m == 0 ? "" : "+").append(kind);
            int line = valueLine(lines, rnd);
            switch (kind) {
                case 0, 1 -> setValue(lines, line, VALUES[rnd.nextInt(VALUES.length)]);
                case 2 -> { // the number scaled: ranges
                    String v = value(lines.get(line));
                    String num = v.replaceAll("^([-+0-9.eE]*).*$", "$1");
                    if (!num.isEmpty()) {
                        double f = new double[] {0, -1, 0.001, 0.5, 2, 10, 1000, 1e12}[rnd.nextInt(8)];
                        try {
                            setValue(lines, line, Double.parseDouble(num) * f + v.substring(num.length()));
                        } catch (NumberFormatException e) {
                            setValue(lines, line, "1" + v.substring(num.length()));
                        }
                    }
                }
                case 3 -> { // another unit
                    String v = value(lines.get(line));
                    String num = v.replaceAll("^([-+0-9.eE]*).*$", "$1");
                    setValue(lines, line, (num.isEmpty() ? "1" : num) + " " + UNITS[rnd.nextInt(UNITS.length)]);
                }
                case 4 -> lines.remove(line); // a key missing
                case 5 -> lines.add(line, lines.get(line)); // a key twice
                case 6 -> lines.add(line, indent(lines.get(line)) + "extra_key" + rnd.nextInt(3) + ": 1"); // unknown key
                case 7 -> { // indentation
                    String l = lines.get(line);
                    lines.set(line, rnd.nextBoolean() ? "  " + l : l.replaceFirst("^  ", ""));
                }
                case 8 -> { // a value as a list, a list item as a mapping, a section as a scalar or list
                    String l = lines.get(line);
                    int r = rnd.nextInt(4);
                    if (r == 0) {
                        lines.set(line, l.replaceFirst(": (.*)$", ":") );
                        lines.add(line + 1, indent(l) + "  - " + value(l));
                    } else if (r == 1) {
                        setValue(lines, line, "{value: " + value(l) + "}");
                    } else {
                        String section = new String[] {"skin", "tip", "treatment", "numerics", "output", "safety",
                            "  needle", "  passes", "      drive"}[rnd.nextInt(9)];
                        for (int i = 0; i < lines.size(); i++) {
                            if (lines.get(i).equals(section + ":")) {
                                lines.set(i, section + (r == 2 ? ": 5" : ": []"));
                                break;
                            }
                        }
                    }
                }
                case 9 -> { // nesting
                    int depth = new int[] {5, 31, 40, 2000, 5000}[rnd.nextInt(5)];
                    setValue(lines, line, "[".repeat(depth) + "]".repeat(depth));
                }
                case 10 -> { // size
                    int len = new int[] {61, 999, 1001, 100_000, 1_100_000, 61, 999, 1001}[rnd.nextInt(8)];
                    setValue(lines, line, "1".repeat(len) + " mm");
                }
                case 11 -> { // invisible characters
                    String l = lines.get(line);
                    int at = rnd.nextInt(l.length() + 1);
                    String ch = new String[] {"\u00a0", "\u200b", "\t", "\u0000", "\u202e", "\r", "\ufeff"}[rnd.nextInt(7)];
                    lines.set(line, l.substring(0, at) + ch + l.substring(at));
                }
                case 12 -> lines = new ArrayList<>(List.of(new String[] {"", "# only a comment", "---", "...", "[]",
                    "42", "tip:\n  rows: 2\n  columns: 2", "treatment:\n  passes:\n    - depth: 0.3 mm\n      drive:",
                    "numerics: {cell_size: 250 um}\ntip: {pitch: 1 mm}"}[rnd.nextInt(9)].split("\n")));
                default -> bytes = new byte[0]; // encodings, below
            }
        }
        String text = String.join(rnd.nextInt(10) == 0 ? "\r\n" : "\n", lines);
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        if (bytes != null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int at = rnd.nextInt(out.length + 1);
            int r = rnd.nextInt(4);
            if (r == 0) {
                b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM
                b.writeBytes(out);
            } else {
                byte[] bad = r == 1 ? new byte[] {(byte) 0xFF} : r == 2 ? new byte[] {(byte) 0xC3}
                        : new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // a lone surrogate
                b.write(out, 0, at);
                b.writeBytes(bad);
                b.write(out, at, out.length - at);
            }
            out = b.toByteArray();
        }
        return out;
    }

    /** @return a random line that holds a "key: value", or any line if there is none */
    private static int valueLine(List<String> lines, SplittableRandom rnd) {
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*(- )?[a-z_]+: .+")) {
                keyed.add(i);
            }
        }
        if (keyed.isEmpty()) {
            return rnd.nextInt(Math.max(1, lines.size()));
        }
        return keyed.get(rnd.nextInt(keyed.size()));
    }

    private static String value(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? "" : line.substring(colon + 2);
    }

    private static void setValue(List<String> lines, int i, String v) {
        if (i >= lines.size()) {
            lines.add("tip: " + v);
            return;
        }
        String l = lines.get(i);
        int colon = l.indexOf(": ");
        lines.set(i, colon < 0 ? l + " " + v : l.substring(0, colon + 2) + v);
    }

    private static String indent(String line) {
        return line.replaceFirst("^(\\s*(- )?).*$", "$1").replace("-", " ");
    }
}
