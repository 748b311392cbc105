package org.ecmsim.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantities written with their unit, as scenario files carry them ({@code 1.5 mm}, {@code 100 ms},
 * {@code 30 mJ}, {@code 37 C}, {@code 310.15 K}), and converts them to the SI values ecmsim uses inside (m, s, W, J, V, K; ages stay in
 * years). A number without a unit, or with a unit of the wrong kind, is refused with a message that lists the units
 * the quantity takes.
 *
 * <p>Conversions multiply by the same factors as {@link org.ecmsim.units.Units} ({@code mm → × 1e-3},
 * {@code °C → + 273.15}), so {@code parse("1.5 mm", LENGTH) == Units.mm(1.5)} exactly.
 */
public final class UnitParser {

    /** The kinds of quantity a scenario holds, with the units each accepts and their factor to SI. */
    public enum Dimension {
        /** Lengths (m): mm, um (also µm, μm), m. */
        LENGTH("a length", "m", units("mm", 1e-3, "um", 1e-6, "µm", 1e-6, "μm", 1e-6, "m", 1.0)),
        /** Durations (s): ms, s, min, h, d. */
        TIME("a time", "s", units("ms", 1e-3, "s", 1.0, "min", 60.0, "h", 3600.0, "d", 86400.0)),
        /** Power (W). */
        POWER("a power", "W", units("W", 1.0)),
        /** Energy (J): mJ, J. */
        ENERGY("an energy", "J", units("mJ", 1e-3, "J", 1.0)),
        /** Voltage (V). */
        VOLTAGE("a voltage", "V", units("V", 1.0)),
        /** Temperature, written in degrees Celsius (C or °C) or kelvin (K), kept in kelvin. */
        TEMPERATURE("a temperature", "K", units("C", 1.0, "°C", 1.0, "K", 1.0)),
        /** Age (years): y. */
        AGE("an age", "y", units("y", 1.0)),
        /** A share, written in per cent (%), kept as a fraction (50 % = 0.5). */
        PERCENT("a percentage", "1", units("%", 0.01)),
        /** A mass per mass: kg/kg or g/g. */
        MASS_RATIO("a mass ratio", "kg/kg", units("kg/kg", 1.0, "g/g", 1.0));

        private final String description;
        private final String siUnit;
        private final Map<String, Double> factors;

        Dimension(String description, String siUnit, Map<String, Double> factors) {
            this.description = description;
            this.siUnit = siUnit;
            this.factors = factors;
        }

        /** @return "a length", "a time", ... */
        public String description() {
            return description;
        }

        /** @return "length", "time", ... */
        public String noun() {
            return description.replaceFirst("^an? ", "");
        }

        /** @return the unit of the values {@link UnitParser#parse} returns */
        public String siUnit() {
            return siUnit;
        }

        /** @return the unit symbols accepted, for messages: "mm, um (µm) or m" */
        public String accepted() {
            StringBuilder sb = new StringBuilder();
            String[] names = factors.keySet().stream()
                    .filter(u -> !u.equals("μm") && !u.equals("µm") && !u.equals("°C")).toArray(String[]::new);
            for (int n = 0; n < names.length; n++) {
                if (n > 0) {
                    sb.append(n == names.length - 1 ? " or " : ", ");
                }
                sb.append(names[n]);
                if (names[n].equals("um")) {
                    sb.append(" (µm)");
                } else if (names[n].equals("C")) {
                    sb.append(" (°C)");
                }
            }
            return sb.toString();
        }

        /**
         * @param value a value in {@code unit}
         * @param unit one of the accepted units
         * @return the value in SI (kelvin for temperatures)
         */
        public double toSi(double value, String unit) {
            Double f = factors.get(unit);
            if (f == null) {
                throw new IllegalArgumentException("'" + unit + "' is not a unit of " + description);
            }
            if (this == TEMPERATURE) {
                return unit.equals("K") ? value : value + 273.15;
            }
            return value * f;
        }

        /**
         * @param si a value in SI (kelvin for temperatures)
         * @param unit one of the accepted units
         * @return the value in {@code unit}
         */
        public double fromSi(double si, String unit) {
            Double f = factors.get(unit);
            if (f == null) {
                throw new IllegalArgumentException("'" + unit + "' is not a unit of " + description);
            }
            if (this == TEMPERATURE) {
                return unit.equals("K") ? si : si - 273.15;
            }
            return si / f;
        }

