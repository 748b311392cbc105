package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecmsim.scenario.Scenario;
import org.ecmsim.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, exit codes, bad input without stack traces, and the init round trip. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private static Path resource(String name) {
        try {
            return Path.of(CommandLineTest.class.getResource("/scenarios/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void helpAndVersionEverywhere() {
        Cli top = Cli.run("--help");
        assertThat(top.code).as(top.toString()).isZero();
        assertThat(top.out).contains("run", "init", "validate", "Exit codes:", "2   bad input");
        for (String sub : new String[] {"run", "init", "validate"}) {
            Cli help = Cli.run(sub, "--help");
            assertThat(help.code).as(help.toString()).isZero();
            assertThat(help.out).contains("Usage: ecmsim " + sub);
        }
        Cli version = Cli.run("--version");
        assertThat(version.code).isZero();
        assertThat(version.out).startsWith("ecmsim ").contains("Java ");
        assertThat(Cli.run("help", "run").out).contains("--threads");
    }

    @Test
    void usageErrorsExitWith2() {
        Cli unknown = Cli.run("frobnicate");
        assertThat(unknown.code).as(unknown.toString()).isEqualTo(2);
        Cli option = Cli.run("run", "--no-such-option");
        assertThat(option.code).isEqualTo(2);
        assertThat(option.err).contains("Unknown option");
        Cli threads = Cli.run("run", "--threads", "-1", "--out", tmp.resolve("x").toString());
        assertThat(threads.code).isEqualTo(2);
        assertThat(threads.err).contains("--threads = -1 is invalid");
        Cli negative = Cli.run("validate", "--threads", "-1");
        assertThat(negative.code).isEqualTo(2);
        assertThat(negative.err).contains("--threads = -1 is invalid; give 0 (one per processor) to 256");
        for (String sub : new String[] {"run", "validate"}) {
            Cli many = Cli.run(sub, "--threads", "100000");
            assertThat(many.code).as(many.toString()).isEqualTo(2);
            assertThat(many.err).contains("--threads = 100000 is invalid; give 0 (one per processor) to 256")
                    .doesNotContain("Exception");
        }
        Cli tooMany = Cli.run("validate", "--threads", "300");
        assertThat(tooMany.code).isEqualTo(2);
        Cli notANumber = Cli.run("validate", "--threads", "many");
        assertThat(notANumber.code).isEqualTo(2);
    }

    @Test
    void failuresAreDescribedWithoutJavaClassNames() {
        assertThat(Ecmsim.describe(new java.nio.file.AccessDeniedException("out/a.png")))
                .isEqualTo("permission denied: out/a.png");
        assertThat(Ecmsim.describe(new java.io.IOException("java.nio.file.AccessDeniedException: /x")))
                .isEqualTo("/x");
        assertThat(Ecmsim.describe(new IllegalArgumentException())).isEqualTo("an internal error (illegal argument)");
        assertThat(Ecmsim.describe(new java.io.UncheckedIOException(new java.nio.file.FileSystemException("r.vti",
                null, "No space left on device")))).isEqualTo("no space left on device: r.vti");
        assertThat(Ecmsim.plain("a\nb in org.ecmsim.grid.Grid3D")).isEqualTo("a b in org.ecmsim.grid.Grid3D");
    }

    @Test
    void warningsGoToStandardErrorAndSummaryJson() throws java.io.IOException {
        Path file = tmp.resolve("w.yaml");
        Files.writeString(file, "tip: {rows: 2, columns: 2}\ntreatment: {sessions: 1, follow_up: 1 d}\n"
                + "numerics: {cell_size: 125 um}\noutput: {vti: false}\n");
        Path out = tmp.resolve("w");
        Cli run = Cli.run("run", file.toString(), "--out", out.toString(), "-q");
        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.err).contains("ecmsim: warning: " + file + ":1:13: a 2 x 2 tip has no interior needle",
                "ecmsim: warning: " + file + ":3:23: the epidermis (80 um) is thinner than one cell");
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"warnings\": [", "2 x 2 tip has no interior needle");
    }

    @Test
    void invalidScenariosExitWith2WithFileLineAndRangeAndNoStackTrace() {
        String[][] cases = {
            {"unknown-key.yaml", ":7:5: unknown key 'dept' in tip.needle (did you mean 'depth'?); the keys here"
                + " are diameter, depth, exposed"},
            {"bad-unit.yaml", ":5:25: treatment.passes[0].drive.energy_per_pin: '30 mm' has the unit 'mm',"
                + " which is not a unit of energy ('mm' is a unit of length); use mJ or J (valid range 0 mJ – 100"
                + " mJ)"},
            {"out-of-range.yaml", ":3:12: tip.needle.depth = 7 mm is out of range; valid range 0.2 mm – 5 mm"},
            {"no-unit.yaml", ":4:19: treatment.passes[0].conduction: '100' has no unit; a time takes ms, s, min, h"
                + " or d, e.g. '100 ms' (valid range 1 ms – 2 s)"},
        };
        for (String[] c : cases) {
            Path file = resource(c[0]);
            Cli r = Cli.run("run", file.toString(), "--out", tmp.resolve("never").toString());
            assertThat(r.code).as(r.toString()).isEqualTo(2);
            assertThat(r.err).as(c[0]).isEqualTo("ecmsim: invalid scenario: " + file + c[1] + System.lineSeparator());
            assertThat(r.err).doesNotContain("Exception", "\tat ");
        }
        Cli missing = Cli.run("run", tmp.resolve("nope.yaml").toString());
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("nope.yaml: no such file");
    }

    @Test
    void outputFolderThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Cli r = Cli.run("run", resource("tiny.yaml").toString(), "--out", file.toString());
        assertThat(r.code).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("is a file, not a folder");
    }

    @Test
    void initWritesTheDefaultScenarioWhichParsesBackToTheDefaults() throws Exception {
        Path file = tmp.resolve("sub/default.yaml");
        Cli r = Cli.run("init", file.toString());
        assertThat(r.code).as(r.toString()).isZero();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(ScenarioParser.parse(file)).isEqualTo(Scenario.defaults());
        // fully commented: every key with a unit/range line and a source or meaning line above it
        assertThat(text).contains("age: 50 y", "energy_per_pin: 30 mJ", "# power: 20 W", "cell_size: 50 um",
                "# unit: mm, um (µm) or m; default 1.5 mm; range 0.2 mm – 5 mm", "Branchet", "Seo et al.",
                "Sapareto");
        Cli again = Cli.run("init", file.toString());
        assertThat(again.code).isEqualTo(2);
        assertThat(again.err).contains("exists; use --force");
        assertThat(Cli.run("init", file.toString(), "--force").code).isZero();
        Cli stdout = Cli.run("init");
        assertThat(stdout.out).isEqualTo(text);
    }
}
