package org.ecmsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the default scenario as a YAML file in which every key carries its meaning, unit, default, valid range and
 * source as comments ({@code ecmsim init}). Everything comes from {@link ScenarioKeys}; the file parses back to
 * {@link Scenario#defaults()}.
 */
public final class ScenarioTemplate {

    private static final int WIDTH = 110;

    private ScenarioTemplate() {
    }

    /** @return the commented default scenario */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        header(sb);
        sb.append("skin:\n");
        key(sb, 2, ScenarioKeys.AGE);
        key(sb, 2, ScenarioKeys.AGED_LAYERS);
        sb.append("\n# The RF tip: a regular array of insulated needles. The simulation follows one unit cell (one pitch"
                + " wide)\n# around an interior needle; energies, powers and impedances refer to the whole tip.\n");
        sb.append("tip:\n");
        key(sb, 2, ScenarioKeys.ROWS);
        key(sb, 2, ScenarioKeys.COLUMNS);
        key(sb, 2, ScenarioKeys.PITCH);
        key(sb, 2, ScenarioKeys.PATTERN);
        sb.append("  needle:\n");
        key(sb, 4, ScenarioKeys.DIAMETER);
        key(sb, 4, ScenarioKeys.NEEDLE_DEPTH);
        key(sb, 4, ScenarioKeys.EXPOSED);
        sb.append("\n# The course: identical sessions, the first on day 0, each made of the passes listed (in order, at"
                + " the same site).\n");
        sb.append("treatment:\n");
        key(sb, 2, ScenarioKeys.SESSIONS);
        key(sb, 2, ScenarioKeys.INTERVAL);
        comment(sb, 2, "the passes of each session: the needles go in to a depth, deliver a train of RF pulses, then"
                + " the tissue cools before the next pass. Add list items for more passes (e.g. at other depths).");
        sb.append("  passes:\n");
        for (String line : keyLines(4, ScenarioKeys.PASS_DEPTH)) {
            sb.append(line.startsWith("    " + ScenarioKeys.PASS_DEPTH.name())
                    ? "    - " + line.substring(4) : line).append('\n');
        }
        comment(sb, 6, "the generator setting: exactly one of energy_per_pin, power or voltage");
        sb.append("      drive:\n");
        key(sb, 8, ScenarioKeys.ENERGY_PER_PIN);
        commentedKey(sb, 8, ScenarioKeys.POWER);
        commentedKey(sb, 8, ScenarioKeys.VOLTAGE);
        key(sb, 6, ScenarioKeys.CONDUCTION);
        key(sb, 6, ScenarioKeys.PULSES);
        key(sb, 6, ScenarioKeys.PULSE_INTERVAL);
        key(sb, 6, ScenarioKeys.COOLING);
        key(sb, 2, ScenarioKeys.FOLLOW_UP);
        key(sb, 2, ScenarioKeys.PLACEMENT);
        key(sb, 2, ScenarioKeys.PLACEMENT_SEED);
        sb.append("\nnumerics:\n");
        key(sb, 2, ScenarioKeys.CELL_SIZE);
        key(sb, 2, ScenarioKeys.BIOLOGY_COARSENING);
        key(sb, 2, ScenarioKeys.BIOLOGY_STEP);
        key(sb, 2, ScenarioKeys.THREADS);
        key(sb, 2, ScenarioKeys.DOMAIN);
        key(sb, 2, ScenarioKeys.TRUE_NEEDLE_SURFACE);
        sb.append("\noutput:\n");
        key(sb, 2, ScenarioKeys.SAMPLE_EVERY);
        key(sb, 2, ScenarioKeys.SNAPSHOT_DAYS);
        key(sb, 2, ScenarioKeys.VTI);
        key(sb, 2, ScenarioKeys.VTI_ENCODING);
        sb.append("\n# Outcome regions: the rim around the lesion, the biopsy window and the stained-area reading (summary.json outcomes).\n");
        sb.append("outcomes:\n");
        key(sb, 2, ScenarioKeys.RIM_WIDTH);
        key(sb, 2, ScenarioKeys.BIOPSY_TOP);
        key(sb, 2, ScenarioKeys.BIOPSY_BOTTOM);
        key(sb, 2, ScenarioKeys.STAIN_SPREAD);
        sb.append("\n# Safety margins reported per session: limit minus the layer's peak temperature.\n");
        sb.append("safety:\n");
        key(sb, 2, ScenarioKeys.EPIDERMIS_LIMIT);
        key(sb, 2, ScenarioKeys.FAT_LIMIT);
        sb.append("\n# Clinical outcomes: contraction of the skin surface, downtime (summary.json outcomes.clinical).\n");
        sb.append("clinical:\n");
        key(sb, 2, ScenarioKeys.SHRINKAGE);
        key(sb, 2, ScenarioKeys.LOCKED_FRACTION);
        key(sb, 2, ScenarioKeys.MYOFIBROBLAST_STRAIN);
        key(sb, 2, ScenarioKeys.REEPITHELIALISATION_TIME);
        key(sb, 2, ScenarioKeys.ERYTHEMA_TIME);
        key(sb, 2, ScenarioKeys.ERYTHEMA_TOLERANCE);
        key(sb, 2, ScenarioKeys.HA_BOUND_WATER);
        key(sb, 2, ScenarioKeys.OEDEMA_FRACTION);
        key(sb, 2, ScenarioKeys.OEDEMA_TIME);
        return sb.toString();
    }

    private static void header(StringBuilder sb) {
        sb.append("# ecmsim scenario (YAML 1.2): RF microneedling -> Joule heating -> Pennes bioheat -> thermal damage"
                + " ->\n# weeks of extracellular-matrix remodelling, against untreated skin of the same age.\n#\n");
        sb.append("# This is the built-in default (examples/ThreeSessions): 3 sessions 28 days apart with a 7x7 bipolar"
                + " tip at\n# 30 mJ/pin, followed to day 84. Run it with:  ecmsim run THIS_FILE [--out DIR]\n#\n");
        sb.append("# Values carry their unit as text, e.g. 'depth: 1.5 mm'. Units: lengths mm, um (or µm), m; times ms,"
                + " s, min,\n# h, d; power W; energy mJ, J; voltage V; temperature C (or °C) or K; age y; shares %; mass ratios kg/kg. Every key is"
                + " optional: a missing\n# key takes the default shown. Unknown keys, missing units and values out of"
                + " range are refused with the\n# line and column. Sources marked (U) are widely quoted but unverified"
                + " (docs/model.md).\n\n");
    }

    private static void key(StringBuilder sb, int indent, Key key) {
        for (String line : keyLines(indent, key)) {
            sb.append(line).append('\n');
        }
    }

    private static void commentedKey(StringBuilder sb, int indent, Key key) {
        List<String> lines = keyLines(indent, key);
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, " ".repeat(indent) + "# " + last.substring(indent) + "   (alternative)");
        for (String line : lines) {
            sb.append(line).append('\n');
        }
    }

    private static List<String> keyLines(int indent, Key key) {
        List<String> out = new ArrayList<>();
        String pad = " ".repeat(indent);
        for (String line : wrap(key.doc(), WIDTH - indent - 2)) {
            out.add(pad + "# " + line);
        }
        String facts = switch (key.kind()) {
            case QUANTITY, QUANTITY_LIST -> "unit: " + key.units() + "; default " + key.defaultText() + "; range "
                    + key.range();
            case INTEGER -> "whole number; default " + key.defaultText() + "; range " + key.range();
            case BOOLEAN -> "true or false; default " + key.defaultText();
            case CHOICE -> "one of " + key.range() + "; default " + key.defaultText();
        };
        out.add(pad + "# " + facts);
        out.add(pad + key.name() + ": " + key.defaultText());
        return out;
    }

    private static void comment(StringBuilder sb, int indent, String text) {
        for (String line : wrap(text, WIDTH - indent - 2)) {
            sb.append(" ".repeat(indent)).append("# ").append(line).append('\n');
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
