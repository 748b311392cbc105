package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Runs the energy sweep small: more energy, hotter tip and no cooler epidermis; the verdict line is computed. */
class EnergySweepTest {

    @Test
    void moreEnergyHeatsMore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<RfTreatmentResult> r = EnergySweep.run(new double[] {10, 40}, Units.um(100),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsAnyOf("Highest energy here", "No energy in this sweep");
        assertThat(r.get(1).thermal().peakTemperature().max()).isGreaterThan(r.get(0).thermal().peakTemperature()
                .max());
        assertThat(r.get(1).thermal().region("epidermis").maxPeakTemperature())
                .isGreaterThanOrEqualTo(r.get(0).thermal().region("epidermis").maxPeakTemperature());
        assertThat(r.get(1).largestZone().cells()).isGreaterThanOrEqualTo(r.get(0).largestZone().cells());
    }
}
