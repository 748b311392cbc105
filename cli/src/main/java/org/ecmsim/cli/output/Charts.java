package org.ecmsim.cli.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.course.DepthProfile;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.session.PulseRecord;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.units.Units;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG charts of a run, drawn with JFreeChart without a display ({@code java.awt.headless=true}).
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color[] LINE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Color CONTROL = new Color(0x7f7f7f);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /**
     * Treated vs control time course of each matrix component in one layer.
     *
     * @param outcome the run
     * @param layer the layer's series
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void timeCourse(Outcome outcome, LayerTimeSeries layer, Path file) throws IOException {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("day"));
        plot.setGap(12);
        for (Species s : Summary.MATRIX) {
            XYSeries treated = new XYSeries("treated");
            XYSeries control = new XYSeries("untreated control");
            double[] days = Summary.days(layer);
            for (int i = 0; i < days.length; i++) {
                treated.add(days[i], layer.treated().get(s)[i]);
                control.add(days[i], layer.control().get(s)[i]);
            }
            XYSeriesCollection data = new XYSeriesCollection();
            data.addSeries(treated);
            data.addSeries(control);
            NumberAxis y = new NumberAxis(Summary.label(s) + " (" + s.unit() + ")");
            y.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = lines();
            r.setSeriesPaint(0, LINE[0]);
            r.setSeriesPaint(1, CONTROL);
            r.setSeriesStroke(1, dashed());
            XYPlot sub = new XYPlot(data, null, y, r);
            sessionMarkers(outcome, sub);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(layer.layer() + ": matrix, treated vs untreated control", TITLE, plot,
                false);
        legendOf(chart, plot.getSubplots().get(0));
        chart.addSubtitle(new TextTitle("layer means; dotted lines mark the sessions", SUBTITLE));
        save(chart, file, 900, 1000);
    }

    /**
     * Change vs control of each matrix component, one line per layer.
     *
     * @param outcome the run
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void percentVsControl(Outcome outcome, Path file) throws IOException {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("day"));
        plot.setGap(12);
        for (Species s : Summary.MATRIX) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (LayerTimeSeries layer : outcome.result().layers()) {
                XYSeries series = new XYSeries(layer.layer());
                double[] days = Summary.days(layer);
                for (int i = 0; i < days.length; i++) {
                    series.add(days[i], layer.percentVsControl(s, i));
                }
                data.addSeries(series);
            }
            NumberAxis y = new NumberAxis(Summary.label(s) + " (%)");
            y.setAutoRangeIncludesZero(true);
            XYLineAndShapeRenderer r = lines();
            for (int n = 0; n < data.getSeriesCount(); n++) {
                r.setSeriesPaint(n, LINE[n % LINE.length]);
            }
            XYPlot sub = new XYPlot(data, null, y, r);
            sessionMarkers(outcome, sub);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart("Change vs untreated control, by layer", TITLE, plot, false);
        legendOf(chart, plot.getSubplots().get(0));
        chart.addSubtitle(new TextTitle("(treated - control) / control x 100; dotted lines mark the sessions",
                SUBTITLE));
        save(chart, file, 900, 1000);
    }

    /**
     * Change vs control against depth on each snapshot day, one panel per matrix component.
     *
     * @param outcome the run
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void depthProfiles(Outcome outcome, Path file) throws IOException {
        NumberAxis depth = new NumberAxis("depth (mm)");
        depth.setInverted(true);
        depth.setAutoRangeIncludesZero(true);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(depth);
        plot.setGap(10);
        List<DepthProfile> profiles = outcome.result().profiles();
        for (Species s : Summary.MATRIX) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (DepthProfile p : profiles) {
                XYSeries series = new XYSeries("day " + Summary.fmt(p.time() / Units.DAY), false);
                double[] t = p.treated().get(s);
                double[] c = p.control().get(s);
                for (int k = 0; k < t.length; k++) {
                    series.add(c[k] == 0 ? Double.NaN : 100 * (t[k] - c[k]) / c[k], Units.toMm(p.depths()[k]));
                }
                data.addSeries(series);
            }
            NumberAxis x = new NumberAxis(Summary.label(s) + " (%)");
            x.setAutoRangeIncludesZero(true);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            for (int n = 0; n < data.getSeriesCount(); n++) {
                r.setSeriesPaint(n, LINE[n % LINE.length]);
                r.setSeriesStroke(n, new BasicStroke(2f));
                r.setSeriesShape(n, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            }
            XYPlot sub = new XYPlot(data, x, null, r);
            sub.setDomainZeroBaselineVisible(true);
            layerMarkers(outcome.biologyGrid(), outcome.biologyLayers(), sub, false);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart("Depth profiles: change vs untreated control", TITLE, plot, false);
        legendOf(chart, plot.getSubplots().get(0));
        chart.addSubtitle(new TextTitle("means over the unit cell at each depth; grey lines: layer boundaries",
                SUBTITLE));
        save(chart, file, 1200, 700);
    }

    /**
     * Impedance of the tip during each pulse of each session.
     *
     * @param outcome the run
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void impedance(Outcome outcome, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        List<RfTreatmentResult> sessions = outcome.result().sessions();
        for (int s = 0; s < sessions.size(); s++) {
            XYSeries series = new XYSeries("session " + (s + 1), false);
            for (PulseRecord p : sessions.get(s).pulses()) {
                double[] t = p.times();
                double[] z = p.impedance();
                for (int i = 0; i < t.length; i++) {
                    series.add(t[i] * 1e3, z[i]);
                }
                series.add(Double.NaN, Double.NaN); // break the line between pulses
            }
            data.addSeries(series);
        }
        NumberAxis y = new NumberAxis("tip impedance (Ω)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = lines();
        for (int n = 0; n < data.getSeriesCount(); n++) {
            r.setSeriesPaint(n, LINE[n % LINE.length]);
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("time in the session (ms)"), y, r);
        JFreeChart chart = new JFreeChart("Tip impedance during the pulses", TITLE, plot, true);
        chart.addSubtitle(new TextTitle("(ΔV)²/P of the whole tip at each conductivity update", SUBTITLE));
        save(chart, file, 900, 500);
    }

    /** A field of a cross-section: what it is and how to colour it. */
    enum CrossSection {
        /** Peak temperature (°C). */
        TEMPERATURE("peak temperature", "°C"),
        /** log10 Ω of cell death. */
        OMEGA("cell death, log10 Ω (Henriques; Ω ≥ 1 is lethal)", "log10 Ω"),
        /** log10 CEM43. */
        CEM43("thermal dose, log10 CEM43 (240 min: necrosis)", "log10 min");

        final String title;
        final String unit;

        CrossSection(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }
    }

    /**
     * A heat map of the x-z plane through the needle axis, first session, at the end of its thermal phase.
     *
     * @param outcome the run
     * @param which the field
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void crossSection(Outcome outcome, CrossSection which, Path file) throws IOException {
        RfTreatmentResult rf = outcome.result().sessions().get(0);
        ThermalRunResult t = rf.thermal();
        Grid3D g = t.peakTemperature().grid();
        int j = g.ny() / 2;
        double[] field = switch (which) {
            case TEMPERATURE -> t.peakTemperature().values();
            case OMEGA -> rf.zoneOmega().values();
            case CEM43 -> t.cem43().values();
        };
        // tissue cells only: the needle's own cells are left out (grey background)
        List<double[]> cells = new java.util.ArrayList<>();
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                int c = g.index(i, j, k);
                if (outcome.needle().contains(c)) {
                    continue;
                }
                double v = field[c];
                v = which == CrossSection.TEMPERATURE ? Units.kelvinToCelsius(v) : Math.log10(Math.max(v, 1e-12));
                cells.add(new double[] {Units.toMm(g.x(i) - g.lengthX() / 2), Units.toMm(g.z(k)), v});
                hi = Math.max(hi, v);
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int p = 0; p < cells.size(); p++) {
            for (int d = 0; d < 3; d++) {
                xyz[d][p] = cells.get(p)[d];
            }
        }
        ColourScale scale = switch (which) {
            case TEMPERATURE -> new ColourScale(37.0, Math.max(hi, 38.0), ColourScale.INFERNO);
            case OMEGA -> new ColourScale(-4, Math.max(4, Math.ceil(hi)), ColourScale.VIRIDIS);
            case CEM43 -> new ColourScale(-2, Math.max(4, Math.ceil(hi)), ColourScale.VIRIDIS);
        };
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(which.name(), xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(Units.toMm(g.dx()));
        r.setBlockHeight(Units.toMm(g.dz()));
        r.setPaintScale(scale);
        NumberAxis x = new NumberAxis("x from the needle axis (mm)");
        x.setRange(-Units.toMm(g.lengthX()) / 2, Units.toMm(g.lengthX()) / 2);
        NumberAxis z = new NumberAxis("depth (mm)");
        z.setRange(0, Units.toMm(g.lengthZ()));
        z.setInverted(true);
        z.setTickUnit(new NumberTickUnit(g.lengthZ() > Units.mm(1.5) ? 0.25 : 0.1));
        x.setTickUnit(new NumberTickUnit(g.lengthX() > Units.mm(1.5) ? 0.25 : 0.1));
        XYPlot plot = new XYPlot(data, x, z, r);
        plot.setBackgroundPaint(new Color(0x9a9a9a));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        layerMarkers(g, outcome.thermalLayers(), plot, true);
        needleOutline(outcome, plot, j);
        zoneOutline(outcome, rf, plot, j);
        JFreeChart chart = new JFreeChart("Session 1: " + which.title, TITLE, plot, false);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "x-z plane through the needle axis (y = %.3f mm),"
                + " unit cell %s, %.0f µm cells; tissue max %.3g %s", Units.toMm(g.y(j)), mmSize(g),
                Units.toUm(g.dx()), hi, which.unit), SUBTITLE));
        chart.addSubtitle(new TextTitle("grey, white outline: the needle, exposed below the white tick;"
                + " red: lethal zone, Ω ≥ 1 (Henriques); dashed: layer boundaries", SUBTITLE));
        NumberAxis legendAxis = new NumberAxis(which.unit);
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        double span = scale.getUpperBound() - scale.getLowerBound();
        legendAxis.setTickUnit(new NumberTickUnit(which == CrossSection.TEMPERATURE ? (span > 30 ? 5 : 2)
                : span > 12 ? 2 : 1));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(256);
        chart.addSubtitle(legend);
        double aspect = g.lengthZ() / g.lengthX();
        int width = 640;
        save(chart, file, width, (int) Math.min(1100, 140 + (width - 160) * aspect));
    }

    /** One legend for a combined plot, from its first subplot (the subplots share their series). */
    private static void legendOf(JFreeChart chart, Object firstSubplot) {
        LegendTitle legend = new LegendTitle((XYPlot) firstSubplot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(4, 4, 4, 4));
        chart.addSubtitle(legend);
    }

    private static String mmSize(Grid3D g) {
        return String.format(Locale.ROOT, "%.2f × %.2f × %.2f mm", Units.toMm(g.lengthX()), Units.toMm(g.lengthY()),
                Units.toMm(g.lengthZ()));
    }

    /** Outlines the needle cells of the plane (white), from the painted needle mask. */
    private static void needleOutline(Outcome outcome, XYPlot plot, int j) {
        Grid3D g = outcome.thermalGrid();
        int left = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                if (outcome.needle().contains(g.index(i, j, k))) {
                    left = Math.min(left, i);
                    right = Math.max(right, i);
                    bottom = Math.max(bottom, k);
                }
            }
        }
        if (right < 0) {
            return;
        }
        double x0 = Units.toMm(left * g.dx() - g.lengthX() / 2);
        double x1 = Units.toMm((right + 1) * g.dx() - g.lengthX() / 2);
        double z1 = Units.toMm((bottom + 1) * g.dz());
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x0, 0, x1 - x0, z1),
                new BasicStroke(1.5f), Color.WHITE));
        double exposedTop = Units.toMm(outcome.scenario().treatment().passes().get(0).needleDepth()
                - Math.min(outcome.scenario().tip().exposed(), outcome.scenario().treatment().passes().get(0)
                        .needleDepth()));
        double tick = Units.toMm(g.dx()) / 2;
        plot.addAnnotation(new XYLineAnnotation(x0 - tick, exposedTop, x1 + tick, exposedTop, new BasicStroke(2f),
                Color.WHITE));
    }

    /** Outlines, in red, the tissue cells of the plane with Ω ≥ 1 of the zone process. */
    private static void zoneOutline(Outcome outcome, RfTreatmentResult rf, XYPlot plot, int j) {
        Grid3D g = outcome.thermalGrid();
        double[] omega = rf.zoneOmega().values();
        BasicStroke stroke = new BasicStroke(2f);
        Color red = new Color(0xff2020);
        double half = g.lengthX() / 2;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                if (!lethal(outcome, omega, g, i, j, k)) {
                    continue;
                }
                double x0 = Units.toMm(i * g.dx() - half);
                double x1 = Units.toMm((i + 1) * g.dx() - half);
                double z0 = Units.toMm(k * g.dz());
                double z1 = Units.toMm((k + 1) * g.dz());
                if (!lethal(outcome, omega, g, i - 1, j, k)) {
                    plot.addAnnotation(new XYLineAnnotation(x0, z0, x0, z1, stroke, red));
                }
                if (!lethal(outcome, omega, g, i + 1, j, k)) {
                    plot.addAnnotation(new XYLineAnnotation(x1, z0, x1, z1, stroke, red));
                }
                if (!lethal(outcome, omega, g, i, j, k - 1)) {
                    plot.addAnnotation(new XYLineAnnotation(x0, z0, x1, z0, stroke, red));
                }
                if (!lethal(outcome, omega, g, i, j, k + 1)) {
                    plot.addAnnotation(new XYLineAnnotation(x0, z1, x1, z1, stroke, red));
                }
            }
        }
    }

    private static boolean lethal(Outcome outcome, double[] omega, Grid3D g, int i, int j, int k) {
        if (i < 0 || i >= g.nx() || k < 0 || k >= g.nz()) {
            return false;
        }
        int c = g.index(i, j, k);
        return !outcome.needle().contains(c) && omega[c] >= 1.0;
    }

    /** Horizontal (or, for profiles, along the range axis) lines at the layer boundaries. */
    private static void layerMarkers(Grid3D g, MaterialMap layers, XYPlot plot, boolean light) {
        int previous = layers.get(0, 0, 0);
        for (int k = 1; k < g.nz(); k++) {
            int m = layers.get(0, 0, k);
            if (m != previous) {
                ValueMarker marker = new ValueMarker(Units.toMm(k * g.dz()));
                marker.setPaint(light ? new Color(255, 255, 255, 140) : new Color(0, 0, 0, 90));
                marker.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {4f, 3f}, 0f));
                plot.addRangeMarker(marker);
                previous = m;
            }
        }
    }

    private static void sessionMarkers(Outcome outcome, XYPlot plot) {
        double interval = outcome.scenario().treatment().interval() / Units.DAY;
        for (int s = 0; s < outcome.scenario().treatment().sessions(); s++) {
            ValueMarker m = new ValueMarker(s * interval);
            m.setPaint(new Color(0, 0, 0, 100));
            m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f},
                    0f));
            plot.addDomainMarker(m);
        }
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int n = 0; n < 8; n++) {
            r.setSeriesStroke(n, new BasicStroke(2f));
        }
        return r;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f);
    }

    private static void save(JFreeChart chart, Path file, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        }
    }

    /** A colour scale interpolated between a few anchor colours; values outside the range take the end colours. */
    static final class ColourScale implements PaintScale {
        /** matplotlib's inferno at 0, ¼, ½, ¾, 1. */
        static final Color[] INFERNO = {new Color(0x000004), new Color(0x57106e), new Color(0xbc3754),
            new Color(0xf98e09), new Color(0xfcffa4)};
        /** matplotlib's viridis at 0, ¼, ½, ¾, 1. */
        static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
            new Color(0x5ec962), new Color(0xfde725)};

        private final double lower;
        private final double upper;
        private final Color[] anchors;

        ColourScale(double lower, double upper, Color[] anchors) {
            this.lower = lower;
            this.upper = upper;
            this.anchors = anchors.clone();
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double f = (value - lower) / (upper - lower);
            f = Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
            double pos = f * (anchors.length - 1);
            int a = Math.min((int) pos, anchors.length - 2);
            double w = pos - a;
            Color c0 = anchors[a];
            Color c1 = anchors[a + 1];
            return new Color((int) Math.round(c0.getRed() + w * (c1.getRed() - c0.getRed())),
                    (int) Math.round(c0.getGreen() + w * (c1.getGreen() - c0.getGreen())),
                    (int) Math.round(c0.getBlue() + w * (c1.getBlue() - c0.getBlue())));
        }
    }
}
