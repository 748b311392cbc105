package org.ecmsim.simulation.course;

/**
 * The regions in which a course's outcomes are reported, as studies sample them: the treated zones themselves, a
 * shell around them, a biopsy and the whole dermis. Membership is by volume on the biology grid (a cell can belong
 * in part); see {@link OutcomeRegions} for the exact rules.
 */
public enum OutcomeRegion {
    /** The cells the sessions killed: Henriques Ω ≥ 1 (more than 1 − 1/e ≈ 63 % of cells killed). */
    LESION("lesion"),
    /** The cells whose collagen the sessions coagulated: collagen-denaturation Ω ≥ 1. */
    COAGULATED("coagulated"),
    /** A shell of {@link OutcomeRegions#rimWidth()} around the lesion, the lesion itself excluded. */
    RIM("rim"),
    /** A depth window of the dermis over the whole site, as a punch biopsy samples it. */
    BIOPSY("biopsy"),
    /** The whole dermis (papillary and reticular) of the site. */
    DERMIS("dermis");

    private final String label;

    OutcomeRegion(String label) {
        this.label = label;
    }

    /** @return the name used in reports and in summary.json ({@code outcomes.<label>}) */
    public String label() {
        return label;
    }
}
