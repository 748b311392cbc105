package org.ecmsim.simulation;

import java.util.List;

/**
 * The outcome of a {@link RemodellingSimulation}: the time series per layer (treated and control), the depth
 * profiles on the snapshot days, and each session's RF result.
 *
 * @param ageYears age at day 0 (years)
 * @param layers one series per layer that has fibroblasts or matrix
 * @param profiles depth profiles on the snapshot days
 * @param sessions the RF result of each session, in order
 * @param balances the matrix mass budgets of the treated tissue at the end
 */
public record RemodellingResult(double ageYears, List<LayerTimeSeries> layers, List<DepthProfile> profiles,
        List<RfTreatmentResult> sessions, List<org.ecmsim.biology.MatrixLedger> balances) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param ageYears age at day 0 (years)
     * @param layers one series per layer that has fibroblasts or matrix
     * @param profiles depth profiles on the snapshot days
     * @param sessions the RF result of each session, in order
     * @param balances the matrix mass budgets of the treated tissue at the end
     */
    public RemodellingResult {
        layers = List.copyOf(layers);
        profiles = List.copyOf(profiles);
        sessions = List.copyOf(sessions);
        balances = List.copyOf(balances);
    }

    /**
     * @param name a layer name
     * @return its series
     * @throws IllegalArgumentException if no layer has that name
     */
    public LayerTimeSeries layer(String name) {
        for (LayerTimeSeries l : layers) {
            if (l.layer().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no layer named '" + name + "'; the layers are "
                + layers.stream().map(LayerTimeSeries::layer).toList());
    }
}
