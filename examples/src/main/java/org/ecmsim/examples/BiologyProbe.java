package org.ecmsim.examples;

import java.util.List;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.biology.ThermalInsult;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.protocol.TreatmentProtocol;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.simulation.course.OutcomeRegions;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.SiteGeometry;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.tissue.SkinLayer;
import org.ecmsim.units.Units;

/**
 * The model side of the calibration: the default session's thermal insult computed once, then, for any
 * {@link BiologyParameters}, biology runs only (treated, untreated control and microneedling alone, to day 84) and
 * the model's value of every {@link Quantity} a {@link CalibrationTargets.Target} names.
 *
 * <p>The session is the default scenario's first: a 7×7 bipolar tip (1 mm pitch, alternating rows), insulated
 * needles 0.2 mm wide, 1.5 mm deep with 0.5 mm exposed, 30 mJ per pin for 100 ms plus 400 ms cooling, on
 * 50-year-old facial skin; the insult includes the needle track. Microneedling alone is the same session's needle
 * track with no heat. The regions follow {@link OutcomeRegions#DEFAULT} as the course draws them: the lesion is the
 * volume share of each biology cell with cell-death Ω ≥ 1, the coagulated region that with collagen Ω ≥ 1, the rim
 * the living cells within 250 µm (centre to centre) of a lesion core cell (share ≥ 0.5) weighted by the share outside
 * the lesion, the dermis the papillary and reticular layers.
 *
 * <p>The section "what the model calls things" at the end is the one place that knows the model's species; the
 * mapping from fitted numbers to parameters is {@link FittedParameters}.
 */
final class BiologyProbe {

