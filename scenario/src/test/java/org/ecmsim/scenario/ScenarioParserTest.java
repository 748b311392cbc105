package org.ecmsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Reading scenarios: defaults, every kind of value, and one clear located message for each kind of mistake. */
class ScenarioParserTest {

    private static Scenario parse(String yaml) {
        return ScenarioParser.parse(yaml, "s.yaml");
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void anEmptyFileIsTheDefaultScenarioWithAWarning() {
        for (String empty : List.of("", "# only a comment\n", "---\n")) {
            Scenario s = parse(empty);
            assertThat(s.withWarnings(List.of())).isEqualTo(Scenario.defaults());
            assertThat(s.warnings()).singleElement().asString().contains("no settings", "built-in default");
        }
        assertThat(parse("skin:\ntip:\n")).isEqualTo(Scenario.defaults());
    }

    @Test
    void readsEveryKindOfValue() {
        Scenario s = parse("""
                skin: {age: 65 y, aged_layers: true}
                tip:
                  rows: 5
                  columns: 6
                  pitch: 1.2 mm
                  pattern: checkerboard
                  needle: {diameter: 300 um, depth: 2 mm, exposed: 2 mm}
                treatment:
                  sessions: 2
                  interval: 4 d
                  passes:
                    - depth: 2 mm
                      drive: {power: 20 W}
                      conduction: 50 ms
                      pulses: 2
                      pulse_interval: 20 ms
                      cooling: 1 s
                    - depth: 1 mm
                      drive: {voltage: 40 V}
                  follow_up: 10 d
                numerics: {cell_size: 100 um, biology_step: 30 min, threads: 1}
                output: {sample_every: 12 h, snapshot_days: [10 d, 2 d], vti: false}
                safety: {epidermis_limit: 44 °C, fat_limit: 45 C}
                """);
        assertThat(s.skin()).isEqualTo(new Scenario.Skin(65, true));
        assertThat(s.tip()).isEqualTo(new Scenario.Tip(5, 6, Units.mm(1.2), ElectrodeArray.Pattern.CHECKERBOARD,
                Units.um(300), Units.mm(2), Units.mm(2)));
        assertThat(s.treatment().sessions()).isEqualTo(2);
        assertThat(s.treatment().interval()).isEqualTo(4 * Units.DAY);
        assertThat(s.treatment().passes()).hasSize(2);
        assertThat(s.treatment().passes().get(0).drive()).isEqualTo(new Drive.ConstantPower(20));
        assertThat(s.treatment().passes().get(0).pulses()).isEqualTo(2);
        assertThat(s.treatment().passes().get(0).pulseInterval()).isEqualTo(Units.ms(20));
        assertThat(s.treatment().passes().get(0).coolingTime()).isEqualTo(1.0);
        assertThat(s.treatment().passes().get(1).drive()).isEqualTo(new Drive.ConstantVoltage(40));
        assertThat(s.treatment().passes().get(1).conductionTime()).isEqualTo(Units.ms(100)); // default
        assertThat(s.numerics()).isEqualTo(new Scenario.Numerics(Units.um(100), 30 * Units.MINUTE, 1));
        assertThat(s.output().sampleEvery()).isEqualTo(12 * Units.HOUR);
        assertThat(s.output().snapshotDaysInDays()).containsExactly(2, 10); // sorted
        assertThat(s.output().vti()).isFalse();
        assertThat(s.safety().epidermisLimit()).isEqualTo(Units.celsiusToKelvin(44));
    }

    @Test
    void defaultSnapshotsFollowTheFollowUp() {
        Scenario s = parse("treatment: {sessions: 2, follow_up: 40 d}");
        assertThat(s.output().snapshotDaysInDays()).containsExactly(7, 28, 40);
    }

    @Test
    void unknownKeyNamesFileLineColumnAndTheValidKeys() {
        assertThat(error("skin:\n  age: 50 y\ntip:\n  needle:\n    dept: 1.5 mm\n"))
                .isEqualTo("s.yaml:5:5: unknown key 'dept' in tip.needle (did you mean 'depth'?); the keys here are"
                        + " diameter, depth, exposed");
        assertThat(error("skins:\n  age: 50 y\n")).startsWith("s.yaml:1:1: unknown key 'skins' at the top level"
                + " (did you mean 'skin'?)");
    }

    @Test
    void wrongUnitNamesTheKeyTheValueTheUnitsAndTheRange() {
        assertThat(error("treatment:\n  passes:\n    - drive: {energy_per_pin: 30 mm}\n"))
                .isEqualTo("s.yaml:3:31: treatment.passes[0].drive.energy_per_pin: '30 mm' has the unit 'mm', which"
                        + " is not a unit of energy ('mm' is a unit of length); use mJ or J (valid range 0 mJ – 100"
                        + " mJ)");
    }

    @Test
    void missingUnit() {
        assertThat(error("numerics:\n  cell_size: 50\n")).isEqualTo("s.yaml:2:14: numerics.cell_size: '50' has no"
                + " unit; a length takes mm, um (µm) or m, e.g. '50 mm' (valid range 10 um – 250 um)");
    }

    @Test
    void outOfRangeGivesTheRange() {
        assertThat(error("tip:\n  needle:\n    depth: 7 mm\n"))
                .isEqualTo("s.yaml:3:12: tip.needle.depth = 7 mm is out of range; valid range 0.2 mm – 5 mm");
        assertThat(error("tip: {rows: 0}")).isEqualTo("s.yaml:1:13: tip.rows = 0 is out of range; valid range 1–20");
        assertThat(error("skin: {age: 12 y}")).contains("skin.age = 12 y is out of range; valid range 18 y – 100 y");
    }

    @Test
    void otherValueMistakes() {
        assertThat(error("tip: {rows: 7.5}")).isEqualTo("s.yaml:1:13: tip.rows = 7.5 is not a whole number;"
                + " valid range 1–20");
        assertThat(error("skin: {aged_layers: yes}")).contains("skin.aged_layers = yes is not a boolean");
        assertThat(error("tip: {pattern: rows}")).contains("tip.pattern = rows is not one of alternating_rows |"
                + " alternating_columns | checkerboard | monopolar");
        assertThat(error("skin:\n  age:\n")).isEqualTo("s.yaml:2:3: skin.age has no value; give an age like '50 y'"
                + " (y), valid range 18 y – 100 y");
        assertThat(error("skin: 50 y")).isEqualTo("s.yaml:1:7: skin must be a mapping of keys (age, aged_layers);"
                + " found '50 y'");
        assertThat(error("skin: {age: 50 y}\nskin: {age: 60 y}\n")).contains("s.yaml:2:1: skin is given twice");
        assertThat(error("treatment: {passes: []}")).contains("treatment.passes is empty");
    }

    @Test
    void checksAcrossKeys() {
        assertThat(error("treatment:\n  passes:\n    - drive: {power: 20 W, voltage: 40 V}\n"))
                .isEqualTo("s.yaml:3:14: treatment.passes[0].drive: give exactly one of energy_per_pin, power or"
                        + " voltage; found power and voltage");
        assertThat(error("numerics: {cell_size: 30 um}")).isEqualTo("s.yaml:1:23: numerics.cell_size = 30 um does"
                + " not divide tip.pitch = 1 mm into a whole number (>= 3) of cells (e.g. 25 um, 40 um, 50 um, 100"
                + " um, 125 um, 200 um, 250 um); valid range 10 um – 250 um");
        assertThat(error("treatment: {sessions: 3, interval: 28 d, follow_up: 30 d}")).isEqualTo("s.yaml:1:53:"
                + " treatment.follow_up = 30 d comes before the last session (day 56 = (sessions - 1) x interval);"
                + " make it at least that");
        assertThat(error("tip:\n  needle: {depth: 1 mm, exposed: 1.5 mm}\n")).startsWith("s.yaml:2:34:"
                + " tip.needle.exposed = 1.5 mm is longer than the needle depth 1 mm");
        assertThat(error("tip: {rows: 1, columns: 5}")).isEqualTo("s.yaml:1:13: tip: a bipolar array needs needles"
                + " of both polarities; all are +1 (use pattern: monopolar for a return-electrode tip)");
        assertThat(error("treatment:\n  passes:\n    - pulses: 3\n")).contains("pulse_interval = 0 ms");
        assertThat(error("treatment: {sessions: 1, follow_up: 7 d}\noutput: {snapshot_days: [1 d, 8 d]}"))
                .isEqualTo("s.yaml:2:31: output.snapshot_days[1] = 8 d is after treatment.follow_up = 7 d; valid"
                        + " range 0 d – follow_up");
        assertThat(error("numerics: {cell_size: 10 um}\ntip: {pitch: 5 mm}\n")).contains("thermal cells, more than");
    }

    @Test
    void biologyCellsCanBeCoarserThanTheThermalCells() {
        Scenario.Numerics n = parse("numerics: {cell_size: 25 um, biology_coarsening: 2}").numerics();
        assertThat(n.biologyCoarsening()).isEqualTo(2);
        assertThat(n.biologyCellSize()).isCloseTo(Units.um(50), within(1e-15));
        assertThat(parse("numerics: {cell_size: 25 um}").numerics().biologyCoarsening()).isEqualTo(1);
        // the simulation the scenario describes gets it: biology cells of 2 × 2 × 2 thermal cells
        var site = parse("numerics: {cell_size: 25 um, biology_coarsening: 2}")
                .toSimulation(org.ecmsim.parallel.ParallelExecutor.serial()).site(Units.mm(1.5));
        assertThat(site.coarsening()).isEqualTo(2);
        assertThat(site.biologyGrid().dx()).isCloseTo(Units.um(50), within(1e-15));
        assertThat(site.biologyGrid().nx() * 2).isEqualTo(site.thermalGrid().nx());
        assertThat(site.biologyGrid().nz() * 2).isEqualTo(site.thermalGrid().nz());
        // 20 cells of 50 um across the 1 mm pitch: 3 does not divide them
        assertThat(error("numerics: {cell_size: 50 um, biology_coarsening: 3}")).isEqualTo("s.yaml:1:50:"
                + " numerics.biology_coarsening = 3 does not divide the 20 cells across tip.pitch = 1 mm (cell_size"
                + " 50 um); use a divisor of 20 in the valid range 1–8");
        assertThat(error("numerics: {biology_coarsening: 9}")).contains("numerics.biology_coarsening = 9 is out of"
                + " range; valid range 1–8");
        assertThatThrownBy(() -> new Scenario.Numerics(Units.um(50), Units.HOUR, 0, Scenario.Domain.UNIT_CELL, true,
                0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numerics.biology_coarsening = 0");
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        assertThat(error("skin:\n  age: 50 y\n   aged_layers: true\n")).startsWith("s.yaml:3:").contains("not valid"
                + " YAML");
        assertThat(error("tip: [rows")).startsWith("s.yaml:").contains("not valid YAML");
    }

    @Test
    void theSchemaDefaultsAreTheDefaultScenario() {
        // every key's documented default parses, and a file that spells them all out is the default scenario
        for (Key k : ScenarioKeys.all()) {
            assertThat(k.doc()).as(k.path()).isNotBlank();
            if (k.kind() == Key.Kind.QUANTITY) {
                double v = UnitParser.parse(k.defaultText(), k.dimension());
                assertThat(v).as(k.path()).isBetween(k.minValue(), k.maxValue());
            }
        }
        assertThat(parse(ScenarioTemplate.text())).isEqualTo(Scenario.defaults());
        assertThat(Scenario.defaults().treatment().passes()).isEqualTo(List.of(
                org.ecmsim.protocol.RfPass.singlePulse(1.5, Drive.energyPerPinMillijoules(30), 100, 400)));
    }

    @Test
    void aPassWithoutADepthGoesToTheNeedleDepth() {
        Scenario s = parse("""
                tip: {needle: {depth: 2 mm}}
                treatment:
                  passes:
                    - {drive: {energy_per_pin: 10 mJ}}
                    - {depth: 1 mm, drive: {energy_per_pin: 10 mJ}}
                """);
        assertThat(s.treatment().passes().get(0).needleDepth()).isEqualTo(Units.mm(2));
        assertThat(s.treatment().passes().get(1).needleDepth()).isEqualTo(Units.mm(1));
    }

    @Test
    void outcomeRegionsAreRead() {
        Scenario s = parse("""
                outcomes: {rim_width: 100 um, biopsy_top: 0.1 mm, biopsy_bottom: 1 mm, stain_spread: 40 %}
                """);
        assertThat(s.outcomes().rimWidth()).isEqualTo(Units.um(100));
        assertThat(s.outcomes().biopsyBottom()).isEqualTo(Units.mm(1));
        assertThat(s.outcomes().stainSpread()).isCloseTo(0.4, within(1e-15));
        assertThat(parse("tip: {rows: 3}\n").outcomes().stainSpread()).isEqualTo(0.25);
        assertThat(error("outcomes: {stain_spread: 0 %}\n")).contains("outcomes.stain_spread");
        assertThat(error("outcomes: {biopsy_top: 1 mm, biopsy_bottom: 0.5 mm}\n"))
                .contains("outcomes.biopsy_bottom = 0.5 mm is not below outcomes.biopsy_top = 1 mm");
    }

    @Test
    void zeroEnergyIsMicroneedlingAlone() {
        Scenario s = parse("""
                treatment:
                  passes:
                    - {drive: {energy_per_pin: 0 mJ}}
                """);
        assertThat(s.treatment().passes().get(0).drive().isZero()).isTrue();
    }

    @Test
    void biologyRateConstantsAreScenarioKeysCheckedByTheirGroups() {
        Scenario s = ScenarioParser.parse("biology: {wound: {time: 1000000}, mmp: {time: 43200}}", "b.yaml");
        assertThat(s.biology()).containsExactly(java.util.Map.entry("wound.time", 1e6),
                java.util.Map.entry("mmp.time", 43200.0));
        assertThat(s.biologyParameters().wound().time()).isEqualTo(1e6);
        assertThat(s.toSimulation(org.ecmsim.parallel.ParallelExecutor.serial()).parameters())
                .isEqualTo(s.biologyParameters());
        assertThat(ScenarioParser.parse("tip: {rows: 5}", "d.yaml").biologyParameters())
                .isEqualTo(org.ecmsim.biology.BiologyParameters.defaults());
        assertThatThrownBy(() -> ScenarioParser.parse("biology: {wound: {tyme: 5}}", "b.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("b.yaml:1:19: unknown key 'tyme' in"
                        + " biology.wound");
        assertThatThrownBy(() -> ScenarioParser.parse("biology: {wond: {time: 5}}", "b.yaml"))
                .hasMessageContaining("unknown key 'wond' in biology");
        assertThatThrownBy(() -> ScenarioParser.parse("biology: {wound: {time: 3 d}}", "b.yaml"))
                .hasMessageContaining("biology.wound.time = '3 d' is not a number");
        assertThatThrownBy(() -> ScenarioParser.parse("biology: {wound: {time: -5}}", "b.yaml"))
                .hasMessageStartingWith("b.yaml:1:25: biology.wound.time = -5.0: ");
    }
}
