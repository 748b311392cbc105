package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Runs the energy sweep small: more energy, hotter tip and no cooler epidermis; and the verdict line names exactly
 * the energy that the returned results say it should.
 */
class EnergySweepTest {

    /** The example's safety limit for the epidermis and the fat: 43 °C. */
    private static final double LIMIT = Units.celsiusToKelvin(43);

    @Test
    void moreEnergyHeatsMoreAndTheVerdictNamesTheHighestSafeEnergy() {
        double[] energies = {10, 40};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<RfTreatmentResult> r = EnergySweep.run(energies, Units.um(100),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r).hasSize(energies.length);
        assertThat(r.get(1).thermal().peakTemperature().max()).isGreaterThan(r.get(0).thermal().peakTemperature()
                .max());
        assertThat(r.get(1).thermal().region("epidermis").maxPeakTemperature())
                .isGreaterThanOrEqualTo(r.get(0).thermal().region("epidermis").maxPeakTemperature());
        assertThat(r.get(1).largestZone().cells()).isGreaterThanOrEqualTo(r.get(0).largestZone().cells());

        // the verdict, recomputed from the results: the highest energy with a lethal zone and both the epidermis
        // and the fat peaks below 43 °C
        double expected = Double.NaN;
        for (int e = 0; e < energies.length; e++) {
            RfTreatmentResult x = r.get(e);
            boolean safe = x.thermal().region("epidermis").maxPeakTemperature() < LIMIT
                    && x.thermal().region("subcutaneous fat").maxPeakTemperature() < LIMIT;
            if (x.largestZone().cells() > 0 && safe && !(energies[e] <= expected)) {
                expected = energies[e];
            }
        }
        System.out.println("energy sweep verdict expected: " + expected);
        if (Double.isNaN(expected)) {
            assertThat(text).contains("No energy in this sweep gave a lethal zone").doesNotContain("Highest energy");
        } else {
            assertThat(text).contains(String.format(Locale.ROOT, "Highest energy here with a lethal zone and the"
                    + " epidermis and fat below 43 °C: %.1f mJ/pin.%n", expected)).doesNotContain("No energy");
        }
    }
}
