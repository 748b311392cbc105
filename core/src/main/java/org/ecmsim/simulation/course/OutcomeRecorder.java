package org.ecmsim.simulation.course;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecmsim.biology.LayerBaseline;
import org.ecmsim.biology.RemodellingModel;
import org.ecmsim.biology.Species;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.site.TreatmentSite;
import org.ecmsim.tissue.LayerRole;

/**
 * Records the {@link RegionOutcome}s of a course: keeps the lesion and coagulation weights of the sessions so far,
 * draws the regions of {@link OutcomeRegions} from them, and samples the treated and control models over each.
 */
final class OutcomeRecorder {

    private static final OutcomeRegion[] REGIONS = OutcomeRegion.values();
    private static final Species[] SPECIES = Species.values();

    private final Grid3D grid;
    private final OutcomeRegions settings;
    private final int n;
    private final boolean[] living;
    private final boolean[] dermis;
    private final double[] lesion;
    private final double[] coagulated;
    private final double[][] weights;
    private boolean regionsStale = true;
    private final List<Double> times = new ArrayList<>();
    private final List<Double> overlaps = new ArrayList<>();
    private final List<double[]> volume = new ArrayList<>();
    private final List<Map<Species, List<Double>>> treated = new ArrayList<>();
    private final List<Map<Species, List<Double>>> control = new ArrayList<>();
    private final List<List<Double>> stainedTreated = new ArrayList<>();
    private final List<List<Double>> stainedControl = new ArrayList<>();

    OutcomeRecorder(TreatmentSite site, OutcomeRegions settings) {
        this.grid = site.biologyGrid();
        this.settings = settings;
        this.n = grid.cellCount();
        this.living = new boolean[n];
        this.dermis = new boolean[n];
        this.lesion = new double[n];
        this.coagulated = new double[n];
        this.weights = new double[REGIONS.length][n];
        MaterialMap layers = site.biologyLayers();
        List<LayerRole> roles = site.roles();
        for (int c = 0; c < n; c++) {
            int m = layers.get(c);
            living[c] = !site.baselines().get(m).equals(LayerBaseline.NONE);
            LayerRole r = roles.get(m);
            dermis[c] = r == LayerRole.PAPILLARY_DERMIS || r == LayerRole.RETICULAR_DERMIS;
        }
        for (int r = 0; r < REGIONS.length; r++) {
            treated.add(new EnumMap<>(Species.class));
            control.add(new EnumMap<>(Species.class));
            stainedTreated.add(new ArrayList<>());
            stainedControl.add(new ArrayList<>());
        }
    }

    /**
     * Adds a session's lesion: each cell keeps the largest share over the sessions.
     *
     * @param lesionShare share of each biology cell with cell-death Ω ≥ 1
     * @param coagulatedShare share with collagen Ω ≥ 1
     */
    void addSession(double[] lesionShare, double[] coagulatedShare) {
        double shared = 0;
        double total = 0;
        for (int c = 0; c < n; c++) {
            if (living[c]) {
                shared += Math.min(lesionShare[c], lesion[c]);
                total += lesionShare[c];
            }
        }
        overlaps.add(overlaps.isEmpty() ? 0.0 : total > 0 ? shared / total : Double.NaN);
        for (int c = 0; c < n; c++) {
            lesion[c] = Math.max(lesion[c], lesionShare[c]);
            coagulated[c] = Math.max(coagulated[c], coagulatedShare[c]);
        }
        regionsStale = true;
    }

    /**
     * @param region a region
     * @return its weight per biology cell, drawn for the sessions so far (live array, read only; tests)
     */
    double[] weights(OutcomeRegion region) {
        if (regionsStale) {
            drawRegions();
        }
        return weights[region.ordinal()];
    }

    /** @return the current lesion weights per biology cell (live array, read only) */
    double[] lesionWeights() {
        return lesion;
    }

