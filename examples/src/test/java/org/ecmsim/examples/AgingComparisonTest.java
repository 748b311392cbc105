package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Runs the aging comparison small: older skin makes less new collagen after the same session. */
class AgingComparisonTest {

    @Test
    void olderSkinMakesLessNewCollagen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] extra = AgingComparison.run(new double[] {25, 65}, Units.um(100), 7,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("extra coll I made");
        assertThat(extra[0]).isPositive();
        assertThat(extra[1]).isPositive().isLessThan(extra[0]);
    }
}
