package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.TreatmentSession;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.simulation.course.RemodellingSimulation;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** {@code ecmsim check-grid} on the tiny scenario (100 µm and 50 µm cells, a few seconds). */
class CheckGridCommandTest {

    private static Path tiny() throws Exception {
        return Path.of(CheckGridCommandTest.class.getResource("/scenarios/tiny.yaml").toURI());
    }

    @Test
    void printsBothRunsWithTheValuesTheCoreComputes() throws Exception {
        Cli cli = Cli.run("check-grid", tiny().toString(), "--threads", "2");

        assertThat(cli.code).as(cli.toString()).isZero();
        assertThat(cli.out).contains("on 100 µm and 50 µm cells", "| tip impedance", "| peak rise above 37 °C (K) |",
                "| lethal zone width (µm) |", "| epidermis peak (°C) |", "| fat peak (°C) |");
        // The 100 µm column is the core's own thermal phase of session 1 at the scenario's cell size.
        Scenario scenario = ScenarioParser.parse(tiny());
        TreatmentSession first = scenario.treatment().toProtocol().sessions().get(0);
        RemodellingSimulation sim = scenario.toSimulation(ParallelExecutor.serial());
        RfTreatmentResult rf = sim.thermalPhase(sim.site(first.passes().get(0).needleDepth()), first, null);
        String peak = String.format(Locale.ROOT, "%.2f", Units.kelvinToCelsius(rf.thermal().peakTemperature().max()));
        String width = String.format(Locale.ROOT, "%.1f", rf.largestZone().width() * 1e6);
        assertThat(cli.out).contains("| peak temperature (°C) | " + peak + " | ",
                "| lethal zone width (µm) | " + width + " | ");
        // The change is the coarse value's difference from the fine one, in per cent of the fine one.
        Matcher m = Pattern.compile("\\| lethal zone width \\(µm\\) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([-+0-9.]+) %")
                .matcher(cli.out);
        assertThat(m.find()).as(cli.out).isTrue();
        double coarse = Double.parseDouble(m.group(1));
        double fine = Double.parseDouble(m.group(2));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(100 * (coarse - fine) / fine,
                org.assertj.core.api.Assertions.within(0.02));
    }

    @Test
    void theVerdictFollowsTheTolerance() throws Exception {
        Cli strict = Cli.run("check-grid", tiny().toString(), "--tolerance", "0.001");
        Cli loose = Cli.run("check-grid", tiny().toString(), "--tolerance", "100");

        assertThat(strict.code).as(strict.toString()).isZero();
        assertThat(strict.out).contains("Within 0.001 %: none.", "Not within 0.001 %: peak rise above 37 °C (",
                "To heat on the 50 µm cells and keep the biology on its 100 µm cells, set numerics.cell_size: 50 um"
                        + " and numerics.biology_coarsening: 2 (8 times the thermal cells;");
        assertThat(loose.out).contains("Converged to 100 % for these settings at 100 µm.")
                .doesNotContain("Not within", "To heat on");
    }

    @Test
    void refusesBadOptionsAndTooManyCellsBeforeRunning() {
        Cli one = Cli.run("check-grid", "--finer", "1");
        Cli tolerance = Cli.run("check-grid", "--tolerance", "0");
        // 50 µm / 8 on the default site is 8³ × 20 000 cells, over the 4 000 000 a scenario may have.
        Cli huge = Cli.run("check-grid", "--finer", "8");

        assertThat(one.code).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(one.err).contains("--finer = 1 is invalid");
        assertThat(tolerance.code).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(tolerance.err).contains("--tolerance = 0.0 % is invalid");
        assertThat(huge.code).as(huge.toString()).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(huge.err).contains("more than 4000000");
        assertThat(huge.out).doesNotContain("cells,");
    }
}
