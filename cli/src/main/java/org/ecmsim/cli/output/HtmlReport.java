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
                + ".warn{color:#b00;font-weight:bold}code{background:#f5f5f5;padding:0 .2em}</style>\n</head><body>\n");
        h.append("<h1>ecmsim run report</h1>\n");
        h.append("<p class=\"meta\">scenario: ").append(esc(source)).append(" &middot; ecmsim ").append(esc(version))
                .append(" &middot; ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(String.format(l, " &middot; run time %.1f s</p>%n", outcome.totalSeconds()));
        Scenario.Tip t = sc.tip();
        h.append("<p>").append(String.format(l, "%d session(s) %s days apart, followed to day %s; age %s years%s. Tip "
                + "%d&times;%d, %s, pitch %s mm; needles %s mm wide, %s mm deep, %s mm exposed. Simulated: one unit"
                + " cell (%s&times;%s&times;%s mm) around an interior needle on %s &micro;m thermal cells; energies and"
                + " impedances refer to the whole tip.", sc.treatment().sessions(),
                Summary.fmt(sc.treatment().interval() / Units.DAY), Summary.fmt(sc.treatment().followUpDays()),
                Summary.fmt(sc.skin().ageYears()), sc.skin().agedLayers() ? " (age-thinned layers)" : "", t.rows(),
                t.columns(), t.pattern().name().toLowerCase(l).replace('_', ' '), mm(t.pitch()), mm(t.needleDiameter()),
                mm(t.needleDepth()), mm(t.exposed()), mm(outcome.thermalGrid().lengthX()),
                mm(outcome.thermalGrid().lengthY()), mm(outcome.thermalGrid().lengthZ()),
                Summary.fmt(Units.toUm(outcome.thermalGrid().dx())))).append("</p>\n");

        h.append(Outcomes.html(outcome));
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
        h.append("</table>\n<p>Lethal zone: cells with Henriques &Omega; &ge; 1 (more than 63 % of cells killed),"
                + " measured on the grid (cell edges).</p>\n");
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
        for (Map.Entry<String, String> e : charts.entrySet()) {
            byte[] png = Files.readAllBytes(dir.resolve(e.getKey()));
            h.append("<figure><img alt=\"").append(esc(e.getKey())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(e.getValue()))
                    .append(" <code>").append(esc(e.getKey())).append("</code></figcaption></figure>\n");
        }
        h.append("<h2>Files</h2>\n<ul>\n");
        for (String f : files) {
            h.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a></li>\n");
        }
        h.append("</ul>\n<h2>Settings</h2>\n<pre>").append(esc(Json.write(Summary.settings(sc)))).append("</pre>\n");
        h.append("</body></html>\n");
        return h.toString();
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