        boolean accepts(String unit) {
            return factors.containsKey(unit);
        }
    }

    /** Why a text is not a valid quantity; the message says what to write instead. */
    public static final class UnitException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnitException(String message) {
            super(message);
        }
    }

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*?)\\s*");

    private UnitParser() {
    }

    private static Map<String, Double> units(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int n = 0; n < pairs.length; n += 2) {
            m.put((String) pairs[n], (Double) pairs[n + 1]);
        }
        return m;
    }

    /**
     * @param text a number and a unit, e.g. {@code "1.5 mm"}, {@code "50 µm"}, {@code "37 °C"}
     * @param dimension the kind of quantity expected
     * @return the value in SI units (kelvin for temperatures, years for ages)
     * @throws UnitException if the text is not a number followed by a unit of that kind
     */
    public static double parse(String text, Dimension dimension) {
        return dimension.toSi(number(text, dimension), unit(text, dimension));
    }

    /**
     * @param text a number and a unit
     * @param dimension the kind of quantity expected
     * @return the unit as written, once checked to be one of the dimension's units
     */
    public static String unit(String text, Dimension dimension) {
        Matcher m = match(text, dimension);
        String unit = m.group(2);
        if (unit.isEmpty()) {
            throw new UnitException("'" + show(text.strip()) + "' has no unit; " + dimension.description() + " takes "
                    + dimension.accepted() + ", e.g. '" + m.group(1) + " " + firstUnit(dimension) + "'");
        }
        if (!dimension.accepts(unit)) {
            String hint = "";
            for (String u : dimension.factors.keySet()) {
                if (u.equalsIgnoreCase(unit)) {
                    hint = " (did you mean '" + u + "'?)";
                }
            }
            for (Dimension other : Dimension.values()) {
                if (hint.isEmpty() && other != dimension && other.accepts(unit)) {
                    hint = " ('" + unit + "' is a unit of " + other.noun() + ")";
                }
            }
            if (hint.isEmpty() && !show(unit).equals(unit)) {
                hint = " (an invisible or special character: write the number, a plain space and the unit)";
            }
            throw new UnitException("'" + show(text.strip()) + "' has the unit '" + show(unit) + "', which is not a"
                    + " unit of " + dimension.noun() + hint + "; use " + dimension.accepted());
        }
        return unit;
    }

    private static double number(String text, Dimension dimension) {
        return Double.parseDouble(match(text, dimension).group(1));
    }

    private static Matcher match(String text, Dimension dimension) {
        Matcher m = QUANTITY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UnitException("'" + (text == null ? "" : show(text.strip())) + "' is not a number with a unit; "
                    + dimension.description() + " is written like '1.5 " + firstUnit(dimension) + "' ("
                    + dimension.accepted() + ")");
        }
        return m;
    }

    private static String firstUnit(Dimension d) {
        return d.factors.keySet().iterator().next();
    }

    /** Values echoed in messages are cut to this many characters. */
    static final int SHOWN_CHARS = 60;

    /**
     * A value as echoed in a message: cut to {@value #SHOWN_CHARS} characters (with "…" and the full length), and
     * invisible or control characters written as {@code <U+00A0>}, so that a non-breaking space or a tab shows.
     *
     * @param text a value as read from a file
     * @return the text to show
     */
    public static String show(String text) {
        return show(text, SHOWN_CHARS);
    }

    /**
     * @param text a text to echo
     * @param limit the most characters shown
     * @return the text with invisible characters made visible, cut to {@code limit} characters
     */
    static String show(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        int cps = text.codePointCount(0, text.length());
        for (int i = 0; i < text.length() && shown < limit; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            if (visible(cp)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            }
        }
        if (cps > limit) {
            sb.append("… (").append(cps).append(" characters)");
        }
        return sb.toString();
    }

    private static boolean visible(int cp) {
        if (cp == ' ') {
            return true;
        }
        int type = Character.getType(cp);
        return !(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || cp == 0xFFFD);
    }

    /**
     * Formats a value for messages and reports: up to 4 significant digits, no trailing zeros.
     *
     * @param value the value
     * @return e.g. "1.5", "0.05", "28", "1.2e-05"
     */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return String.valueOf((long) value);
        }
        String s = String.format(Locale.ROOT, "%.4g", value);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return p[0].replaceAll("\\.?0+$", "") + "e" + p[1];
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
