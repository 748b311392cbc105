package org.ecmsim.simulation.site;

import java.util.List;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.ElectrodeLayout;
import org.ecmsim.electric.UnitCell;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.internal.Checks;
import org.ecmsim.numerics.BlockCoarsening;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.session.RfTreatmentSimulation;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.thermal.PerfusionScale;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.Tissue;

/**
 * A treated site: one unit cell of the tip (an interior needle in a domain one pitch wide, with symmetry faces),
 * which stands for the treated skin. It owns the geometry every level of a course shares: the thermal grid and its
 * tissue (without needles), the biology grid (whole blocks of thermal cells), the layer of every cell and its role,
 * the resting biology of each layer, and where the needles are. Immutable; built by {@link SiteGeometry}.
 *
 * <p>It also maps between the levels: the biology's vessel field onto the thermal grid as a perfusion scale, and a
 * session's damage fields onto the biology grid as a {@link ThermalInsult}. Both transfers are conservative block
 * operations (a block mean down, a constant per block up).
 */
public final class TreatmentSite {

    private final LayeredSkin skin;
    private final ElectrodeArray tip;
    private final Tissue tissue;
    private final BlockCoarsening blocks;
    private final MaterialMap biologyLayers;
    private final List<LayerBaseline> baselines;

    TreatmentSite(LayeredSkin skin, ElectrodeArray tip, Tissue tissue, BlockCoarsening blocks,
            MaterialMap biologyLayers, List<LayerBaseline> baselines) {
        this.skin = skin;
        this.tip = tip;
        this.tissue = tissue;
        this.blocks = blocks;
        this.biologyLayers = biologyLayers;
        this.baselines = List.copyOf(baselines);
    }

    /** @return the skin as simulated (thinned for the age if the course asked for it) */
    public LayeredSkin skin() {
        return skin;
    }

    /** @return the whole tip, as the sessions drive it */
    public ElectrodeArray tip() {
        return tip;
    }

    /** @return the thermal (and electric) grid: the unit cell */
    public Grid3D thermalGrid() {
        return tissue.grid();
    }

    /** @return the tissue of the thermal grid, without needles; material index = layer index */
    public Tissue tissue() {
        return tissue;
    }

    /** @return the layer (material index) of every thermal cell, without needles (a copy) */
    public MaterialMap thermalLayers() {
        return tissue.materialMap().copy();
    }

    /** @return the biology grid: blocks of {@link #coarsening()}³ thermal cells */
    public Grid3D biologyGrid() {
        return blocks.coarse();
    }

    /** @return the number of thermal cells along each edge of a biology cell */
    public int coarsening() {
        return blocks.factor();
    }

    /** @return the layer (material index) of every biology cell: the majority of its thermal cells (a copy) */
    public MaterialMap biologyLayers() {
        return biologyLayers.copy();
    }

    /** @return the role of each layer, by material index */
    public List<LayerRole> roles() {
        return skin.roles();
    }

    /**
     * @param role a layer role
     * @return the material index of the first layer with that role, or −1 if the skin has none
     */
    public int materialOf(LayerRole role) {
        return skin.indexOf(role);
    }

    /** @return the resting biology of each layer, by material index */
    public List<LayerBaseline> baselines() {
        return baselines;
    }

    /**
     * @param needleDepth the depth the needles are inserted to (m)
     * @return the metal cells of the site's needle at that depth, on the thermal grid
     */
    public CellMask needles(double needleDepth) {
        ElectrodeArray cell = UnitCell.of(tip.withNeedle(tip.needle().withDepth(needleDepth))).cellArray();
        Grid3D g = thermalGrid();
        return new ElectrodeLayout(g, cell, g.lengthX() / 2, g.lengthY() / 2).metal();
    }

    /**
     * @return a builder of the RF session on this site (unit-cell mode), to which settings, a perfusion scale and
     *         an executor can be added
     */
    public RfTreatmentSimulation.Builder rfSession() {
        return RfTreatmentSimulation.unitCell(tissue, tip);
    }

    /**
     * The full-tip mode of a session on this site: every needle of the tip in one domain with {@code margin} of tissue
     * around it, the same skin, cell size and depth as the site, solved on the part of the domain that the tip's
     * mirror planes leave and unfolded ({@link RfTreatmentSimulation#fullTipMirrored}: a quarter for the regular
     * patterns; the same result as {@link RfTreatmentSimulation#fullTip} to the potential solver's tolerance). It is an
     * extra, larger run for what the unit cell cannot show (edge and corner needles, the tip impedance with the
     * array's edges); the site's biology stays on the unit cell, so its result does not feed {@link #insult}. Its
     * perfusion is intact unless a scale on the builder's grid (the simulated part) is given.
     *
     * @param margin tissue beyond the tip's footprint on each side (m), 0 – 10 mm, whole cells; e.g.
     *        {@link SiteGeometry#DEFAULT_FULL_TIP_MARGIN}
     * @return a builder of the full-tip session
     */
    public RfTreatmentSimulation.Builder fullTipSession(double margin) {
        Grid3D g = thermalGrid();
        return RfTreatmentSimulation.fullTipMirrored(skin, tip, g.dx(), g.lengthZ(), margin);
    }

