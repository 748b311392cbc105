package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The safety margins of {@link Summary} on small real runs (3×3 tip, 100 µm cells). The layers are found without
 * their names: the epidermis is the material of the top plane of the thermal grid, the fat the deepest layer of the
 * skin; each session's layer peak is recomputed from the peak-temperature field over that layer's tissue cells
 * (needle cells excluded), and checked against the rows, the JSON tree and the console table: margin = limit − peak,
 * the reported peak is the highest over the sessions, and a layer outside the domain gives no number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummarySafetyMarginTest {

    /** Temperatures pass through K → °C once; the JSON rounds to 12 significant digits (≈ 1e-10 °C here). */
    private static final double CELSIUS_ROUND_OFF = 1e-9;

    private Outcome twoSessions;
    private Outcome shallow;

    @BeforeAll
    void run() {
        // two sessions two days apart; limits chosen apart from the defaults (43 °C) and from each other
        twoSessions = CourseRunner.run(ScenarioParser.parse("""
                tip: {rows: 3, columns: 3}
                treatment:
                  sessions: 2
                  interval: 2 d
                  follow_up: 3 d
                numerics: {cell_size: 100 um, biology_step: 6 h}
                output: {sample_every: 1 d, snapshot_days: [1 d]}
                safety: {epidermis_limit: 39 C, fat_limit: 45 C}
                """, "two.yaml"), ParallelExecutor.serial(), new CourseRunner.Progress() { });
        // a 0.3 mm needle: the unit cell is shallow
        shallow = CourseRunner.run(ScenarioParser.parse("""
                tip: {rows: 3, columns: 3, needle: {depth: 0.3 mm, exposed: 0.3 mm}}
                treatment: {sessions: 1, follow_up: 1 d}
                numerics: {cell_size: 100 um, biology_step: 6 h}
                output: {sample_every: 1 d, snapshot_days: [1 d]}
                """, "shallow.yaml"), ParallelExecutor.serial(), new CourseRunner.Progress() { });
    }

    /** Material index of the epidermis: whatever the top plane of the domain is made of, away from the needle. */
    private static int epidermis(Outcome o) {
        return o.thermalLayers().get(0, 0, 0);
    }

    /** Material index of the fat: the deepest layer of the skin model the runner uses. */
    private static int fat(Outcome o) {
        return LayeredSkin.facialSkin().layers().size() - 1;
    }

    /** Peak of one layer in one session (°C), NaN if the layer has no tissue cell in the domain. */
    private static double layerPeak(Outcome o, RfTreatmentResult rf, int layer) {
        MaterialMap m = o.thermalLayers();
        double[] peak = rf.thermal().peakTemperature().values();
        double max = Double.NaN;
        for (int c = 0; c < peak.length; c++) {
            if (m.get(c) == layer && !o.needle().contains(c)) {
                max = Double.isNaN(max) ? peak[c] : Math.max(max, peak[c]);
            }
        }
        return Double.isNaN(max) ? max : Units.kelvinToCelsius(max);
    }

    @Test
    void sessionRowsCarryEachLayersPeak() {
        List<Summary.SessionRow> rows = Summary.sessions(twoSessions);
        assertThat(rows).hasSize(2);
        for (int s = 0; s < 2; s++) {
            RfTreatmentResult rf = twoSessions.result().sessions().get(s);
            assertThat(rows.get(s).epidermisPeak()).as("session %d", s + 1)
                    .isCloseTo(layerPeak(twoSessions, rf, epidermis(twoSessions)), within(CELSIUS_ROUND_OFF));
            assertThat(rows.get(s).fatPeak()).as("session %d", s + 1)
                    .isCloseTo(layerPeak(twoSessions, rf, fat(twoSessions)), within(CELSIUS_ROUND_OFF));
            assertThat(rows.get(s).epidermisPeak()).isGreaterThan(37).isLessThan(rows.get(s).peak());
        }
    }

    /**
     * The run's margins (JSON): peak = the highest of the sessions' layer peaks, limit = the scenario's, margin =
     * limit − peak, within_limit = peak &lt; limit; for each of the two layers, identified by its limit.
     */
    @Test
    @SuppressWarnings("unchecked")
    void runMarginIsLimitMinusTheHighestPeakOverSessions() {
        Map<String, Object> root = Summary.json(twoSessions, "two.yaml", "test", List.of());
        Map<String, Object> margins = (Map<String, Object>) root.get("safety_margins");
        assertThat(margins).hasSize(2);
        int checked = 0;
        for (Object value : margins.values()) {
            Map<String, Object> m = (Map<String, Object>) value;
            double limit = ((Number) m.get("limit_C")).doubleValue();
            double peak = ((Number) m.get("peak_C")).doubleValue();
            double margin = ((Number) m.get("margin_C")).doubleValue();
            int layer = Math.abs(limit - 39) < 1e-9 ? epidermis(twoSessions) : fat(twoSessions);
            assertThat(limit).isIn(39.0, 45.0);
            double highest = Double.NEGATIVE_INFINITY;
            for (RfTreatmentResult rf : twoSessions.result().sessions()) {
                highest = Math.max(highest, layerPeak(twoSessions, rf, layer));
            }
            assertThat(peak).as("limit %s", limit).isCloseTo(highest, within(CELSIUS_ROUND_OFF));
            assertThat(margin).isCloseTo(limit - peak, within(CELSIUS_ROUND_OFF));
            assertThat(m.get("within_limit")).isEqualTo(peak < limit);
            checked++;
        }
        assertThat(checked).isEqualTo(2);
        // each session's own margins use that session's peak
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) root.get("sessions");
        for (int s = 0; s < 2; s++) {
            RfTreatmentResult rf = twoSessions.result().sessions().get(s);
            for (Object value : ((Map<String, Object>) sessions.get(s).get("safety_margins")).values()) {
                Map<String, Object> m = (Map<String, Object>) value;
                double limit = ((Number) m.get("limit_C")).doubleValue();
                int layer = Math.abs(limit - 39) < 1e-9 ? epidermis(twoSessions) : fat(twoSessions);
                double peak = layerPeak(twoSessions, rf, layer);
                assertThat(((Number) m.get("peak_C")).doubleValue()).isCloseTo(peak, within(CELSIUS_ROUND_OFF));
                assertThat(((Number) m.get("margin_C")).doubleValue()).isCloseTo(limit - peak,
                        within(CELSIUS_ROUND_OFF));
            }
        }
    }

    /** The console table prints the same margin, to one decimal, with the warning when the limit is reached. */
    @Test
    void consoleTableShowsTheSameMargin() {
        String table = Summary.table(twoSessions);
        double highest = Double.NEGATIVE_INFINITY;
        for (RfTreatmentResult rf : twoSessions.result().sessions()) {
            highest = Math.max(highest, layerPeak(twoSessions, rf, epidermis(twoSessions)));
        }
        String line = String.format(java.util.Locale.ROOT, "peak %5.1f °C, limit %5.1f °C, margin %+5.1f °C",
                highest, 39.0, 39.0 - highest);
        assertThat(table).contains(line);
        assertThat(table.contains("LIMIT REACHED")).isEqualTo(highest >= 39.0);
    }

    /** A layer the domain does not reach has no peak: NaN in the rows, null in the JSON, and the table says so. */
    @Test
    @SuppressWarnings("unchecked")
    void aLayerOutsideTheDomainHasNoMargin() {
        boolean fatPresent = false;
        for (int c = 0; c < shallow.thermalGrid().cellCount(); c++) {
            fatPresent |= shallow.thermalLayers().get(c) == fat(shallow);
        }
        System.out.printf("shallow run: %.2f mm deep, fat in the domain: %s%n",
                Units.toMm(shallow.thermalGrid().lengthZ()), fatPresent);
        assertThat(fatPresent).as("the shallow scenario must not reach the fat for this test").isFalse();
        assertThat(Summary.sessions(shallow).get(0).fatPeak()).isNaN();
        assertThat(Summary.sessions(shallow).get(0).epidermisPeak()).isFinite();
        String json = Json.write(Summary.json(shallow, "shallow.yaml", "test", List.of()));
        Map<String, Object> root = (Map<String, Object>) StrictJson.parse(json);
        Map<String, Object> margins = (Map<String, Object>) root.get("safety_margins");
        long missing = margins.values().stream().map(v -> (Map<String, Object>) v)
                .filter(m -> m.get("peak_C") == null).peek(m -> {
                    assertThat(m.get("margin_C")).isNull();
                    assertThat(m.get("within_limit")).isNull();
                    assertThat(m.get("limit_C")).isNotNull();
                }).count();
        assertThat(missing).isEqualTo(1);
        assertThat(Summary.table(shallow)).contains("not in the simulated domain");
    }
}
