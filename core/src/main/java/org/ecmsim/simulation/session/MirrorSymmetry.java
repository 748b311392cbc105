package org.ecmsim.simulation.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.grid.Face;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.simulation.thermal.HistorySample;
import org.ecmsim.simulation.thermal.ProbeSeries;
import org.ecmsim.simulation.thermal.RegionSummary;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.thermal.EnergyLedger;

/**
 * The mirror planes of a tip centred on its full-tip domain, and the map between the whole domain and the part that
 * is simulated (half or quarter). A plane x = 0 (through the array centre) is usable when every needle has a mirror
 * partner at (−x, y) and the domain has an even number of cells across, so the plane is a cell face; then:
 * <ul>
 *   <li>if every partner has the <em>same</em> polarity (every regular 7 × 7 pattern, and every monopolar tip), the
 *       potential is mirror-symmetric: the plane is an insulating face of the potential problem;</li>
 *   <li>if every partner has the <em>opposite</em> polarity (e.g. alternating columns of an even number of columns),
 *       the potential is antisymmetric: with ±V drive the plane is at 0 V, a grounded face;</li>
 *   <li>otherwise the plane is not used.</li>
 * </ul>
 * σ(T) and the Joule heating are symmetric in both cases, so the temperature is, and the plane is an insulating face
 * of the heat problem (the lateral faces of the skin boundary conditions already insulate). The simulated part is
 * the half with x ≥ 0 (and y ≥ 0): the mirror planes are its X_MIN and Y_MIN faces.
 */
final class MirrorSymmetry {

    private final Grid3D full;
    private final Grid3D part;
    private final boolean mirrorX;
    private final boolean mirrorY;
    private final Set<Face> grounded;

    private MirrorSymmetry(Grid3D full, boolean mirrorX, boolean mirrorY, Set<Face> grounded) {
        this.full = full;
        this.mirrorX = mirrorX;
        this.mirrorY = mirrorY;
        this.grounded = grounded;
        this.part = Grid3D.uniform(mirrorX ? full.nx() / 2 : full.nx(), mirrorY ? full.ny() / 2 : full.ny(), full.nz(),
                full.dx());
    }

    /**
     * @param tip a regular tip, centred on {@code full}
     * @param full the full-tip grid (cubic cells)
     * @return the usable mirror planes (possibly none)
     */
    static MirrorSymmetry of(ElectrodeArray tip, Grid3D full) {
        int px = parity(tip, true);
        int py = parity(tip, false);
        boolean mx = px != 0 && full.nx() % 2 == 0;
        boolean my = py != 0 && full.ny() % 2 == 0;
        Set<Face> g = EnumSet.noneOf(Face.class);
        if (mx && px < 0) {
            g.add(Face.X_MIN);
        }
        if (my && py < 0) {
            g.add(Face.Y_MIN);
        }
        return new MirrorSymmetry(full, mx, my, g);
    }

    /**
     * @param tip the tip
     * @param alongX true for the plane x = 0, false for y = 0
     * @return +1 if every mirror partner has the same polarity, −1 if every one has the opposite, 0 otherwise
     */
    static int parity(ElectrodeArray tip, boolean alongX) {
        double scale = tip.needle().diameter();
        for (ElectrodeArray.Electrode e : tip.electrodes()) {
            scale = Math.max(scale, Math.max(Math.abs(e.x()), Math.abs(e.y())));
        }
        double tol = 1e-9 * scale;
        boolean same = true;
        boolean opposite = true;
        for (ElectrodeArray.Electrode e : tip.electrodes()) {
            double mx = alongX ? -e.x() : e.x();
            double my = alongX ? e.y() : -e.y();
            ElectrodeArray.Electrode partner = null;
            for (ElectrodeArray.Electrode f : tip.electrodes()) {
                if (Math.abs(f.x() - mx) <= tol && Math.abs(f.y() - my) <= tol) {
                    partner = f;
                    break;
                }
            }
            if (partner == null) {
                return 0;
            }
            same &= partner.polarity() == e.polarity();
            opposite &= partner.polarity() == -e.polarity();
        }
        return same ? 1 : opposite ? -1 : 0;
    }

    /** @return true if at least one plane is used */
    boolean any() {
        return mirrorX || mirrorY;
    }

    boolean mirrorX() {
        return mirrorX;
    }

    boolean mirrorY() {
        return mirrorY;
    }

    /** @return the grid of the simulated part */
    Grid3D part() {
        return part;
    }

    /** @return the full-tip grid */
    Grid3D full() {
        return full;
    }

    /** @return the mirror faces that are at 0 V (antisymmetric planes) */
    Set<Face> grounded() {
        return grounded.isEmpty() ? EnumSet.noneOf(Face.class) : EnumSet.copyOf(grounded);
    }

    /** @return how many copies of the part make the whole: 1, 2 or 4 */
    int copies() {
        return (mirrorX ? 2 : 1) * (mirrorY ? 2 : 1);
    }

    /**
     * @param fullCell a cell of the full grid
     * @return the cell of the part it is the image of
     */
    int partCell(int fullCell) {
        return part.index(partIndex(full.i(fullCell), full.nx(), mirrorX), partIndex(full.j(fullCell), full.ny(),
                mirrorY), full.k(fullCell));
    }

    /**
     * @param partCell a cell of the part
     * @return the same cell in the full grid (in the quadrant the part covers)
     */
    int fullCell(int partCell) {
        int i = part.i(partCell) + (mirrorX ? part.nx() : 0);
        int j = part.j(partCell) + (mirrorY ? part.ny() : 0);
        return full.index(i, j, part.k(partCell));
    }

