package org.ecmsim.electric;

import java.util.Arrays;
import java.util.Objects;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.tissue.Material;
import org.ecmsim.tissue.Tissue;
import org.ecmsim.units.Units;

/**
 * An {@link ElectrodeArray} rasterised onto a grid: which cells are needle metal, which of those are exposed tip
 * (equipotential electrodes) and which are insulated shaft.
 *
 * <p>A cell belongs to a needle if its centre lies within the needle's radius of the needle axis and above the
 * needle point (centre depth &lt; penetration depth; a centre exactly at the point is outside, with a relative slack of
 * 1e-9 so that the answer does not depend on how the cell size was rounded). A needle thinner than a cell would then have no cells in
 * some plane; there it takes the one cell that contains its axis, so that every needle is a continuous column and
 * always conducts. Such a sub-voxel electrode behaves like a conductor of the cell's size, not of the needle's: the
 * field and heating within about one cell of it are those of a thicker needle, and the total resistance is lower
 * than a resolved needle's (the electrode-radius effect familiar from well models). Resolve the needle (cell size
 * ≤ diameter/3) when the near-needle field matters; compare two resolutions to judge the error.
 *
 * <p>Cells at or below the top of the exposed length are exposed; when the exposed length is shorter than a cell,
 * the needle's deepest plane is exposed, so every needle has an electrode. The insulated shaft is an ideal
 * insulator electrically (no current crosses its faces) and needle metal thermally (the coating is microns thin).
 *
 * <p>Storage: one byte per cell (tissue, shaft or exposed tip) and, for the exposed cells only, their indices and
 * needles.
 */
public final class ElectrodeLayout {

    /** Value of {@link #electrodeOf(int)} for cells that are not exposed metal. */
    public static final int NONE = -1;

    private final Grid3D grid;
    private final ElectrodeArray array;
    private final double centreX;
    private final double centreY;
    /** Cell kinds, one byte per cell: {@link #TISSUE}, {@link #SHAFT} or {@link #EXPOSED}. */
    private final byte[] kind;
    /** The exposed-tip cells in increasing order, and the needle each belongs to. */
    private final int[] exposedCells;
    private final int[] exposedNeedle;
    /** True for rasterised needles (cylinders of known radius and depth), false for {@link #custom} electrodes. */
    private final boolean cylinders;

    private static final byte TISSUE = 0;
    private static final byte SHAFT = 1;
    private static final byte EXPOSED = 2;

    /**
     * Rasterises an array centred at a lateral position of the domain.
     *
     * @param grid the grid
     * @param array the needles
     * @param centreX x of the array centre in the domain (m)
     * @param centreY y of the array centre in the domain (m)
     * @throws IllegalArgumentException if a needle reaches outside the domain or two needles share a cell
     */
    public ElectrodeLayout(Grid3D grid, ElectrodeArray array, double centreX, double centreY) {
        this(grid, array, centreX, centreY, false, false);
    }

    /**
     * Rasterises the part of a mirror-symmetric array that lies in one half (or quarter) of its domain, for a
     * domain cut along the array's planes of symmetry: the {@link org.ecmsim.grid.Face#X_MIN} face (if
     * {@code mirrorX}) and the {@link org.ecmsim.grid.Face#Y_MIN} face (if {@code mirrorY}) are the mirror planes.
     * Needles whose axis lies beyond a mirror plane (x &lt; 0 or y &lt; 0 in the domain, to a relative 10⁻⁹ of the
     * cell size) are not rasterised: they are the mirror images of needles that are. Needles whose axis lies on a
     * mirror plane keep the half (or quarter) of their cells inside the domain. The array keeps all its needles, so
     * needle indices are those of the whole array; the skipped needles have no cells and no zone of their own.
     *
     * @param grid the grid of the cut domain
     * @param array the whole array
     * @param centreX x of the array centre in the cut domain (m): 0 when cut in x
     * @param centreY y of the array centre in the cut domain (m): 0 when cut in y
     * @param mirrorX true if the X_MIN face is a mirror plane
     * @param mirrorY true if the Y_MIN face is a mirror plane
     * @return the layout
     * @throws IllegalArgumentException if a kept needle reaches outside the domain other than through a mirror plane
     */
    public static ElectrodeLayout mirrored(Grid3D grid, ElectrodeArray array, double centreX, double centreY,
            boolean mirrorX, boolean mirrorY) {
        return new ElectrodeLayout(grid, array, centreX, centreY, mirrorX, mirrorY);
    }

