package org.ecmsim.simulation.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.internal.Checks;
import org.ecmsim.numerics.BlockCoarsening;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;

/**
 * The one place where the geometry of a treatment site is worked out: the unit cell of the tip (one interior needle,
 * one pitch wide, symmetry faces), the cell size checked against the pitch ({@link UnitCell#grid}), the domain depth
 * rounded up to whole biology cells, the biology grid as whole blocks of thermal cells, the skin thinned for the age,
 * and the layer of every biology cell. The simulation builds its {@link TreatmentSite} here, and the command line
 * calls the same methods for its checks.
 */
public final class SiteGeometry {

    private SiteGeometry() {
    }

    /**
     * The domain depth: the rule's depth rounded up to a whole number of biology cells of {@code coarsening} thermal
     * cells. (The small slack keeps 2.5 mm / 50 µm / 2 = 25.000000000000004 at 25 blocks.)
     *
     * @param rule how deep the domain reaches before rounding
     * @param deepestNeedle the deepest needle depth of any pass (m)
     * @param cellSize thermal cell size (m)
     * @param coarsening biology cell = coarsening × coarsening × coarsening thermal cells (≥ 1)
     * @return the depth (m)
     */
    public static double domainDepth(DomainDepth rule, double deepestNeedle, double cellSize, int coarsening) {
        Checks.requireFinitePositive("deepest needle depth", deepestNeedle, "m");
        Checks.requireFinitePositive("cell size", cellSize, "m");
        requireCoarsening(coarsening);
        double depth = rule.unrounded(deepestNeedle);
        depth = Math.ceil(depth / cellSize / coarsening - 1e-9) * coarsening * cellSize;
        if (!(depth > deepestNeedle)) {
            throw new IllegalArgumentException("the domain depth " + depth + " m does not reach below the deepest"
                    + " needle at " + deepestNeedle + " m; make it deeper");
        }
        return depth;
    }

    /**
     * The thermal grid of the site: the unit cell of the tip.
     *
     * @param tip a regular needle array
     * @param cellSize thermal cell size (m); the pitch must be a whole number (≥ 3) of cells
     * @param depth the domain depth (m), as {@link #domainDepth} gives it
     * @return the grid
     * @throws IllegalArgumentException if the tip has no unit cell or the pitch is not a whole number of cells
     */
    public static Grid3D thermalGrid(ElectrodeArray tip, double cellSize, double depth) {
        return UnitCell.of(tip).grid(cellSize, depth);
    }

    /**
     * The default tissue margin of the full-tip mode: 1 mm beyond the tip's footprint on every side, i.e. 1.5 pitches
     * of 1 mm from the outer needle axes (model choice: the heat of a 0.5 s session diffuses √(4αt) ≈ 0.45 mm, and the
     * lateral faces insulate, so the outer needles see no mirror image closer than 3 mm).
     */
    public static final double DEFAULT_FULL_TIP_MARGIN = 1e-3;

    /**
     * The thermal grid of the full-tip mode: all needles, each in a pitch-wide block of whole cells, and
     * {@code margin} of tissue around the footprint ({@link UnitCell#fullTipGrid}).
     *
     * @param tip a regular needle array
     * @param cellSize thermal cell size (m); the pitch must be a whole number (≥ 3) of cells
     * @param depth the domain depth (m), as {@link #domainDepth} gives it
     * @param margin tissue beyond the footprint on each side (m), 0 – 10 mm, whole cells
     * @return the grid
     */
    public static Grid3D fullTipGrid(ElectrodeArray tip, double cellSize, double depth, double margin) {
        return UnitCell.fullTipGrid(tip, cellSize, depth, margin);
    }

    /**
     * Relative thinning of the dermis per decade over 25, compounded (dimensionless per decade): 0.06, Branchet et
     * al., Gerontology 36:28 (1990) (total dermal thickness, men and women; abstract).
     */
    public static final double DERMIS_THINNING_PER_DECADE = 0.06;
    /**
     * Relative thinning of the epidermis per decade over 25, compounded (dimensionless per decade): 0.065, the mean of
     * the 7.2 % (men) and 5.7 % (women) of Branchet et al. 1990.
     */
    public static final double EPIDERMIS_THINNING_PER_DECADE = 0.065;

