package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Runs the bipolar-pulse example small and checks what it prints and computes. */
class BipolarPulseTest {

    @Test
    void runsSmall() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RfTreatmentResult r = BipolarPulse.run(10, Units.um(80), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Impedance", "Coagulation zone", "Heat budget");
        assertThat(r.deliveredEnergy()).isCloseTo(0.020, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.zones()).hasSize(2);
        assertThat(r.thermal().region("epidermis").maxPeakTemperature()).isLessThan(Units.celsiusToKelvin(40));
    }
}
