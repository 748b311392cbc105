package org.ecmsim.electric;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ecmsim.grid.Face;

/**
 * One repeat of a regular needle array, for simulating an interior needle of a large tip at a fraction of the
 * cost. The cell is one pitch wide in x and y, centred on one + needle; its lateral faces are planes of symmetry of
 * the infinite array:
 * <ul>
 *   <li>midway between needles of the <em>same</em> polarity the field is mirror-symmetric: an insulating face;</li>
 *   <li>midway between needles of <em>opposite</em> polarity it is antisymmetric, so the plane is at 0 V (with ±V
 *       drive): a grounded face.</li>
 * </ul>
 * Temperature is symmetric about all these planes, so the thermal lateral faces are insulating. A monopolar array's
 * cell has insulating lateral faces and returns its current through a grounded deep face.
 *
 * <p>When is it right? For the needles of a tip that are several pitches from its edge, the unit cell is the infinite
 * array's exact solution. Edge needles see fewer neighbours: less of their current spreads sideways into a neighbour's
 * cell, so their heating differs from an interior needle's. A 7×7 tip has 25 interior and 24 edge needles; use the
 * full-array mode to see the edge, and the unit cell for the interior, for sweeps, and whenever the tip is much
 * larger than the pitch.
 *
 * @param cellArray the needle of the cell, at the cell centre, driven at +1 (monopolar form)
 * @param width cell size along x (m): the pitch
 * @param height cell size along y (m): the pitch
 * @param grounded the faces at 0 V
 * @param multiplicity how many such cells the whole tip has: its number of needles
 * @param bipolar true if the tip is bipolar (the voltage between needle groups is twice the needle potential)
 */
public record UnitCell(ElectrodeArray cellArray, double width, double height, Set<Face> grounded, int multiplicity,
        boolean bipolar) {

    /**
     * Copies the face set.
     *
     * @param cellArray the needle of the cell, at the cell centre, driven at +1 (monopolar form)
     * @param width cell size along x (m): the pitch
     * @param height cell size along y (m): the pitch
     * @param grounded the faces at 0 V
     * @param multiplicity how many such cells the whole tip has: its number of needles
     * @param bipolar true if the tip is bipolar (the voltage between needle groups is twice the needle potential)
     */
    public UnitCell {
        Objects.requireNonNull(cellArray, "cellArray");
        grounded = grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(grounded);
    }

    /** @return the grounded faces (a copy) */
    @Override
    public Set<Face> grounded() {
        return grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(grounded);
    }

    /**
     * The unit cell of a regular array built by {@link ElectrodeArray#grid}.
     *
     * @param tip the array
     * @return its unit cell
     * @throws IllegalArgumentException for pairs and custom layouts, which have no repeat
     */
    public static UnitCell of(ElectrodeArray tip) {
        ElectrodeArray.Pattern pattern = tip.pattern();
        if (pattern == null) {
            throw new IllegalArgumentException("only a regular array (ElectrodeArray.grid) has a unit cell; use the"
                    + " full-array mode for pairs and custom layouts");
        }
        Set<Face> grounded = EnumSet.noneOf(Face.class);
        switch (pattern) {
            case ALTERNATING_ROWS -> grounded.addAll(List.of(Face.Y_MIN, Face.Y_MAX));
            case ALTERNATING_COLUMNS -> grounded.addAll(List.of(Face.X_MIN, Face.X_MAX));
            case CHECKERBOARD -> grounded.addAll(List.of(Face.X_MIN, Face.X_MAX, Face.Y_MIN, Face.Y_MAX));
            case MONOPOLAR -> grounded.add(Face.Z_MAX);
            default -> throw new IllegalStateException("unknown pattern " + pattern);
        }
        ElectrodeArray single = ElectrodeArray.of(tip.needle(), List.of(new ElectrodeArray.Electrode(0, 0, 1)), true);
        return new UnitCell(single, tip.pitchX(), tip.pitchY(), grounded, tip.size(), !tip.isMonopolar());
    }
}
