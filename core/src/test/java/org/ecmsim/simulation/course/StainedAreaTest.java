package org.ecmsim.simulation.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The stained share of a cell: Φ(ln r/s), checked against tabulated values of the normal distribution. */
class StainedAreaTest {

    @Test
    void standardNormalMatchesTabulatedValues() {
        // Φ at 0.5, 1, 1.96, 3 (tables of the normal distribution, e.g. Abramowitz and Stegun 26.2).
        double[][] table = {{0.5, 0.691462461}, {1, 0.841344746}, {1.96, 0.975002105}, {3, 0.998650102}};
        for (double[] row : table) {
            assertThat(StainedArea.standardNormal(row[0])).as("Φ(%s)", row[0]).isCloseTo(row[1], within(2e-7));
            assertThat(StainedArea.standardNormal(-row[0]) + StainedArea.standardNormal(row[0])).isEqualTo(1.0);
        }
        assertThat(StainedArea.standardNormal(0)).isEqualTo(0.5);
        assertThat(StainedArea.standardNormal(40)).isEqualTo(1.0);
        assertThat(StainedArea.standardNormal(-40)).isEqualTo(0.0);
        double previous = 0;
        for (double x = -6; x <= 6; x += 0.01) {
            double p = StainedArea.standardNormal(x);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    @Test
    void aCellStainsByItsLogRatioToTheControl() {
        assertThat(StainedArea.fraction(2.0, 2.0, 0.25)).isEqualTo(0.5);
        // +5 % collagen with s = 0.25: Φ(ln 1.05 / 0.25) = Φ(0.19516) = 0.577366.
        assertThat(StainedArea.fraction(1.05, 1.0, 0.25)).isCloseTo(0.577366, within(1e-6));
        assertThat(StainedArea.fraction(1.0, 1.05, 0.25)).isCloseTo(1 - 0.577366, within(1e-6));
        // A narrower spread turns the same change into a larger one.
        assertThat(StainedArea.fraction(1.05, 1.0, 0.1)).isGreaterThan(StainedArea.fraction(1.05, 1.0, 0.25));
        assertThat(StainedArea.fraction(0.0, 1.0, 0.25)).isZero();
    }

    @Test
    void theSpreadIsValidated() {
        assertThat(OutcomeRegions.DEFAULT.stainSpread()).isEqualTo(0.25);
        assertThat(OutcomeRegions.DEFAULT.withStainSpread(0.5).stainSpread()).isEqualTo(0.5);
        assertThatThrownBy(() -> OutcomeRegions.DEFAULT.withStainSpread(0))
                .hasMessageContaining("stain spread = 0.0").hasMessageContaining("0.01 to 2");
    }
}
