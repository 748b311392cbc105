package org.ecmsim.simulation.course;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;

import org.ecmsim.units.Units;

/**
 * How the outcome regions are drawn on the biology grid. Every region is a set of weights w ∈ [0, 1] per biology
 * cell (the share of the cell's volume in the region), restricted to cells with a biology (fibroblasts or matrix):
 * <ul>
 *   <li>lesion: w = the share of the cell's thermal cells where the cell-death Ω reached 1 at any session (the
 *       largest share over the sessions: a lower bound of the union where two sessions hit parts of the same
 *       cell);</li>
 *   <li>coagulated: the same with the collagen-denaturation Ω;</li>
 *   <li>rim: w = 1 − w_lesion in the cells whose centre lies within {@link #rimWidth()} of the centre of a lesion
 *       core cell (w_lesion ≥ 1/2; any lesion cell if none reaches 1/2), in the dermis and fat;</li>
 *   <li>biopsy: the dermis cells whose centre depth lies in [{@link #biopsyTop()}, {@link #biopsyBottom()}]; with
 *       both NaN (the default), the whole papillary and reticular dermis;</li>
 *   <li>dermis: the papillary and reticular dermis.</li>
 * </ul>
 *
 *
 * <p>It also sets how the histology-like stained area is read (see {@link RegionOutcome}): the spread of collagen
 * density inside a biology cell, {@link #stainSpread()}.
 *
 * @param rimWidth width of the shell around the lesion (m), ≥ 0; default 250 µm (model choice)
 * @param biopsyTop top of the biopsy window, depth below the surface (m), or NaN for the top of the dermis
 * @param biopsyBottom bottom of the biopsy window (m), or NaN for the bottom of the dermis
 * @param stainSpread s, the standard deviation of the natural log of the collagen density inside a biology cell,
 *        at the scale of a stained section's pixels (dimensionless), 0.01 to 2; default 0.25 (model choice: no
 *        measured value was found; with 0.25 a +5 % change of a cell's collagen stains 7.7 percentage points more
 *        of its area)
 */
public record OutcomeRegions(double rimWidth, double biopsyTop, double biopsyBottom, double stainSpread) {

    /** The default spread of the log collagen density inside a cell (dimensionless; model choice). */
    public static final double DEFAULT_STAIN_SPREAD = 0.25;

    /** The defaults: a 250 µm rim, the biopsy over the whole dermis, a stain spread of 0.25. */
    public static final OutcomeRegions DEFAULT = new OutcomeRegions(Units.um(250), Double.NaN, Double.NaN);

    /**
     * Validates the values.
     *
     * @param rimWidth width of the shell around the lesion (m), ≥ 0
     * @param biopsyTop top of the biopsy window (m), ≥ 0, or NaN
     * @param biopsyBottom bottom of the biopsy window (m), above the top, or NaN
     * @param stainSpread s, the spread of the log collagen density inside a cell (dimensionless), 0.01 to 2
     */
    public OutcomeRegions {
        requireFiniteNonNegative("rim width", rimWidth, "m");
        if (!(stainSpread >= 0.01 && stainSpread <= 2)) {
            throw new IllegalArgumentException("stain spread = " + stainSpread + " (dimensionless, the standard"
                    + " deviation of the log collagen density inside a cell) is outside 0.01 to 2");
        }
        if (!Double.isNaN(biopsyTop)) {
            requireFiniteNonNegative("biopsy top", biopsyTop, "m");
        }
        if (!Double.isNaN(biopsyBottom)) {
            requireFiniteNonNegative("biopsy bottom", biopsyBottom, "m");
            if (!Double.isNaN(biopsyTop) && biopsyBottom <= biopsyTop) {
                throw new IllegalArgumentException("biopsy bottom = " + biopsyBottom + " m is not below the biopsy"
                        + " top " + biopsyTop + " m; the window must have a positive depth");
            }
        }
    }

    /**
     * The regions with the default stain spread.
     *
     * @param rimWidth width of the shell around the lesion (m), ≥ 0
     * @param biopsyTop top of the biopsy window (m), ≥ 0, or NaN
     * @param biopsyBottom bottom of the biopsy window (m), above the top, or NaN
     */
    public OutcomeRegions(double rimWidth, double biopsyTop, double biopsyBottom) {
        this(rimWidth, biopsyTop, biopsyBottom, DEFAULT_STAIN_SPREAD);
    }

    /**
     * @param metres width of the shell around the lesion (m)
     * @return a copy with that rim width
     */
    public OutcomeRegions withRimWidth(double metres) {
        return new OutcomeRegions(metres, biopsyTop, biopsyBottom, stainSpread);
    }

    /**
     * @param spread s, the spread of the log collagen density inside a cell (dimensionless), 0.01 to 2
     * @return a copy with that stain spread
     */
    public OutcomeRegions withStainSpread(double spread) {
        return new OutcomeRegions(rimWidth, biopsyTop, biopsyBottom, spread);
    }

    /**
     * @param top top of the biopsy window (m), or NaN for the top of the dermis
     * @param bottom bottom of the biopsy window (m), or NaN for the bottom of the dermis
     * @return a copy with that biopsy window
     */
    public OutcomeRegions withBiopsy(double top, double bottom) {
        return new OutcomeRegions(rimWidth, top, bottom, stainSpread);
    }
}
