package org.ecmsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Java port of the reference problem must reproduce the C reference's checksum to 1e-9 relative. The expected
 * values were printed by {@code shared/perf/run-reference.sh 32 10} and {@code run-reference.sh 64 20} (gcc -O3,
 * OpenMP, 1 and 2 threads, and numpy, all agreeing to the 12 digits printed).
 */
class PennesReferenceCheckTest {

    private static final double RELATIVE = 1e-9;

    @Test
    void checksumMatchesTheCReferenceAt32Cubed() {
        double expected = 1.212598273922e+06;
        PennesReferenceCheck.Result r = PennesReferenceCheck.run(32, 10, 2, 1);
        assertThat(r.timeStep()).isCloseTo(9.331414e-04, within(1e-10));
        assertThat(r.checksum()).isCloseTo(expected, within(RELATIVE * expected));
    }

    @Test
    void checksumMatchesTheCReferenceAt64Cubed() {
        double expected = 9.702488499181e+06;
        PennesReferenceCheck.Result r = PennesReferenceCheck.run(64, 20, 1, 1);
        assertThat(r.checksum()).isCloseTo(expected, within(RELATIVE * expected));
        assertThat(r.line()).contains("Mcell_per_s=").contains("checksum=9.7024884");
    }
}
