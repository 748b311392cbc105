package org.ecmsim.internal;

import org.ecmsim.units.Units;

/**
 * Argument checks with the messages ecmsim promises: the parameter's name, its value with the unit, and the valid
 * range. Used by constructors and factories, never inside kernels.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * @param name parameter name
     * @param value value
     * @param unit unit, as written in messages
     * @return {@code value}
     * @throws IllegalArgumentException unless value is finite and &gt; 0
     */
    public static double requireFinitePositive(String name, double value, String unit) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(describe(name, value, unit) + " is invalid; it must be finite and > 0");
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @param unit unit, as written in messages
     * @return {@code value}
     * @throws IllegalArgumentException unless value is finite and ≥ 0
     */
    public static double requireFiniteNonNegative(String name, double value, String unit) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(describe(name, value, unit) + " is invalid; it must be finite and ≥ 0");
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @param unit unit, as written in messages
     * @return {@code value}
     * @throws IllegalArgumentException unless value is finite
     */
    public static double requireFinite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(describe(name, value, unit) + " is invalid; it must be finite");
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @param min smallest valid value (inclusive)
     * @param max largest valid value (inclusive)
     * @param unit unit, as written in messages
     * @return {@code value}
     * @throws IllegalArgumentException unless {@code min ≤ value ≤ max}
     */
    public static double requireInRange(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(describe(name, value, unit) + " is outside the valid range "
                    + format(min) + " to " + format(max) + suffix(unit));
        }
        return value;
    }

    /**
     * A temperature check with the message in °C, which is how people read temperatures.
     *
     * @param name parameter name
     * @param kelvin value (K)
     * @return {@code kelvin}
     * @throws IllegalArgumentException unless the value is finite and above absolute zero
     */
    public static double requireTemperature(String name, double kelvin) {
        if (!(kelvin > 0) || !Double.isFinite(kelvin)) {
            throw new IllegalArgumentException(name + " = " + format(kelvin) + " K ("
                    + format(Units.kelvinToCelsius(kelvin)) + " °C) is invalid; it must be finite and above 0 K");
        }
        return kelvin;
    }

    /**
     * @param name parameter name
     * @param value value
     * @param unit unit
     * @return "name = value unit"
     */
    public static String describe(String name, double value, String unit) {
        return name + " = " + format(value) + suffix(unit);
    }

    private static String suffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format("%.6g", v);
    }
}
