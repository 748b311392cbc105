package org.ecmsim.biology;

/**
 * The mass budget of one matrix component over the whole domain since the start of a run (kg), as the discrete
 * update moved it: the change equals synthesis − degradation − denatured away + gained − matured, to round-off.
 * The parts ({@link Species#isPart()}: immature and new collagen) have ledgers of their own.
 *
 * @param species the component
 * @param initial the mass at the start (kg)
 * @param current the mass now (kg)
 * @param synthesized mass made by fibroblasts (kg)
 * @param degraded mass removed by MMPs, turnover or (for denatured collagen) clearance (kg)
 * @param denaturedAway mass moved to denatured collagen by heat (kg; for collagen I and III)
 * @param gained mass received by heat denaturation (kg; for denatured collagen), or counted as new when labelling
 *        began (kg; for the new-collagen parts: the immature collagen present then)
 * @param matured mass that cross-linked into the mature pool (kg; for the immature parts, which it leaves)
 */
public record MatrixLedger(Species species, double initial, double current, double synthesized, double degraded,
        double denaturedAway, double gained, double matured) {

    /**
     * @return current − (initial + synthesized − degraded − denaturedAway + gained − matured) (kg); zero up to
     *         round-off
     */
    public double imbalance() {
        return current - (initial + synthesized - degraded - denaturedAway + gained - matured);
    }
}
