package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ecmsim.biology.BiologyParameters;
import org.junit.jupiter.api.Test;

/**
 * The default biology parameters reproduce the outcomes recorded for them (printed by
 * {@code java -cp examples/target/examples.jar org.ecmsim.examples.CalibrateBiology}): after one default session,
 * collagen I synthesis +69 % and collagen III +58 % at day 7, collagen III +62 % at day 30 (1 h biology steps, the
 * default 50 µm biology cells; +71, +59 and +63 % on the earlier 100 µm cells), and the lethal core's collagen back
 * to ≥ 95 % of the control by day 70. These are the values of the two-pool collagen
 * model (issue 11) with the boosts of the earlier one-pool fit, recorded, not refitted: the refit belongs to the
 * calibration (docs/validation.md), which must update them. A change to the model or its defaults that moves these
 * fails here and must be recalibrated and documented.
 */
class CalibrateBiologyTest {

    @Test
    void defaultsReproduceTheCalibration() {
        double[] o = new CalibrateBiology.Fixture().outcomes(BiologyParameters.defaults());
        System.out.printf("calibration outcomes: C1 d7 %+.1f %%, C3 d7 %+.1f %%, C3 d30 %+.1f %%, core d70 %.1f %%%n",
                100 * o[0], 100 * o[1], 100 * o[2], 100 * o[3]);
        assertThat(o[0]).isCloseTo(0.692, within(0.02));
        assertThat(o[1]).isCloseTo(0.578, within(0.02));
        assertThat(o[2]).isCloseTo(0.624, within(0.02));
        assertThat(o[3]).isGreaterThanOrEqualTo(0.95);
        // Inside the published ranges: collagen I +34–84 %, collagen III still up at day 30.
        assertThat(o[0]).isBetween(0.34, 0.84);
        assertThat(o[2]).isPositive();
    }
}
