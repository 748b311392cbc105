package org.ecmsim.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one run: a status and the metrics it could compute, each named with its unit
 * ({@code lesion_width_mm}, {@code fat_margin_C}).
 *
 * @param status {@code ok}, {@code boiling} (a peak of 100 °C or more: the metrics are computed but temperatures
 *        above 100 °C are overestimates), {@code refused: reason} (the scenario is invalid, no metrics) or
 *        {@code failed: reason} (the simulation threw, no metrics)
 * @param metrics metric name (with unit) to value, in a fixed order; empty for refused and failed runs
 */
public record Evaluation(String status, Map<String, Double> metrics) {

    /** Status of a run that completed without boiling. */
    public static final String OK = "ok";
    /** Status of a run whose peak temperature reached 100 °C. */
    public static final String BOILING = "boiling";

    /**
     * Copies the metrics, keeping their order.
     *
     * @param status the status
     * @param metrics the metrics
     */
    public Evaluation {
        Objects.requireNonNull(status, "status");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * @param reason why the scenario was refused (one line)
     * @return a refused run
     */
    public static Evaluation refused(String reason) {
        return new Evaluation("refused: " + oneLine(reason), Map.of());
    }

    /**
     * @param reason why the simulation failed
     * @return a failed run
     */
    public static Evaluation failed(String reason) {
        return new Evaluation("failed: " + oneLine(reason), Map.of());
    }

    /** @return true if the metrics were computed ({@code ok} or {@code boiling}) */
    public boolean hasMetrics() {
        return status.equals(OK) || status.equals(BOILING);
    }

    /**
     * @param name a metric name
     * @return its value, NaN if this run does not have it
     */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace(',', ';').replace('"', '\'');
    }
}
