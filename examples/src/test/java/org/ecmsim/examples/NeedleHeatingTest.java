package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ecmsim.damage.ArrheniusProcess;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Runs the needle-heating example on a coarse grid and checks what it tells the reader. */
class NeedleHeatingTest {

    @Test
    void runsSmallAndTellsTheStory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ThermalRunResult r = NeedleHeating.run(Units.um(80), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("By layer", "reticular dermis", "Heat budget", "Zone of cell death");
        // The heat is deposited at the tip in the reticular dermis; the epidermis 1 mm above stays near 37 °C.
        assertThat(r.region("reticular dermis").maxPeakTemperature()).isGreaterThan(Units.celsiusToKelvin(60));
        assertThat(r.region("epidermis").maxPeakTemperature()).isLessThan(Units.celsiusToKelvin(38));
        int skin = r.processes().indexOf(ArrheniusProcess.HENRIQUES_SKIN);
        assertThat(r.region("reticular dermis").damagedVolume()[skin]).isPositive();
        assertThat(r.region("epidermis").damagedVolume()[skin]).isZero();
        // All 30 mJ delivered, and the budget closes.
        assertThat(r.energy().sourceHeat()).isCloseTo(NeedleHeating.POWER * NeedleHeating.PULSE, within(1e-12));
        assertThat(r.energy().imbalance()).isCloseTo(0.0, within(1e-12));
    }
}
