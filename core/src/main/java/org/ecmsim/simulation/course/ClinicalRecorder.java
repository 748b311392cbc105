package org.ecmsim.simulation.course;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.mechanics.ElasticProperties;
import org.ecmsim.mechanics.ElasticSolution;
import org.ecmsim.mechanics.ElasticSolver;
import org.ecmsim.mechanics.ShrinkageRecorder;
import org.ecmsim.mechanics.SkinElasticity;
import org.ecmsim.numerics.BlockCoarsening;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.thermal.StepListener;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.tissue.Material;
import org.ecmsim.units.Units;

/**
 * Records the clinical outcomes of a course as it runs: the collagen shrinkage of each session's thermal phase (a
 * {@link ShrinkageRecorder} fed by the heat solver's steps), the immediate contraction solve on the thermal grid, the
 * layer safety figures, and on each sampling day the contraction solve on the biology grid with the shrinkage that
 * is left and the myofibroblast traction (docs/model.md, "Clinical outcomes").
 */
final class ClinicalRecorder {

    /**
     * Relative residual of the contraction solves (and of the three unit macroscopic responses behind every
     * follow-up day's contraction). 1e-6, not 1e-8: the outputs are areal contractions printed to 4 significant
     * digits and displacement charts, and on the default course 1e-6 moves every immediate and follow-up contraction
     * by at most 5·10⁻⁸ relative to 1e-8 (measured, docs/validation.md "Mechanics"), while it saves about a third of
     * the CG iterations (7 instead of 10–11 per solve).
     */
    private static final double TOLERANCE = 1e-6;
    private static final double REFERENCE_RADIUS = ClinicalParameters.REFERENCE_OPENING_WIDTH / 2;
    private static final List<String> SAVED = List.of("sessions", "sessionShrinkage", "sessionDenatured",
            "sampleTimes", "total", "thermal", "thickness", "oedema", "thicknessPercent", "firmness");
    /** The oedema counts as gone below this swelling (m): 1 µm. */
    private static final double OEDEMA_TOLERANCE = 1e-6;

    private final TreatmentSite site;
    private final ClinicalParameters parameters;
    private final ArrheniusProcess collagen;
    private final ParallelExecutor executor;
    private final Grid3D thermalGrid;
    private final Grid3D bioGrid;
    private final BlockCoarsening blocks;
    private final ShrinkageRecorder shrinkage;
    /** Per thermal cell: the share of the collagen shrinkage the tissue takes (1 in the dermis). */
    private final double[] transfer;
    private final LayerRole[] thermalRole;
    private final boolean[] bioDermis;
    private final boolean[] bioPapillary;
    private ElasticSolver thermalSolver;
    private ElasticSolver bioSolver;

    // state (checkpointed)
    private final List<SessionClinical> sessions = new ArrayList<>();
    /** Per session, the free shrinkage per biology cell at the end of its thermal phase (on the site). */
    private final List<double[]> sessionShrinkage = new ArrayList<>();
    /** Per session, the denatured collagen per biology cell just after its insult (kg/m³). */
    private final List<double[]> sessionDenatured = new ArrayList<>();
    private final List<Double> sampleTimes = new ArrayList<>();
    private final List<Double> total = new ArrayList<>();
    private final List<Double> thermal = new ArrayList<>();
    private final List<Double> thickness = new ArrayList<>();
    private final List<Double> oedema = new ArrayList<>();
    private final List<Double> thicknessPercent = new ArrayList<>();
    private final List<Double> firmness = new ArrayList<>();