    private void drawRegions() {
        double[] wl = weights[OutcomeRegion.LESION.ordinal()];
        double[] wc = weights[OutcomeRegion.COAGULATED.ordinal()];
        double[] wr = weights[OutcomeRegion.RIM.ordinal()];
        double[] wb = weights[OutcomeRegion.BIOPSY.ordinal()];
        double[] wd = weights[OutcomeRegion.DERMIS.ordinal()];
        double top = Double.isNaN(settings.biopsyTop()) ? Double.NEGATIVE_INFINITY : settings.biopsyTop();
        double bottom = Double.isNaN(settings.biopsyBottom()) ? Double.POSITIVE_INFINITY : settings.biopsyBottom();
        boolean anyCore = false;
        for (int c = 0; c < n; c++) {
            wl[c] = living[c] ? lesion[c] : 0;
            wc[c] = living[c] ? coagulated[c] : 0;
            wd[c] = dermis[c] ? 1 : 0;
            double z = grid.z(grid.k(c));
            wb[c] = dermis[c] && z >= top && z <= bottom ? 1 : 0;
            anyCore |= wl[c] >= 0.5;
        }
        // Rim: within the rim width (centre to centre) of a lesion core cell, weighted by the share outside it.
        // Each core cell marks the cells of the index box that can lie within the width, by the exact test.
        int[] core = new int[n];
        int cores = 0;
        for (int c = 0; c < n; c++) {
            if (anyCore ? wl[c] >= 0.5 : wl[c] > 0) {
                core[cores++] = c;
            }
        }
        double r2 = settings.rimWidth() * settings.rimWidth() * (1 + 1e-9);
        boolean[] near = new boolean[n];
        int rx = reach(settings.rimWidth(), grid.dx());
        int ry = reach(settings.rimWidth(), grid.dy());
        int rz = reach(settings.rimWidth(), grid.dz());
        for (int q = 0; q < cores; q++) {
            int l = core[q];
            int li = grid.i(l);
            int lj = grid.j(l);
            int lk = grid.k(l);
            double lx = grid.x(li);
            double ly = grid.y(lj);
            double lz = grid.z(lk);
            for (int k = Math.max(0, lk - rz); k <= Math.min(grid.nz() - 1, lk + rz); k++) {
                double dz = lz - grid.z(k);
                for (int j = Math.max(0, lj - ry); j <= Math.min(grid.ny() - 1, lj + ry); j++) {
                    double dy = ly - grid.y(j);
                    for (int i = Math.max(0, li - rx); i <= Math.min(grid.nx() - 1, li + rx); i++) {
                        int c = grid.index(i, j, k);
                        if (near[c] || !living[c]) {
                            continue;
                        }
                        double dx = lx - grid.x(i);
                        if (dx * dx + dy * dy + dz * dz <= r2) {
                            near[c] = true;
                        }
                    }
                }
            }
        }
        for (int c = 0; c < n; c++) {
            wr[c] = near[c] ? 1 - wl[c] : 0;
        }
        regionsStale = false;
    }

    /** Cells along an axis beyond which no centre lies within the width (one cell of margin for rounding). */
    private static int reach(double width, double spacing) {
        return (int) Math.min(Integer.MAX_VALUE / 4, Math.ceil(width / spacing) + 1);
    }

    void sample(double time, RemodellingModel t, RemodellingModel c) {
        if (regionsStale) {
            drawRegions();
        }
        times.add(time);
        double cellVolume = grid.cellVolume();
        double[] vol = new double[REGIONS.length];
        double[] colT = collagen(t);
        double[] colC = collagen(c);
        double[][] fieldsT = fields(t);
        double[][] fieldsC = fields(c);
        double[] sumT = new double[SPECIES.length];
        double[] sumC = new double[SPECIES.length];
        for (int r = 0; r < REGIONS.length; r++) {
            double[] w = weights[r];
            double sw = 0;
            for (int i = 0; i < n; i++) {
                sw += w[i];
            }
            vol[r] = sw * cellVolume;
            // All species' weighted sums, one pass over the cells per model (FieldSums).
            FieldSums.weighted(fieldsT, w, sumT);
            FieldSums.weighted(fieldsC, w, sumC);
            for (Species s : SPECIES) {
                double mt = sw <= 0 ? Double.NaN : sumT[s.ordinal()] / sw;
                double mc = sw <= 0 ? Double.NaN : sumC[s.ordinal()] / sw;
                treated.get(r).computeIfAbsent(s, k -> new ArrayList<>()).add(mt);
                control.get(r).computeIfAbsent(s, k -> new ArrayList<>()).add(mc);
            }
            stainedTreated.get(r).add(stained(colT, colC, w, sw, settings.stainSpread()));
            stainedControl.get(r).add(sw <= 0 ? Double.NaN : 0.5);
        }
        volume.add(vol);
    }

