package org.ecmsim.study;

import java.util.List;
import java.util.Objects;

/**
 * One varied setting: its key, the unit its values are written in, and either a range (low, high, steps, linear or
 * logarithmic) or a list of values.
 *
 * @param key the key path ({@code treatment.passes[0].drive.energy_per_pin}, {@code biology.wound.time})
 * @param unit the unit of the values as written in the study file ({@code mJ}; empty for plain numbers)
 * @param low lower end of the range (unit)
 * @param high upper end of the range (unit)
 * @param scale how the range is spanned
 * @param steps number of levels of a full grid (≥ 2 for a range)
 * @param values the levels given one by one (unit), or empty for a range
 */
public record Factor(String key, String unit, double low, double high, Scale scale, int steps, List<Double> values) {

    /** How a range is spanned. */
    public enum Scale {
        /** Evenly spaced values. */
        LINEAR,
        /** Evenly spaced logarithms (low and high must be positive). */
        LOG
    }

    /**
     * Checks the range.
     *
     * @param key the key path
     * @param unit the unit of the values
     * @param low lower end (unit)
     * @param high upper end (unit)
     * @param scale how the range is spanned
     * @param steps levels of a full grid
     * @param values the levels one by one, or empty
     */
    public Factor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scale, "scale");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            if (!(high > low)) {
                throw new IllegalArgumentException(key + ": range [" + low + ", " + high + "] " + unit
                        + " is empty; give [low, high] with low < high");
            }
            if (scale == Scale.LOG && !(low > 0)) {
                throw new IllegalArgumentException(key + ": a log scale needs a positive range; low = " + low
                        + " " + unit);
            }
        }
    }

    /**
     * @param key the key path
     * @param unit the unit
     * @param low lower end (unit)
     * @param high upper end (unit)
     * @param steps levels of a full grid
     * @param scale how the range is spanned
     * @return a range factor
     */
    public static Factor range(String key, String unit, double low, double high, int steps, Scale scale) {
        return new Factor(key, unit, low, high, scale, steps, List.of());
    }

    /**
     * @param key the key path
     * @param unit the unit
     * @param values the levels (unit)
     * @return a factor with listed levels
     */
    public static Factor values(String key, String unit, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(key + ": values is empty; give at least one value");
        }
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Factor(key, unit, lo, hi, Scale.LINEAR, values.size(), values);
    }

    /** @return the levels of a full grid (unit) */
    public double[] levels() {
        if (!values.isEmpty()) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] l = new double[steps];
        for (int i = 0; i < steps; i++) {
            l[i] = at(steps == 1 ? 0 : i / (steps - 1.0));
        }
        return l;
    }

    /**
     * @param u a coordinate in [0, 1]
     * @return the setting there (unit): along the range, or the ⌊u n⌋-th listed value
     */
    public double at(double u) {
        if (!values.isEmpty()) {
            int i = Math.min(values.size() - 1, (int) Math.floor(u * values.size()));
            return values.get(i);
        }
        if (u <= 0) {
            return low;
        }
        if (u >= 1) {
            return high;
        }
        return scale == Scale.LOG ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
                : low + u * (high - low);
    }

    /** @return the column name: the key with its unit ({@code treatment.passes[0].drive.energy_per_pin [mJ]}) */
    public String column() {
        return unit.isEmpty() ? key : key + " [" + unit + "]";
    }
}
