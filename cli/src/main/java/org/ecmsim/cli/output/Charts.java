package org.ecmsim.cli.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.course.DepthProfile;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.session.PulseRecord;
import org.ecmsim.simulation.session.CoagulationZone;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.units.Units;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
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
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG charts of a run, drawn with JFreeChart without a display ({@code java.awt.headless=true}).
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
        // PNGs are encoded in memory: ImageIO's default stages each one in a temporary file first (same bytes).
        ImageIO.setUseCache(false);
    }

    private static final Color[] LINE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Color CONTROL = new Color(0x7f7f7f);
    /** Curves closer than this, relative, are said to coincide: 0.1 %, less than a line's width on a chart. */
    static final double COINCIDE = 1e-3;
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
        plot.setGap(22); // room for the end labels of neighbouring y axes
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
            AxisSpan.of(data, AxisSpan.RELATIVE_MINIMUM, 0).apply(y);
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
        chart.addSubtitle(new TextTitle("layer means; dotted lines mark the sessions; each axis spans at least 0.2 %"
                + " of its values, so tiny changes stay small", SUBTITLE));
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
        plot.setGap(22); // room for the end labels of neighbouring y axes
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
            AxisSpan.of(data, 0, 0.2).including(0).apply(y);
            XYLineAndShapeRenderer r = lines();
            distinguish(r, data);
            XYPlot sub = new XYPlot(data, null, y, r);
            sub.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
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
        plot.setGap(28); // room for the end labels of neighbouring x axes
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
            AxisSpan.ofDomain(data, 0, 0.2).including(0).apply(x);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            for (int n = 0; n < data.getSeriesCount(); n++) {
                r.setSeriesPaint(n, LINE[n % LINE.length]);
                r.setSeriesStroke(n, new BasicStroke(2f));
                r.setSeriesShape(n, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
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
        AxisSpan.of(data, 0, 1.0).apply(y);
        XYLineAndShapeRenderer r = lines();
        distinguish(r, data);
        NumberAxis x = new NumberAxis("time in the session (ms)");
        AxisSpan.ofDomain(data, 0, 1.0).apply(x);
        XYPlot plot = new XYPlot(data, x, y, r);
        // the first (widest) curve underneath, the narrower ones drawn over it
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Tip impedance during the pulses", TITLE, plot, true);
        chart.addSubtitle(new TextTitle("(ΔV)²/P of the whole tip at each conductivity update", SUBTITLE));
        String same = coinciding(data);
        if (!same.isEmpty()) {
            chart.addSubtitle(new TextTitle(same + " to within 0.1 % (drawn with narrowing lines and different"
                    + " markers, one over the other)", SUBTITLE));
        }
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
        crossSection(outcome, 0, which, file);
    }

    /**
     * A heat map of the x-z plane through the needle axis ({@link Summary#plane}) of one session, at the end of its
     * thermal phase. The title states the session's peak and zone width as the table does ({@link Summary}); every
     * session of a run shares one colour scale.
     *
     * @param outcome the run
     * @param session index from 0
     * @param which the field
     * @param file the PNG to write
     * @throws IOException if writing fails
     */
    public static void crossSection(Outcome outcome, int session, CrossSection which, Path file) throws IOException {
        JFreeChart chart = crossSectionChart(outcome, session, which);
        Grid3D g = outcome.thermalGrid();
        double aspect = g.lengthZ() / g.lengthX();
        int width = 700;
        save(chart, file, width, (int) Math.min(1200, 190 + (width - 200) * aspect));
    }

    /**
     * @param outcome the run
     * @param session index from 0
     * @param which the field
     * @return the chart of {@link #crossSection(Outcome, int, CrossSection, Path)}
     */
    static JFreeChart crossSectionChart(Outcome outcome, int session, CrossSection which) {
        RfTreatmentResult rf = outcome.result().sessions().get(session);
        ThermalRunResult t = rf.thermal();
        Grid3D g = t.peakTemperature().grid();
        int j = Summary.plane(g);
        double[] field = switch (which) {
            case TEMPERATURE -> t.peakTemperature().values();
            case OMEGA -> rf.zoneOmega().values();
            case CEM43 -> t.cem43().values();
        };
        // tissue cells only: the needle's own cells are left out (grey background)
        List<double[]> cells = new ArrayList<>();
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
        // one colour scale for every session of the run, so that their charts compare
        double top = hi;
        for (RfTreatmentResult other : outcome.result().sessions()) {
            top = Math.max(top, switch (which) {
                case TEMPERATURE -> Units.kelvinToCelsius(other.thermal().peakTemperature().max());
                case OMEGA -> Math.log10(Math.max(other.zoneOmega().max(), 1e-12));
                case CEM43 -> Math.log10(Math.max(other.thermal().cem43().max(), 1e-12));
            });
        }
        ColourScale scale = switch (which) {
            case TEMPERATURE -> new ColourScale(37.0, Math.max(top, 38.0), ColourScale.INFERNO);
            case OMEGA -> new ColourScale(-4, Math.max(4, Math.ceil(top)), ColourScale.VIRIDIS);
            case CEM43 -> new ColourScale(-2, Math.max(4, Math.ceil(top)), ColourScale.VIRIDIS);
        };
        XYPlot plot = crossSection(g, which.name(), xyz, scale);
        plot.setBackgroundPaint(new Color(0x9a9a9a));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        layerMarkers(g, outcome.thermalLayers(), plot, true);
        layerLabels(outcome, plot);
        needleOutline(outcome, plot, j);
        zoneOutline(outcome, rf, plot, j);
        int sessions = outcome.result().sessions().size();
        double day = session * outcome.scenario().treatment().interval() / Units.DAY;
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Session %d of %d (day %s): %s", session + 1,
                sessions, Summary.fmt(day), which.title), TITLE, plot, false);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "x-z plane through the needle axis (y = %.3f mm)"
                + " of the unit cell %s, %.0f µm cells", Units.toMm(g.y(j)), mmSize(g), Units.toUm(g.dx())),
                SUBTITLE));
        chart.addSubtitle(new TextTitle(headline(outcome, rf, which, hi), SUBTITLE));
        chart.addSubtitle(new TextTitle("grey, white outline: the needle, exposed below the white tick;"
                + " red: lethal zone (Ω ≥ 1) with the needle inside it; dashed: layer boundaries", SUBTITLE));
        NumberAxis legendAxis = new NumberAxis(which.unit);
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        double span = scale.getUpperBound() - scale.getLowerBound();
        legendAxis.setTickUnit(new NumberTickUnit(which == CrossSection.TEMPERATURE ? (span > 30 ? 5 : 2)
                : span > 12 ? 2 : 1, decimals(0)));
        // the unit reads upright: the axis of a right-hand legend turns its label by +90°, this turns it back
        legendAxis.setLabelAngle(-Math.PI / 2);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(256);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The line of a cross-section's title with the session's numbers, defined as in the table ({@link Summary}).
     *
     * @param outcome the run
     * @param rf the session
     * @param which the field shown
     * @param planeMax the highest value of the field in the plotted plane (display units)
     * @return the text
     */
    static String headline(Outcome outcome, RfTreatmentResult rf, CrossSection which, double planeMax) {
        Locale l = Locale.ROOT;
        double peak = Units.kelvinToCelsius(rf.thermal().peakTemperature().max());
        CoagulationZone zone = rf.largestZone();
        String text = String.format(l, "peak %.1f °C in the unit cell", peak);
        if (which == CrossSection.TEMPERATURE) {
            text += String.format(l, " (%.1f °C in this plane)", planeMax);
        } else {
            text += String.format(l, "; %s up to %.1f in this plane", which.unit, planeMax);
        }
        if (zone == null || zone.cells() == 0) {
            return text + "; no lethal zone";
        }
        return text + String.format(l, "; lethal zone %.0f µm wide (widest, any direction; %.0f µm across this"
                + " plane), %.2f–%.2f mm deep", Units.toUm(zone.width()),
                Units.toUm(Summary.zoneWidthInPlane(outcome, rf)), Units.toMm(zone.top()), Units.toMm(zone.bottom()));
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

    /**
     * Outlines, in red and as one contour, the lethal zone in the plane: the cells with Ω ≥ 1 of the zone process,
     * and the needle's cells between the zone's top and bottom rows (the zone wraps around the needle).
     */
    private static void zoneOutline(Outcome outcome, RfTreatmentResult rf, XYPlot plot, int j) {
        Grid3D g = outcome.thermalGrid();
        double[] omega = rf.zoneOmega().values();
        boolean[][] lethal = new boolean[g.nx()][g.nz()];
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                if (omega[g.index(i, j, k)] >= 1.0) {
                    lethal[i][k] = true;
                    top = Math.min(top, k);
                    bottom = Math.max(bottom, k);
                }
            }
        }
        if (bottom < 0) {
            return;
        }
        for (int k = top; k <= bottom; k++) {
            for (int i = 0; i < g.nx(); i++) {
                lethal[i][k] |= outcome.needle().contains(g.index(i, j, k));
            }
        }
        double half = g.lengthX() / 2;
        Path2D.Double path = new Path2D.Double();
        for (int[] e : contour(lethal)) {
            path.moveTo(Units.toMm(e[0] * g.dx() - half), Units.toMm(e[1] * g.dz()));
            path.lineTo(Units.toMm(e[2] * g.dx() - half), Units.toMm(e[3] * g.dz()));
        }
        plot.addAnnotation(new XYShapeAnnotation(path, new BasicStroke(2f), new Color(0xff2020)));
    }

    /**
     * The boundary of a region of cells as straight segments along cell edges: each segment runs between two grid
     * nodes {@code {i0, k0, i1, k1}} (node (i, k) is the corner before cell (i, k)), with the region on the same
     * side along its whole length; collinear edges are merged, so a rectangle gives 4 segments and an L shape 6.
     *
     * @param mask mask[i][k], true inside the region
     * @return the segments
     */
    static List<int[]> contour(boolean[][] mask) {
        int nx = mask.length;
        int nz = nx == 0 ? 0 : mask[0].length;
        List<int[]> out = new ArrayList<>();
        // horizontal edges on node rows k = 0..nz, between cells (i, k-1) and (i, k)
        for (int k = 0; k <= nz; k++) {
            int side = 0;
            int start = 0;
            for (int i = 0; i <= nx; i++) {
                int s = 0;
                if (i < nx) {
                    boolean above = k > 0 && mask[i][k - 1];
                    boolean below = k < nz && mask[i][k];
                    s = above == below ? 0 : above ? 1 : -1;
                }
                if (s != side) {
                    if (side != 0) {
                        out.add(new int[] {start, k, i, k});
                    }
                    side = s;
                    start = i;
                }
            }
        }
        // vertical edges on node columns i = 0..nx, between cells (i-1, k) and (i, k)
        for (int i = 0; i <= nx; i++) {
            int side = 0;
            int start = 0;
            for (int k = 0; k <= nz; k++) {
                int s = 0;
                if (k < nz) {
                    boolean left = i > 0 && mask[i - 1][k];
                    boolean right = i < nx && mask[i][k];
                    s = left == right ? 0 : left ? 1 : -1;
                }
                if (s != side) {
                    if (side != 0) {
                        out.add(new int[] {i, start, i, k});
                    }
                    side = s;
                    start = k;
                }
            }
        }
        return out;
    }

    /** Names each layer at its upper boundary, inside the plot's left edge. */
    private static void layerLabels(Outcome outcome, XYPlot plot) {
        Grid3D g = outcome.thermalGrid();
        MaterialMap layers = outcome.thermalLayers();
        List<String> names = outcome.layerNames();
        double left = Units.toMm(-g.lengthX() / 2) + 0.01;
        int previous = -1;
        for (int k = 0; k < g.nz(); k++) {
            int m = layers.get(0, 0, k);
            if (m != previous && m >= 0 && m < names.size()) {
                XYTextAnnotation a = new XYTextAnnotation(names.get(m), left, Units.toMm(k * g.dz()) + 0.005);
                a.setTextAnchor(TextAnchor.TOP_LEFT);
                a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                a.setPaint(Color.WHITE);
                plot.addAnnotation(a);
            }
            previous = m;
        }
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

    /** Distinct colours, dashes and markers, so that curves lying on one another stay visible: narrowing widths. */
    private static void distinguish(XYLineAndShapeRenderer r, XYSeriesCollection data) {
        int count = data.getSeriesCount();
        int points = 0;
        for (int n = 0; n < count; n++) {
            points = Math.max(points, data.getItemCount(n));
        }
        // markers only where they stay apart; dense curves keep their dash patterns
        boolean markers = points <= 60;
        float[][] dashes = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
        Shape[] shapes = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-3, -3, 6, 6),
            new Path2D.Double(new java.awt.Polygon(new int[] {0, 4, -4}, new int[] {-4, 3, 3}, 3)),
            new Rectangle2D.Double(-1.5, -4, 3, 8)};
        for (int n = 0; n < count; n++) {
            float width = Math.max(1.2f, 4.5f - 1.2f * n);
            float[] dash = dashes[n % dashes.length];
            r.setSeriesStroke(n, dash == null ? new BasicStroke(width)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f));
            r.setSeriesPaint(n, LINE[n % LINE.length]);
            r.setSeriesShape(n, shapes[n % shapes.length]);
            r.setSeriesShapesVisible(n, markers);
            r.setSeriesShapesFilled(n, n == 0);
        }
    }

    /**
     * @param data series
     * @return e.g. "sessions 1, 2 and 3 coincide", naming the groups of series with the same points (to
     *         {@link #COINCIDE}, relative: closer than a line is wide), or "" if no two coincide
     */
    static String coinciding(XYSeriesCollection data) {
        int n = data.getSeriesCount();
        boolean[] done = new boolean[n];
        List<String> groups = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (done[a]) {
                continue;
            }
            List<String> group = new ArrayList<>();
            group.add(String.valueOf(data.getSeriesKey(a)));
            for (int b = a + 1; b < n; b++) {
                if (!done[b] && same(data.getSeries(a), data.getSeries(b))) {
                    done[b] = true;
                    group.add(String.valueOf(data.getSeriesKey(b)).replaceFirst("^session ", ""));
                }
            }
            if (group.size() > 1) {
                String last = group.remove(group.size() - 1);
                group.set(0, group.get(0).replaceFirst("^session ", "sessions "));
                groups.add(String.join(", ", group) + " and " + last + " coincide");
            }
        }
        return String.join("; ", groups);
    }

    private static boolean same(XYSeries a, XYSeries b) {
        if (a.getItemCount() != b.getItemCount()) {
            return false;
        }
        for (int i = 0; i < a.getItemCount(); i++) {
            double x = a.getX(i).doubleValue();
            double y = a.getY(i).doubleValue();
            double u = b.getX(i).doubleValue();
            double v = b.getY(i).doubleValue();
            if (Double.isNaN(y) != Double.isNaN(v)) {
                return false;
            }
            if (!Double.isNaN(y) && (Math.abs(x - u) > COINCIDE * Math.abs(x) + 1e-12
                    || Math.abs(y - v) > COINCIDE * Math.abs(y) + 1e-12)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell-block plot of an x–z cross-section: x from the needle axis and depth (downwards) in mm over the whole
     * grid, ticks every 0.25 mm (0.1 mm on small grids), no grid lines.
     *
     * @param g the grid of the section
     * @param series the series name
     * @param xyz x (mm), depth (mm) and value per cell
     * @param scale the colours of the values
     * @return the plot
     */
    static XYPlot crossSection(Grid3D g, String series, double[][] xyz, PaintScale scale) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(series, xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(Units.toMm(g.dx()));
        r.setBlockHeight(Units.toMm(g.dz()));
        r.setPaintScale(scale);
        NumberAxis x = new NumberAxis("x from the needle axis (mm)");
        x.setRange(-Units.toMm(g.lengthX()) / 2, Units.toMm(g.lengthX()) / 2);
        NumberAxis z = new NumberAxis("depth (mm)");
        z.setRange(0, Units.toMm(g.lengthZ()));
        z.setInverted(true);
        z.setTickUnit(new NumberTickUnit(g.lengthZ() > Units.mm(1.5) ? 0.25 : 0.1, decimals(2)));
        x.setTickUnit(new NumberTickUnit(g.lengthX() > Units.mm(1.5) ? 0.25 : 0.1, decimals(2)));
        XYPlot plot = new XYPlot(data, x, z, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    /**
     * @param places decimals
     * @return a plain-decimal format with that many decimals and "." as separator whatever the locale
     */
    static DecimalFormat decimals(int places) {
        return new DecimalFormat(places == 0 ? "0" : "0." + "0".repeat(places),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * The range and ticks of a value axis: at least a minimum span (so a near-constant series is drawn flat, not
     * blown up to its last digit), ends on whole ticks, 1-2-5 tick steps, and labels with just enough decimals to
     * tell the ticks apart (no scientific notation, no repeated labels).
     *
     * @param lower the lower end
     * @param upper the upper end
     * @param tick the tick step
     * @param decimals decimals of the tick labels
     */
    record AxisSpan(double lower, double upper, double tick, int decimals) {

        /** The relative minimum span of the concentration axes: 0.2 % of the largest magnitude. */
        static final double RELATIVE_MINIMUM = 2e-3;

        /**
         * @param lo the smallest value
         * @param hi the largest value
         * @param relativeMinimum the smallest span as a fraction of the largest magnitude
         * @param absoluteMinimum the smallest span in the values' unit
         * @return the span
         */
        static AxisSpan of(double lo, double hi, double relativeMinimum, double absoluteMinimum) {
            if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                lo = 0;
                hi = 1;
            }
            double min = Math.max(Math.max(relativeMinimum * Math.max(Math.abs(lo), Math.abs(hi)), absoluteMinimum),
                    1e-12);
            if (hi - lo < min) {
                double mid = 0.5 * (lo + hi);
                lo = mid - min / 2;
                hi = mid + min / 2;
            }
            double raw = (hi - lo) / 6;
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            double tick = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
            double lower = Math.floor(lo / tick + 1e-9) * tick;
            double upper = Math.ceil(hi / tick - 1e-9) * tick;
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(tick) + 1e-9));
            return new AxisSpan(lower, upper, tick, decimals);
        }

        /**
         * @param data series
         * @param relativeMinimum the smallest span as a fraction of the largest magnitude
         * @param absoluteMinimum the smallest span in the values' unit
         * @return the span of the y values
         */
        static AxisSpan of(XYSeriesCollection data, double relativeMinimum, double absoluteMinimum) {
            return of(data, false, relativeMinimum, absoluteMinimum);
        }

        /**
         * @param data series
         * @param relativeMinimum the smallest span as a fraction of the largest magnitude
         * @param absoluteMinimum the smallest span in the values' unit
         * @return the span of the x values
         */
        static AxisSpan ofDomain(XYSeriesCollection data, double relativeMinimum, double absoluteMinimum) {
            return of(data, true, relativeMinimum, absoluteMinimum);
        }

        private static AxisSpan of(XYSeriesCollection data, boolean xs, double relativeMinimum,
                double absoluteMinimum) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double v = xs ? data.getXValue(s, i) : data.getYValue(s, i);
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            return of(lo, hi, relativeMinimum, absoluteMinimum);
        }

        /**
         * @param value a value the axis must show (e.g. 0 for a change)
         * @return this span, widened to it if needed
         */
        AxisSpan including(double value) {
            if (value >= lower && value <= upper) {
                return this;
            }
            return of(Math.min(lower, value), Math.max(upper, value), 0, tick);
        }

        /** @return the tick label format */
        DecimalFormat format() {
            return Charts.decimals(decimals);
        }

        /**
         * @param value a tick value
         * @return its label
         */
        String label(double value) {
            return format().format(value);
        }

        /** @param axis set to this span, its ticks and their labels */
        void apply(NumberAxis axis) {
            axis.setAutoRange(false);
            axis.setRange(lower, upper);
            axis.setTickUnit(new NumberTickUnit(tick, format()));
        }
    }

    private static void save(JFreeChart chart, Path file, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
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
