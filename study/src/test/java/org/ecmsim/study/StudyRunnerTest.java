package org.ecmsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecmsim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study runner with a fast stand-in for the simulation (metrics computed from the run's parsed scenario), so
 * the tests check designs, ids, files, resume and parallelism, not the physics; one test runs real simulations.
 */
class StudyRunnerTest {

    static final String GRID = """
            scenario:
              treatment: {sessions: 1, follow_up: 2 d}
            vary:
              - key: treatment.passes[0].drive.energy_per_pin
                range: [10 mJ, 60 mJ]
                steps: 6
              - key: treatment.passes[0].conduction
                values: [50 ms, 100 ms]
            design: {type: grid}
            constraints: [{metric: margin_C, min: 0}]
            objectives: [{metric: lesion_mm3, direction: max}, {metric: pain, direction: min}]
            """;

    /** A stand-in: lesion grows with energy and conduction, the margin falls with energy. */
    static Evaluation fake(StudyFile s, double[] settings) {
        var sc = s.scenario(settings);
        var pass = sc.treatment().passes().get(0);
        double e = ((org.ecmsim.electric.Drive.EnergyPerPin) pass.drive()).energy() * 1e3;
        double t = pass.conductionTime() * 1e3;
        return new Evaluation("ok", Map.of("lesion_mm3", e * Math.sqrt(t) / 100, "margin_C", 45 - e,
                "pain", e / t));
    }

    static StudyFile study(String text) {
        return StudyFile.parse(text, "study.yaml", Path.of("."));
    }

    @Test
    void gridRunsEveryCombinationWithIdsAndWritesTheFiles(@TempDir Path dir) throws Exception {
        StudyFile s = study(GRID);
        StudyRunner.Outcome o = new StudyRunner(s, 2, StudyRunnerTest::fake).run(dir, false, (a, b, c, d) -> { });
        assertThat(o.runs()).hasSize(12);
        assertThat(o.runs().stream().map(StudyRunner.Run::id).distinct()).hasSize(12);
        List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(csv.get(0)).isEqualTo("index,id,status,treatment.passes[0].drive.energy_per_pin [mJ],"
                + "treatment.passes[0].conduction [ms],lesion_mm3,margin_C,pain");
        assertThat(csv.get(1)).startsWith("0," + s.id(new double[] {10, 50}) + ",ok,10,50,");
        // feasible: energy ≤ 40 mJ; the front keeps the trade-off between lesion and pain
        assertThat(o.pareto()).isNotEmpty().allMatch(i -> o.runs().get(i).settings()[0] <= 40);
        assertThat(Files.readString(dir.resolve("optimum.yaml"))).contains("energy_per_pin: 40 mJ")
                .contains("conduction: 100 ms");
        assertThat(Files.readString(dir.resolve("study.json"))).contains("\"type\": \"grid\"");
        assertThat(dir.resolve("runs.partial.csv")).doesNotExist();
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreadsAndAResumedStudyMatchesByteForByte(@TempDir Path dir)
            throws Exception {
        StudyFile s = study(GRID);
        new StudyRunner(s, 1, StudyRunnerTest::fake).run(dir.resolve("n1"), false, (a, b, c, d) -> { });
        new StudyRunner(s, 2, StudyRunnerTest::fake).run(dir.resolve("n2"), false, (a, b, c, d) -> { });
        byte[] one = Files.readAllBytes(dir.resolve("n1/runs.csv"));
        assertThat(Files.readAllBytes(dir.resolve("n2/runs.csv"))).isEqualTo(one);

        // An interrupted study: five runs finished (in runs.partial.csv, as the runner logs them), the last cut off.
        Path r = dir.resolve("resumed");
        Files.createDirectories(r);
        List<String> rows = Files.readAllLines(dir.resolve("n1/runs.csv"));
        StringBuilder partial = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            String[] c = rows.get(i).split(",");
            partial.append(c[1]).append(',').append(c[2]).append(",lesion_mm3=").append(c[5]).append(";margin_C=")
                    .append(c[6]).append(";pain=").append(c[7]).append('\n');
        }
        partial.append("abc");
        Files.writeString(r.resolve("runs.partial.csv"), partial, StandardCharsets.UTF_8);
        AtomicInteger calls = new AtomicInteger();
        StudyRunner.Outcome o = new StudyRunner(s, 2, (st, x) -> {
            calls.incrementAndGet();
            return fake(st, x);
        }).run(r, true, (a, b, c, d) -> { });
        assertThat(calls.get()).isEqualTo(7);
        assertThat(o.ran()).isEqualTo(7);
        assertThat(Files.readAllBytes(r.resolve("runs.csv"))).isEqualTo(one);
        // and resuming a finished study runs nothing
        calls.set(0);
        new StudyRunner(s, 2, (st, x) -> {
            calls.incrementAndGet();
            return fake(st, x);
        }).run(r, true, (a, b, c, d) -> { });
        assertThat(calls.get()).isZero();
        assertThat(Files.readAllBytes(r.resolve("runs.csv"))).isEqualTo(one);
    }

    @Test
    void aStopConditionEndsAMonotoneSweepTheSameWayForAnyParallelism(@TempDir Path dir) throws Exception {
        String text = """
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                vary:
                  - key: treatment.passes[0].drive.energy_per_pin
                    range: [10 mJ, 60 mJ]
                    steps: 11
                stop: {metric: margin_C, below: 0}
                """;
        StudyFile s = study(text);
        StudyRunner.Outcome a = new StudyRunner(s, 1, StudyRunnerTest::fake).run(dir.resolve("a"), false,
                (x, y, z, w) -> { });
        StudyRunner.Outcome b = new StudyRunner(s, 2, StudyRunnerTest::fake).run(dir.resolve("b"), false,
                (x, y, z, w) -> { });
        // margin 45 - E turns negative at 50 mJ (run 8); runs after it are skipped
        assertThat(a.runs().get(8).result().status()).isEqualTo("ok");
        assertThat(a.runs().get(9).result().status()).startsWith("skipped: stop condition");
        assertThat(Files.readAllBytes(dir.resolve("b/runs.csv"))).isEqualTo(Files.readAllBytes(dir.resolve(
                "a/runs.csv")));
        assertThat(a.ran()).isEqualTo(9);
    }

    @Test
    void rootDesignFindsTheHighestSafeEnergyInTwelveRunsOrFewer(@TempDir Path dir) throws Exception {
        String text = """
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                vary:
                  - key: treatment.passes[0].drive.energy_per_pin
                    range: [10 mJ, 60 mJ]
                design: {type: root, tolerance: 0.1 mJ, max_evaluations: 12}
                constraints: [{metric: margin_C, min: 0}]
                """;
        StudyRunner.Outcome o = new StudyRunner(study(text), 2, StudyRunnerTest::fake).run(dir, false,
                (x, y, z, w) -> { });
        assertThat(o.runs().size()).isLessThanOrEqualTo(12);
        double best = o.runs().get(o.optimum()).settings()[0];
        assertThat(best).isBetween(44.9, 45.0);
        assertThat(Files.readString(dir.resolve("optimum.yaml"))).contains("energy_per_pin: ");
    }

    @Test
    void bobyqaAndCmaesFindTheBestFeasibleSettingsWithinTheRanges(@TempDir Path dir) throws Exception {
        // maximise lesion = E sqrt(t) / 100 with margin = 45 - E >= 0: the optimum is E = 45 mJ, t = 200 ms
        String text = GRID.replace("design: {type: grid}", "design: {type: bobyqa, max_evaluations: 300}")
                .replace("values: [50 ms, 100 ms]", "range: [50 ms, 200 ms]")
                .replace(", {metric: pain, direction: min}", "");
        for (String type : new String[] {"bobyqa", "cmaes"}) {
            StudyRunner.Outcome o = new StudyRunner(study(text.replace("bobyqa", type)), 1, StudyRunnerTest::fake)
                    .run(dir.resolve(type), false, (x, y, z, w) -> { });
            double[] best = o.runs().get(o.optimum()).settings();
            assertThat(best[0]).as(type).isBetween(44.0, 45.0);
            assertThat(best[1]).as(type).isGreaterThan(190.0);
            assertThat(o.runs().size()).as(type).isLessThanOrEqualTo(301);
        }
    }

    @Test
    void morrisAndSaltelliDesignsWriteSensitivityTables(@TempDir Path dir) throws Exception {
        String morris = GRID.replace("design: {type: grid}", "design: {type: morris, r: 6, levels: 4, seed: 3}")
                .replace("values: [50 ms, 100 ms]", "range: [50 ms, 200 ms]");
        StudyRunner.Outcome m = new StudyRunner(study(morris), 2, StudyRunnerTest::fake).run(dir.resolve("m"), false,
                (x, y, z, w) -> { });
        assertThat(m.runs()).hasSize(18);
        assertThat(m.sensitivity().get(0)).containsExactly("metric", "key", "mu", "mu_star", "sigma", "effects");
        String saltelli = morris.replace("{type: morris, r: 6, levels: 4, seed: 3}", "{type: saltelli, n: 16}");
        StudyRunner.Outcome so = new StudyRunner(study(saltelli), 2, StudyRunnerTest::fake).run(dir.resolve("s"),
                false, (x, y, z, w) -> { });
        assertThat(so.runs()).hasSize(16 * 4);
        assertThat(Files.readAllLines(dir.resolve("s/sensitivity.csv")).get(0)).startsWith("metric,key,S1,");
    }

    @Test
    void badKeysAndRangesGiveOneLineErrors() {
        assertThatThrownBy(() -> study(GRID.replace("energy_per_pin\n", "energy_per_pim\n")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("study.yaml: vary[0].key = ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> study(GRID.replace("[10 mJ, 60 mJ]", "[10 mJ, 600 mJ]")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("600 mJ is out of range; valid range");
        assertThatThrownBy(() -> study(GRID.replace("[10 mJ, 60 mJ]", "[10 ms, 60 mJ]")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("'10 ms' has the unit 'ms'");
        assertThatThrownBy(() -> study(GRID.replace("{metric: margin_C, min: 0}", "{metric: margin_C}")))
                .hasMessageContaining("constraints[0] needs min, max or both");
        assertThatThrownBy(() -> study(GRID.replace("{type: grid}", "{type: latin}")))
                .hasMessageContaining("design.type = latin; valid: grid | specified");
    }

    @Test
    void biologyKeysAreStudyKeysCheckedByTheirGroups() {
        String text = """
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                mode: course
                vary:
                  - key: biology.wound.time
                    range: [864000, 2592000]
                """;
        StudyFile s = study(text);
        assertThat(s.variesBiology()).isTrue();
        assertThat(s.scenario(new double[] {1e6}).biologyParameters().wound().time()).isEqualTo(1e6);
        assertThat(s.scenarioYaml(new double[] {1e6})).contains("biology:").contains("time: 1000000");
        assertThat(StudyRunner.reusesThermalPhase(s)).as("course, biology only").isTrue();
        assertThat(StudyRunner.reusesThermalPhase(study(text.replace("mode: course", "mode: thermal_only"))))
                .isFalse();
        assertThat(StudyRunner.reusesThermalPhase(study(text + """
                  - key: treatment.passes[0].drive.energy_per_pin
                    values: [20 mJ, 30 mJ]
                """))).as("a thermal key varies too").isFalse();
        assertThatThrownBy(() -> study(text.replace("wound.time", "wound.tyme")))
                .hasMessageContaining("unknown key biology.wound.tyme");
        assertThatThrownBy(() -> study(text.replace("864000", "-5"))).hasMessageContaining("biology.wound.time");
    }

    @Test
    void realThermalRunsThroughTheDefaultFunction(@TempDir Path dir) throws Exception {
        String text = """
                scenario:
                  numerics: {cell_size: 100 um}
                  treatment: {sessions: 1, follow_up: 2 d}
                vary:
                  - key: treatment.passes[0].drive.energy_per_pin
                    values: [20 mJ, 40 mJ]
                """;
        StudyFile s = study(text);
        StudyRunner.Outcome o = new StudyRunner(s, 2, StudyRunner.defaultFunction(s)).run(dir, false,
                (x, y, z, w) -> { });
        assertThat(o.runs()).allMatch(r -> r.result().status().equals("ok"));
        assertThat(o.runs().get(1).result().metric("smooth_lesion_volume_mm3"))
                .isGreaterThan(o.runs().get(0).result().metric("smooth_lesion_volume_mm3"));
    }

    @Test
    void theOptimumOfABiologyStudyCarriesItsBiologyKeysSoRunningItReproducesTheRun(@TempDir Path dir)
            throws Exception {
        // A stand-in metric that reads the wound time from the run's parsed scenario: best at the longest time whose
        // "margin" (30 d - time) stays >= 0.
        String text = """
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                mode: course
                vary:
                  - key: biology.wound.time
                    values: [864000, 1728000, 2592000, 3456000]
                  - key: treatment.passes[0].drive.energy_per_pin
                    values: [20 mJ, 40 mJ]
                constraints: [{metric: margin_d, min: 0}]
                objectives: [{metric: score, direction: max}]
                """;
        StudyFile s = study(text);
        StudyRunner.Outcome o = new StudyRunner(s, 2, (st, x) -> {
            var sc = st.scenario(x);
            double days = sc.biologyParameters().wound().time() / 86400;
            double e = ((org.ecmsim.electric.Drive.EnergyPerPin) sc.treatment().passes().get(0).drive()).energy();
            return new Evaluation("ok", Map.of("margin_d", 30 - days, "score", days + e * 1e3 / 100));
        }).run(dir, false, (a, b, c, d) -> { });
        StudyRunner.Run best = o.runs().get(o.optimum());
        assertThat(best.settings()).containsExactly(2592000, 40);
        String yaml = Files.readString(dir.resolve("optimum.yaml"));
        assertThat(yaml).contains("biology:").contains("time: 2592000");
        // what `ecmsim run optimum.yaml` reads: the same scenario as the optimum's run, biology included
        org.ecmsim.scenario.Scenario again = org.ecmsim.scenario.ScenarioParser.parse(yaml, "optimum.yaml");
        assertThat(again.biologyParameters()).isEqualTo(s.scenario(best.settings()).biologyParameters());
        assertThat(again.biologyParameters().wound().time()).isEqualTo(2592000.0);
        assertThat(again.treatment()).isEqualTo(s.scenario(best.settings()).treatment());
        assertThat(again.toSimulation(org.ecmsim.parallel.ParallelExecutor.serial()).parameters())
                .isEqualTo(again.biologyParameters());
    }
}
