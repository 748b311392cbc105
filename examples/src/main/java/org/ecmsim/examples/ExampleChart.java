package org.ecmsim.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Small PNG charts (JFreeChart) of what the examples print, for readers who would rather look than read. */
final class ExampleChart {

    /** Width of the charts (px). */
    static final int WIDTH = 800;
    /** Height of the charts (px). */
    static final int HEIGHT = 500;

    /**
     * One curve.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param y the values
     */
    record Series(String name, double[] x, double[] y) {
    }

    private ExampleChart() {
    }

    /**
     * @param file the PNG to write
     * @param title the chart title
     * @param xLabel the x axis label, with its unit
     * @param yLabel the y axis label, with its unit
     * @param series the curves
     * @param points whether to mark the data points
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path line(Path file, String title, String xLabel, String yLabel, List<Series> series, boolean points)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], Double.isFinite(s.y()[i]) ? s.y()[i] : null);
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, points);
        for (int s = 0; s < series.size(); s++) {
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    /**
     * @param file the PNG to write
     * @param title the chart title
     * @param yLabel the value axis label, with its unit
     * @param categories the bar groups
     * @param seriesNames the bars of each group
     * @param values values[series][category]
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path bars(Path file, String title, String yLabel, List<String> categories, List<String> seriesNames,
            double[][] values) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < seriesNames.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(values[s][c], seriesNames.get(s), categories.get(c));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL,
                seriesNames.size() > 1, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }
}
