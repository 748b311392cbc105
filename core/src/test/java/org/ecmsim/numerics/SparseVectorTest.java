package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SparseVector}: its contract is a fixed, validated set of strictly increasing indices with live values. It
 * has no add or get; what it promises is the dense equivalence, the order of the entries, the sharing of the arrays
 * (the potential solver changes the values between solves) and the checks at construction.
 */
class SparseVectorTest {

    /** toDense has the stored values at the stored indices and exact zeros everywhere else. */
    @Test
    void denseFormHasTheEntriesAndZerosElsewhere() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 1000;
        int[] idx = rng.ints(0, n).distinct().limit(37).sorted().toArray();
        double[] val = rng.doubles(idx.length, -5, 5).toArray();
        SparseVector v = new SparseVector(n, idx, val);
        assertThat(v.length()).isEqualTo(n);
        assertThat(v.size()).isEqualTo(37);
        double[] d = v.toDense();
        assertThat(d).hasSize(n);
        int e = 0;
        for (int c = 0; c < n; c++) {
            if (e < idx.length && idx[e] == c) {
                assertThat(d[c]).isEqualTo(val[e++]);
            } else {
                assertThat(d[c]).as("cell %d", c).isEqualTo(0.0);
            }
        }
        assertThat(e).isEqualTo(idx.length);
        // a sparse dot product over the entries equals the dense one
        double[] w = rng.doubles(n, -1, 1).toArray();
        double sparseDot = 0;
        for (int k = 0; k < v.size(); k++) {
            sparseDot += v.values()[k] * w[v.indices()[k]];
        }
        assertThat(sparseDot).isEqualTo(Operators.dot(d, w)); // same terms in the same order; zeros add exactly
    }

    /** Entries iterate in increasing index order, as given; the arrays are shared, so value changes are seen. */
    @Test
    void entriesAreLiveAndInIncreasingOrder() {
        int[] idx = {2, 5, 9};
        double[] val = {1.0, -2.0, 3.5};
        SparseVector v = new SparseVector(10, idx, val);
        assertThat(v.indices()).isSameAs(idx).containsExactly(2, 5, 9).isSorted();
        assertThat(v.values()).isSameAs(val);
        val[1] = 7.0;
        assertThat(v.toDense()[5]).isEqualTo(7.0);
        double[] first = v.toDense();
        assertThat(v.toDense()).isNotSameAs(first).containsExactly(first); // a new array each time
        first[2] = 100;
        assertThat(v.values()[0]).isEqualTo(1.0); // writing into the dense copy does not change the vector
    }

    @Test
    void emptyAndZeroLengthVectorsAreAllowed() {
        assertThat(new SparseVector(0, new int[0], new double[0]).toDense()).isEmpty();
        assertThat(new SparseVector(4, new int[0], new double[0]).toDense()).containsExactly(0, 0, 0, 0);
        assertThat(new SparseVector(1, new int[] {0}, new double[] {2}).toDense()).containsExactly(2);
    }

    @Test
    void invalidIndicesAndLengthsAreRefused() {
        assertThatThrownBy(() -> new SparseVector(-1, new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length = -1");
        assertThatThrownBy(() -> new SparseVector(5, new int[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 indices but 1 values");
        assertThatThrownBy(() -> new SparseVector(5, new int[] {1, 1}, new double[2]))
                .as("repeated index").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index [1] = 1");
        assertThatThrownBy(() -> new SparseVector(5, new int[] {3, 2}, new double[2]))
                .as("decreasing").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index [1] = 2");
        assertThatThrownBy(() -> new SparseVector(5, new int[] {0, 5}, new double[2]))
                .as("index = length").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in [0, 5)");
        assertThatThrownBy(() -> new SparseVector(5, new int[] {-1}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index [0] = -1");
        assertThatThrownBy(() -> new SparseVector(5, null, new double[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SparseVector(5, new int[0], null)).isInstanceOf(NullPointerException.class);
    }
}