    /** Model quantities compared with targets; NaN when the model has no such quantity. */
    enum Quantity {
        /** Time of the HSP70 maximum in the rim (h). */
        HSP70_PEAK_HOURS("h", 1),
        /** HSP70 excess over basal at 48 h as a share of the peak excess, rim (dimensionless). */
        HSP70_EXCESS_48H_OVER_PEAK("", 1),
        /** HSP70 fold over basal in the rim on day 7 (dimensionless). */
        HSP70_FOLD_RIM_DAY7("x", 1),
        /** Day of the HSP47 maximum in the rim (d). */
        HSP47_PEAK_DAYS("d", 1),
        /** HSP47 fold over basal in the rim on day 84 (dimensionless). */
        HSP47_FOLD_RIM_DAY84("x", 1),
        /** Collagen I synthesis in the rim on day 7, treated over control (dimensionless). */
        COLLAGEN_I_SYNTHESIS_RIM_DAY7("x", 1),
        /** MMP activity in the rim on day 1, treated over control (dimensionless). */
        MMP_FOLD_RIM_DAY1("x", 1),
        /** MMP activity in the rim on day 7, treated over control (dimensionless). */
        MMP_FOLD_RIM_DAY7("x", 1),
        /** MMP activity in the lesion on day 14, treated over control (dimensionless). */
        MMP_FOLD_LESION_DAY14("x", 1),
        /** Denatured collagen left on the site on day 14, over that the session made. */
        DENATURED_LEFT_DAY14("%", 100),
        /** Denatured collagen left on the site on day 70, over that the session made. */
        DENATURED_LEFT_DAY70("%", 100),
        /** Collagen I + III in the lesion on day 70, treated over control (dimensionless). */
        LESION_COLLAGEN_DAY70("%", 100),
        /** Share of the lesion's collagen made after the session, on day 70 (dimensionless). */
        NEW_COLLAGEN_FRACTION_LESION_DAY70("%", 100),
        /** Collagen I + III of a coagulated lesion on day 14, treated over control (dimensionless). */
        COAGULATED_COLLAGEN_DAY14("%", 100),
        /** Fibroblasts of a coagulated lesion on day 14, treated over control (dimensionless). */
        COAGULATED_FIBROBLASTS_DAY14("%", 100),
        /** Collagen I + III of a coagulated lesion on day 70, treated over control (dimensionless). */
        COAGULATED_COLLAGEN_DAY70("%", 100),
        /** Share of a coagulated lesion's collagen made after the session, on day 70 (dimensionless). */
        COAGULATED_NEW_FRACTION_DAY70("%", 100),
        /** Fibroblasts of the fully killed block on day 14, treated over control (dimensionless). */
        KILLED_BLOCK_FIBROBLASTS_DAY14("%", 100),
        /** Native collagen of the fully killed block on day 14, treated over control (dimensionless). */
        KILLED_BLOCK_COLLAGEN_DAY14("%", 100),
        /** Coagulated collagen of the fully killed block left on day 14, over that at the insult. */
        KILLED_BLOCK_DENATURED_DAY14("%", 100),
        /** Fibroblasts of the fully killed block on day 70, treated over control (dimensionless). */
        KILLED_BLOCK_FIBROBLASTS_DAY70("%", 100),
        /** Native collagen of the fully killed block on day 70, treated over control (dimensionless). */
        KILLED_BLOCK_COLLAGEN_DAY70("%", 100),
        /** Coagulated collagen of the fully killed block left on day 70, over that at the insult. */
        KILLED_BLOCK_DENATURED_DAY70("%", 100),
        /** Share of the fully killed block's native collagen made after the insult, on day 70 (dimensionless). */
        KILLED_BLOCK_NEW_FRACTION_DAY70("%", 100),
        /** Fibroblasts in the lesion on day 70, treated over control (dimensionless). */
        LESION_FIBROBLASTS_DAY70("%", 100),
        /** Type III share of the lesion's new collagen on day 14 (dimensionless). */
        TYPE_III_SHARE_NEW_LESION_DAY14("%", 100),
        /** Type III share of the lesion's new collagen on day 84 (dimensionless). */
        TYPE_III_SHARE_NEW_LESION_DAY84("%", 100),
        /** Collagen gained in the dermis by day 84, microneedling alone over RF microneedling (dimensionless). */
        MICRONEEDLING_OVER_RF_DAY84("", 1),
        /** Resting fractional synthesis rate of dermal collagen (%/h). */
        RESTING_FSR_PERCENT_PER_HOUR("%/h", 1),
        /** Half-life of mature dermal collagen at rest (years). */
        MATURE_HALF_LIFE_YEARS("y", 1),
        /** Per-cell collagen synthesis at 85 over that at 25 (dimensionless). */
        SYNTHESIS_OLD_OVER_YOUNG("x", 1),
        /** Resting MMP activity at 85 over that at 25 (dimensionless). */
        MMP_OLD_OVER_YOUNG("x", 1),
        /** Resting fibroblast density at 85 over that at 25 (dimensionless). */
        FIBROBLASTS_OLD_OVER_YOUNG("x", 1),
        /** Resting dermal collagen at 45 over that at 35: the collagen lost per decade (dimensionless). */
        DERMIS_THICKNESS_PER_DECADE("x", 1),
        /** Dermal thickness of the aged layers (skin.aged_layers) at 45 over that at 35 (dimensionless). */
        AGED_LAYERS_THICKNESS_PER_DECADE("x", 1);

        private final String unit;
        private final double scale;

        Quantity(String unit, double scale) {
            this.unit = unit;
            this.scale = scale;
        }

        /** @return the unit as printed ("x" for a fold, "%" for a percentage of the printed scale) */
        String unit() {
            return unit;
        }

        /** @return the factor from the stored value to the printed one (100 for percentages) */
        double scale() {
            return scale;
        }
    }

    /** Age of the default scenario (years). */
    static final double AGE = 50;
    /** Last day simulated. */
    static final int LAST_DAY = 84;
    private static final double YEAR = 365.25 * Units.DAY;
    private static final double FIRST_HOURS = 72;
    /** Share of the lesion's collagen denatured in the coagulated-lesion run (LesionLifeCycleTest uses 0.9). */
    static final double COAGULATED_SHARE = 0.9;