    private static double[][] fields(RemodellingModel m) {
        double[][] out = new double[SPECIES.length][];
        for (Species s : SPECIES) {
            out[s.ordinal()] = m.field(s).values();
        }
        return out;
    }

    private double[] collagen(RemodellingModel m) {
        double[] a = m.field(Species.COLLAGEN_I).values();
        double[] b = m.field(Species.COLLAGEN_III).values();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** The weighted mean over the region of each cell's stained share (StainedArea). */
    private static double stained(double[] treated, double[] control, double[] w, double sw, double spread) {
        if (sw <= 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < treated.length; i++) {
            if (w[i] > 0) {
                s += w[i] * StainedArea.fraction(treated[i], control[i], spread);
            }
        }
        return s / sw;
    }

    /** @return per session, the share of its lesion volume that earlier sessions' lesions already covered */
    double[] overlaps() {
        return overlaps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    List<RegionOutcome> outcomes() {
        double[] d = times.stream().mapToDouble(Double::doubleValue).toArray();
        List<RegionOutcome> out = new ArrayList<>();
        for (int r = 0; r < REGIONS.length; r++) {
            double[] v = new double[d.length];
            for (int s = 0; s < d.length; s++) {
                v[s] = volume.get(s)[r];
            }
            out.add(new RegionOutcome(REGIONS[r], d, v, toArrays(treated.get(r)), toArrays(control.get(r)),
                    stainedTreated.get(r).stream().mapToDouble(Double::doubleValue).toArray(),
                    stainedControl.get(r).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static Map<Species, double[]> toArrays(Map<Species, List<Double>> m) {
        Map<Species, double[]> out = new EnumMap<>(Species.class);
        m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** The fields a checkpoint keeps; the region weights are derived from the lesion shares and rebuilt. */
    private static final String[] SAVED = {"lesion", "coagulated", "times", "overlaps", "volume", "treated",
        "control", "stainedTreated", "stainedControl"};

    /**
     * Writes what has been recorded so far, for a checkpoint.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    void write(DataOutputStream out) throws IOException {
        for (String f : SAVED) {
            StateCodec.writeValue(out, field(f), type(f), "outcomes." + f);
        }
    }

    /**
     * Reads what {@link #write} wrote into this new recorder of the same site.
     *
     * @param in the stream
     * @throws IOException if the checkpoint is damaged or belongs to another site
     */
    @SuppressWarnings("unchecked")
    void read(DataInputStream in) throws IOException {
        for (String f : SAVED) {
            Object saved = StateCodec.readValue(in, type(f), "outcomes." + f);
            Object target = field(f);
            if (target instanceof double[] a) {
                double[] b = (double[]) saved;
                if (b.length != a.length) {
                    throw new IOException("the checkpoint's outcome field " + f + " has " + b.length + " cells where"
                            + " this site has " + a.length + " (a different scenario)");
                }
                System.arraycopy(b, 0, a, 0, a.length);
            } else {
                List<Object> list = (List<Object>) target;
                list.clear();
                list.addAll((List<Object>) saved);
            }
        }
        regionsStale = true;
    }

    private Object field(String name) {
        try {
            return OutcomeRecorder.class.getDeclaredField(name).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.lang.reflect.Type type(String name) {
        try {
            return OutcomeRecorder.class.getDeclaredField(name).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
