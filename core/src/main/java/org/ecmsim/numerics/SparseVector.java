package org.ecmsim.numerics;

import java.util.Objects;

/**
 * A vector of length n that is zero except at a few cells: strictly increasing cell indices and their values. Used
 * as a right-hand side that only a few cells carry (the cells at an electrode), where a dense {@code double[]} would
 * cost 8 bytes per cell. The arrays are shared, not copied: the owner may change the values between solves, not the
 * indices.
 */
public final class SparseVector {

    private final int length;
    private final int[] indices;
    private final double[] values;

    /**
     * @param length the length n of the vector, ≥ 0
     * @param indices the cells that may be non-zero, strictly increasing, each in [0, n)
     * @param values their values, one per index (shared: later changes are seen)
     * @throws IllegalArgumentException if the indices are not strictly increasing and in range, or the lengths differ
     */
    public SparseVector(int length, int[] indices, double[] values) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (length < 0) {
            throw new IllegalArgumentException("length = " + length + " is invalid; it must be ≥ 0");
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("there are " + indices.length + " indices but " + values.length
                    + " values; give one value per index");
        }
        for (int e = 0; e < indices.length; e++) {
            if (indices[e] < 0 || indices[e] >= length || (e > 0 && indices[e] <= indices[e - 1])) {
                throw new IllegalArgumentException("index [" + e + "] = " + indices[e] + " is invalid; indices must"
                        + " be strictly increasing and in [0, " + length + ")");
            }
        }
        this.length = length;
        this.indices = indices;
        this.values = values;
    }

    /** @return the length n */
    public int length() {
        return length;
    }

    /** @return the number of stored entries */
    public int size() {
        return indices.length;
    }

    /** @return the stored cell indices, strictly increasing (live: do not modify) */
    public int[] indices() {
        return indices;
    }

    /** @return the stored values (live) */
    public double[] values() {
        return values;
    }

    /** @return the dense form, a new array of length n */
    public double[] toDense() {
        double[] d = new double[length];
        for (int e = 0; e < indices.length; e++) {
            d[indices[e]] = values[e];
        }
        return d;
    }
}