    private ElectrodeLayout(Grid3D grid, ElectrodeArray array, double centreX, double centreY, boolean mirrorX,
            boolean mirrorY) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.array = Objects.requireNonNull(array, "array");
        this.centreX = centreX;
        this.centreY = centreY;
        this.cylinders = true;
        Needle needle = array.needle();
        if (needle.depth() >= grid.lengthZ()) {
            throw new IllegalArgumentException(String.format("needle depth %.4g mm reaches the bottom of the"
                    + " domain (%.4g mm deep); make the domain deeper than the needles", Units.toMm(needle.depth()),
                    Units.toMm(grid.lengthZ())));
        }
        int n = grid.cellCount();
        kind = new byte[n];
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        double radius = needle.diameter() / 2;
        int exposed = 0;
        for (int e = 0; e < array.size(); e++) {
            ElectrodeArray.Electrode el = array.electrodes().get(e);
            double ax = centreX + el.x();
            double ay = centreY + el.y();
            if ((mirrorX && ax < -1e-9 * grid.dx()) || (mirrorY && ay < -1e-9 * grid.dy())) {
                continue; // the mirror image of a needle inside the domain
            }
            if ((!mirrorX && ax - radius < 0) || ax + radius > grid.lengthX() || (!mirrorY && ay - radius < 0) || ay + radius > grid.lengthY()) {
                throw new IllegalArgumentException(String.format("needle %d at (%.4g, %.4g) mm lies outside the"
                        + " domain (%.4g × %.4g mm)", e, Units.toMm(ax), Units.toMm(ay), Units.toMm(grid.lengthX()),
                        Units.toMm(grid.lengthY())));
            }
            int deepest = -1;
            // A relative slack of 1e-9 makes a cell centre that lies on the needle point (up to rounding) count as
            // outside, whatever the rounding of the cell size: 1.5 mm needles on 40 µm cells get 37 planes either way.
            double point = needle.depth() * (1 - 1e-9);
            for (int k = 0; k < grid.nz() && grid.z(k) < point; k++) {
                deepest = k;
            }
            if (deepest < 0) {
                deepest = 0; // a needle shallower than half a cell still occupies the surface plane
            }
            int firstExposed = deepest;
            for (int k = 0; k <= deepest; k++) {
                if (grid.z(k) >= needle.exposedTop() - 1e-9 * needle.depth()) {
                    firstExposed = k;
                    break;
                }
            }
            int i0 = Math.max(0, (int) Math.floor((ax - radius) / grid.dx()) - 1);
            int i1 = Math.min(grid.nx() - 1, (int) Math.floor((ax + radius) / grid.dx()) + 1);
            int j0 = Math.max(0, (int) Math.floor((ay - radius) / grid.dy()) - 1);
            int j1 = Math.min(grid.ny() - 1, (int) Math.floor((ay + radius) / grid.dy()) + 1);
            int axisI = Math.max(0, Math.min(grid.nx() - 1, (int) Math.floor(ax / grid.dx())));
            int axisJ = Math.max(0, Math.min(grid.ny() - 1, (int) Math.floor(ay / grid.dy())));
            for (int k = 0; k <= deepest; k++) {
                boolean any = false;
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        // A relative slack of 1e-9 keeps cells exactly on the radius in, whatever the rounding of the
                        // axis position: mirror-image needles then get mirror-image cells.
                        if (Math.hypot(grid.x(i) - ax, grid.y(j) - ay) <= radius * (1 + 1e-9)) {
                            claim(grid.index(i, j, k), e, owner);
                            any = true;
                        }
                    }
                }
                if (!any) {
                    claim(grid.index(axisI, axisJ, k), e, owner);
                }
            }
            for (int k = 0; k <= deepest; k++) {
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        int c = grid.index(i, j, k);
                        if (owner[c] == e) {
                            if (k >= firstExposed) {
                                kind[c] = EXPOSED;
                                exposed++;
                            } else {
                                kind[c] = SHAFT;
                            }
                        }
                    }
                }
            }
        }
        checkNotTouching(owner);
        exposedCells = new int[exposed];
        exposedNeedle = new int[exposed];
        int p = 0;
        for (int c = 0; c < n; c++) {
            if (kind[c] == EXPOSED) {
                exposedNeedle[p] = owner[c];
                exposedCells[p++] = c;
            }
        }
    }

    /** Needles of different potential in face-adjacent cells would short-circuit through one face. */
    private void checkNotTouching(int[] owner) {
        for (int c = 0; c < owner.length; c++) {
            if (owner[c] < 0) {
                continue;
            }
            int i = grid.i(c);
            int j = grid.j(c);
            int[] neighbours = {i + 1 < grid.nx() ? c + 1 : -1, j + 1 < grid.ny() ? c + grid.strideY() : -1};
            for (int nb : neighbours) {
                if (nb >= 0 && owner[nb] >= 0 && owner[nb] != owner[c]) {
                    throw new IllegalArgumentException("needles " + owner[c] + " and " + owner[nb] + " touch at cell ("
                            + i + ", " + j + ", " + grid.k(c) + ") at this resolution; use a finer grid or a larger"
                            + " pitch");
                }
            }
        }
    }

    private ElectrodeLayout(Grid3D grid, ElectrodeArray array, int[] electrode) {
        this.grid = grid;
        this.array = array;
        this.centreX = grid.lengthX() / 2;
        this.centreY = grid.lengthY() / 2;
        this.cylinders = false;
        this.kind = new byte[electrode.length];
        int exposed = 0;
        for (int e : electrode) {
            if (e != NONE) {
                exposed++;
            }
        }
        this.exposedCells = new int[exposed];
        this.exposedNeedle = new int[exposed];
        int p = 0;
        for (int c = 0; c < electrode.length; c++) {
            if (electrode[c] != NONE) {
                kind[c] = EXPOSED;
                exposedNeedle[p] = electrode[c];
                exposedCells[p++] = c;
            }
        }
    }

    /**
     * Electrodes of any shape (plates, rings, meshes): each cell names the electrode it belongs to, or
     * {@link #NONE}. The array supplies each electrode's polarity (its positions are used only to assign zone cells
     * to electrodes) and whether the drive is monopolar. There is no insulated shaft.
     *
     * @param grid the grid
     * @param electrodeOfCell per cell, an electrode index into {@code array.electrodes()} or {@link #NONE}
     * @param array polarities (and nominal positions relative to the domain centre)
     * @return the layout
     */
    public static ElectrodeLayout custom(Grid3D grid, int[] electrodeOfCell, ElectrodeArray array) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(array, "array");
        if (electrodeOfCell.length != grid.cellCount()) {
            throw new IllegalArgumentException("electrodeOfCell has " + electrodeOfCell.length + " entries; the grid"
                    + " has " + grid.cellCount() + " cells");
        }
        for (int c = 0; c < electrodeOfCell.length; c++) {
            int e = electrodeOfCell[c];
            if (e != NONE && (e < 0 || e >= array.size())) {
                throw new IllegalArgumentException("cell " + c + " names electrode " + e + "; the array has "
                        + array.size() + " (0–" + (array.size() - 1) + ")");
            }
        }
        return new ElectrodeLayout(grid, array, electrodeOfCell);
    }

    private void claim(int cell, int needleIndex, int[] owner) {
        if (owner[cell] >= 0 && owner[cell] != needleIndex) {
            throw new IllegalArgumentException("needles " + owner[cell] + " and " + needleIndex + " share cell ("
                    + grid.i(cell) + ", " + grid.j(cell) + ", " + grid.k(cell) + ") at this resolution; use a finer"
                    + " grid or a larger pitch");
        }
        owner[cell] = needleIndex;
    }

    /**
     * Centres the array in the domain.
     *
     * @param grid the grid
     * @param array the needles
     * @return the layout
     */
    public static ElectrodeLayout centred(Grid3D grid, ElectrodeArray array) {
        return new ElectrodeLayout(grid, array, grid.lengthX() / 2, grid.lengthY() / 2);
    }

    /** @return the grid */
    public Grid3D grid() {
        return grid;
    }

    /** @return the array */
    public ElectrodeArray array() {
        return array;
    }

    /** @return x of the array centre in the domain (m) */
    public double centreX() {
        return centreX;
    }

    /** @return y of the array centre in the domain (m) */
    public double centreY() {
        return centreY;
    }

    /**
     * @param cell flat cell index
     * @return the index of the needle whose exposed tip contains the cell, or {@link #NONE}
     */
    public int electrodeOf(int cell) {
        // Exposed cells are few (the needle tips): a binary search keeps the per-cell storage at one byte.
        return kind[cell] == EXPOSED ? exposedNeedle[Arrays.binarySearch(exposedCells, cell)] : NONE;
    }

    /**
     * The distance from the centre of a tissue cell to the true needle surface, along the axis of its face to a
     * needle cell (exposed tip or insulated shaft): the sub-voxel position of the electrode, or of the metal, for
     * that face. On a lateral face it is where the
     * line through the tissue cell's centre meets the needle's cylinder; on a vertical face, the distance to the
     * needle point's plane. The electric solver uses it as the length of the face's tissue resistor, σA/d, in place
     * of the half cell h/2 of a staircase electrode (the Shortley–Weller treatment of a curved Dirichlet boundary),
     * so a needle keeps its true radius and depth on any grid instead of the radius of its staircase. It is clamped
     * to [h/10, h]: a surface closer than h/10 to the tissue centre is taken at h/10 (the face then conducts at
     * most 5 times the half-cell value). Custom electrodes ({@link #custom}) and faces whose line misses the
     * cylinder (a sub-voxel needle's axis cell) keep h/2. The thermal problem uses the same distance for the heat
     * flow between tissue and needle metal (the series conductance of tissue over d and metal over h − d), on the
     * shaft as on the tip.
     *
     * @param tissueCell a tissue cell
     * @param electrodeCell a face-adjacent needle cell: exposed tip or, for rasterised needles, insulated shaft
     * @param axis 0 = x, 1 = y, 2 = z
     * @return the distance (m), in [h/10, h] with h the spacing along the axis
     */
    public double surfaceDistance(int tissueCell, int electrodeCell, int axis) {
        double h = axis == 0 ? grid.dx() : axis == 1 ? grid.dy() : grid.dz();
        int e = kind[electrodeCell] == SHAFT && cylinders ? nearestNeedle(electrodeCell) : electrodeOf(electrodeCell);
        if (!cylinders || e == NONE) {
            return 0.5 * h;
        }
        double[] a = axis(e);
        double radius = array.needle().diameter() / 2;
        double x = grid.x(grid.i(tissueCell));
        double y = grid.y(grid.j(tissueCell));
        double d;
        if (axis == 2) {
            d = Math.abs(grid.z(grid.k(tissueCell)) - array.needle().depth());
            if (grid.k(tissueCell) < grid.k(electrodeCell)) {
                return 0.5 * h; // a tissue cell above an exposed cell (only at an uninsulated surface plane)
            }
        } else {
            double along = axis == 0 ? x - a[0] : y - a[1];
            double across = axis == 0 ? y - a[1] : x - a[0];
            double chord2 = radius * radius - across * across;
            if (chord2 <= 0) {
                return 0.5 * h;
            }
            d = Math.abs(along) - Math.sqrt(chord2);
        }
        return Math.max(0.1 * h, Math.min(h, d));
    }

    /** @return the needle whose axis is nearest the cell's centre (needles do not overlap, so it is the owner) */
    private int nearestNeedle(int cell) {
        return nearestNeedle(grid.x(grid.i(cell)), grid.y(grid.j(cell)));
    }

    /**
     * The needle whose axis ({@link #axis}) is nearest to a lateral position: the needle a cell there belongs to,
     * for zones and needle metal alike. Allocates nothing.
     *
     * @param x lateral position in the domain (m)
     * @param y lateral position in the domain (m)
     * @return the needle index (the lower one on a tie), or {@link #NONE} for an empty array
     */
    public int nearestNeedle(double x, double y) {
        int best = NONE;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int e = 0; e < array.size(); e++) {
            ElectrodeArray.Electrode el = array.electrodes().get(e);
            double d = Math.hypot(x - (centreX + el.x()), y - (centreY + el.y()));
            if (d < bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return best;
    }

    /**
     * @param cell flat cell index
     * @return true if the cell is insulated needle shaft
     */
    public boolean isShaft(int cell) {
        return kind[cell] == SHAFT;
    }

    /**
     * @param cell flat cell index
     * @return true if the cell is needle metal, exposed tip or insulated shaft
     */
    public boolean isMetal(int cell) {
        return kind[cell] != TISSUE;
    }

    /** @return the flat indices of all exposed-tip cells (a copy) */
    public int[] exposedCells() {
        return exposedCells.clone();
    }

    /** @return the cells of needle metal, exposed and insulated */
    public CellMask metal() {
        CellMask m = new CellMask(grid);
        for (int c = 0; c < kind.length; c++) {
            if (kind[c] != TISSUE) {
                m.add(c);
            }
        }
        return m;
    }

    /**
     * @param tissue a tissue on the same grid
     * @return the tissue with the needle metal painted in, for the thermal problem
     */
    public Tissue paint(Tissue tissue) {
        return tissue.withMaterial(metal(), array.needle().metal());
    }

    /**
     * The true cross-section of a needle over the cross-section of its staircase: πr² divided by the area of the
     * cells whose centres lie within the radius of the axis in one plane (the rasterisation rule above, on the
     * grid's lattice extended beyond the domain, so a needle cut by a mirror plane counts whole; one cell for a
     * sub-voxel needle). A 0.2 mm needle centred on a cell corner covers 12 cells of 50 µm (0.0300 mm², ratio
     * 1.047) and 52 cells of 25 µm (0.0325 mm², ratio 0.967): the staircase has 4.5 % too little and 3.4 % too
     * much metal, so it conducts heat along the needle and stores it by as much too little or too much.
     *
     * @param needleIndex a needle
     * @return the ratio (1 for {@link #custom} electrodes)
     */
    public double crossSectionRatio(int needleIndex) {
        if (!cylinders) {
            return 1.0;
        }
        double[] a = axis(needleIndex);
        double radius = array.needle().diameter() / 2;
        int i0 = (int) Math.floor((a[0] - radius - grid.x(0)) / grid.dx()) - 1;
        int i1 = (int) Math.ceil((a[0] + radius - grid.x(0)) / grid.dx()) + 1;
        int j0 = (int) Math.floor((a[1] - radius - grid.y(0)) / grid.dy()) - 1;
        int j1 = (int) Math.ceil((a[1] + radius - grid.y(0)) / grid.dy()) + 1;
        int cells = 0;
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                if (Math.hypot(grid.x(i) - a[0], grid.y(j) - a[1]) <= radius * (1 + 1e-9)) {
                    cells++;
                }
            }
        }
        return Math.PI * radius * radius / (Math.max(1, cells) * grid.dx() * grid.dy());
    }

    /**
     * Paints the needle metal as {@link #paint} does, with each needle's density and thermal conductivity scaled by
     * its {@link #crossSectionRatio}, so that the staircase conducts heat along the needle and stores it as the true
     * cylinder does (ρcA and kA per unit length are those of the true cross-section). Used with the true needle
     * surface (docs/model.md §10.2); needles with equal ratios share one material.
     *
     * @param tissue a tissue on the same grid
     * @return the tissue with the scaled needle metal painted in
     */
    public Tissue paintTrueCrossSection(Tissue tissue) {
        if (!cylinders) {
            return paint(tissue);
        }
        Material metal = array.needle().metal();
        java.util.Map<Double, CellMask> byRatio = new java.util.LinkedHashMap<>();
        double[] ratio = new double[array.size()];
        for (int e = 0; e < ratio.length; e++) {
            ratio[e] = crossSectionRatio(e);
        }
        for (int c = 0; c < kind.length; c++) {
            if (kind[c] != TISSUE) {
                byRatio.computeIfAbsent(ratio[nearestNeedle(c)], r -> new CellMask(grid)).add(c);
            }
        }
        Tissue painted = tissue;
        for (var entry : byRatio.entrySet()) {
            double r = entry.getKey();
            Material scaled = metal.withDensity(metal.density() * r)
                    .withThermalConductivity(metal.thermalConductivity() * r)
                    .withName(String.format(java.util.Locale.ROOT, "%s (cross-section ×%.6f)", metal.name(), r));
            painted = painted.withMaterial(entry.getValue(), scaled);
        }
        return painted;
    }

    /**
     * @param needleIndex a needle
     * @return the lateral position of its axis in the domain: {x, y} (m)
     */
    public double[] axis(int needleIndex) {
        ElectrodeArray.Electrode e = array.electrodes().get(needleIndex);
        return new double[] {centreX + e.x(), centreY + e.y()};
    }
}