    private static int partIndex(int i, int n, boolean mirror) {
        if (!mirror) {
            return i;
        }
        int h = n / 2;
        return i >= h ? i - h : h - 1 - i;
    }

    /**
     * @param f a field on the part
     * @return the field on the full grid, each cell the value of its image
     */
    ScalarField unfold(ScalarField f) {
        double[] src = f.values();
        double[] out = new double[full.cellCount()];
        int nx = full.nx();
        int[] mapI = new int[nx];
        for (int i = 0; i < nx; i++) {
            mapI[i] = partIndex(i, nx, mirrorX);
        }
        for (int k = 0; k < full.nz(); k++) {
            for (int j = 0; j < full.ny(); j++) {
                int base = full.index(0, j, k);
                int pbase = part.index(0, partIndex(j, full.ny(), mirrorY), k);
                for (int i = 0; i < nx; i++) {
                    out[base + i] = src[pbase + mapI[i]];
                }
            }
        }
        return new ScalarField(full, out);
    }

    /**
     * The result of the whole tip from the result of the part: fields unfolded, cell counts, volumes and heats
     * multiplied by the number of copies; on the outer faces the heat of the part's face is doubled where that face
     * is cut by a mirror plane; the mirror faces carry no heat.
     *
     * <p>The fields are unfolded one at a time and each field of the part is released as soon as its whole-tip copy
     * exists, so that at the worst moment the heap holds the whole tip's fields and one field of the part
     * ({@link RfTreatmentSimulation#memoryNeed}), not the part's result beside the whole tip's. For that the part's
     * result is handed over in a one-element array, which this method empties before it unfolds anything: the
     * caller must keep no other reference to it.
     *
     * @param handOver a one-element array holding the part's result; set to null
     * @return the whole tip's result
     */
    ThermalRunResult unfold(ThermalRunResult[] handOver) {
        ThermalRunResult r = handOver[0];
        handOver[0] = null;
        int c = copies();
        List<RegionSummary> regions = new ArrayList<>();
        for (RegionSummary s : r.regions()) {
            double[] damaged = s.damagedVolume();
            for (int p = 0; p < damaged.length; p++) {
                damaged[p] *= c;
            }
            regions.add(new RegionSummary(s.name(), s.cells() * c, s.volume() * c, s.maxPeakTemperature(),
                    s.meanPeakTemperature(), s.maxOmega(), damaged, s.maxCem43(), s.volumeAboveCem43Threshold() * c));
        }
        List<HistorySample> history = new ArrayList<>();
        for (HistorySample h : r.history()) {
            history.add(new HistorySample(h.time(), h.maxTemperature(), fullCell(h.hottestCell()),
                    h.regionMaxTemperature(), h.regionMeanTemperature(), h.deliveredEnergy() * c));
        }
        EnergyLedger e = r.energy();
        double[] faces = e.boundaryHeat();
        double[] outFaces = new double[faces.length];
        for (Face face : Face.values()) {
            int k = face.ordinal();
            double mult = switch (face) {
                case X_MIN, X_MAX -> mirrorY ? 2 : 1; // the part's X_MAX face is half of each outer x face
                case Y_MIN, Y_MAX -> mirrorX ? 2 : 1;
                case Z_MIN, Z_MAX -> c;
            };
            Face source = face;
            if (face == Face.X_MIN && mirrorX) {
                source = Face.X_MAX;
            } else if (face == Face.Y_MIN && mirrorY) {
                source = Face.Y_MAX;
            }
            outFaces[k] = faces[source.ordinal()] * mult;
        }
        EnergyLedger ledger = new EnergyLedger(e.storedHeat() * c, e.sourceHeat() * c, e.metabolicHeat() * c,
                e.perfusionHeat() * c, outFaces, e.fixedCellHeat() * c);
        int processes = r.omega().size();
        int thresholds = r.timeAbove().size();
        ScalarField[] fields = fields(r);
        double time = r.time();
        List<ArrheniusProcess> processList = r.processes();
        double[] thresholdTemperatures = r.thresholds();
        List<ProbeSeries> probes = r.probes();
        r = null; // from here on the part's fields are held by the array alone
        ScalarField[] out = new ScalarField[fields.length];
        for (int f = 0; f < fields.length; f++) {
            out[f] = unfold(fields[f]);
            fields[f] = null;
        }
        List<ScalarField> omega = Arrays.asList(out).subList(FIRST_OMEGA, FIRST_OMEGA + processes);
        List<ScalarField> above = Arrays.asList(out).subList(FIRST_OMEGA + processes,
                FIRST_OMEGA + processes + thresholds);
        return new ThermalRunResult(time, out[0], out[1], processList, omega, out[2], thresholdTemperatures, above,
                regions, history, ledger, probes);
    }

    /** The index of the first Ω field in {@link #fields}: after temperature, peak temperature and CEM43. */
    private static final int FIRST_OMEGA = 3;

    /**
     * @param r a result
     * @return its fields, in the order temperature, peak temperature, CEM43, Ω per process, time above per threshold
     */
    private static ScalarField[] fields(ThermalRunResult r) {
        int np = r.omega().size();
        int nq = r.timeAbove().size();
        ScalarField[] fields = new ScalarField[FIRST_OMEGA + np + nq];
        fields[0] = r.temperature();
        fields[1] = r.peakTemperature();
        fields[2] = r.cem43();
        for (int p = 0; p < np; p++) {
            fields[FIRST_OMEGA + p] = r.omega().get(p);
        }
        for (int q = 0; q < nq; q++) {
            fields[FIRST_OMEGA + np + q] = r.timeAbove().get(q);
        }
        return fields;
    }
}
