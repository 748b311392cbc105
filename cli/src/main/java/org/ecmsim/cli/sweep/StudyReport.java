package org.ecmsim.cli.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecmsim.study.Evaluator;
import org.ecmsim.study.Factor;
import org.ecmsim.study.StudyFile;
import org.ecmsim.study.StudyRunner;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG charts and {@code report.html} of a study: the Pareto front (or objective against a constraint metric)
 * with the safety limits, sensitivity bars, the 1-D response of one varied key and the 2-D response map of two.
 */
public final class StudyReport {

    private static final int W = 800;
    private static final int H = 520;

    private StudyReport() {
    }

    /**
     * Writes the charts and the report into the study's output folder.
     *
     * @param study the study
     * @param o its outcome
     * @param design the design as {@code --dry-run} prints it
     * @param out the folder
     * @return the chart files written
     * @throws IOException if a file cannot be written
     */
    public static List<String> write(StudyFile study, StudyRunner.Outcome o, String design, Path out)
            throws IOException {
        List<String> charts = new ArrayList<>();
        List<String> shown = shownMetrics(study, o);
        if (!shown.isEmpty()) {
            charts.add(save(pareto(study, o, shown), out, "pareto.png"));
        }
        if (o.sensitivity().size() > 1) {
            charts.add(save(sensitivity(study, o), out, "sensitivity.png"));
        }
        if (study.factors().size() == 1 && !shown.isEmpty()) {
            charts.add(save(response1d(study, o, shown), out, "response_1d.png"));
        }
        if (study.factors().size() == 2 && study.design().type().equals("grid") && !shown.isEmpty()) {
            charts.add(save(response2d(study, o, shown.get(0)), out, "response_2d.png"));
        }
        charts.removeIf(c -> c == null);
        Files.writeString(out.resolve("report.html"), html(study, o, design, charts), StandardCharsets.UTF_8);
        return charts;
    }

    /** Objectives, then constraint metrics, else the first two metrics. */
    private static List<String> shownMetrics(StudyFile study, StudyRunner.Outcome o) {
        List<String> m = new ArrayList<>();
        study.objectives().forEach(x -> m.add(x.metric()));
        study.constraints().forEach(x -> {
            if (!m.contains(x.metric())) {
                m.add(x.metric());
            }
        });
        if (m.isEmpty()) {
            for (String x : List.of("smooth_lesion_volume_mm3", "fat_margin_C")) {
                if (o.metrics().contains(x)) {
                    m.add(x);
                }
            }
        }
        if (m.isEmpty()) {
            m.addAll(o.metrics().subList(0, Math.min(2, o.metrics().size())));
        }
        return m;
    }

    /** The finite bound of the metric's first constraint (its min, else its max), NaN if none. */
    private static double limit(StudyFile study, String metric) {
        for (StudyFile.Constraint c : study.constraints()) {
            if (c.metric().equals(metric)) {
                return Double.isFinite(c.min()) ? c.min() : c.max();
            }
        }
        return Double.NaN;
    }

