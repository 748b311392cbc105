package org.ecmsim.simulation.session;

/**
 * The tissue around one needle where a damage process reached Ω ≥ 1 (cells are assigned to the nearest needle
 * axis; the needle's own cells are not tissue and are not counted, though the width spans the needle). Its edges
 * are located below the cell size, where ln Ω interpolated linearly between a zone cell and its neighbour outside
 * the zone crosses 0 (Ω = 1); a zone cell on a domain face reaches to that face. (Taking the outer faces of the zone
 * cells instead, as earlier releases did, overstates the width by up to one cell.)
 *
 * @param needle needle index
 * @param cells number of tissue cells with Ω ≥ 1 nearest to this needle
 * @param volume their volume (m³), whole cells (not interpolated)
 * @param width twice the largest lateral distance from the needle axis to the zone's edge (m); it
 *        includes the needle itself (a zone hugging a 0.2 mm needle is at least 0.2 mm wide)
 * @param top depth of the upper edge of the zone, Ω = 1 (m); NaN if the zone is empty
 * @param bottom depth of the lower edge of the zone, Ω = 1 (m); NaN if the zone is empty
 */
public record CoagulationZone(int needle, int cells, double volume, double width, double top, double bottom) {

    /** @return bottom − top (m), 0 if empty */
    public double height() {
        return cells == 0 ? 0.0 : bottom - top;
    }
}
