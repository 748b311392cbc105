package org.ecmsim.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ecmsim.scenario.ScenarioException;
import org.ecmsim.study.Evaluation;
import org.ecmsim.study.StudyFile;
import org.ecmsim.study.StudyRunner;

/**
 * Runs a study on Spark: the job's main class ({@code spark-submit --class org.ecmsim.spark.SparkStudy
 * ecmsim-spark-job.jar STUDY.yaml --out DIR [--results URI]}).
 *
 * <p>The driver reads the study file (and its base scenario) and expands the design; each run becomes one task of one
 * partition, which runs its scenario on the task's thread ({@link RunTask#run}); every task returns a row, whatever
 * happened to its run ({@code ok}, {@code boiling}, {@code refused: ...}, {@code failed: ...}), so one bad run never
 * fails the job. The rows are written once, as Parquet, to {@code --results} (default {@code DIR/runs.parquet}),
 * read back on the driver and handed to {@link StudyRunner#finish}: the study's files in {@code DIR} are those a
 * local {@code ecmsim sweep} writes, byte for byte. A stop condition is applied to the rows afterwards, as the local
 * runner does (all runs are run; those after the stop become {@code skipped}). Adaptive designs (root, bobyqa,
 * cmaes) choose one run at a time and are refused: run them with {@code ecmsim sweep}.
 */
public final class SparkStudy {

    /** The Parquet schema of the results: one row per run. */
    public static final StructType SCHEMA = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("id", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("metric_names", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("metric_values", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("seconds", DataTypes.DoubleType, false);

    private SparkStudy() {
    }

    /**
     * The job: {@code STUDY.yaml --out DIR [--results URI]}.
     *
     * @param args the study file, {@code --out DIR} (a directory on the driver's file system, created) and
     *        optionally {@code --results URI} (where the Parquet rows go, any file system Spark can write, e.g.
     *        {@code hdfs:///tmp/study.parquet}; default {@code DIR/runs.parquet})
     */
    public static void main(String[] args) {
        String studyFile = null;
        String out = null;
        String results = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = value(args, ++i, "--out");
                case "--results" -> results = value(args, ++i, "--results");
                default -> {
                    if (args[i].startsWith("-") || studyFile != null) {
                        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; usage: SparkStudy"
                                + " STUDY.yaml --out DIR [--results URI]");
                    }
                    studyFile = args[i];
                }
            }
        }
        if (studyFile == null || out == null) {
            throw new IllegalArgumentException("usage: SparkStudy STUDY.yaml --out DIR [--results URI]; missing "
                    + (studyFile == null ? "the study file" : "--out DIR"));
        }
        StudyFile study = StudyFile.read(Path.of(studyFile));
        check(study);
        SparkSession spark = SparkSession.builder().appName("ecmsim study " + study.name()).getOrCreate();
        try {
            Path dir = Path.of(out);
            StudyRunner.Outcome o = run(spark, study, dir, results == null ? dir.resolve("runs.parquet").toUri()
                    .toString() : results);
            long ok = o.runs().stream().filter(r -> r.result().hasMetrics()).count();
            System.out.printf(Locale.ROOT, "study %s: %d runs (%d with metrics); files in %s%n", study.name(),
                    o.runs().size(), ok, dir.toAbsolutePath());
        } finally {
            spark.stop();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /**
     * @param study a study
     * @throws ScenarioException if its design is adaptive (chosen one run at a time, nothing to distribute)
     */
    static void check(StudyFile study) {
        if (StudyRunner.adaptive(study)) {
            throw new ScenarioException(study.file() + ": design " + study.design().type() + " chooses one run at a"
                    + " time, so a cluster cannot run its runs side by side; run it with ecmsim sweep (one machine,"
                    + " each run on --parallel threads)");
        }
    }

    /**
     * Runs the study's design on Spark and writes its files.
     *
     * @param spark the session (its master decides where the tasks run)
     * @param study a study with a fixed design
     * @param out the directory of the study's files (on the driver, created)
     * @param results where the Parquet rows go (overwritten)
     * @return the outcome, as {@link StudyRunner#run} returns it
     * @throws ScenarioException if the design is adaptive
     */
    public static StudyRunner.Outcome run(SparkSession spark, StudyFile study, Path out, String results) {
        check(study);
        List<RunTask> tasks = RunTask.of(study);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // One partition per run: each task runs one scenario; the scheduler hands tasks to free cores.
        JavaRDD<Row> rows = jsc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> toRow(t.run()));
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(results);

        Dataset<Row> back = spark.read().schema(SCHEMA).parquet(results);
        Evaluation[] byIndex = new Evaluation[tasks.size()];
        for (Row r : back.collectAsList()) {
            RunTask.Result x = fromRow(r);
            if (x.index() < 0 || x.index() >= byIndex.length || byIndex[x.index()] != null
                    || !x.id().equals(tasks.get(x.index()).id())) {
                throw new IllegalStateException(results + ": row for run " + x.index() + " (id " + x.id()
                        + ") does not match the design of " + tasks.size() + " runs; was the path written by"
                        + " another study?");
            }
            byIndex[x.index()] = x.evaluation();
        }
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw new IllegalStateException(results + ": no row for run " + i + " (id " + tasks.get(i).id()
                        + ")");
            }
        }
        StudyRunner runner = new StudyRunner(study, 1, StudyRunner.defaultFunction(study));
        return runner.finish(StudyRunner.runs(study, StudyRunner.settings(study), byIndex), tasks.size(), out);
    }

    static Row toRow(RunTask.Result r) {
        // Arrays as Java arrays: Spark's row encoder takes them (or Scala sequences), not java.util.List.
        return RowFactory.create(r.index(), r.id(), r.status(), r.metricNames().clone(), r.metricValues().clone(),
                r.seconds());
    }

    static RunTask.Result fromRow(Row r) {
        List<String> names = r.getList(3);
        List<Double> values = r.getList(4);
        double[] v = new double[values.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = values.get(j);
        }
        return new RunTask.Result(r.getInt(0), r.getString(1), r.getString(2), names.toArray(new String[0]), v,
                r.getDouble(5));
    }
}