    ClinicalRecorder(TreatmentSite site, ClinicalParameters parameters, ArrheniusProcess collagen,
            ParallelExecutor executor) {
        this.site = site;
        this.collagen = collagen;
        this.parameters = parameters;
        this.executor = executor;
        this.thermalGrid = site.thermalGrid();
        this.bioGrid = site.biologyGrid();
        this.blocks = new BlockCoarsening(thermalGrid, site.coarsening());
        this.shrinkage = new ShrinkageRecorder(thermalGrid, parameters.shrinkage(),
                ShrinkageRecorder.DEFAULT_FLOOR_TEMPERATURE, executor);
        int n = thermalGrid.cellCount();
        transfer = new double[n];
        thermalRole = new LayerRole[n];
        List<LayerRole> roles = site.roles();
        for (int c = 0; c < n; c++) {
            int m = site.tissue().materialMap().get(c);
            transfer[c] = SkinElasticity.shrinkageTransfer(site.tissue().materials().get(m));
            thermalRole[c] = roles.get(m);
        }
        int nb = bioGrid.cellCount();
        bioDermis = new boolean[nb];
        bioPapillary = new boolean[nb];
        MaterialMap bioLayers = site.biologyLayers();
        for (int c = 0; c < nb; c++) {
            LayerRole r = roles.get(bioLayers.get(c));
            bioDermis[c] = r == LayerRole.PAPILLARY_DERMIS || r == LayerRole.RETICULAR_DERMIS;
            bioPapillary[c] = r == LayerRole.PAPILLARY_DERMIS;
        }
    }

    /**
     * @return a listener that accumulates the shrinkage of the session about to run (from zero), or null when the
     *     shrinkage model reads the session's damage integral afterwards and needs no step history
     */
    StepListener startSession() {
        if (parameters.shrinkageModel() != ClinicalParameters.ShrinkageModel.EQUIVALENT_TIME) {
            return null;
        }
        shrinkage.reset();
        return (t0, before, t1, after) -> shrinkage.accumulate(t1 - t0, before, after);
    }

    /**
     * The papillary dermis's mean wound signal over the control's: read before and after a session's insult.
     *
     * @param treated the treated model
     * @param control the control
     * @return mean(W_treated − W_control) over the papillary dermis (0 if the site has none)
     */
    double papillaryWound(RemodellingModel treated, RemodellingModel control) {
        return meanWound(treated, control, bioPapillary);
    }

    /**
     * @param treated the treated model
     * @param control the control
     * @return mean(W_treated − W_control) over the papillary and reticular dermis
     */
    double dermisWound(RemodellingModel treated, RemodellingModel control) {
        return meanWound(treated, control, bioDermis);
    }

