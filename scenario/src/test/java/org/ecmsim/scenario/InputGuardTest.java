package org.ecmsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Hard limits on what a scenario file may be, and the warnings for valid but questionable settings. */
class InputGuardTest {

    @TempDir
    Path tmp;

    private static String error(String yaml) {
        try {
            ScenarioParser.parse(yaml, "s.yaml");
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContainPattern("java\\.|Exception");
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    private static List<String> warnings(String yaml) {
        return ScenarioParser.parse(yaml, "s.yaml").warnings();
    }

    @Test
    void deepNestingIsOneLineNotAStackOverflow() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThat(error("tip: " + deep + "\n")).contains("nested more than " + ScenarioParser.MAX_NESTING);
        assertThat(error("unknown_key: " + deep + "\n")).contains("nested more than");
        assertThat(error("tip: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000) + "\n")).contains("nested more than");
        StringBuilder block = new StringBuilder();
        for (int d = 0; d < 200; d++) {
            block.append(" ".repeat(d)).append("k").append(d).append(":\n");
        }
        assertThat(error(block.toString())).contains("nested more than");
    }

    @Test
    void longValuesAreRefusedAndEchoedValuesShortened() {
        String huge = "1".repeat(1_000_000);
        String m = error("skin: {age: " + huge + " y}\n");
        assertThat(m).contains("a value of 1000002 characters", "at most 1000").hasSizeLessThan(300);
        assertThat(error("skin: {age: " + "9".repeat(900) + " y}\n")).hasSizeLessThan(300).contains("…");
        assertThat(error("x".repeat(ScenarioParser.MAX_FILE_BYTES + 1))).contains("larger than 1024 KiB");
    }

    @Test
    void hugeWholeNumbersAreOutOfRange() {
        assertThat(error("tip: {rows: 99999999999999999999}\n")).contains("99999999999999999999 is out of range",
                "valid range 1–20");
        assertThat(error("tip: {rows: 7.5}\n")).contains("is not a whole number");
        assertThat(error("skin: {age: 1e400 y}\n")).contains("out of range");
    }

    @Test
    void invisibleCharactersAreShown() {
        assertThat(error("tip: {pitch: 1\u00a0mm}\n")).contains("'1<U+00A0>mm'", "invisible");
        assertThat(error("tip: {pattern: \"checker\u200bboard\"}\n")).contains("checker<U+200B>board");
        assertThat(error("ski\u00a0n: {}\n")).contains("unknown key 'ski<U+00A0>n'");
    }

    @Test
    void onlyRegularFilesOfBoundedSize() throws IOException {
        assertThatThrownBy(() -> ScenarioParser.parse(tmp)).hasMessageEndingWith(": is a folder, not a scenario file");
        assertThatThrownBy(() -> ScenarioParser.parse(tmp.resolve("none.yaml"))).hasMessageEndingWith("no such file");
        Path big = tmp.resolve("big.yaml");
        Files.write(big, new byte[ScenarioParser.MAX_FILE_BYTES + 10]);
        assertThatThrownBy(() -> ScenarioParser.parse(big)).hasMessageContaining("larger than 1024 KiB");
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "skin:\n  age: 50 y # \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioParser.parse(latin1)).hasMessageContaining("latin1.yaml:2: not UTF-8 text")
                .hasMessageContaining("0xE9");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devicesAreRefusedAtOnce() {
        assertThatThrownBy(() -> ScenarioParser.parse(Path.of("/dev/zero"))).isInstanceOf(ScenarioException.class)
                .hasMessage("/dev/zero: not a regular file (a device, pipe or socket); give a scenario file (YAML"
                        + " text)");
    }

    @Test
    void kelvinIsAcceptedForTemperatures() {
        Scenario s = ScenarioParser.parse("safety: {epidermis_limit: 316.15 K, fat_limit: 45 °C}\n", "s.yaml");
        assertThat(s.safety().epidermisLimit()).isEqualTo(316.15);
        assertThat(s.safety().fatLimit()).isEqualTo(Units.celsiusToKelvin(45));
        assertThat(error("safety: {epidermis_limit: 300 K}\n")).contains("out of range; valid range 37 C – 100 C");
    }

    @Test
    void questionableSetupsWarn() {
        assertThat(warnings("tip: {rows: 2, columns: 2}\n")).singleElement().asString()
                .contains("2 x 2 tip has no interior needle", "edge needles are not simulated");
        assertThat(warnings("treatment:\n  passes:\n    - depth: 0.3 mm\n")).singleElement().asString()
                .contains("s.yaml:3:", "sticks out of the skin", "epidermis");
        assertThat(warnings("treatment:\n  passes:\n    - depth: 0.6 mm\n")).singleElement().asString()
                .contains("papillary dermis", "at least 0.78 mm");
        assertThat(warnings("treatment:\n  passes:\n    - drive:\n")).singleElement().asString()
                .contains("drive is empty", "30 mJ");
        assertThat(warnings("numerics: {cell_size: 125 um}\n")).singleElement().asString()
                .contains("epidermis (80 um) is thinner than one cell", "cell_size = 125 um", "at most 80 um",
                        "a whole cell layer stands for it");
        assertThat(warnings("numerics: {cell_size: 200 um}\n")).singleElement().asString()
                .contains("epidermis (80 um) is thinner than one cell", "no cell centre falls in it");
        assertThat(warnings(ScenarioTemplate.text())).isEmpty();
    }

    @Test
    void vtiEncodingDefaultsToBinary() {
        assertThat(ScenarioParser.parse("", "s.yaml").output().vtiEncoding()).isEqualTo(Scenario.VtiEncoding.BINARY);
        assertThat(ScenarioParser.parse("output: {vti_encoding: compressed}\n", "s.yaml").output().vtiEncoding())
                .isEqualTo(Scenario.VtiEncoding.COMPRESSED);
        assertThat(error("output: {vti_encoding: zip}\n")).contains("binary | compressed | base64 | ascii");
    }
}
