package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass sums equal, bit for bit, each field's own loop over the cells. */
class FieldSumsTest {

    @Test
    void sumsAreBitwiseThoseOfOneLoopPerField() {
        Random random = new Random(7);
        int n = 997;
        for (int count : new int[] {1, 3, 4, 7, 24}) {
            double[][] fields = new double[count][n];
            for (double[] f : fields) {
                for (int i = 0; i < n; i++) {
                    // Values over many magnitudes, so that the order of the additions shows in the last bits.
                    f[i] = random.nextDouble() * Math.pow(10, random.nextInt(12) - 6);
                }
            }
            double[] w = new double[n];
            int[] cells = new int[n / 3];
            for (int i = 0; i < n; i++) {
                w[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
            }
            for (int k = 0; k < cells.length; k++) {
                cells[k] = 3 * k + random.nextInt(3);
            }
            double[] weighted = new double[count];
            double[] over = new double[count];
            FieldSums.weighted(fields, w, weighted);
            FieldSums.over(fields, cells, over);
            for (int f = 0; f < count; f++) {
                double s = 0;
                double t = 0;
                for (int i = 0; i < n; i++) {
                    s += w[i] * fields[f][i];
                }
                for (int c : cells) {
                    t += fields[f][c];
                }
                assertThat(Double.doubleToRawLongBits(weighted[f])).as("weighted %d of %d", f, count)
                        .isEqualTo(Double.doubleToRawLongBits(s));
                assertThat(Double.doubleToRawLongBits(over[f])).as("over %d of %d", f, count)
                        .isEqualTo(Double.doubleToRawLongBits(t));
            }
        }
    }
}
