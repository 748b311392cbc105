package org.ecmsim.simulation.session;

/**
 * The region around one needle where a damage process reached Ω ≥ 1 (cells are assigned to the nearest needle
 * axis). Sizes are measured on the grid: cell edges, not centres, so a zone of one cell is one cell wide.
 *
 * @param needle needle index
 * @param cells number of cells with Ω ≥ 1 nearest to this needle
 * @param volume their volume (m³)
 * @param width twice the largest lateral distance from the needle axis to the outer edge of a zone cell (m); it
 *        includes the needle itself (a zone hugging a 0.2 mm needle is at least 0.2 mm wide)
 * @param top depth of the upper edge of the zone (m); NaN if the zone is empty
 * @param bottom depth of the lower edge of the zone (m); NaN if the zone is empty
 */
public record CoagulationZone(int needle, int cells, double volume, double width, double top, double bottom) {

    /** @return bottom − top (m), 0 if empty */
    public double height() {
        return cells == 0 ? 0.0 : bottom - top;
    }
}
