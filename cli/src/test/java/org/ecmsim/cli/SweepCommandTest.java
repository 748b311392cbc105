package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecmsim sweep} end to end on a small 2 × 2 thermal-only grid at coarse resolution. */
class SweepCommandTest {

    static final String STUDY = """
            scenario:
              numerics: {cell_size: 100 um}
              treatment: {sessions: 1, follow_up: 2 d}
            vary:
              - key: treatment.passes[0].drive.energy_per_pin
                values: [20 mJ, 30 mJ]
              - key: treatment.passes[0].conduction
                values: [50 ms, 100 ms]
            constraints: [{metric: epidermis_margin_C, min: 0}]
            objectives: [{metric: smooth_lesion_volume_mm3, direction: max}, {metric: fat_margin_C}]
            """;

    @Test
    void runsAStudyAndWritesEveryOutputThenResumesWithoutRunningAgain(@TempDir Path dir) throws Exception {
        Path study = dir.resolve("map.yaml");
        Files.writeString(study, STUDY);
        Path out = dir.resolve("out");
        Cli c = Cli.run("sweep", study.toString(), "--out", out.toString(), "--parallel", "2");
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.err).contains("runs 4/4");
        for (String f : new String[] {"runs.csv", "sensitivity.csv", "pareto.csv", "optimum.yaml", "study.json",
            "pareto.png", "response_2d.png", "report.html"}) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(5);
        // optimum.yaml is a scenario 'ecmsim run' accepts
        assertThat(org.ecmsim.scenario.ScenarioParser.parse(out.resolve("optimum.yaml")).treatment().passes().get(0)
                .conductionTime()).isPositive();
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        Cli again = Cli.run("sweep", study.toString(), "--out", out.toString(), "--resume", "--parallel", "1");
        assertThat(again.out).contains("4 runs (0 run now, 4 reused");
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(runs);
    }

    @Test
    void dryRunPrintsTheDesignAndBadStudiesGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path study = dir.resolve("map.yaml");
        Files.writeString(study, STUDY);
        Cli c = Cli.run("sweep", study.toString(), "--dry-run");
        assertThat(c.code).isZero();
        assertThat(c.out).contains("4 runs").contains("index,id,treatment.passes[0].drive.energy_per_pin [mJ]");
        Files.writeString(study, STUDY.replace("values: [20 mJ, 30 mJ]", "values: [20 mJ, 300 mJ]"));
        Cli bad = Cli.run("sweep", study.toString(), "--dry-run");
        assertThat(bad.code).isEqualTo(Ecmsim.BAD_INPUT);
        assertThat(bad.err.strip()).contains("300 mJ is out of range; valid range 0 mJ – 100 mJ")
                .doesNotContain("\n");
    }
}