    private static JFreeChart pareto(StudyFile study, StudyRunner.Outcome o, List<String> shown) {
        if (shown.size() < 2) {
            return null;
        }
        String xm = shown.get(0);
        String ym = shown.get(1);
        XYSeries all = new XYSeries("runs");
        XYSeries front = new XYSeries("Pareto front (feasible)");
        for (int i = 0; i < o.runs().size(); i++) {
            StudyRunner.Run r = o.runs().get(i);
            double x = r.result().metric(xm);
            double y = r.result().metric(ym);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                (o.pareto().contains(i) ? front : all).add(x, y);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(front);
        JFreeChart chart = ChartFactory.createScatterPlot("Pareto front: " + xm + " vs " + ym, xm, ym, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, new Color(150, 150, 150));
        plot.getRenderer().setSeriesPaint(1, new Color(200, 30, 30));
        markLimit(plot, study, xm, true);
        markLimit(plot, study, ym, false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static void markLimit(XYPlot plot, StudyFile study, String metric, boolean domain) {
        double l = limit(study, metric);
        if (Double.isFinite(l)) {
            ValueMarker m = new ValueMarker(l, Color.RED, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            m.setLabel("limit " + metric);
            if (domain) {
                plot.addDomainMarker(m);
            } else {
                plot.addRangeMarker(m);
            }
        }
    }

    private static JFreeChart sensitivity(StudyFile study, StudyRunner.Outcome o) {
        List<List<String>> rows = o.sensitivity();
        List<String> header = rows.get(0);
        boolean morris = header.contains("mu_star");
        String metric = rows.get(1).get(0);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (!row.get(0).equals(metric)) {
                continue;
            }
            String key = row.get(1).replaceFirst("^treatment\\.passes\\[\\d+]\\.", "");
            if (morris) {
                data.addValue(value(row.get(3)), "mu*", key);
                data.addValue(value(row.get(4)), "sigma", key);
            } else {
                data.addValue(value(row.get(2)), "first order S1", key);
                data.addValue(value(row.get(5)), "total ST", key);
            }
        }
        return ChartFactory.createBarChart((morris ? "Morris screening" : "Sobol indices") + " of " + metric,
                "key", morris ? "effect (" + metric + " per range)" : "index", data, PlotOrientation.HORIZONTAL,
                true, false, false);
    }

    private static double value(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static JFreeChart response1d(StudyFile study, StudyRunner.Outcome o, List<String> shown) {
        Factor f = study.factors().get(0);
        XYSeriesCollection data = new XYSeriesCollection();
        for (String m : shown) {
            XYSeries s = new XYSeries(m);
            for (StudyRunner.Run r : o.runs()) {
                double y = r.result().metric(m);
                if (Double.isFinite(y)) {
                    s.addOrUpdate(r.settings()[0], y);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Response to " + f.key(), f.column(), "metric", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        if (f.scale() == Factor.Scale.LOG) {
            plot.setDomainAxis(new LogAxis(f.column()));
        }
        java.util.Set<Double> marked = new java.util.HashSet<>();
        for (String m : shown) {
            if (marked.add(limit(study, m))) {
                markLimit(plot, study, m, false);
            }
        }
        return chart;
    }

    private static JFreeChart response2d(StudyFile study, StudyRunner.Outcome o, String metric) {
        Factor fx = study.factors().get(0);
        Factor fy = study.factors().get(1);
        double[] lx = fx.levels();
        double[] ly = fy.levels();
        int n = o.runs().size();
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            StudyRunner.Run r = o.runs().get(i);
            // Blocks on level indices, so log and listed levels get equal cells.
            xyz[0][i] = index(lx, r.settings()[0]);
            xyz[1][i] = index(ly, r.settings()[1]);
            xyz[2][i] = r.result().metric(metric);
            if (Double.isFinite(xyz[2][i])) {
                lo = Math.min(lo, xyz[2][i]);
                hi = Math.max(hi, xyz[2][i]);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, xyz);
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.LIGHT_GRAY);
        for (int s = 0; s < 32; s++) {
            float t = s / 31f;
            scale.add(lo + (hi - lo) * s / 32.0, new Color(t, 0.3f + 0.4f * (1 - Math.abs(2 * t - 1)), 1 - t));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis(fx.column() + " (level: " + levels(lx) + ")");
        NumberAxis y = new NumberAxis(fy.column() + " (level: " + levels(ly) + ")");
        x.setRange(-0.5, lx.length - 0.5);
        y.setRange(-0.5, ly.length - 0.5);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(metric + " over " + fx.key() + " x " + fy.key(), plot);
        chart.removeLegend();
        NumberAxis za = new NumberAxis(metric);
        za.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, za);
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        return chart;
    }

    private static int index(double[] levels, double v) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String levels(double[] l) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(i).append('=').append(String.format(Locale.ROOT, "%.4g", l[i]));
        }
        return sb.toString();
    }

    private static String save(JFreeChart chart, Path out, String name) throws IOException {
        if (chart == null) {
            return null;
        }
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(out.resolve(name).toFile(), chart, W, H);
        return name;
    }

    private static String html(StudyFile study, StudyRunner.Outcome o, String design, List<String> charts) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>ecmsim study " + esc(study.name()) + "</title>\n<style>body{font-family:sans-serif;"
                + "max-width:1100px;margin:auto}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid"
                + " #ccc;padding:2px 6px;text-align:right}pre{background:#f4f4f4;padding:8px}</style></head><body>\n");
        h.append("<h1>Study ").append(esc(study.name())).append("</h1>\n");
        long ok = o.runs().stream().filter(r -> r.result().hasMetrics()).count();
        h.append("<p>").append(o.runs().size()).append(" runs, ").append(ok).append(" with metrics; mode ")
                .append(study.mode() == Evaluator.Mode.THERMAL_ONLY ? "thermal only (first session's RF and"
                        + " thermal phase)" : "course (every session and the remodelling)").append(".</p>\n");
        h.append("<p>Files: <a href=\"runs.csv\">runs.csv</a>, <a href=\"sensitivity.csv\">sensitivity.csv</a>,"
                + " <a href=\"pareto.csv\">pareto.csv</a>, <a href=\"optimum.yaml\">optimum.yaml</a>,"
                + " <a href=\"study.json\">study.json</a></p>\n");
        if (o.optimum() >= 0) {
            StudyRunner.Run r = o.runs().get(o.optimum());
            h.append("<h2>Optimum</h2><p>run ").append(r.index()).append(" (").append(r.id()).append("): ");
            for (int i = 0; i < study.factors().size(); i++) {
                h.append(esc(study.factors().get(i).key())).append(" = ")
                        .append(esc(String.valueOf(study.value(i, r.settings()[i])))).append("; ");
            }
            h.append("</p>\n");
        }
        h.append("<h2>Design</h2><pre>").append(esc(design.lines().limit(40).reduce("", (a, b) -> a + b + "\n")))
                .append("</pre>\n");
        for (String c : charts) {
            h.append("<p><img src=\"").append(c).append("\" alt=\"").append(c).append("\" width=\"").append(W)
                    .append("\"></p>\n");
        }
        if (o.sensitivity().size() > 1) {
            h.append("<h2>Sensitivity</h2>\n<table>");
            for (List<String> row : o.sensitivity()) {
                h.append("<tr>");
                row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Runs</h2>\n<table><tr><th>#</th><th>id</th><th>status</th>");
        study.factors().forEach(f -> h.append("<th>").append(esc(f.column())).append("</th>"));
        List<String> shown = shownMetrics(study, o);
        shown.forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
        h.append("</tr>\n");
        for (StudyRunner.Run r : o.runs().subList(0, Math.min(200, o.runs().size()))) {
            h.append("<tr><td>").append(r.index()).append("</td><td>").append(r.id()).append("</td><td>")
                    .append(esc(r.result().status())).append("</td>");
            for (double v : r.settings()) {
                h.append("<td>").append(String.format(Locale.ROOT, "%.4g", v)).append("</td>");
            }
            for (String m : shown) {
                h.append("<td>").append(String.format(Locale.ROOT, "%.4g", r.result().metric(m))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
