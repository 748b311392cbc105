package org.ecmsim.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.units.Units;

/** One self-contained HTML page of a run: the summary tables and every chart, embedded as base64 PNG. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * @param outcome the run
     * @param source the scenario file, or "built-in default"
     * @param version the ecmsim version
     * @param dir the folder holding the charts
     * @param charts chart file names and captions, in page order
     * @param files every file of the run
     * @return the page
     * @throws IOException if a chart cannot be read
     */
    public static String html(Outcome outcome, String source, String version, Path dir, Map<String, String> charts,
            List<String> files) throws IOException {
        Scenario sc = outcome.scenario();
        Locale l = Locale.ROOT;
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ecmsim run report</title>\n");
        h.append("<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
                + "color:#222}h1{margin-bottom:0}table{border-collapse:collapse;margin:.6em 0 1.4em}"
                + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}"
                + "td:first-child,th:first-child{text-align:left}.meta{color:#666}figure{margin:1.5em 0}"
                + "figure img{max-width:100%;border:1px solid #ddd}figcaption{color:#444;font-size:.95em}"
                + ".warn{color:#b00;font-weight:bold}.ok{color:#070;font-weight:bold}code{background:#f5f5f5;"
                + "padding:0 .2em}.key{background:#f7f9fc;border:1px solid #d8e0ee;padding:.4em 1.2em;margin:1em 0}"
                + ".key li{margin:.3em 0}.def{color:#444;font-size:.92em}.cs{display:flex;flex-wrap:wrap;gap:1%}"
                + ".cs figure{flex:0 0 32%;margin:.5em 0}th.group{text-align:left;background:#e8edf5}</style>\n"
                + "</head><body>\n");
        h.append("<h1>ecmsim run report</h1>\n");
        h.append("<p class=\"meta\">scenario: ").append(esc(source)).append(" &middot; ecmsim ").append(esc(version))
                .append(" &middot; ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(String.format(l, " &middot; run time %.1f s</p>%n", outcome.totalSeconds()));
        Scenario.Tip t = sc.tip();
        h.append("<p>").append(String.format(l, "%s, followed to day %s; age %s years%s. Tip "
                + "%d&times;%d, %s, pitch %s mm; needles %s mm wide, %s mm deep, %s mm exposed. Simulated: one unit"
                + " cell (%s&times;%s&times;%s mm) around an interior needle on %s &micro;m thermal cells; energies and"
                + " impedances refer to the whole tip.", Summary.sessionCount(sc.treatment().sessions(),
                sc.treatment().interval() / Units.DAY), Summary.fmt(sc.treatment().followUpDays()),
                Summary.fmt(sc.skin().ageYears()), sc.skin().agedLayers() ? " (age-thinned layers)" : "", t.rows(),
                t.columns(), t.pattern().name().toLowerCase(l).replace('_', ' '), mm(t.pitch()), mm(t.needleDiameter()),
                mm(t.needleDepth()), mm(t.exposed()), mm(outcome.thermalGrid().lengthX()),
                mm(outcome.thermalGrid().lengthY()), mm(outcome.thermalGrid().lengthZ()),
                Summary.fmt(Units.toUm(outcome.thermalGrid().dx())))).append("</p>\n");

        keyFindings(h, outcome);

        h.append(Outcomes.html(outcome));
        h.append(Clinical.html(outcome));
        h.append("<h2>Sessions</h2>\n<table><tr><th>#</th><th>day</th><th>impedance start &rarr; end (&Omega;)</th>"
                + "<th>energy (J)</th><th>peak (&deg;C)</th><th>lethal zone width (&micro;m)</th>"
                + "<th>lethal zone depth (mm)</th><th>epidermis peak (&deg;C)</th><th>fat peak (&deg;C)</th></tr>\n");
        for (Summary.SessionRow r : Summary.sessions(outcome)) {
            CoagulationZone z = r.zone();
            boolean empty = z == null || z.cells() == 0;
            h.append(String.format(l, "<tr><td>%d</td><td>%s</td><td>%.0f &rarr; %.0f</td><td>%.3f</td><td>%.1f</td>"
                    + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n", r.index(), Summary.fmt(r.day()),
                    r.impedanceStart(), r.impedanceEnd(), r.energy(), r.peak(),
                    empty ? "none" : String.format(l, "%.0f", Units.toUm(z.width())),
                    empty ? "none" : String.format(l, "%.2f&ndash;%.2f", Units.toMm(z.top()), Units.toMm(z.bottom())),
                    c(r.epidermisPeak()), c(r.fatPeak())));
        }
        h.append("</table>\n<p class=\"def\">Lethal zone: cells with Henriques &Omega; &ge; 1 (more than 63 % of"
                + " cells killed), measured on the grid (cell edges). ").append(esc(definitions())).append("</p>\n");
        if (Summary.boiling(outcome)) {
            h.append("<p class=\"warn\">Note: ").append(esc(Summary.BOILING)).append(".</p>\n");
        }

        h.append("<h2>Safety margins</h2>\n<table><tr><th>layer</th><th>highest peak (&deg;C)</th>"
                + "<th>limit (&deg;C)</th><th>margin (&deg;C)</th></tr>\n");
        safety(h, Summary.EPIDERMIS.label(), Summary.worstPeak(outcome, Summary.EPIDERMIS), sc.safety().epidermisLimit());
        safety(h, Summary.FAT.label(), Summary.worstPeak(outcome, Summary.FAT), sc.safety().fatLimit());
        h.append("</table>\n");

        double follow = sc.treatment().followUpDays();
        h.append("<h2>Change vs untreated control on day ").append(Summary.fmt(follow)).append(" (%)</h2>\n<table><tr>"
                + "<th>layer</th>");
        for (Species s : Summary.MATRIX) {
            h.append("<th>").append(esc(Summary.label(s))).append("</th>");
        }
        h.append("</tr>\n");
        for (LayerTimeSeries layer : outcome.result().layers()) {
            h.append("<tr><td>").append(esc(layer.layer())).append("</td>");
            for (double v : Summary.changeAt(layer, follow).values()) {
                h.append(String.format(l, "<td>%+.3f</td>", v));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p>Layer means over the unit cell: (treated &minus; control)/control &times; 100. The"
                + " gains concentrate around the needle, where the lethal core is cleared and rebuilt.</p>\n");

        h.append("<h2>Charts</h2>\n");
        boolean inSections = false;
        for (Map.Entry<String, String> e : charts.entrySet()) {
            boolean section = e.getKey().startsWith("cross_section_");
            if (section && !inSections) {
                h.append("<h3>Cross-sections through the needle, every session</h3>\n<p class=\"def\">Columns:"
                        + " peak temperature, cell death (log<sub>10</sub> &Omega;), thermal dose"
                        + " (log<sub>10</sub> CEM43); one row per session, one colour scale per field for all"
                        + " sessions. Click a chart to open it full size.</p>\n<div class=\"cs\">\n");
            } else if (!section && inSections) {
                h.append("</div>\n");
            }
            inSections = section;
            byte[] png = Files.readAllBytes(dir.resolve(e.getKey()));
            h.append("<figure><a href=\"").append(esc(e.getKey())).append("\"><img alt=\"").append(esc(e.getKey()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                    .append("\"></a><figcaption>").append(esc(e.getValue())).append(" <code>").append(esc(e.getKey()))
                    .append("</code></figcaption></figure>\n");
        }
        if (inSections) {
            h.append("</div>\n");
        }
        h.append("<h2>Files</h2>\n<ul>\n");
        for (String f : files) {
            h.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a></li>\n");
        }
        h.append("</ul>\n<h2>Settings</h2>\n<table><tr><th>setting</th><th>value</th></tr>\n");
        settingsRows(h, "", Summary.settings(sc));
        h.append("</table>\n<p class=\"def\">The same settings are in <code>summary.json</code> under"
                + " <code>settings</code>.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** @return the definitions of peak, zone width and zone depth, as the table and charts use them */
    static String definitions() {
        return cap(Summary.PEAK_DEFINITION) + ". " + cap(Summary.ZONE_WIDTH_DEFINITION) + ". "
                + cap(Summary.ZONE_DEPTH_DEFINITION) + ".";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The "key findings" list: computed from the results, each number said what it is. */
    private static void keyFindings(StringBuilder h, Outcome outcome) {
        Scenario sc = outcome.scenario();
        Locale l = Locale.ROOT;
        h.append("<div class=\"key\"><h2>Key findings</h2>\n<ul>\n");
        for (Summary.SessionRow r : Summary.sessions(outcome)) {
            CoagulationZone z = r.zone();
            boolean empty = z == null || z.cells() == 0;
            h.append(String.format(l, "<li>Session %d (day %s): peak %.1f &deg;C; ", r.index(), Summary.fmt(r.day()),
                    r.peak()));
            if (empty) {
                h.append("no lethal zone (no cell reached &Omega; &ge; 1).</li>\n");
            } else {
                h.append(String.format(l, "lethal zone %.0f &micro;m wide, from %.2f to %.2f mm deep (%.3f J delivered"
                        + " by the whole tip).</li>%n", Units.toUm(z.width()), Units.toMm(z.top()),
                        Units.toMm(z.bottom()), r.energy()));
            }
        }
        findingSafety(h, Summary.EPIDERMIS.label(), Summary.worstPeak(outcome, Summary.EPIDERMIS),
                sc.safety().epidermisLimit());
        findingSafety(h, Summary.FAT.label(), Summary.worstPeak(outcome, Summary.FAT), sc.safety().fatLimit());
        double follow = sc.treatment().followUpDays();
        String bestLayer = null;
        Species bestSpecies = null;
        double best = 0;
        StringBuilder collagen = new StringBuilder();
        for (LayerTimeSeries layer : outcome.result().layers()) {
            Map<Species, Double> change = Summary.changeAt(layer, follow);
            for (Map.Entry<Species, Double> e : change.entrySet()) {
                if (!Double.isNaN(e.getValue()) && Math.abs(e.getValue()) > Math.abs(best)) {
                    best = e.getValue();
                    bestLayer = layer.layer();
                    bestSpecies = e.getKey();
                }
            }
            collagen.append(collagen.length() == 0 ? "" : ", ").append(String.format(l, "%+.2f %% in the %s",
                    change.get(Species.COLLAGEN_I), esc(layer.layer())));
        }
        h.append("<li>Collagen I on day ").append(Summary.fmt(follow)).append(" vs the untreated control (layer"
                + " means): ").append(collagen).append(".</li>\n");
        if (bestLayer != null) {
            h.append(String.format(l, "<li>Largest change on day %s: %s in the %s, %+.2f %% vs the untreated control"
                    + " (layer mean).</li>%n", Summary.fmt(follow), esc(Summary.label(bestSpecies)), esc(bestLayer),
                    best));
        }
        if (Summary.boiling(outcome)) {
            h.append("<li class=\"warn\">A peak reached 100 &deg;C: temperatures above it are overestimates.</li>\n");
        }
        h.append("</ul>\n<p class=\"def\">Peak, zone width and zone depth are defined below the Sessions table;"
                + " the charts use the same numbers. Changes: (treated &minus; control)/control &times; 100 of the"
                + " layer's mean over the unit cell.</p></div>\n");
    }

    private static void findingSafety(StringBuilder h, String name, double peak, double limitK) {
        double limit = Units.kelvinToCelsius(limitK);
        if (Double.isNaN(peak)) {
            h.append("<li>").append(esc(name)).append(": not in the simulated domain, no safety margin.</li>\n");
            return;
        }
        boolean ok = peak < limit;
        h.append(String.format(Locale.ROOT, "<li>%s%s: highest peak over all sessions %.1f &deg;C, limit %.1f &deg;C,"
                + " margin %+.1f &deg;C: <span class=\"%s\">%s</span>.</li>%n", cap(esc(name)), "", peak, limit,
                limit - peak, ok ? "ok" : "warn", ok ? "within the limit" : "LIMIT REACHED"));
    }

    /** The settings tree as table rows: a row naming each group (its path), then "name (unit)" and value. */
    @SuppressWarnings("unchecked")
    private static void settingsRows(StringBuilder h, String group, Map<String, Object> tree) {
        // a group's own settings first, then its subgroups, so that every row sits under its group's name
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (!isGroup(e.getValue())) {
                h.append("<tr><td>").append(esc(keyLabel(e.getKey()))).append("</td><td>")
                        .append(esc(value(e.getValue()))).append("</td></tr>\n");
            }
        }
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            Object v = e.getValue();
            String name = (group.isEmpty() ? "" : group + " › ") + keyLabel(e.getKey());
            if (v instanceof Map<?, ?> m) {
                h.append("<tr><th class=\"group\" colspan=\"2\">").append(esc(name)).append("</th></tr>\n");
                settingsRows(h, name, (Map<String, Object>) m);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                for (int i = 0; i < list.size(); i++) {
                    String item = name.replaceFirst("es$", "") + " " + (i + 1);
                    h.append("<tr><th class=\"group\" colspan=\"2\">").append(esc(item)).append("</th></tr>\n");
                    settingsRows(h, item, (Map<String, Object>) list.get(i));
                }
            }
        }
    }

    private static boolean isGroup(Object v) {
        return v instanceof Map || v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map;
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return Summary.fmt(d);
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(HtmlReport::value).toList());
        }
        if (v instanceof double[] a) {
            return a.length == 0 ? "none" : String.join(", ", java.util.Arrays.stream(a).mapToObj(Summary::fmt)
                    .toList());
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(v).replace('_', ' ');
    }

    /** "pitch_mm" → "pitch (mm)". */
    private static String keyLabel(String key) {
        String[][] units = {{"_mm", "mm"}, {"_um", "µm"}, {"_mJ", "mJ"}, {"_ms", "ms"}, {"_d", "days"},
            {"_h", "h"}, {"_y", "years"}, {"_C", "°C"}, {"_W", "W"}, {"_V", "V"}};
        for (String[] u : units) {
            if (key.endsWith(u[0])) {
                return key.substring(0, key.length() - u[0].length()).replace('_', ' ') + " (" + u[1] + ")";
            }
        }
        return key.replace('_', ' ');
    }

    private static void safety(StringBuilder h, String name, double peak, double limitK) {
        double limit = Units.kelvinToCelsius(limitK);
        if (Double.isNaN(peak)) {
            h.append("<tr><td>").append(esc(name)).append("</td><td colspan=\"3\">not in the simulated domain</td></tr>\n");
            return;
        }
        String cls = peak < limit ? "" : " class=\"warn\"";
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td%s>%+.1f</td></tr>%n",
                esc(name), peak, limit, cls, limit - peak));
    }

    private static String c(double celsius) {
        return Double.isNaN(celsius) ? "&mdash;" : String.format(Locale.ROOT, "%.1f", celsius);
    }

    private static String mm(double metres) {
        return Summary.fmt(Units.toMm(metres));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
