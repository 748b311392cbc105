package org.ecmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    static final String COARSE = """
            numerics:
              cell_size: 100 um
            treatment:
              sessions: 1
              follow_up: 2 d
              passes:
                - drive: {energy_per_pin: %s}
            """;

    static Scenario coarse(String energy) {
        return ScenarioParser.parse(COARSE.formatted(energy), "test.yaml");
    }

    @Test
    void thermalOnlyRunGivesEveryThermalMetricDeterministically() {
        Evaluator ev = new Evaluator(Evaluator.Mode.THERMAL_ONLY);
        Evaluation a = ev.evaluate(coarse("30 mJ"));
        assertThat(a.status()).isEqualTo("ok");
        assertThat(a.metric("lesion_width_mm")).isPositive();
        assertThat(a.metric("smooth_lesion_volume_mm3")).isPositive();
        assertThat(a.metric("peak_temperature_C")).isGreaterThan(a.metric("fat_peak_C"));
        assertThat(a.metric("energy_delivered_J")).isPositive();
        assertThat(a.metrics()).doesNotContainKey("papillary_dermis_collagen_i_pct_vs_control");
        assertThat(ev.evaluate(coarse("30 mJ"))).isEqualTo(a);
    }

    @Test
    void moreEnergyGivesALargerSmoothLesionAndSmallerMargins() {
        Evaluator ev = new Evaluator(Evaluator.Mode.THERMAL_ONLY);
        Evaluation lo = ev.evaluate(coarse("20 mJ"));
        Evaluation hi = ev.evaluate(coarse("40 mJ"));
        assertThat(hi.metric("smooth_lesion_volume_mm3")).isGreaterThan(lo.metric("smooth_lesion_volume_mm3"));
        assertThat(hi.metric("epidermis_margin_C")).isLessThan(lo.metric("epidermis_margin_C"));
    }

    @Test
    void twoThreadsPerRunGiveTheSameMetrics() {
        assertThat(new Evaluator(Evaluator.Mode.THERMAL_ONLY, null, 2).evaluate(coarse("30 mJ")))
                .isEqualTo(new Evaluator(Evaluator.Mode.THERMAL_ONLY).evaluate(coarse("30 mJ")));
    }

    @Test
    void aScenarioTheSimulationRefusesGivesAStatusNotACrash() {
        Evaluation e = new Evaluator(Evaluator.Mode.COURSE).evaluate(coarse("30 mJ").withNumerics(
                new Scenario.Numerics(100e-6, -1, 0)));
        assertThat(e.status()).startsWith("refused: ");
        assertThat(e.metrics()).isEmpty();
    }

    @Test
    void courseRunAddsThePerLayerOutcomes() {
        Evaluation c = new Evaluator(Evaluator.Mode.COURSE).evaluate(coarse("30 mJ"));
        assertThat(c.status()).isEqualTo("ok");
        assertThat(c.metrics().keySet()).anyMatch(k -> k.endsWith("collagen_i_pct_vs_control"));
    }

    @Test
    void reusingTheFirstSessionsThermalPhaseGivesTheMetricsOfRecomputingIt() {
        // Three course runs that differ only in biology rate constants: the first session is computed once.
        String[] biology = {"", "biology: {heat_shock: {peak: 18}}\n", "biology: {wound: {time: 864000}}\n"};
        ThermalReuse cache = new ThermalReuse();
        Evaluator plain = new Evaluator(Evaluator.Mode.COURSE);
        Evaluator reusing = plain.withThermalReuse(cache);
        Evaluation[] fresh = new Evaluation[biology.length];
        for (int i = 0; i < biology.length; i++) {
            Scenario sc = ScenarioParser.parse(COARSE.formatted("30 mJ") + biology[i], "bio" + i + ".yaml");
            fresh[i] = plain.evaluate(sc);
            assertThat(fresh[i].status()).isEqualTo("ok");
            assertThat(reusing.evaluate(sc)).as("run %d", i).isEqualTo(fresh[i]);
        }
        assertThat(cache.computed()).isEqualTo(1);
        // the biology did change the outcome (the reuse is not trivially right)
        assertThat(fresh[1].metrics()).isNotEqualTo(fresh[0].metrics());
        // another thermal input (energy) is another key
        reusing.evaluate(coarse("20 mJ"));
        assertThat(cache.computed()).isEqualTo(2);
    }
}
