package org.ecmsim.simulation.course;

import java.util.List;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.Species;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.tissue.LayerRole;

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
 * @param outcomes the outcomes per region (lesion, coagulated, rim, biopsy, dermis), in {@link OutcomeRegion} order
 * @param lesionOverlap per session, the share of its lesion volume (Henriques Ω ≥ 1, by volume) that the lesions of
 *        earlier sessions already covered: 0 for the first, NaN for a session without a lesion
 * @param clinical what a clinician reads: contraction, epidermal and fat safety, downtime (per session and per day)
 */
public record RemodellingResult(double ageYears, List<LayerTimeSeries> layers, List<DepthProfile> profiles,
        List<RfTreatmentResult> sessions, List<MatrixLedger> balances,
        List<MatrixLedger> controlBalances, List<RegionOutcome> outcomes, double[] lesionOverlap,
        ClinicalOutcomes clinical) {

    /**
     * Makes the lists unmodifiable.
     *
     * @param ageYears age at day 0 (years)
     * @param layers one series per layer that has fibroblasts or matrix
     * @param profiles depth profiles on the snapshot days
     * @param sessions the RF result of each session, in order
     * @param balances the matrix mass budgets of the treated tissue at the end
     * @param controlBalances the same for the untreated control
     * @param outcomes the outcomes per region, in {@link OutcomeRegion} order
     * @param lesionOverlap per session, the share of its lesion volume already covered by earlier lesions
     * @param clinical the clinical outcomes
     */
    public RemodellingResult {
        layers = List.copyOf(layers);
        profiles = List.copyOf(profiles);
        sessions = List.copyOf(sessions);
        balances = List.copyOf(balances);
        controlBalances = List.copyOf(controlBalances);
        outcomes = List.copyOf(outcomes);
        lesionOverlap = lesionOverlap.clone();
        java.util.Objects.requireNonNull(clinical, "clinical");
    }

    /** @return per session, the share of its lesion volume already covered by earlier sessions' lesions (a copy) */
    @Override
    public double[] lesionOverlap() {
        return lesionOverlap.clone();
    }

    /**
     * @param region a region
     * @return its outcomes
     * @throws IllegalArgumentException if the result has no outcomes for it
     */
    public RegionOutcome outcome(OutcomeRegion region) {
        for (RegionOutcome o : outcomes) {
            if (o.region() == region) {
                return o;
            }
        }
        throw new IllegalArgumentException("no outcomes recorded for the region " + region);
    }

    /**
     * @param species a matrix species
     * @return what the treated tissue synthesised of it beyond the control over the whole run (kg)
     */
    public double extraSynthesised(Species species) {
        for (int k = 0; k < balances.size(); k++) {
            if (balances.get(k).species() == species) {
                return balances.get(k).synthesized() - controlBalances.get(k).synthesized();
            }
        }
        throw new IllegalArgumentException(species + " is not a matrix component");
    }

    /**
     * @param role a layer role
     * @return the time series of the first layer with that role
     * @throws IllegalArgumentException if no sampled layer has that role (the epidermis, for one, has no biology)
     */
    public LayerTimeSeries layer(LayerRole role) {
        for (LayerTimeSeries l : layers) {
            if (l.role() == role) {
                return l;
            }
        }
        throw new IllegalArgumentException("no sampled layer has the role " + role + "; the layers are "
                + layers.stream().map(l -> l.layer() + " (" + l.role() + ")").toList());
    }
}
