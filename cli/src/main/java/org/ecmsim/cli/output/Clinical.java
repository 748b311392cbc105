package org.ecmsim.cli.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.simulation.course.ClinicalOutcomes;
import org.ecmsim.simulation.course.ClinicalParameters;
import org.ecmsim.simulation.course.SessionClinical;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.units.Units;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The clinical outcomes ({@link ClinicalOutcomes}): contraction of the skin surface, epidermal and fat safety as
 * damage, downtime proxies. For {@code summary.json} ({@code outcomes.clinical}), the console table, the HTML report
 * and two charts (contraction over time; the displacement field of a session in the x–z plane through the needle).
 */
public final class Clinical {

    /** The chart of the contraction over time. */
    public static final String CONTRACTION_CHART = "contraction.png";

    /** What the numbers may be compared with, printed under the tables. */
    public static final List<String> NOTES = List.of(
            "contraction: areal shrinkage of the treated skin's surface, an upper bound (the treated area contracts"
                    + " freely; untreated skin around it would resist); denatured collagen shrinks by s_max (tendon's,"
                    + " Chen et al. 1997-1998), not a measured value for dermis",
            "epidermis and fat: Henriques Ω of cell death (first-degree burn at Ω = 0.53, second-degree at 1) and"
                    + " CEM43 (necrosis at 240 min); margin = threshold/value, above 1 means below the threshold",
            "barrier: days until the pores and their coagulated rims re-epithelialise (closure time scaled to"
                    + " Stumpp et al. 2009: 10-22 h for micro-lesions under 0.5 mm); erythema: days until the acute"
                    + " response to the papillary wound signal falls below the tolerance (a model choice)",
            "thickness: matrix protein volume, hyaluronan-bound water and oedema per unit skin area, vs control;"
                    + " compare changes with ultrasound (20-50 MHz) dermal thickness, not levels",
            "firmness: mature collagen I plus elastin of the dermis vs control; may be compared in direction with"
                    + " suction cutometry (R0 firmness, Ur/Uf elasticity); it cannot capture fibre orientation,"
                    + " cross-linking, fragmentation, hydration or the epidermis");

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Clinical() {
    }