    /**
     * The biology's vessel state as the perfusion scale of the thermal cells: each thermal cell takes the value of
     * its biology cell.
     *
     * @param vessels the vessel field on the biology grid, each in [0, 1]
     * @return the scale on the thermal grid
     */
    public PerfusionScale perfusionScale(ScalarField vessels) {
        if (!vessels.grid().equals(biologyGrid())) {
            throw new IllegalArgumentException("vessel field grid " + vessels.grid() + " differs from the biology"
                    + " grid " + biologyGrid());
        }
        double[] perfusion = new double[blocks.fine().cellCount()];
        blocks.prolong(vessels.values(), perfusion);
        return PerfusionScale.of(new ScalarField(blocks.fine(), perfusion));
    }

    /**
     * What a session did to each biology cell, as block means over its thermal cells: the killed fraction
     * 1 − e^(−Ω_death), the denatured collagen fraction 1 − e^(−Ω_collagen), and the heat-shocked fraction of the
     * survivors (1 − e^(−CEM43/D₀))·e^(−Ω_death).
     *
     * @param thermal a session's thermal result on this site's grid
     * @param cellDeath the process whose Ω gives the killed fraction (recorded in {@code thermal})
     * @param collagen the process whose Ω gives the denatured collagen (recorded in {@code thermal})
     * @param doseScaleMinutes D₀, the CEM43 dose that heat-shocks 63 % of the surviving cells (min)
     * @return the insult on the biology grid
     */
    public ThermalInsult insult(ThermalRunResult thermal, ArrheniusProcess cellDeath, ArrheniusProcess collagen,
            double doseScaleMinutes) {
        Checks.requireFinitePositive("heat-shock dose scale", doseScaleMinutes, "min");
        if (!thermal.temperature().grid().equals(thermalGrid())) {
            throw new IllegalArgumentException("thermal result grid " + thermal.temperature().grid() + " differs"
                    + " from the site's " + thermalGrid());
        }
        int n = blocks.fine().cellCount();
        double[] killed = new double[n];
        double[] denatured = new double[n];
        double[] shock = new double[n];
        double[] death = thermal.omega(cellDeath).values();
        double[] coll = thermal.omega(collagen).values();
        double[] cem = thermal.cem43().values();
        for (int c = 0; c < n; c++) {
            double survive = Math.exp(-death[c]);
            killed[c] = -Math.expm1(-death[c]);
            denatured[c] = -Math.expm1(-coll[c]);
            shock[c] = -Math.expm1(-cem[c] / doseScaleMinutes) * survive;
        }
        Grid3D bio = blocks.coarse();
        double[] k = new double[bio.cellCount()];
        double[] d = new double[bio.cellCount()];
        double[] h = new double[bio.cellCount()];
        blocks.restrict(killed, k);
        blocks.restrict(denatured, d);
        blocks.restrict(shock, h);
        clamp(k);
        clamp(d);
        clamp(h);
        return new ThermalInsult(bio, k, d, h);
    }

    /**
     * The share of each biology cell's volume where a damage process reached Ω ≥ 1 (more than 1 − 1/e ≈ 63 % of
     * cells or collagen damaged): the fraction of the block's thermal cells over the threshold. This is how a
     * block joins the lesion in the outcomes: by volume, not all or nothing, so that a lesion narrower than a
     * biology cell still counts with the volume it has.
     *
     * @param thermal a session's thermal result on this site's grid
     * @param process a damage process recorded in {@code thermal}
     * @return the fraction per biology cell, in [0, 1]
     */
    public double[] damagedFraction(ThermalRunResult thermal, ArrheniusProcess process) {
        if (!thermal.temperature().grid().equals(thermalGrid())) {
            throw new IllegalArgumentException("thermal result grid " + thermal.temperature().grid() + " differs"
                    + " from the site's " + thermalGrid());
        }
        double[] omega = thermal.omega(process).values();
        double[] over = new double[omega.length];
        for (int c = 0; c < omega.length; c++) {
            over[c] = omega[c] >= 1 ? 1 : 0;
        }
        double[] out = new double[biologyGrid().cellCount()];
        blocks.restrict(over, out);
        clamp(out);
        return out;
    }

    /**
     * The needle track as a wound: the share of each biology cell's volume that the needles occupied at these depths
     * (the union over the depths). Penetration tears and displaces the tissue in the needle's path, so the course
     * counts the cells there as killed, whatever the heat did; this is what microneedling alone does.
     *
     * @param needleDepths the depths the needles went to in one session (m)
     * @return the share per biology cell, in [0, 1]
     */
    public double[] needleTrack(double... needleDepths) {
        int n = blocks.fine().cellCount();
        double[] metal = new double[n];
        for (double d : needleDepths) {
            CellMask m = needles(d);
            for (int c = 0; c < n; c++) {
                if (m.contains(c)) {
                    metal[c] = 1;
                }
            }
        }
        double[] out = new double[biologyGrid().cellCount()];
        blocks.restrict(metal, out);
        clamp(out);
        return out;
    }

    /**
     * @param parameters rate constants
     * @param ageYears age at day 0 (years)
     * @param step biology time step (s)
     * @param executor threads
     * @return a biology model of the site at rest for the age
     */
    public RemodellingModel newModel(BiologyParameters parameters, double ageYears, double step,
            ParallelExecutor executor) {
        RemodellingModel m = new RemodellingModel(blocks.coarse(), biologyLayers, baselines, parameters, ageYears,
                executor);
        m.setTimeStep(step);
        return m;
    }

    /** Block means of values in [0, 1] can exceed 1 by an ulp; keep them in range. */
    private static void clamp(double[] a) {
        for (int c = 0; c < a.length; c++) {
            a[c] = Math.min(1.0, Math.max(0.0, a[c]));
        }
    }
}
