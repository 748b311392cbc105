package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart logic: axis spans and labels of near-constant series, the contour of a region of cells, coinciding
 * curves named, and the cross-section titles carrying the table's numbers for every session of a small run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartsTest {

    @TempDir
    static Path dir;
    private Outcome outcome;

    @BeforeAll
    void run() {
        outcome = CourseRunner.run(ScenarioParser.parse("""
                tip: {rows: 3, columns: 3}
                treatment: {sessions: 2, interval: 1 d, follow_up: 2 d}
                numerics: {cell_size: 100 um, biology_step: 6 h}
                output: {sample_every: 1 d, snapshot_days: [1 d]}
                """, "t.yaml"), ParallelExecutor.serial(), new CourseRunner.Progress() { });
    }

    /** A series constant to 1e-9 gets a span of 0.2 % of its value and distinct, plain tick labels. */
    @Test
    void nearConstantSeriesGetsAReadableAxis() {
        Charts.AxisSpan s = Charts.AxisSpan.of(127.1136, 127.1136 + 1e-9, Charts.AxisSpan.RELATIVE_MINIMUM, 0);
        assertThat(s.upper() - s.lower()).isGreaterThanOrEqualTo(0.002 * 127.1136);
        assertThat(s.lower()).isLessThanOrEqualTo(127.1136);
        assertThat(s.upper()).isGreaterThanOrEqualTo(127.1136 + 1e-9);
        assertThat(s.tick()).isEqualTo(0.05);
        assertThat(s.decimals()).isEqualTo(2);
        Set<String> labels = new HashSet<>();
        int ticks = 0;
        for (double v = s.lower(); v <= s.upper() + s.tick() / 2; v += s.tick()) {
            String label = s.label(v);
            assertThat(label).doesNotContain("E").matches("\\d+\\.\\d\\d");
            labels.add(label);
            ticks++;
        }
        assertThat(labels).as("no repeated tick label").hasSize(ticks);
        assertThat(ticks).isBetween(3, 10);
        // a real spread is kept, ends on whole ticks
        Charts.AxisSpan wide = Charts.AxisSpan.of(-3.2, 11.1, 0, 0.2);
        assertThat(wide.tick()).isEqualTo(5);
        assertThat(wide.lower()).isEqualTo(-5);
        assertThat(wide.upper()).isEqualTo(15);
        assertThat(wide.label(10)).isEqualTo("10");
        // a change near 0 with a floor of 0.2 percentage points, widened to include 0
        Charts.AxisSpan small = Charts.AxisSpan.of(0.001, 0.0011, 0, 0.2).including(0);
        assertThat(small.lower()).isLessThanOrEqualTo(0);
        assertThat(small.upper() - small.lower()).isGreaterThanOrEqualTo(0.2);
    }

    /** An L of three cells has 6 straight edges; a rectangle 4; two cells touching at a corner 8. */
    @Test
    void contourOfCellRegions() {
        boolean[][] l = new boolean[4][4];
        l[1][1] = true;
        l[1][2] = true;
        l[2][2] = true;
        List<int[]> edges = Charts.contour(l);
        assertThat(edges).hasSize(6);
        long perimeter = edges.stream().mapToLong(e -> Math.abs(e[2] - e[0]) + Math.abs(e[3] - e[1])).sum();
        assertThat(perimeter).isEqualTo(8);
        boolean[][] box = new boolean[5][3];
        for (int i = 1; i < 4; i++) {
            box[i][0] = true;
            box[i][1] = true;
        }
        assertThat(Charts.contour(box)).hasSize(4);
        boolean[][] diagonal = new boolean[2][2];
        diagonal[0][0] = true;
        diagonal[1][1] = true;
        assertThat(Charts.contour(diagonal)).hasSize(8);
        assertThat(Charts.contour(new boolean[3][3])).isEmpty();
    }

    @Test
    void coincidingCurvesAreNamed() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 1; s <= 3; s++) {
            XYSeries series = new XYSeries("session " + s);
            series.add(0, 150);
            series.add(1, s == 3 ? 120 : 111);
            data.addSeries(series);
        }
        assertThat(Charts.coinciding(data)).isEqualTo("sessions 1 and 2 coincide");
        data.getSeries(2).updateByIndex(1, 111.0);
        assertThat(Charts.coinciding(data)).isEqualTo("sessions 1, 2 and 3 coincide");
    }

    /** The cross-section title of each session states the peak and zone width the console table prints. */
    @Test
    void crossSectionTitlesCarryTheTableNumbers() throws Exception {
        String table = Summary.table(outcome);
        List<Summary.SessionRow> rows = Summary.sessions(outcome);
        assertThat(rows).hasSize(2);
        for (Summary.SessionRow row : rows) {
            RfTreatmentResult rf = outcome.result().sessions().get(row.index() - 1);
            String headline = Charts.headline(outcome, rf, Charts.CrossSection.TEMPERATURE, 40);
            String peak = String.format(Locale.ROOT, "%.1f °C", row.peak());
            assertThat(headline).contains("peak " + peak + " in the unit cell");
            assertThat(table).contains(peak);
            if (row.zone().cells() > 0) {
                String width = String.format(Locale.ROOT, "%.0f µm", Units.toUm(row.zone().width()));
                assertThat(headline).contains("lethal zone " + width + " wide");
                assertThat(table).contains(width);
            }
            for (Charts.CrossSection c : Charts.CrossSection.values()) {
                Path png = dir.resolve("cs" + row.index() + c + ".png");
                Charts.crossSection(outcome, row.index() - 1, c, png);
                assertThat(Files.size(png)).isGreaterThan(1000);
            }
        }
        assertThat(table).contains("2 sessions 1 day apart").contains("peak = the highest temperature");
    }
}
