package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ecmsim.tissue.LayerRole;
import org.ecmsim.biology.MatrixLedger;
import org.ecmsim.biology.Species;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Runs the three-session example small (100 µm cells, to day 35) and checks what it reports. */
class ThreeSessionsTest {

    @Test
    void runsSmall() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RemodellingResult r = ThreeSessions.run(50, Units.um(100), 35,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("reticular dermis: change vs untreated control", "Mass balance", "session 2");
        assertThat(r.sessions()).hasSize(2); // days 0 and 28 fall before day 35
        LayerTimeSeries deep = r.layer(LayerRole.RETICULAR_DERMIS);
        int day1 = deep.sampleAt(Units.DAY);
        assertThat(deep.treated().get(Species.HEAT_SHOCK_PROTEIN)[day1]).isPositive();
        int day7 = deep.sampleAt(7 * Units.DAY);
        assertThat(deep.percentVsControl(Species.HYALURONAN, day7)).isPositive();
        for (MatrixLedger b : r.balances()) {
            double scale = b.initial() + b.synthesized() + b.degraded() + b.gained() + b.denaturedAway();
            assertThat(b.imbalance()).isCloseTo(0.0, within(1e-12 * scale));
        }
        assertThat(r.sessions().get(0).thermal().region("epidermis").maxPeakTemperature())
                .isLessThan(Units.celsiusToKelvin(45));
    }
}
