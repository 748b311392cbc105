package org.ecmsim.simulation.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;

/**
 * What one needle of a full-tip run did: where it sits in the array, the hottest tissue around it and its lethal
 * zone. Built from a whole-tip result by {@link #of(RfTreatmentResult, ElectrodeArray)}; this is how the full-tip
 * mode ({@link RfTreatmentSimulation#fullTip}) shows that edge and corner needles heat differently from the interior
 * ones that a unit cell stands for.
 *
 * @param needle the needle's index in {@code tip.electrodes()}
 * @param row its row (0 = smallest y)
 * @param column its column (0 = smallest x)
 * @param position corner, edge or interior of the array
 * @param polarity +1 or −1 (+1 for every needle of a monopolar tip)
 * @param x the needle axis relative to the array centre (m)
 * @param y the needle axis relative to the array centre (m)
 * @param peakTemperature the highest peak temperature of the tissue cells (not needle metal) nearer to this needle's
 *        axis than to any other (K)
 * @param zone the needle's lethal zone ({@link RfTreatmentResult#zones()})
 */
public record NeedleOutcome(int needle, int row, int column, Position position, int polarity, double x, double y,
        double peakTemperature, CoagulationZone zone) {

    /** Where a needle sits in a rectangular array. */
    public enum Position {
        /** At a corner: two sides of the needle face the margin. */
        CORNER,
        /** On an edge, not at a corner: one side faces the margin. */
        EDGE,
        /** Surrounded by needles on all four sides: what a unit cell stands for. */
        INTERIOR
    }

    /**
     * Validates the record.
     *
     * @param needle the needle's index
     * @param row its row
     * @param column its column
     * @param position corner, edge or interior
     * @param polarity +1 or −1
     * @param x the axis relative to the array centre (m)
     * @param y the axis relative to the array centre (m)
     * @param peakTemperature the highest tissue peak temperature nearest to it (K)
     * @param zone its lethal zone
     */
    public NeedleOutcome {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Splits a whole-tip result by needle. The tip must be the regular array the result was run with, centred on the
     * domain (as {@link RfTreatmentSimulation#fullTip} and the default {@link RfTreatmentSimulation#builder} place
     * it). Each tissue cell belongs to the nearest needle axis; for a rectangular array that is the needle whose row
     * and column are nearest, so the split costs one pass over the cells.
     *
     * @param result a result of the whole tip (one zone per needle)
     * @param tip the regular array ({@link ElectrodeArray#grid})
     * @return one outcome per needle, in the tip's order
     * @throws IllegalArgumentException for a custom layout, or a result with another number of needles (e.g. a
     *         unit-cell result, which has one)
     */
    public static List<NeedleOutcome> of(RfTreatmentResult result, ElectrodeArray tip) {
        Objects.requireNonNull(result, "result");
        if (tip.pattern() == null) {
            throw new IllegalArgumentException("needle outcomes need a regular array (ElectrodeArray.grid)");
        }
        int n = tip.size();
        if (result.zones().size() != n) {
            throw new IllegalArgumentException("the result has " + result.zones().size() + " needle zones but the tip"
                    + " has " + n + " needles; split only a full-tip result of this tip");
        }
        double px = tip.pitchX();
        double py = tip.pitchY();
        int columns = 0;
        int rows = 0;
        for (ElectrodeArray.Electrode e : tip.electrodes()) {
            columns = Math.max(columns, (int) Math.round(2 * Math.abs(e.x()) / px) + 1);
            rows = Math.max(rows, (int) Math.round(2 * Math.abs(e.y()) / py) + 1);
        }
        int[] rowOf = new int[n];
        int[] columnOf = new int[n];
        int[][] at = new int[rows][columns];
        for (int e = 0; e < n; e++) {
            ElectrodeArray.Electrode el = tip.electrodes().get(e);
            columnOf[e] = (int) Math.round(el.x() / px + (columns - 1) / 2.0);
            rowOf[e] = (int) Math.round(el.y() / py + (rows - 1) / 2.0);
            at[rowOf[e]][columnOf[e]] = e;
        }
        Grid3D g = result.thermal().peakTemperature().grid();
        double[] peak = result.thermal().peakTemperature().values();
        CellMask metal = result.needles();
        double cx = g.lengthX() / 2;
        double cy = g.lengthY() / 2;
        double[] best = new double[n];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[] columnOfI = new int[g.nx()];
        for (int i = 0; i < g.nx(); i++) {
            columnOfI[i] = clamp((int) Math.round((g.x(i) - cx) / px + (columns - 1) / 2.0), columns);
        }
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                int row = clamp((int) Math.round((g.y(j) - cy) / py + (rows - 1) / 2.0), rows);
                int[] line = at[row];
                int base = g.index(0, j, k);
                for (int i = 0; i < g.nx(); i++) {
                    int c = base + i;
                    int e = line[columnOfI[i]];
                    if (peak[c] > best[e] && !metal.contains(c)) {
                        best[e] = peak[c];
                    }
                }
            }
        }
        List<NeedleOutcome> out = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            ElectrodeArray.Electrode el = tip.electrodes().get(e);
            boolean edgeX = columnOf[e] == 0 || columnOf[e] == columns - 1;
            boolean edgeY = rowOf[e] == 0 || rowOf[e] == rows - 1;
            Position pos = edgeX && edgeY ? Position.CORNER : edgeX || edgeY ? Position.EDGE : Position.INTERIOR;
            out.add(new NeedleOutcome(e, rowOf[e], columnOf[e], pos, el.polarity(), el.x(), el.y(), best[e],
                    result.zones().get(e)));
        }
        return out;
    }

    private static int clamp(int v, int count) {
        return Math.max(0, Math.min(count - 1, v));
    }
}
