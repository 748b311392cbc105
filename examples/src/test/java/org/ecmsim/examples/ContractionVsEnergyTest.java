package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecmsim.simulation.course.SessionClinical;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the contraction sweep small: more energy never gives less immediate contraction, and the top gives some. */
class ContractionVsEnergyTest {

    @Test
    void moreEnergyMoreImmediateContraction(@TempDir Path tmp) throws Exception {
        double[] energies = {0, 15, 30, 45};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<SessionClinical> r = ContractionVsEnergy.run(energies, Units.um(125),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(r).hasSize(energies.length);
        assertThat(r.get(0).immediateArealContractionPercent()).isLessThan(1e-9);
        for (int e = 1; e < energies.length; e++) {
            assertThat(r.get(e).immediateArealContractionPercent()).as("%s mJ", energies[e])
                    .isGreaterThanOrEqualTo(r.get(e - 1).immediateArealContractionPercent());
        }
        assertThat(r.get(energies.length - 1).immediateArealContractionPercent())
                .isGreaterThan(r.get(1).immediateArealContractionPercent()).isGreaterThan(0.01);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("areal contraction");
        Path png = ContractionVsEnergy.chart(energies, r, tmp.resolve(ContractionVsEnergy.CHART));
        assertThat(Files.size(png)).isPositive();
    }
}
