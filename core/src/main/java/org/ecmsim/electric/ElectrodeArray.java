package org.ecmsim.electric;

import static org.ecmsim.internal.Checks.requireFinite;
import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecmsim.units.Units;

/**
 * The needles of an RF-microneedling tip: one {@link Needle} geometry, the lateral positions of the needles and the
 * polarity of each. Bipolar tips drive needles against each other (+1 and −1, potentials ±V); monopolar tips drive
 * all needles at +V against a distant return electrode.
 */
public final class ElectrodeArray {

    /** How polarities are laid out on a rectangular array. */
    public enum Pattern {
        /** Rows (constant y) alternate + and −: current flows between rows. */
        ALTERNATING_ROWS,
        /** Columns (constant x) alternate + and −. */
        ALTERNATING_COLUMNS,
        /** Every needle's four neighbours have the opposite polarity. */
        CHECKERBOARD,
        /** All needles +; the current returns through a distant return electrode. */
        MONOPOLAR
    }

    /**
     * One needle of the array.
     *
     * @param x lateral position relative to the array centre (m)
     * @param y lateral position relative to the array centre (m)
     * @param polarity +1 or −1 (bipolar), +1 (monopolar)
     */
    public record Electrode(double x, double y, int polarity) {
        /**
         * Validates the position and polarity.
         *
         * @param x lateral position relative to the array centre (m)
         * @param y lateral position relative to the array centre (m)
         * @param polarity +1 or −1
         */
        public Electrode {
            requireFinite("electrode x", x, "m");
            requireFinite("electrode y", y, "m");
            if (polarity != 1 && polarity != -1) {
                throw new IllegalArgumentException("electrode polarity = " + polarity + " is invalid; it must be +1"
                        + " or −1");
            }
        }
    }

    private final Needle needle;
    private final List<Electrode> electrodes;
    private final boolean monopolar;
    private final double pitchX;
    private final double pitchY;
    private final Pattern pattern;

    private ElectrodeArray(Needle needle, List<Electrode> electrodes, boolean monopolar, double pitchX,
            double pitchY, Pattern pattern) {
        this.needle = Objects.requireNonNull(needle, "needle");
        this.electrodes = List.copyOf(electrodes);
        this.monopolar = monopolar;
        this.pitchX = pitchX;
        this.pitchY = pitchY;
        this.pattern = pattern;
        if (this.electrodes.isEmpty()) {
            throw new IllegalArgumentException("an electrode array needs at least one needle; none was given");
        }
        boolean plus = false;
        boolean minus = false;
        for (Electrode e : this.electrodes) {
            plus |= e.polarity() > 0;
            minus |= e.polarity() < 0;
        }
        if (monopolar && minus) {
            throw new IllegalArgumentException("a monopolar array drives every needle at +V; a needle has polarity −1");
        }
        if (!monopolar && !(plus && minus)) {
            throw new IllegalArgumentException("a bipolar array needs needles of both polarities; all are "
                    + (plus ? "+1" : "−1") + " (use Pattern.MONOPOLAR for a return-electrode tip)");
        }
        for (int a = 0; a < this.electrodes.size(); a++) {
            for (int b = a + 1; b < this.electrodes.size(); b++) {
                Electrode ea = this.electrodes.get(a);
                Electrode eb = this.electrodes.get(b);
                double d = Math.hypot(ea.x() - eb.x(), ea.y() - eb.y());
                if (d < needle.diameter()) {
                    throw new IllegalArgumentException(String.format("needles %d and %d overlap: their axes are"
                            + " %.4g mm apart, less than the needle diameter %.4g mm", a, b, Units.toMm(d),
                            Units.toMm(needle.diameter())));
                }
            }
        }
    }

    /**
     * A rectangular array centred on the origin.
     *
     * @param rows number of rows (along y), ≥ 1
     * @param columns number of columns (along x), ≥ 1
     * @param pitch centre-to-centre distance of neighbouring needles (m), more than the needle diameter
     * @param needle the needle
     * @param pattern the polarity layout
     * @return the array
     */
    public static ElectrodeArray grid(int rows, int columns, double pitch, Needle needle, Pattern pattern) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("array size " + rows + " × " + columns + " is invalid; rows and"
                    + " columns must be ≥ 1");
        }
        requireFinitePositive("needle pitch", pitch, "m");
        Objects.requireNonNull(pattern, "pattern");
        List<Electrode> list = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int polarity = switch (pattern) {
                    case ALTERNATING_ROWS -> r % 2 == 0 ? 1 : -1;
                    case ALTERNATING_COLUMNS -> c % 2 == 0 ? 1 : -1;
                    case CHECKERBOARD -> (r + c) % 2 == 0 ? 1 : -1;
                    case MONOPOLAR -> 1;
                };
                list.add(new Electrode((c - (columns - 1) / 2.0) * pitch, (r - (rows - 1) / 2.0) * pitch,
                        polarity));
            }
        }
        return new ElectrodeArray(needle, list, pattern == Pattern.MONOPOLAR, pitch, pitch, pattern);
    }

    /**
     * Two needles, + and −, on the x axis.
     *
     * @param spacing centre-to-centre distance (m)
     * @param needle the needle
     * @return the pair
     */
    public static ElectrodeArray bipolarPair(double spacing, Needle needle) {
        requireFinitePositive("needle spacing", spacing, "m");
        return new ElectrodeArray(needle, List.of(new Electrode(-spacing / 2, 0, 1), new Electrode(spacing / 2, 0,
                -1)), false, spacing, spacing, null);
    }

    /**
     * Any layout.
     *
     * @param needle the needle
     * @param electrodes positions and polarities
     * @param monopolar true for a monopolar tip (all +1)
     * @return the array
     */
    public static ElectrodeArray of(Needle needle, List<Electrode> electrodes, boolean monopolar) {
        return new ElectrodeArray(needle, electrodes, monopolar, Double.NaN, Double.NaN, null);
    }

    /** @return the needle geometry */
    public Needle needle() {
        return needle;
    }

    /** @return the needles (unmodifiable) */
    public List<Electrode> electrodes() {
        return electrodes;
    }

    /** @return the number of needles (pins) */
    public int size() {
        return electrodes.size();
    }

    /** @return true for a monopolar tip */
    public boolean isMonopolar() {
        return monopolar;
    }

    /** @return the polarity pattern of a rectangular array, or null for pairs and custom layouts */
    public Pattern pattern() {
        return pattern;
    }

    /** @return the pitch along x of a regular array (m), NaN for custom layouts */
    public double pitchX() {
        return pitchX;
    }

    /** @return the pitch along y of a regular array (m), NaN for custom layouts */
    public double pitchY() {
        return pitchY;
    }

    /**
     * @param value the new needle geometry (e.g. another depth)
     * @return a copy with that needle
     */
    public ElectrodeArray withNeedle(Needle value) {
        return new ElectrodeArray(value, electrodes, monopolar, pitchX, pitchY, pattern);
    }

}