    /**
     * @param outcome the run
     * @return {@code outcomes.clinical}
     */
    public static Map<String, Object> json(Outcome outcome) {
        ClinicalOutcomes c = outcome.result().clinical();
        Map<String, Object> root = new LinkedHashMap<>();
        List<Double> immediate = new ArrayList<>();
        List<Object> sessions = new ArrayList<>();
        for (int s = 0; s < c.sessions().size(); s++) {
            SessionClinical x = c.sessions().get(s);
            immediate.add(x.immediateArealContractionPercent());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("session", s + 1);
            m.put("day", x.time() / Units.DAY);
            m.put("immediate_areal_contraction_percent", x.immediateArealContractionPercent());
            m.put("max_free_shrinkage_percent", 100 * x.maxShrinkage());
            m.put("contraction_solver_iterations", x.solverIterations());
            m.put("epidermis", layer(x.epidermis()));
            m.put("fat", layer(x.fat()));
            m.put("barrier_recovery_days", x.barrierRecoveryDays());
            m.put("papillary_wound_signal_rise", x.woundJump());
            m.put("erythema_days", x.erythemaDays());
            m.put("oedema_um", Units.toUm(x.oedemaThickness()));
            m.put("oedema_days", x.oedemaDays());
            sessions.add(m);
        }
        root.put("immediate_areal_contraction_percent", immediate);
        double[] t = c.times();
        double[] days = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            days[i] = t[i] / Units.DAY;
        }
        root.put("days", days);
        root.put("areal_contraction_percent", c.arealContractionPercent());
        root.put("thermal_areal_contraction_percent", c.thermalContractionPercent());
        double[] h = c.dermalThicknessChange();
        double[] o = c.oedemaThickness();
        for (int i = 0; i < h.length; i++) {
            h[i] = Units.toUm(h[i]);
            o[i] = Units.toUm(o[i]);
        }
        root.put("dermal_thickness_change_um", h);
        root.put("dermal_thickness_change_percent", c.dermalThicknessPercent());
        root.put("oedema_um", o);
        root.put("firmness_percent_vs_control", c.firmnessPercent());
        root.put("sessions", sessions);
        ClinicalParameters p = c.parameters();
        Map<String, Object> par = new LinkedHashMap<>();
        par.put("locked_fraction", p.lockedFraction());
        par.put("myofibroblast_strain", p.myofibroblastStrain());
        par.put("reepithelialisation_time_h", p.reepithelialisationTime() / Units.HOUR);
        par.put("erythema_time_d", p.erythemaTime() / Units.DAY);
        par.put("erythema_tolerance", p.erythemaTolerance());
        par.put("ha_bound_water_kg_per_kg", p.haBoundWater());
        par.put("oedema_fraction", p.oedemaFraction());
        par.put("oedema_time_d", p.oedemaTime() / Units.DAY);
        par.put("protein_specific_volume_m3_per_kg", ClinicalParameters.PROTEIN_SPECIFIC_VOLUME);
        par.put("elastin_firmness_weight", ClinicalParameters.ELASTIN_FIRMNESS_WEIGHT);
        par.put("first_degree_omega", ClinicalParameters.FIRST_DEGREE_OMEGA);
        par.put("second_degree_omega", ClinicalParameters.SECOND_DEGREE_OMEGA);
        par.put("cem43_threshold_min", ThermalRunResult.CEM43_NECROSIS_THRESHOLD);
        root.put("parameters", par);
        root.put("notes", new ArrayList<>(NOTES));
        return root;
    }

    private static Map<String, Object> layer(SessionClinical.LayerSafety s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_omega", s.maxOmega());
        m.put("first_degree_margin", Double.isNaN(s.maxOmega()) ? Double.NaN : s.firstDegreeMargin());
        m.put("second_degree_margin", Double.isNaN(s.maxOmega()) ? Double.NaN : s.secondDegreeMargin());
        m.put("max_cem43_min", s.maxCem43());
        m.put("cem43_margin", Double.isNaN(s.maxCem43()) ? Double.NaN : s.cem43Margin());
        m.put("lethal_volume_percent", s.lethalVolumePercent());
        m.put("pore_area_percent", s.poreAreaPercent());
        m.put("opened_area_percent", s.openedAreaPercent());
        return m;
    }

    /**
     * @param outcome the run
     * @return the console table, lines ending in \n
     */
    public static String table(Outcome outcome) {
        ClinicalOutcomes c = outcome.result().clinical();
        Locale l = Locale.ROOT;
        StringBuilder sb = new StringBuilder("\nClinical outcomes per session (contraction %: areal, of the skin"
                + " surface; Ω: Henriques cell death; margin = threshold/value)\n");
        sb.append(String.format(l, "  %-3s %5s %10s %11s %11s %10s %9s %10s %9s %9s%n", "#", "day", "contr %",
                "epi Ω", "1st° marg", "epi CEM43", "pores %", "opened %", "barrier d", "erythema d"));
        for (int s = 0; s < c.sessions().size(); s++) {
            SessionClinical x = c.sessions().get(s);
            sb.append(String.format(l, "  %-3d %5s %10s %11s %11s %10s %9.2f %10.2f %9.2f %9.2f%n", s + 1,
                    Summary.fmt(x.time() / Units.DAY), sci(x.immediateArealContractionPercent()),
                    sci(x.epidermis().maxOmega()),
                    sci(x.epidermis().firstDegreeMargin()), sci(x.epidermis().maxCem43()),
                    x.epidermis().poreAreaPercent(), x.epidermis().openedAreaPercent(), x.barrierRecoveryDays(),
                    x.erythemaDays()));
            SessionClinical.LayerSafety f = x.fat();
            if (Double.isNaN(f.maxOmega())) {
                sb.append("      fat: not in the simulated domain\n");
            } else {
                sb.append(String.format(l, "      fat: Ω %s (margin %s), CEM43 %s min (margin %s), lethal volume"
                        + " %.2f %%, pierced area %.2f %%%n", sci(f.maxOmega()), sci(f.secondDegreeMargin()),
                        sci(f.maxCem43()), sci(f.cem43Margin()), f.lethalVolumePercent(), f.poreAreaPercent()));
            }
        }
        double[] t = c.times();
        double[] a = c.arealContractionPercent();
        double[] th = c.thermalContractionPercent();
        if (t.length > 0) {
            double[] h = c.dermalThicknessChange();
            double[] hp = c.dermalThicknessPercent();
            double[] o = c.oedemaThickness();
            double[] f = c.firmnessPercent();
            sb.append(String.format(l, "  %5s %12s %12s %14s %10s %11s%n", "day", "contract %", "thermal %",
                    "thickness µm", "(%)", "firmness %"));
            double last = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                double day = t[i] / Units.DAY;
                if (i == t.length - 1 || day - last >= 7 - 1e-9) {
                    sb.append(String.format(l, "  %5s %12.4f %12.4f %14s %10.3f %+11.3f%n", Summary.fmt(day), a[i],
                            th[i], String.format(l, "%+.1f (%.1f oed.)", Units.toUm(h[i]), Units.toUm(o[i])), hp[i],
                            f[i]));
                    last = day;
                }
            }
        }
        for (String n : NOTES) {
            sb.append(Summary.wrap("note: " + n, "  ", 100));
        }
        return sb.toString();
    }

    private static String sci(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return v != 0 && (Math.abs(v) < 1e-2 || Math.abs(v) >= 1e4) ? String.format(Locale.ROOT, "%.2e", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * @param outcome the run
     * @return the HTML section
     */
    public static String html(Outcome outcome) {
        ClinicalOutcomes c = outcome.result().clinical();
        StringBuilder h = new StringBuilder("<h2>Clinical outcomes per session</h2>\n<table><tr><th>#</th><th>day</th>"
                + "<th>immediate areal contraction (%)</th><th>epidermis &Omega;</th><th>1st-degree margin</th>"
                + "<th>2nd-degree margin</th><th>epidermis CEM43 (min)</th><th>pores (% area)</th>"
                + "<th>opened (% area)</th><th>fat &Omega;</th><th>fat CEM43 (min)</th><th>barrier (d)</th>"
                + "<th>erythema (d)</th></tr>\n");
        for (int s = 0; s < c.sessions().size(); s++) {
            SessionClinical x = c.sessions().get(s);
            SessionClinical.LayerSafety e = x.epidermis();
            SessionClinical.LayerSafety f = x.fat();
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%.4f</td><td>%s</td><td>%s</td>"
                    + "<td>%s</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%s</td><td>%s</td><td>%.2f</td>"
                    + "<td>%.2f</td></tr>%n", s + 1, Summary.fmt(x.time() / Units.DAY),
                    x.immediateArealContractionPercent(), sci(e.maxOmega()), sci(e.firstDegreeMargin()),
                    sci(e.secondDegreeMargin()), sci(e.maxCem43()), e.poreAreaPercent(), e.openedAreaPercent(),
                    sci(f.maxOmega()), sci(f.maxCem43()), x.barrierRecoveryDays(), x.erythemaDays()));
        }
        h.append("</table>\n");
        double[] t = c.times();
        if (t.length > 0) {
            int last = t.length - 1;
            h.append(String.format(Locale.ROOT, "<p>On day %s (vs the untreated control): areal contraction %.4f %%"
                    + " (thermal part %.4f %%), dermal thickness %+.1f &micro;m (%+.2f %%; oedema %.1f &micro;m),"
                    + " firmness proxy %+.2f %%.</p>%n", Summary.fmt(t[last] / Units.DAY),
                    c.arealContractionPercent()[last], c.thermalContractionPercent()[last],
                    Units.toUm(c.dermalThicknessChange()[last]), c.dermalThicknessPercent()[last],
                    Units.toUm(c.oedemaThickness()[last]), c.firmnessPercent()[last]));
        }
        h.append("<ul>\n");
        for (String n : NOTES) {
            h.append("<li>").append(n.replace("&", "&amp;").replace("<", "&lt;")).append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }

    /**
     * The areal contraction over the course, with its thermal part; dotted lines mark the sessions.
     *
     * @param outcome the run
     * @param file the PNG
     * @throws IOException if writing fails
     */
    public static void contractionChart(Outcome outcome, Path file) throws IOException {
        ClinicalOutcomes c = outcome.result().clinical();
        XYSeries total = new XYSeries("areal contraction");
        XYSeries thermal = new XYSeries("thermal shrinkage part");
        double[] t = c.times();
        double[] a = c.arealContractionPercent();
        double[] th = c.thermalContractionPercent();
        for (int i = 0; i < t.length; i++) {
            total.add(t[i] / Units.DAY, a[i]);
            thermal.add(t[i] / Units.DAY, th[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(total);
        data.addSeries(thermal);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, new Color(0xd62728));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        NumberAxis y = new NumberAxis("areal contraction (%)");
        y.setAutoRangeIncludesZero(true);
        XYPlot top = new XYPlot(data, null, y, r);
        XYSeries thick = new XYSeries("dermal thickness change");
        XYSeries oed = new XYSeries("of which oedema");
        double[] h = c.dermalThicknessChange();
        double[] o = c.oedemaThickness();
        for (int i = 0; i < t.length; i++) {
            thick.add(t[i] / Units.DAY, Units.toUm(h[i]));
            oed.add(t[i] / Units.DAY, Units.toUm(o[i]));
        }
        XYSeriesCollection data2 = new XYSeriesCollection();
        data2.addSeries(thick);
        data2.addSeries(oed);
        XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer(true, false);
        r2.setSeriesPaint(0, new Color(0x2ca02c));
        r2.setSeriesPaint(1, new Color(0x9467bd));
        r2.setSeriesStroke(0, new BasicStroke(2f));
        r2.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        NumberAxis y2 = new NumberAxis("dermal thickness vs control (µm)");
        y2.setAutoRangeIncludesZero(true);
        XYPlot bottom = new XYPlot(data2, null, y2, r2);
        org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(
                new NumberAxis("day"));
        plot.setGap(16);
        plot.add(top, 1);
        plot.add(bottom, 1);
        for (XYPlot sub : List.of(top, bottom)) {
            for (SessionClinical s : c.sessions()) {
                ValueMarker m = new ValueMarker(s.time() / Units.DAY);
                m.setPaint(new Color(0, 0, 0, 100));
                m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {2f, 3f}, 0f));
                sub.addDomainMarker(m);
            }
        }
        JFreeChart chart = new JFreeChart("Contraction and thickness of the treated skin", TITLE, plot, true);
        chart.addSubtitle(new TextTitle("contraction: thermal shrinkage left after the denatured collagen is cleared,"
                + " plus myofibroblast traction; thickness: matrix, hyaluronan-bound water and oedema; dotted:"
                + " sessions", SUBTITLE));
        save(chart, file, 900, 750);
    }

    /**
     * @param session index from 0
     * @return the file name of a session's displacement cross-section
     */
    public static String displacementChartName(int session) {
        return String.format(Locale.ROOT, "displacement_session%d.png", session + 1);
    }

    /**
     * The in-plane displacement u_x of a session's immediate contraction in the x–z plane through the needle.
     *
     * @param outcome the run
     * @param session index from 0
     * @param file the PNG
     * @throws IOException if writing fails
     */
    public static void displacementChart(Outcome outcome, int session, Path file) throws IOException {
        SessionClinical s = outcome.result().clinical().sessions().get(session);
        Grid3D g = s.grid();
        int j = Summary.plane(g);
        double[][] xyz = new double[3][g.nx() * g.nz()];
        double hi = 0;
        int p = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                int c = g.index(i, j, k);
                double v = Units.toUm(s.displacementX()[c]);
                xyz[0][p] = Units.toMm(g.x(i) - g.lengthX() / 2);
                xyz[1][p] = Units.toMm(g.z(k));
                xyz[2][p] = v;
                hi = Math.max(hi, Math.abs(v));
                p++;
            }
        }
        hi = hi > 0 ? hi : 1e-6;
        Charts.ColourScale scale = new Charts.ColourScale(-hi, hi, new Color[] {new Color(0x3b4cc0),
            new Color(0xdddddd), new Color(0xb40426)});
        XYPlot plot = Charts.crossSection(g, "u_x", xyz, scale);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Session %d: lateral displacement of the"
                + " immediate contraction", session + 1), TITLE, plot, false);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "u_x in the x-z plane through the needle;"
                + " negative (blue) = towards -x; areal contraction %.4f %%, largest free shrinkage %.3f %%",
                s.immediateArealContractionPercent(), 100 * s.maxShrinkage()), SUBTITLE));
        NumberAxis legendAxis = new NumberAxis("u_x (µm)");
        legendAxis.setRange(-hi, hi);
        legendAxis.setLabelAngle(-Math.PI / 2);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        chart.addSubtitle(legend);
        double aspect = g.lengthZ() / g.lengthX();
        save(chart, file, 700, (int) Math.min(1200, 190 + 500 * aspect));
    }

    private static void save(JFreeChart chart, Path file, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        }
    }
}
