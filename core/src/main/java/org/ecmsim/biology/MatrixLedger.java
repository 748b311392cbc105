package org.ecmsim.biology;

/**
 * The mass budget of one matrix component over the whole domain since the start of a run (kg), as the discrete
 * update moved it: the change equals synthesis − degradation − clearance + gained − lost, to round-off.
 *
 * @param species the component
 * @param initial the mass at the start (kg)
 * @param current the mass now (kg)
 * @param synthesized mass made by fibroblasts (kg)
 * @param degraded mass removed by MMPs, turnover or (for denatured collagen) clearance (kg)
 * @param denaturedAway mass moved to denatured collagen by heat (kg; for collagen I and III)
 * @param gained mass received by heat denaturation (kg; for denatured collagen)
 */
public record MatrixLedger(Species species, double initial, double current, double synthesized, double degraded,
        double denaturedAway, double gained) {

    /** @return current − (initial + synthesized − degraded − denaturedAway + gained) (kg); zero up to round-off */
    public double imbalance() {
        return current - (initial + synthesized - degraded - denaturedAway + gained);
    }
}