    private final RemodellingSimulation sim;
    private final TreatmentSite site;
    private final ThermalInsult insult;
    private final ThermalInsult microneedling;
    /** The session's insult with the lesion's collagen 90 % denatured: an RF thermal zone as histology sees it. */
    private final ThermalInsult coagulatedLesion;
    private final double step;
    private final int n;
    /** Region weights per biology cell. */
    private final double[] lesion;
    private final double[] coagulated;
    private final double[] rim;
    private final double[] dermis;

    /**
     * Builds the site, solves the default session's thermal phase once and draws the regions.
     *
     * @param biologyStep the biology time step of the runs (s)
     */
    BiologyProbe(double biologyStep) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        sim = RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(AGE).biologyStep(biologyStep)
                .build();
        step = biologyStep;
        site = sim.site(needle.depth());
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        TreatmentSession session = new TreatmentSession(0, List.of(pass));
        RfTreatmentResult rf = sim.thermalPhase(site, session, null);
        insult = sim.insult(site, session, rf);
        Grid3D g = site.biologyGrid();
        n = g.cellCount();
        double[] track = site.needleTrack(pass.needleDepth());
        microneedling = new ThermalInsult(g, track, new double[n], new double[n]);
        boolean[] living = new boolean[n];
        dermis = new double[n];
        MaterialMap layers = site.biologyLayers();
        List<LayerRole> roles = site.roles();
        for (int c = 0; c < n; c++) {
            int m = layers.get(c);
            living[c] = !site.baselines().get(m).equals(LayerBaseline.NONE);
            dermis[c] = roles.get(m).isDermis() ? 1 : 0;
        }
        lesion = site.damagedFraction(rf.thermal(), sim.cellDeathProcess());
        coagulated = site.damagedFraction(rf.thermal(), sim.collagenDenaturationProcess());
        double[] denatured = insult.denatured().clone();
        for (int c = 0; c < n; c++) {
            denatured[c] = Math.max(denatured[c], COAGULATED_SHARE * lesion[c]);
        }
        coagulatedLesion = new ThermalInsult(g, insult.killed(), denatured, insult.heatShock());
        rim = new double[n];
        double r2 = OutcomeRegions.DEFAULT.rimWidth() * OutcomeRegions.DEFAULT.rimWidth() * (1 + 1e-9);
        for (int c = 0; c < n; c++) {
            lesion[c] = living[c] ? lesion[c] : 0;
            coagulated[c] = living[c] ? coagulated[c] : 0;
        }
        for (int c = 0; c < n; c++) {
            if (!living[c]) {
                continue;
            }
            for (int l = 0; l < n; l++) {
                if (lesion[l] >= 0.5) {
                    double dx = g.x(g.i(l)) - g.x(g.i(c));
                    double dy = g.y(g.j(l)) - g.y(g.j(c));
                    double dz = g.z(g.k(l)) - g.z(g.k(c));
                    if (dx * dx + dy * dy + dz * dz <= r2) {
                        rim[c] = 1 - lesion[c];
                        break;
                    }
                }
            }
        }
    }

    /**
     * The default course as {@code ./ecmsim} runs it (three sessions 28 days apart, follow-up to day 84), with the
     * biology on blocks of {@code coarsening} 50 µm thermal cells.
     *
     * @param coarsening biology block size in thermal cells
     * @return the result
     */
    static RemodellingResult defaultCourse(int coarsening) {
        Needle needle = Needle.insulatedMillimetres(0.2, 1.5, 0.5);
        ElectrodeArray tip = ElectrodeArray.grid(7, 7, Units.mm(1.0), needle, ElectrodeArray.Pattern.ALTERNATING_ROWS);
        RfPass pass = RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400);
        return RemodellingSimulation.builder(LayeredSkin.facialSkin(), tip).ageYears(AGE)
                .biologyCoarsening(coarsening).build()
                .run(TreatmentProtocol.everyDays(3, 28, List.of(pass)), LAST_DAY * Units.DAY);
    }

    /** @return the biology grid's cell count */
    int cellCount() {
        return n;
    }

    /** @return the volumes of the lesion, coagulated region and rim, in biology cells */
    double[] regionCells() {
        return new double[] {sum(lesion), sum(coagulated), sum(rim)};
    }

    /**
     * Runs the biology for these parameters and returns every quantity.
     *
     * @param p the rate constants
     * @return the value of each {@link Quantity}, indexed by ordinal (NaN where the model has none)
     */
    double[] evaluate(BiologyParameters p) {
        double[] q = new double[Quantity.values().length];
        java.util.Arrays.fill(q, Double.NaN);
        killedBlock(p, q);
        RemodellingModel treated = sim.newModel(site, p);
        RemodellingModel control = sim.newModel(site, p);
        RemodellingModel needled = sim.newModel(site, p);
        RemodellingModel coagulatedRun = sim.newModel(site, p);
        resting(p, control, q);
        double denaturedBefore = sum(denatured(treated));
        for (RemodellingModel m : new RemodellingModel[] {treated, control, needled, coagulatedRun}) {
            m.startLabelling();
        }
        treated.applyInsult(insult);
        coagulatedRun.applyInsult(coagulatedLesion);
        needled.applyInsult(microneedling);
        double denaturedStart = sum(denatured(treated)) - denaturedBefore;
        Synthesized[] made = {new Synthesized(treated), new Synthesized(control), new Synthesized(needled),
            new Synthesized(coagulatedRun)};
        RemodellingModel[] models = {treated, control, needled, coagulatedRun};
        // The first three days step by step, for the HSP70 peak.
        int early = (int) Math.round(FIRST_HOURS * Units.HOUR / step);
        int at24 = (int) Math.round(24 * Units.HOUR / step);
        int at48 = (int) Math.round(48 * Units.HOUR / step);
        double[] hsp = new double[early + 1];
        double[] hours = new double[early + 1];
        hsp[0] = regionMean(hsp70Excess(treated), rim);
        for (int s = 1; s <= early; s++) {
            advance(step, models, made);
            hours[s] = s * step / Units.HOUR;
            hsp[s] = regionMean(hsp70Excess(treated), rim);
            if (s == at24) {
                q[Quantity.MMP_FOLD_RIM_DAY1.ordinal()] = ratio(mmp(treated), mmp(control), rim);
            }
        }
        double[] peak = parabolicPeak(hours, hsp);
        q[Quantity.HSP70_PEAK_HOURS.ordinal()] = peak[0];
        q[Quantity.HSP70_EXCESS_48H_OVER_PEAK.ordinal()] = peak[1] > 0 ? Math.max(0, hsp[at48]) / peak[1] : 0;
        double[] hsp47 = new double[LAST_DAY + 1];
        int firstDay = (int) Math.round(FIRST_HOURS / 24);
        hsp47[firstDay] = regionMean(hsp47Fold(treated), rim);
        for (int day = firstDay + 1; day <= LAST_DAY; day++) {
            advance(Units.DAY, models, made);
            hsp47[day] = regionMean(hsp47Fold(treated), rim);
            switch (day) {
                case 7 -> {
                    q[Quantity.HSP70_FOLD_RIM_DAY7.ordinal()] = 1 + regionMean(hsp70Excess(treated), rim);
                    q[Quantity.COLLAGEN_I_SYNTHESIS_RIM_DAY7.ordinal()] = ratio(synthesisI(treated),
                            synthesisI(control), rim);
                    q[Quantity.MMP_FOLD_RIM_DAY7.ordinal()] = ratio(mmp(treated), mmp(control), rim);
                }
                case 14 -> {
                    q[Quantity.COAGULATED_COLLAGEN_DAY14.ordinal()] = ratio(collagen(coagulatedRun),
                            collagen(control), lesion);
                    q[Quantity.COAGULATED_FIBROBLASTS_DAY14.ordinal()] = ratio(fibroblasts(coagulatedRun),
                            fibroblasts(control), lesion);
                    q[Quantity.DENATURED_LEFT_DAY14.ordinal()] = denaturedStart > 0
                            ? Math.max(0, sum(denatured(treated)) - denaturedBefore) / denaturedStart : Double.NaN;
                    q[Quantity.MMP_FOLD_LESION_DAY14.ordinal()] = ratio(mmp(treated), mmp(control), lesion);
                    q[Quantity.TYPE_III_SHARE_NEW_LESION_DAY14.ordinal()] = made[0].typeIIIShare(treated, lesion);
                }
                case 70 -> {
                    q[Quantity.COAGULATED_COLLAGEN_DAY70.ordinal()] = ratio(collagen(coagulatedRun),
                            collagen(control), lesion);
                    q[Quantity.COAGULATED_NEW_FRACTION_DAY70.ordinal()] = made[3].fraction(coagulatedRun, lesion);
                    q[Quantity.DENATURED_LEFT_DAY70.ordinal()] = denaturedStart > 0
                            ? Math.max(0, sum(denatured(treated)) - denaturedBefore) / denaturedStart : Double.NaN;
                    q[Quantity.LESION_COLLAGEN_DAY70.ordinal()] = ratio(collagen(treated), collagen(control),
                            lesion);
                    q[Quantity.NEW_COLLAGEN_FRACTION_LESION_DAY70.ordinal()] = made[0].fraction(treated, lesion);
                    q[Quantity.LESION_FIBROBLASTS_DAY70.ordinal()] = ratio(fibroblasts(treated),
                            fibroblasts(control), lesion);
                }
                case LAST_DAY -> {
                    q[Quantity.HSP47_FOLD_RIM_DAY84.ordinal()] = hsp47[day];
                    q[Quantity.TYPE_III_SHARE_NEW_LESION_DAY84.ordinal()] = made[0].typeIIIShare(treated, lesion);
                    double rest = made[1].total(dermis);
                    double rf = made[0].total(dermis) - rest;
                    double mn = made[2].total(dermis) - rest;
                    q[Quantity.MICRONEEDLING_OVER_RF_DAY84.ordinal()] = rf > 0 ? mn / rf : Double.NaN;
                }
                default -> {
                }
            }
        }
        int best = firstDay;
        for (int day = firstDay; day <= LAST_DAY; day++) {
            if (hsp47[day] > hsp47[best]) {
                best = day;
            }
        }
        q[Quantity.HSP47_PEAK_DAYS.ordinal()] = Double.isNaN(hsp47[firstDay]) ? Double.NaN : best;
        return q;
    }

    // ---- the fully killed block (LesionLifeCycleTest's construction) ----

    /** Edge of the killed block's biology cells (m). */
    static final double BLOCK_CELL = 100e-6;
    /** Biology step of the killed-block run (s), as in LesionLifeCycleTest. */
    static final double BLOCK_STEP = 4 * Units.HOUR;
    /** Heat-shock induction of the block's sublethal rim, as in LesionLifeCycleTest. */
    static final double BLOCK_RIM_SHOCK = 0.8;
    /** Share of the block's collagen coagulated, as in LesionLifeCycleTest. */
    static final double BLOCK_DENATURED = 0.9;

    /**
     * The construction of {@code LesionLifeCycleTest} (core): a 10 × 10 × 16 column of 100 µm cells (1 plane of
     * epidermis, 2 papillary, 9 reticular, 4 fat) at age {@value #AGE}; a 4 × 4 × 3 core in the reticular dermis with
     * every fibroblast killed and 90 % of its collagen coagulated, inside a 6 × 6 × 5 rim with heat-shock induction
     * 0.8; 4 h steps; treated against untreated, both labelled from the insult. Unlike the site's lesion, which the
     * pulse kills only in part and which refills from its rim's own cells, this block must be repopulated entirely by
     * migration and division: the constraint that made the earlier proposal fail that test.
     */
    private static void killedBlock(BiologyParameters p, double[] q) {
        Grid3D g = Grid3D.uniform(10, 10, 16, BLOCK_CELL);
        MaterialMap layers = new MaterialMap(g);
        for (int k = 0; k < g.nz(); k++) {
            int layer = k < 1 ? 0 : k < 3 ? 1 : k < 12 ? 2 : 3;
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    layers.set(i, j, k, layer);
                }
            }
        }
        List<LayerBaseline> baselines = List.of(LayerBaseline.NONE,
                LayerBaseline.forRole(LayerRole.PAPILLARY_DERMIS), LayerBaseline.forRole(LayerRole.RETICULAR_DERMIS),
                LayerBaseline.forRole(LayerRole.SUBCUTANEOUS_FAT));
        int cells = g.cellCount();
        double[] killed = new double[cells];
        double[] denatured = new double[cells];
        double[] shock = new double[cells];
        double[] core = new double[cells];
        for (int k = 5; k <= 9; k++) {
            for (int j = 2; j <= 7; j++) {
                for (int i = 2; i <= 7; i++) {
                    int c = g.index(i, j, k);
                    boolean inCore = k >= 6 && k <= 8 && i >= 3 && i <= 6 && j >= 3 && j <= 6;
                    killed[c] = inCore ? 1 : 0;
                    denatured[c] = inCore ? BLOCK_DENATURED : 0;
                    shock[c] = inCore ? 0 : BLOCK_RIM_SHOCK;
                    core[c] = inCore ? 1 : 0;
                }
            }
        }
        RemodellingModel treated = new RemodellingModel(g, layers, baselines, p, AGE, ParallelExecutor.serial());
        RemodellingModel control = new RemodellingModel(g, layers, baselines, p, AGE, ParallelExecutor.serial());
        treated.setTimeStep(BLOCK_STEP);
        control.setTimeStep(BLOCK_STEP);
        treated.startLabelling();
        control.startLabelling();
        treated.applyInsult(new ThermalInsult(g, killed, denatured, shock));
        double denatured0 = regionSum(denatured(treated), core);
        treated.advance(14 * Units.DAY);
        control.advance(14 * Units.DAY);
        q[Quantity.KILLED_BLOCK_FIBROBLASTS_DAY14.ordinal()] = ratio(allFibroblasts(treated), allFibroblasts(control),
                core);
        q[Quantity.KILLED_BLOCK_COLLAGEN_DAY14.ordinal()] = ratio(nativeCollagen(treated), nativeCollagen(control),
                core);
        q[Quantity.KILLED_BLOCK_DENATURED_DAY14.ordinal()] = regionSum(denatured(treated), core) / denatured0;
        treated.advance(56 * Units.DAY);
        control.advance(56 * Units.DAY);
        q[Quantity.KILLED_BLOCK_FIBROBLASTS_DAY70.ordinal()] = ratio(allFibroblasts(treated), allFibroblasts(control),
                core);
        q[Quantity.KILLED_BLOCK_COLLAGEN_DAY70.ordinal()] = ratio(nativeCollagen(treated), nativeCollagen(control),
                core);
        q[Quantity.KILLED_BLOCK_DENATURED_DAY70.ordinal()] = regionSum(denatured(treated), core) / denatured0;
        double[][] fresh = newCollagen(treated);
        q[Quantity.KILLED_BLOCK_NEW_FRACTION_DAY70.ordinal()] = (regionSum(fresh[0], core)
                + regionSum(fresh[1], core)) / regionSum(nativeCollagen(treated), core);
    }

    private static double[] nativeCollagen(RemodellingModel m) {
        double[] a = values(m, Species.COLLAGEN_I);
        double[] b = values(m, Species.COLLAGEN_III);
        double[] out = new double[a.length];
        for (int c = 0; c < a.length; c++) {
            out[c] = a[c] + b[c];
        }
        return out;
    }

    private static double[] allFibroblasts(RemodellingModel m) {
        double[] f = values(m, Species.QUIESCENT_FIBROBLASTS).clone();
        double[] a = values(m, Species.ACTIVATED_FIBROBLASTS);
        double[] s = values(m, Species.SYNTHETIC_FIBROBLASTS);
        for (int c = 0; c < f.length; c++) {
            f[c] += a[c] + s[c];
        }
        return f;
    }

    private static void advance(double duration, RemodellingModel[] models, Synthesized[] made) {
        for (int m = 0; m < models.length; m++) {
            made[m].before(models[m]);
            models[m].advance(duration);
            made[m].after(models[m], duration);
        }
    }

    /** The quantities of the untreated control at rest, and those set by the aging and thinning laws alone. */
    private void resting(BiologyParameters p, RemodellingModel control, double[] q) {
        double synthesis = regionSum(synthesisI(control), dermis) + regionSum(synthesisIII(control), dermis);
        q[Quantity.RESTING_FSR_PERCENT_PER_HOUR.ordinal()] =
                synthesis / regionSum(collagen(control), dermis) * Units.HOUR * 100;
        q[Quantity.MATURE_HALF_LIFE_YEARS.ordinal()] =
                Math.log(2) / (matureDegradation(control) * regionMean(mmp(control), dermis) / p.aging().mmpFactor(AGE))
                / YEAR;
        q[Quantity.SYNTHESIS_OLD_OVER_YOUNG.ordinal()] = p.aging().synthesisFactor(85) / p.aging().synthesisFactor(25);
        q[Quantity.MMP_OLD_OVER_YOUNG.ordinal()] = p.aging().mmpFactor(85) / p.aging().mmpFactor(25);
        q[Quantity.FIBROBLASTS_OLD_OVER_YOUNG.ordinal()] =
                p.aging().fibroblastFactor(85) / p.aging().fibroblastFactor(25);
        q[Quantity.DERMIS_THICKNESS_PER_DECADE.ordinal()] = p.aging().collagenFactor(45) / p.aging().collagenFactor(35);
        q[Quantity.AGED_LAYERS_THICKNESS_PER_DECADE.ordinal()] = dermisThickness(SiteGeometry.agedSkin(
                LayeredSkin.facialSkin(), 45)) / dermisThickness(SiteGeometry.agedSkin(LayeredSkin.facialSkin(), 35));
    }

    private static double dermisThickness(LayeredSkin skin) {
        double d = 0;
        for (SkinLayer l : skin.layers()) {
            if (l.role().isDermis()) {
                d += l.thickness();
            }
        }
        return d;
    }

    /**
     * The collagen synthesised in each cell since the session, integrated over time by the trapezoidal rule (it still
     * counts what was degraded again), and the new collagen: the model's own new-collagen pools when it has them,
     * otherwise this integral.
     */
    private final class Synthesized {
        private final double[] madeI = new double[n];
        private final double[] madeIII = new double[n];
        private double[] rateI;
        private double[] rateIII;

        Synthesized(RemodellingModel m) {
            before(m);
        }

        void before(RemodellingModel m) {
            rateI = synthesisI(m);
            rateIII = synthesisIII(m);
        }

        void after(RemodellingModel m, double dt) {
            double[] aI = synthesisI(m);
            double[] aIII = synthesisIII(m);
            for (int c = 0; c < n; c++) {
                madeI[c] += 0.5 * dt * (rateI[c] + aI[c]);
                madeIII[c] += 0.5 * dt * (rateIII[c] + aIII[c]);
            }
        }

        /** @return collagen I + III synthesised in the region (kg/m³ · cells) */
        double total(double[] w) {
            return regionSum(madeI, w) + regionSum(madeIII, w);
        }

        double typeIIIShare(RemodellingModel m, double[] w) {
            double[][] pools = newCollagen(m);
            double i = regionSum(pools == null ? madeI : pools[0], w);
            double iii = regionSum(pools == null ? madeIII : pools[1], w);
            return iii / (i + iii);
        }

        double fraction(RemodellingModel m, double[] w) {
            double[][] pools = newCollagen(m);
            double made = pools == null ? total(w) : regionSum(pools[0], w) + regionSum(pools[1], w);
            return Math.min(1, made / regionSum(collagen(m), w));
        }
    }

    // ---- what the model calls things: the one place that knows its species ----

    private static double[] values(RemodellingModel m, Species s) {
        return m.field(s).values();
    }

    private static double[] hsp70Excess(RemodellingModel m) {
        return values(m, Species.HEAT_SHOCK_PROTEIN);
    }

    /** @return HSP47 fold over basal per cell */
    private static double[] hsp47Fold(RemodellingModel m) {
        return values(m, Species.HSP47);
    }

    private double[] collagen(RemodellingModel m) {
        double[] a = values(m, Species.COLLAGEN_I);
        double[] b = values(m, Species.COLLAGEN_III);
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            out[c] = a[c] + b[c];
        }
        return out;
    }

    /** @return the new-collagen parts {I, III} per cell (made since labelling began), or null if none */
    private static double[][] newCollagen(RemodellingModel m) {
        return new double[][] {values(m, Species.NEW_COLLAGEN_I), values(m, Species.NEW_COLLAGEN_III)};
    }

    private static double[] denatured(RemodellingModel m) {
        return values(m, Species.DENATURED_COLLAGEN);
    }

    private double[] fibroblasts(RemodellingModel m) {
        double[] q = values(m, Species.QUIESCENT_FIBROBLASTS);
        double[] a = values(m, Species.ACTIVATED_FIBROBLASTS);
        double[] s = values(m, Species.SYNTHETIC_FIBROBLASTS);
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            out[c] = q[c] + a[c] + s[c];
        }
        return out;
    }

    private static double[] mmp(RemodellingModel m) {
        return values(m, Species.MMP);
    }

    private static double[] synthesisI(RemodellingModel m) {
        return m.synthesisRate(Species.COLLAGEN_I).values();
    }

    private static double[] synthesisIII(RemodellingModel m) {
        return m.synthesisRate(Species.COLLAGEN_III).values();
    }

    /** @return breakdown of mature collagen per unit MMP activity (1/s) */
    private static double matureDegradation(RemodellingModel m) {
        return m.kinetics().collagenDegradation();
    }

    // ---- reductions ----

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double regionSum(double[] v, double[] w) {
        double s = 0;
        for (int c = 0; c < v.length; c++) {
            s += w[c] * v[c];
        }
        return s;
    }

    private static double regionMean(double[] v, double[] w) {
        double sw = sum(w);
        return sw > 0 ? regionSum(v, w) / sw : Double.NaN;
    }

    private static double ratio(double[] treated, double[] control, double[] w) {
        return sum(w) > 0 ? regionSum(treated, w) / regionSum(control, w) : Double.NaN;
    }

    /**
     * @param x sample abscissae, increasing
     * @param y sample values
     * @return {x, y} of the maximum, refined by the parabola through the largest sample and its neighbours
     */
    static double[] parabolicPeak(double[] x, double[] y) {
        int b = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[b]) {
                b = i;
            }
        }
        if (b == 0 || b == y.length - 1) {
            return new double[] {x[b], y[b]};
        }
        double y0 = y[b - 1];
        double y1 = y[b];
        double y2 = y[b + 1];
        double h = x[b + 1] - x[b];
        double denom = y0 - 2 * y1 + y2;
        if (denom >= 0) {
            return new double[] {x[b], y1};
        }
        double d = 0.5 * (y0 - y2) / denom;
        return new double[] {x[b] + d * h, y1 - 0.25 * (y0 - y2) * d};
    }
}
