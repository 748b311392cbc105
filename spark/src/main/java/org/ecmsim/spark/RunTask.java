package org.ecmsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ecmsim.study.Evaluation;
import org.ecmsim.study.Evaluator;
import org.ecmsim.study.StudyFile;
import org.ecmsim.study.StudyRunner;
import org.ecmsim.study.ThermalReuse;

/**
 * One run of a study as the driver sends it to a task: its place in the design, its id, and its scenario as text,
 * which holds every setting of the run (biology included), so the task needs neither the study file nor the base
 * scenario file.
 *
 * @param index the run's place in the design (from 0)
 * @param id the run's id ({@link StudyFile#id})
 * @param label the scenario's name in messages ({@link StudyFile#label})
 * @param scenarioYaml the run's scenario ({@link StudyFile#scenarioYaml})
 * @param mode what the run simulates
 * @param reuseThermal reuse the first session's thermal phase within the executor ({@link ThermalReuse#SHARED}):
 *        true for course runs of a study that varies only biology rate constants
 * @serial exclude Serializable only for Spark's task shipping; not a persistent format
 */
public record RunTask(int index, String id, String label, String scenarioYaml, Evaluator.Mode mode,
        boolean reuseThermal)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks for nulls.
     *
     * @param index the run's place in the design (from 0)
     * @param id the run's id
     * @param label the scenario's name in messages
     * @param scenarioYaml the run's scenario
     * @param mode what the run simulates
     * @param reuseThermal reuse the first session's thermal phase within the executor
     */
    public RunTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scenarioYaml, "scenarioYaml");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param study a study with a fixed design
     * @return one task per run of its design, in order
     */
    public static List<RunTask> of(StudyFile study) {
        List<double[]> settings = StudyRunner.settings(study);
        List<RunTask> out = new ArrayList<>(settings.size());
        for (int i = 0; i < settings.size(); i++) {
            double[] s = settings.get(i);
            out.add(new RunTask(i, study.id(s), study.label(s), study.scenarioYaml(s), study.mode(),
                    StudyRunner.reusesThermalPhase(study)));
        }
        return out;
    }

    /**
     * Runs the scenario on the calling thread, as a local study's run does ({@link StudyRunner#evaluate} with a
     * one-thread {@link Evaluator}). Never throws: anything the evaluation throws becomes a {@code failed} result.
     *
     * @return the run's result
     */
    public Result run() {
        long start = System.nanoTime();
        Evaluation e;
        try {
            e = StudyRunner.evaluate(new Evaluator(mode, null, 1).withThermalReuse(reuseThermal ? ThermalReuse.SHARED
                    : null), scenarioYaml, label);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError x) {
            e = Evaluation.failed(x.getClass().getSimpleName() + ": " + x.getMessage());
        }
        return Result.of(index, id, e, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * A run's result as one Parquet row: metrics as two parallel arrays, which keep their order.
     *
     * @param index the run's place in the design
     * @param id the run's id
     * @param status its status ({@link Evaluation#status})
     * @param metricNames the metrics' names, in the evaluator's order
     * @param metricValues their values (NaN where the run has none)
     * @param seconds wall-clock time of the run in its task (s); not part of runs.csv
     * @serial exclude Serializable only for Spark's task shipping; the persistent format is the Parquet schema
     */
    public record Result(int index, String id, String status, String[] metricNames, double[] metricValues,
            double seconds) implements Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * Checks that there is one value per name.
         *
         * @param index the run's place in the design
         * @param id the run's id
         * @param status its status
         * @param metricNames the metrics' names
         * @param metricValues their values
         * @param seconds wall-clock time of the run (s)
         */
        public Result {
            if (metricNames.length != metricValues.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "run %d: %d metric names and %d"
                        + " values; give one value per name", index, metricNames.length, metricValues.length));
            }
        }

        /**
         * @param index the run's place in the design
         * @param id the run's id
         * @param e its evaluation
         * @param seconds wall-clock time of the run (s)
         * @return the row
         */
        public static Result of(int index, String id, Evaluation e, double seconds) {
            String[] names = new String[e.metrics().size()];
            double[] values = new double[names.length];
            int j = 0;
            for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
                names[j] = m.getKey();
                values[j++] = m.getValue();
            }
            return new Result(index, id, e.status(), names, values, seconds);
        }

        /** @return the evaluation this row holds, metrics in their order */
        public Evaluation evaluation() {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            for (int j = 0; j < metricNames.length; j++) {
                m.put(metricNames[j], metricValues[j]);
            }
            return new Evaluation(status, m);
        }
    }
}
