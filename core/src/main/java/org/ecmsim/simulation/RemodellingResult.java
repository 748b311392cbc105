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
 * @param controlBalances the same for the untreated control, so that e.g. the extra collagen a treatment made is
 *        {@code balances[k].synthesized() − controlBalances[k].synthesized()}
 */
public record RemodellingResult(double ageYears, List<LayerTimeSeries> layers, List<DepthProfile> profiles,
        List<RfTreatmentResult> sessions, List<org.ecmsim.biology.MatrixLedger> balances,
        List<org.ecmsim.biology.MatrixLedger> controlBalances) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param ageYears age at day 0 (years)
     * @param layers one series per layer that has fibroblasts or matrix
     * @param profiles depth profiles on the snapshot days
     * @param sessions the RF result of each session, in order
     * @param balances the matrix mass budgets of the treated tissue at the end
     * @param controlBalances the same for the untreated control
     */
    public RemodellingResult {
        layers = List.copyOf(layers);
        profiles = List.copyOf(profiles);
        sessions = List.copyOf(sessions);
        balances = List.copyOf(balances);
        controlBalances = List.copyOf(controlBalances);
    }

    /**
     * @param species a matrix species
     * @return what the treated tissue synthesised of it beyond the control over the whole run (kg)
     */
    public double extraSynthesised(org.ecmsim.biology.Species species) {
        for (int k = 0; k < balances.size(); k++) {
            if (balances.get(k).species() == species) {
                return balances.get(k).synthesized() - controlBalances.get(k).synthesized();
            }
        }
        throw new IllegalArgumentException(species + " is not a matrix component");
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