    private static double meanWound(RemodellingModel treated, RemodellingModel control, boolean[] mask) {
        double[] w = treated.field(Species.WOUND).values();
        double[] w0 = control.field(Species.WOUND).values();
        double sum = 0;
        int count = 0;
        for (int c = 0; c < w.length; c++) {
            if (mask[c]) {
                sum += w[c] - w0[c];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /**
     * Records a session whose thermal phase just ran with the listener of {@link #startSession()} and whose insult
     * was applied.
     *
     * @param time the session's time (s)
     * @param rf its RF result (session frame)
     * @param offset the placement offset of the session on the biology grid (cells along x, y)
     * @param treated the treated model after the insult
     * @param woundJump the rise of {@link #papillaryWound} at the session
     * @param dermisJump the rise of {@link #dermisWound} at the session
     */
    void addSession(double time, RfTreatmentResult rf, int[] offset, RemodellingModel treated, double woundJump,
            double dermisJump) {
        int n = thermalGrid.cellCount();
        double[] exx = new double[n];
        double[] eyy = new double[n];
        double[] ezz = new double[n];
        if (parameters.shrinkageModel() == ClinicalParameters.ShrinkageModel.EQUIVALENT_TIME) {
            shrinkage.eigenstrain(transfer, 0.0, ShrinkageRecorder.ShrinkageMode.IN_PLANE, exx, eyy, ezz);
        } else {
            // s = s_max·(1 − e^(−Ω_collagen)), in plane, times the layer's transfer factor
            double[] omega = rf.thermal().omega(collagen).values();
            double smax = parameters.shrinkage().maxShrinkage();
            for (int c = 0; c < n; c++) {
                exx[c] = -transfer[c] * smax * -Math.expm1(-omega[c]);
                eyy[c] = exx[c];
            }
        }
        double maxShrink = 0;
        double[] free = new double[n];
        for (int c = 0; c < n; c++) {
            if (rf.needles().contains(c)) {
                // the needle's own cells were metal during the pulses: no collagen there to shrink
                exx[c] = 0;
                eyy[c] = 0;
            }
            free[c] = -exx[c];
            maxShrink = Math.max(maxShrink, free[c]);
        }
        if (thermalSolver == null) {
            thermalSolver = ElasticSolver.forTissue(site.tissue(), executor);
            if (bioSolver == null && sameElasticProblem()) {
                bioSolver = thermalSolver;
            }
        }
        ElasticSolution sol = thermalSolver.solveSite(exx, eyy, ezz, TOLERANCE);
        requireConverged(sol, "the immediate contraction of the session at day " + time / Units.DAY);
        double[][] u = cellDisplacements(sol);

        SessionClinical.LayerSafety epi = safety(rf, LayerRole.EPIDERMIS);
        SessionClinical.LayerSafety fat = safety(rf, LayerRole.SUBCUTANEOUS_FAT);
        double openArea = epi.openedAreaPercent() / 100 * thermalGrid.lengthX() * thermalGrid.lengthY();
        double radius = Math.sqrt(openArea / Math.PI);
        double barrier = parameters.reepithelialisationTime() * radius / REFERENCE_RADIUS / Units.DAY;
        double tol = parameters.erythemaTolerance();
        double erythema = woundJump > tol ? parameters.erythemaTime() * Math.log(woundJump / tol) / Units.DAY : 0;
        double swell = parameters.oedemaFraction() * Math.max(0, dermisJump) * dermisThickness();
        double oedemaDays = swell > OEDEMA_TOLERANCE
                ? parameters.oedemaTime() * Math.log(swell / OEDEMA_TOLERANCE) / Units.DAY : 0;
        sessions.add(new SessionClinical(time, sol.arealContractionPercent(), maxShrink, sol.iterations(),
                thermalGrid, u[0], u[1], u[2], epi, fat, barrier, woundJump, erythema, swell, oedemaDays));

        double[] bio = new double[bioGrid.cellCount()];
        blocks.restrict(free, bio);
        sessionShrinkage.add(RemodellingSimulation.onSite(bio, bioGrid, offset).clone());
        sessionDenatured.add(treated.field(Species.DENATURED_COLLAGEN).values().clone());
    }

    /**
     * The contraction on a sampling day, on the biology grid.
     *
     * @param time the time (s)
     * @param treated the treated model
     * @param control the control
     */
    void sample(double time, RemodellingModel treated, RemodellingModel control) {
        int nb = bioGrid.cellCount();
        double[] thermalStrain = new double[nb];
        double[] d = treated.field(Species.DENATURED_COLLAGEN).values();
        double phi = parameters.lockedFraction();
        for (int s = 0; s < sessions.size(); s++) {
            double since = time - sessions.get(s).time();
            if (since < 0) {
                continue;
            }
            double[] sk = sessionShrinkage.get(s);
            double[] dk = sessionDenatured.get(s);
            for (int c = 0; c < nb; c++) {
                if (sk[c] == 0) {
                    continue;
                }
                // what is left of the denatured (shrunk) collagen of this session; 1 where it had none to clear
                double left = dk[c] > 1e-12 ? Math.min(1.0, d[c] / dk[c]) : 1.0;
                thermalStrain[c] += parameters.shrinkage().recovered(sk[c], since) * (phi + (1 - phi) * left);
            }
        }
        double[] act = treated.field(Species.ACTIVATED_FIBROBLASTS).values();
        double[] act0 = control.field(Species.ACTIVATED_FIBROBLASTS).values();
        double[] q0 = control.field(Species.QUIESCENT_FIBROBLASTS).values();
        double[] syn0 = control.field(Species.SYNTHETIC_FIBROBLASTS).values();
        double[] all = new double[nb];
        for (int c = 0; c < nb; c++) {
            double traction = 0;
            double pop = q0[c] + act0[c] + syn0[c];
            if (bioDermis[c] && pop > 0) {
                traction = parameters.myofibroblastStrain() * Math.max(0, act[c] - act0[c]) / pop;
            }
            all[c] = bioDermis[c] ? thermalStrain[c] + traction : 0;
            thermalStrain[c] = bioDermis[c] ? thermalStrain[c] : 0;
        }
        sampleTimes.add(time);
        total.add(solveBio(all, time));
        thermal.add(solveBio(thermalStrain, time));
        volumeAndFirmness(time, treated, control);
    }

    /** Mean thickness of the dermis over the site (m): its cells' volume over the skin area. */
    private double dermisThickness() {
        int cells = 0;
        for (boolean b : bioDermis) {
            cells += b ? 1 : 0;
        }
        return cells * bioGrid.cellVolume() / (bioGrid.lengthX() * bioGrid.lengthY());
    }

    /**
     * Dermal thickness from the matrix volume, the hyaluronan-bound water and the oedema per unit skin area, and the
     * firmness proxy, treated vs control (docs/model.md, Clinical outcomes C-6).
     */
    private void volumeAndFirmness(double time, RemodellingModel treated, RemodellingModel control) {
        double vp = ClinicalParameters.PROTEIN_SPECIFIC_VOLUME;
        double wha = parameters.haBoundWater() / ClinicalParameters.WATER_DENSITY;
        double dv = 0;
        double firmT = 0;
        double firmC = 0;
        Species[] protein = {Species.COLLAGEN_I, Species.COLLAGEN_III, Species.DENATURED_COLLAGEN, Species.ELASTIN};
        // the protein arrays looked up once, not per cell (each lookup wraps the array in a new field)
        double[][] pt = new double[protein.length][];
        double[][] pc = new double[protein.length][];
        for (int p = 0; p < protein.length; p++) {
            pt[p] = treated.field(protein[p]).values();
            pc[p] = control.field(protein[p]).values();
        }
        double[] ha = treated.field(Species.HYALURONAN).values();
        double[] ha0 = control.field(Species.HYALURONAN).values();
        double[] c1 = treated.field(Species.COLLAGEN_I).values();
        double[] c10 = control.field(Species.COLLAGEN_I).values();
        // mature (cross-linked) collagen I = native collagen I minus its immature part
        double[] im = treated.field(Species.IMMATURE_COLLAGEN_I).values();
        double[] im0 = control.field(Species.IMMATURE_COLLAGEN_I).values();
        double[] el = treated.field(Species.ELASTIN).values();
        double[] el0 = control.field(Species.ELASTIN).values();
        for (int c = 0; c < bioDermis.length; c++) {
            if (!bioDermis[c]) {
                continue;
            }
            double dm = 0;
            for (int p = 0; p < protein.length; p++) {
                dm += pt[p][c] - pc[p][c];
            }
            dv += vp * dm + wha * (ha[c] - ha0[c]);
            firmT += c1[c] - im[c] + ClinicalParameters.ELASTIN_FIRMNESS_WEIGHT * el[c];
            firmC += c10[c] - im0[c] + ClinicalParameters.ELASTIN_FIRMNESS_WEIGHT * el0[c];
        }
        double matrix = dv * bioGrid.cellVolume() / (bioGrid.lengthX() * bioGrid.lengthY());
        double swell = 0;
        for (SessionClinical s : sessions) {
            if (time >= s.time()) {
                swell += s.oedemaThickness() * Math.exp(-(time - s.time()) / parameters.oedemaTime());
            }
        }
        double h0 = dermisThickness();
        thickness.add(matrix + swell);
        oedema.add(swell);
        thicknessPercent.add(h0 > 0 ? 100 * (matrix + swell) / h0 : 0.0);
        firmness.add(firmC > 0 ? 100 * (firmT / firmC - 1) : 0.0);
    }

    private double solveBio(double[] freeShrinkage, double time) {
        int nb = bioGrid.cellCount();
        boolean any = false;
        double[] exx = new double[nb];
        for (int c = 0; c < nb; c++) {
            exx[c] = -freeShrinkage[c];
            any |= exx[c] != 0;
        }
        if (!any) {
            return 0.0;
        }
        if (bioSolver == null) {
            if (thermalSolver != null && sameElasticProblem()) {
                bioSolver = thermalSolver;
            } else {
                double[][] props = bioElasticity();
                bioSolver = new ElasticSolver(bioGrid, props[0], props[1], ElasticSolver.Boundary.SITE, executor);
            }
        }
        // Only the areal contraction is needed on a follow-up day: it follows from the macroscopic strain, which
        // reciprocity gives in one pass over the cells (ElasticSolver.macroStrainSite), without a solve per day.
        double[] macro = bioSolver.macroStrainSite(exx, exx, new double[nb], TOLERANCE);
        double percent = 100 * ElasticSolution.arealContraction(macro);
        if (!Double.isFinite(percent)) {
            throw new IllegalStateException("the contraction on day " + time / Units.DAY + " is not finite: "
                    + percent + " %");
        }
        return percent;
    }

    /** Young's modulus (Pa) and Poisson ratio per biology cell, from the cell's layer material. */
    private double[][] bioElasticity() {
        int nb = bioGrid.cellCount();
        double[][] out = new double[2][nb];
        MaterialMap layers = site.biologyLayers();
        for (int c = 0; c < nb; c++) {
            Material m = site.tissue().materials().get(layers.get(c));
            ElasticProperties p = SkinElasticity.of(m);
            out[0][c] = p.youngsModulus();
            out[1][c] = p.poissonRatio();
        }
        return out;
    }

    /**
     * Whether the biology grid's contraction problem is the thermal grid's: the same element counts and spacings,
     * and in every cell the same elastic constants (the thermal tissue's material, which may be a needle, against the
     * biology cell's layer). Then one solver, and its three unit responses, serve both (the default course: biology
     * coarsening 1, and the needles get the dermis constants inside the dermis). The origin does not enter the
     * elastic problem.
     */
    private boolean sameElasticProblem() {
        Grid3D a = thermalGrid;
        Grid3D b = bioGrid;
        if (a.nx() != b.nx() || a.ny() != b.ny() || a.nz() != b.nz() || a.dx() != b.dx() || a.dy() != b.dy()
                || a.dz() != b.dz()) {
            return false;
        }
        double[][] bio = bioElasticity();
        for (int c = 0; c < a.cellCount(); c++) {
            ElasticProperties p = SkinElasticity.of(site.tissue().materialAt(c));
            if (p.youngsModulus() != bio[0][c] || p.poissonRatio() != bio[1][c]) {
                return false;
            }
        }
        return true;
    }

    private static void requireConverged(ElasticSolution sol, String what) {
        if (!sol.converged() || !Double.isFinite(sol.arealContractionPercent())) {
            throw new IllegalStateException("the elastic solve of " + what + " did not converge: relative residual "
                    + sol.relativeResidual() + " after " + sol.iterations() + " iterations, areal contraction "
                    + sol.arealContractionPercent() + " %");
        }
    }

    /** Cell-centre displacements (mean of the 8 corners), x and y measured from the centre of the unit cell. */
    private double[][] cellDisplacements(ElasticSolution sol) {
        Grid3D g = thermalGrid;
        int nx = g.nx();
        int ny = g.ny();
        double lx = g.lengthX();
        double ly = g.lengthY();
        double exx = sol.macroStrainXx();
        double eyy = sol.macroStrainYy();
        double exy = sol.macroStrainXy();
        double[][] out = new double[3][g.cellCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double ux = 0;
                    double uy = 0;
                    double uz = 0;
                    for (int dk = 0; dk < 2; dk++) {
                        for (int dj = 0; dj < 2; dj++) {
                            for (int di = 0; di < 2; di++) {
                                int ii = i + di;
                                int jj = j + dj;
                                // a node past the periodic face is node 0 shifted by one period of E·x
                                double sx = ii == nx ? lx : 0;
                                double sy = jj == ny ? ly : 0;
                                ii %= nx;
                                jj %= ny;
                                ux += sol.displacement(ii, jj, k + dk, 0) + exx * sx + exy * sy;
                                uy += sol.displacement(ii, jj, k + dk, 1) + exy * sx + eyy * sy;
                                uz += sol.displacement(ii, jj, k + dk, 2);
                            }
                        }
                    }
                    int c = g.index(i, j, k);
                    // E·x with x from the unit cell's centre instead of its corner: subtract E·(L/2)
                    out[0][c] = ux / 8 - (exx * lx + exy * ly) / 2;
                    out[1][c] = uy / 8 - (exy * lx + eyy * ly) / 2;
                    out[2][c] = uz / 8;
                }
            }
        }
        return out;
    }

    private SessionClinical.LayerSafety safety(RfTreatmentResult rf, LayerRole role) {
        Grid3D g = thermalGrid;
        double[] omega = rf.thermal().omega(rf.zoneProcess()).values();
        double[] cem = rf.thermal().cem43().values();
        int plane = g.nx() * g.ny();
        boolean[] pierced = new boolean[plane];
        boolean[] opened = new boolean[plane];
        double maxOmega = 0;
        double maxCem = 0;
        int cells = 0;
        int lethal = 0;
        for (int c = 0; c < g.cellCount(); c++) {
            if (thermalRole[c] != role) {
                continue;
            }
            int column = c % plane;
            if (rf.needles().contains(c)) {
                pierced[column] = true;
                opened[column] = true;
                continue;
            }
            cells++;
            maxOmega = Math.max(maxOmega, omega[c]);
            maxCem = Math.max(maxCem, cem[c]);
            if (omega[c] >= 1) {
                lethal++;
                opened[column] = true;
            }
        }
        if (cells == 0) {
            return new SessionClinical.LayerSafety(role.label(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        int p = 0;
        int o = 0;
        for (int q = 0; q < plane; q++) {
            p += pierced[q] ? 1 : 0;
            o += opened[q] ? 1 : 0;
        }
        return new SessionClinical.LayerSafety(role.label(), maxOmega, maxCem, 100.0 * lethal / cells,
                100.0 * p / plane, 100.0 * o / plane);
    }

    /** @return the outcomes recorded so far */
    ClinicalOutcomes outcomes() {
        double[] t = new double[sampleTimes.size()];
        double[] a = new double[t.length];
        double[] th = new double[t.length];
        double[] h = new double[t.length];
        double[] o = new double[t.length];
        double[] hp = new double[t.length];
        double[] f = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = sampleTimes.get(i);
            a[i] = total.get(i);
            th[i] = thermal.get(i);
            h[i] = thickness.get(i);
            o[i] = oedema.get(i);
            hp[i] = thicknessPercent.get(i);
            f[i] = firmness.get(i);
        }
        return new ClinicalOutcomes(parameters, sessions, t, a, th, h, o, hp, f);
    }

    void write(DataOutputStream out) throws IOException {
        for (String f : SAVED) {
            StateCodec.writeValue(out, field(f), type(f), "clinical." + f);
        }
    }

    @SuppressWarnings("unchecked")
    void read(DataInputStream in) throws IOException {
        for (String f : SAVED) {
            List<Object> saved = (List<Object>) StateCodec.readValue(in, type(f), "clinical." + f);
            List<Object> target = (List<Object>) field(f);
            target.clear();
            target.addAll(saved);
        }
    }

    private Object field(String name) {
        try {
            return ClinicalRecorder.class.getDeclaredField(name).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Type type(String name) {
        try {
            return ClinicalRecorder.class.getDeclaredField(name).getGenericType();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