    /**
     * Thins the epidermis and dermis with age as measured by Branchet et al., Gerontology 36:28 (1990): epidermis
     * −6.5 %/decade (mean of men's −7.2 and women's −5.7), dermis −6 %/decade, from age 25. Layers are found by their
     * {@link LayerRole}; other layers keep their thickness. The biology of such a site must not also apply the
     * collagen loss per volume that stands in for this thinning on young layers: {@link #onAgedLayers} says so.
     *
     * @param skin the skin of a 25-year-old
     * @param ageYears the age (years)
     * @return the thinned skin
     */
    public static LayeredSkin agedSkin(LayeredSkin skin, double ageYears) {
        double decades = Math.max(0, (ageYears - 25) / 10);
        LayeredSkin s = skin;
        for (int l = 0; l < skin.layerCount(); l++) {
            LayerRole role = skin.layers().get(l).role();
            double factor = role == LayerRole.EPIDERMIS ? Math.pow(1 - EPIDERMIS_THINNING_PER_DECADE, decades)
                    : role.isDermis() ? Math.pow(1 - DERMIS_THINNING_PER_DECADE, decades) : 1.0;
            s = s.withThickness(l, skin.layers().get(l).thickness() * factor);
        }
        return s;
    }

    /**
     * The biology parameters for a site whose layers {@link #agedSkin} thinned: the aging law is told that the dermis
     * already carries the −6 %/decade thinning ({@code BiologyParameters.Aging.layerThinningPerDecade}), so the
     * collagen per volume falls only by what the thinning does not account for, and the collagen per skin area is the
     * same as on young layers (Branchet's −6 %/decade, counted once).
     *
     * @param p the parameters for young layers
     * @return p with the aging law's layer thinning set to {@link #DERMIS_THINNING_PER_DECADE}
     */
    public static BiologyParameters onAgedLayers(BiologyParameters p) {
        return p.withAging(p.aging().withLayerThinningPerDecade(DERMIS_THINNING_PER_DECADE));
    }

    /**
     * Builds the site.
     *
     * @param skin the skin as simulated (already thinned for the age if wanted)
     * @param tip a regular needle array
     * @param cellSize thermal cell size (m)
     * @param depth the domain depth (m), as {@link #domainDepth} gives it
     * @param coarsening preferred biology block size in thermal cells; the largest divisor of the grid ≤ it is used
     * @param baselines the resting biology of each layer role
     * @return the site
     */
    public static TreatmentSite unitCell(LayeredSkin skin, ElectrodeArray tip, double cellSize, double depth,
            int coarsening, Function<LayerRole, LayerBaseline> baselines) {
        Objects.requireNonNull(skin, "skin");
        Objects.requireNonNull(baselines, "baselines");
        requireCoarsening(coarsening);
        Grid3D grid = thermalGrid(tip, cellSize, depth);
        BlockCoarsening blocks = BlockCoarsening.largestDividing(grid, coarsening);
        Tissue tissue = skin.toTissue(grid);
        List<LayerBaseline> base = new ArrayList<>();
        for (LayerRole role : skin.roles()) {
            base.add(Objects.requireNonNull(baselines.apply(role), "baseline of " + role));
        }
        return new TreatmentSite(skin, tip, tissue, blocks, majority(tissue, blocks), base);
    }

    private static void requireCoarsening(int f) {
        if (f < 1) {
            throw new IllegalArgumentException("biology coarsening = " + f + " is invalid; it must be ≥ 1");
        }
    }

    /** The layer of each biology cell: the material of most of its thermal cells (the lowest index on a tie). */
    private static MaterialMap majority(Tissue tissue, BlockCoarsening coarsening) {
        Grid3D bio = coarsening.coarse();
        int m = tissue.materialCount();
        int[][] counts = new int[bio.cellCount()][m];
        byte[] ids = tissue.materialMap().ids();
        for (int c = 0; c < ids.length; c++) {
            counts[coarsening.coarseOf(c)][ids[c] & 0xFF]++;
        }
        MaterialMap map = new MaterialMap(bio);
        for (int c = 0; c < counts.length; c++) {
            int best = 0;
            for (int k = 1; k < m; k++) {
                if (counts[c][k] > counts[c][best]) {
                    best = k;
                }
            }
            map.set(c, best);
        }
        return map;
    }
}
