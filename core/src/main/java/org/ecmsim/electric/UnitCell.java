package org.ecmsim.electric;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.internal.Checks;
import org.ecmsim.units.Units;

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

    /**
     * The grid of the unit cell: one pitch wide in x and y, {@code depth} deep, in cubic cells. This is the one place
     * where a cell size is checked against the pitch.
     *
     * @param cellSize cell size (m); the pitches must be whole numbers (≥ 3) of cells, so that the cell's symmetry
     *        faces fall on cell faces
     * @param depth domain depth (m); rounded to the nearest whole number of cells
     * @return the grid
     * @throws IllegalArgumentException if a pitch is not a whole number (≥ 3) of cells
     */
    public Grid3D grid(double cellSize, double depth) {
        Checks.requireFinitePositive("cell size", cellSize, "m");
        Checks.requireFinitePositive("domain depth", depth, "m");
        int nx = cellsAcross(width, cellSize);
        int ny = cellsAcross(height, cellSize);
        return Grid3D.uniform(nx, ny, (int) Math.round(depth / cellSize), cellSize);
    }

    /**
     * The grid of the full-tip mode: every needle of a regular tip in one domain, each in a pitch-wide block of whole
     * cells exactly as in its unit cell ({@link #grid(double, double)}), with {@code margin} of tissue beyond the tip's
     * footprint (columns × pitch by rows × pitch) on all four sides. Centred on the domain, every needle's axis then
     * sits at the same place within its cells as the unit cell's needle, so the two modes rasterise the needles
     * identically and differ only in what surrounds them.
     *
     * @param tip a regular array ({@link ElectrodeArray#grid})
     * @param cellSize cell size (m); the pitches must be whole numbers (≥ 3) of cells
     * @param depth domain depth (m); rounded to the nearest whole number of cells
     * @param margin tissue beyond the footprint on each side (m), 0 – 10 mm, a whole number of cells (to a
     *        relative 10⁻⁶); model choice, {@code SiteGeometry.DEFAULT_FULL_TIP_MARGIN} by default
     * @return the grid, (columns·pitch + 2·margin) × (rows·pitch + 2·margin) × depth
     * @throws IllegalArgumentException for a custom layout, a pitch or margin that is not whole cells, or a margin
     *         out of range
     */
    public static Grid3D fullTipGrid(ElectrodeArray tip, double cellSize, double depth, double margin) {
        Grid3D cell = of(tip).grid(cellSize, depth);
        Checks.requireInRange("full-tip margin", margin, 0, 10e-3, "m");
        double cells = margin / cellSize;
        long m = Math.round(cells);
        if (Math.abs(cells - m) > 1e-6 * Math.max(1, cells)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the full-tip margin %.4g mm is"
                    + " not a whole number of %.4g mm cells", Units.toMm(margin), Units.toMm(cellSize)));
        }
        int columns = count(tip, true);
        int rows = count(tip, false);
        return Grid3D.uniform(columns * cell.nx() + 2 * (int) m, rows * cell.ny() + 2 * (int) m, cell.nz(), cellSize);
    }

    /**
     * @param tip a regular array
     * @param alongX true for the number of columns (distinct x), false for rows (distinct y)
     * @return the count, from the outermost positions and the pitch
     */
    static int count(ElectrodeArray tip, boolean alongX) {
        double pitch = alongX ? tip.pitchX() : tip.pitchY();
        double max = 0;
        for (ElectrodeArray.Electrode e : tip.electrodes()) {
            max = Math.max(max, Math.abs(alongX ? e.x() : e.y()));
        }
        return (int) Math.round(2 * max / pitch) + 1;
    }

    /**
     * @param pitch a pitch (m)
     * @param cellSize a cell size (m)
     * @return true if the pitch is a whole number (≥ 3) of cells, to a relative 1e-6
     */
    public static boolean fitsWholeCells(double pitch, double cellSize) {
        double cells = pitch / cellSize;
        long n = Math.round(cells);
        return !(Math.abs(cells - n) > 1e-6 * cells || n < 3);
    }

    private static int cellsAcross(double pitch, double cellSize) {
        if (!fitsWholeCells(pitch, cellSize)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the pitch %.4g mm is not a"
                    + " whole number (≥ 3) of %.4g mm cells; the unit cell's faces must fall on cell faces",
                    Units.toMm(pitch), Units.toMm(cellSize)));
        }
        return (int) Math.round(pitch / cellSize);
    }
}
