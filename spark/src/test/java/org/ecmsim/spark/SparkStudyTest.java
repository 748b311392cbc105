package org.ecmsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.study.Evaluator;
import org.ecmsim.study.StudyFile;
import org.ecmsim.study.StudyRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode ({@code local[2]}: two executor threads in this JVM) against the local study runner:
 * the same study gives the same files, byte for byte.
 */
class SparkStudyTest {

    /**
     * Three thermal-only runs on a coarse grid (100 µm cells), one of which the parser refuses (a 0.5 mm exposed
     * length on a 0.4 mm needle), with a constraint and an objective so that pareto.csv and optimum.yaml are written.
     */
    static final String STUDY = """
            name: spark-small
            scenario:
              numerics: {cell_size: 100 um}
              treatment: {sessions: 1, follow_up: 2 d}
            mode: thermal_only
            vary:
              - key: tip.needle.depth
                values: [1.5 mm, 0.4 mm]
              - key: tip.needle.exposed
                values: [0.3 mm, 0.5 mm]
            design:
              type: specified
              runs: [[1.5 mm, 0.3 mm], [1.5 mm, 0.5 mm], [0.4 mm, 0.5 mm]]
            constraints: [{metric: peak_temperature_C, max: 100}]
            objectives: [{metric: smooth_lesion_volume_mm3, direction: max}]
            """;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ecmsim-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkWritesTheSameFilesAsTheLocalRunnerByteForByte(@TempDir Path dir) throws Exception {
        StudyFile study = StudyFile.parse(STUDY, "spark-small.yaml", dir);
        StudyRunner.Outcome local = new StudyRunner(study, 2, StudyRunner.defaultFunction(study))
                .run(dir.resolve("local"), false, (a, b, c, d) -> { });
        StudyRunner.Outcome onSpark = SparkStudy.run(spark, study, dir.resolve("spark"),
                dir.resolve("rows.parquet").toUri().toString());

        assertThat(onSpark.runs()).hasSize(3);
        assertThat(onSpark.runs().get(0).result().status()).isEqualTo("ok");
        assertThat(onSpark.runs().get(2).result().status()).startsWith("refused: ");
        for (String f : new String[] {"runs.csv", "sensitivity.csv", "pareto.csv", "optimum.yaml", "study.json"}) {
            assertThat(Files.readAllBytes(dir.resolve("spark").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(f)));
        }
        assertThat(onSpark.runs().get(2).result().status()).contains("longer than the needle depth");
        assertThat(onSpark.optimum()).isEqualTo(local.optimum()).isGreaterThanOrEqualTo(0);
        // the rows were written to Parquet once and read back from there
        assertThat(spark.read().parquet(dir.resolve("rows.parquet").toString()).count()).isEqualTo(3);
    }

    @Test
    void aTaskNeverThrowsAFailedOrRefusedRunIsAStatusRow() {
        RunTask bad = new RunTask(0, "abc", "bad.yaml", "tip: {needle: {depth: 9 km}}", Evaluator.Mode.THERMAL_ONLY,
                false);
        RunTask.Result r = bad.run();
        assertThat(r.status()).startsWith("refused: bad.yaml").contains("tip.needle.depth");
        assertThat(r.metricNames()).isEmpty();
        RunTask.Result ok = RunTask.Result.of(1, "def", new org.ecmsim.study.Evaluation("ok",
                java.util.Map.of("a_mm", 1.5, "b_C", Double.NaN)), 0.25);
        for (RunTask.Result x : new RunTask.Result[] {r, ok}) {
            java.util.List<org.apache.spark.sql.Row> rows = spark.createDataFrame(java.util.List.of(
                    SparkStudy.toRow(x)), SparkStudy.SCHEMA).collectAsList();
            assertThat(SparkStudy.fromRow(rows.get(0)).evaluation()).isEqualTo(x.evaluation());
        }
    }

    @Test
    void tasksCarryTheirWholeScenarioAndReuseTheThermalPhaseOnlyWhenOnlyBiologyVaries(@TempDir Path dir) {
        StudyFile bio = StudyFile.parse("""
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                mode: course
                vary:
                  - key: biology.wound.time
                    values: [864000, 1728000]
                """, "bio.yaml", dir);
        java.util.List<RunTask> tasks = RunTask.of(bio);
        assertThat(tasks).hasSize(2).allMatch(RunTask::reuseThermal);
        assertThat(tasks.get(1).scenarioYaml()).contains("time: 1728000");
        assertThat(tasks.get(1).label()).isEqualTo("bio.yaml run " + tasks.get(1).id());
        assertThat(RunTask.of(StudyFile.parse(STUDY, "s.yaml", dir))).noneMatch(RunTask::reuseThermal);
    }

    @Test
    void adaptiveDesignsAreRefusedBeforeAnyTaskRuns(@TempDir Path dir) {
        StudyFile root = StudyFile.parse("""
                scenario: {treatment: {sessions: 1, follow_up: 2 d}}
                vary:
                  - key: treatment.passes[0].drive.energy_per_pin
                    range: [10 mJ, 60 mJ]
                design: {type: root}
                constraints: [{metric: fat_margin_C, min: 0}]
                """, "root.yaml", dir);
        assertThatThrownBy(() -> SparkStudy.run(spark, root, dir, dir.resolve("x.parquet").toString()))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("root.yaml: design root chooses one run");
    }
}
