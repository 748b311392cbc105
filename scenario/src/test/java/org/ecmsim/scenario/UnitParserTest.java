package org.ecmsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecmsim.scenario.UnitParser.Dimension;
import org.ecmsim.scenario.UnitParser.UnitException;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** Every unit a scenario may use, converted exactly as core's {@link Units} converts, and every way to get it wrong. */
class UnitParserTest {

    @Test
    void lengths() {
        assertThat(UnitParser.parse("1.5 mm", Dimension.LENGTH)).isEqualTo(Units.mm(1.5));
        assertThat(UnitParser.parse("50 um", Dimension.LENGTH)).isEqualTo(Units.um(50));
        assertThat(UnitParser.parse("50 µm", Dimension.LENGTH)).isEqualTo(Units.um(50)); // micro sign U+00B5
        assertThat(UnitParser.parse("50 μm", Dimension.LENGTH)).isEqualTo(Units.um(50)); // Greek mu U+03BC
        assertThat(UnitParser.parse("0.002 m", Dimension.LENGTH)).isEqualTo(0.002);
        assertThat(UnitParser.parse("1.5mm", Dimension.LENGTH)).isEqualTo(Units.mm(1.5));
        assertThat(UnitParser.parse("  2e-1 mm ", Dimension.LENGTH)).isEqualTo(Units.mm(0.2));
        assertThat(UnitParser.parse(".5 mm", Dimension.LENGTH)).isEqualTo(Units.mm(0.5));
    }

    @Test
    void times() {
        assertThat(UnitParser.parse("100 ms", Dimension.TIME)).isEqualTo(Units.ms(100));
        assertThat(UnitParser.parse("2 s", Dimension.TIME)).isEqualTo(2.0);
        assertThat(UnitParser.parse("6 min", Dimension.TIME)).isEqualTo(6 * Units.MINUTE);
        assertThat(UnitParser.parse("2 h", Dimension.TIME)).isEqualTo(2 * Units.HOUR);
        assertThat(UnitParser.parse("28 d", Dimension.TIME)).isEqualTo(28 * Units.DAY);
    }

    @Test
    void powerEnergyVoltageTemperatureAge() {
        assertThat(UnitParser.parse("20 W", Dimension.POWER)).isEqualTo(20.0);
        assertThat(UnitParser.parse("30 mJ", Dimension.ENERGY)).isEqualTo(Units.mJ(30));
        assertThat(UnitParser.parse("0.03 J", Dimension.ENERGY)).isEqualTo(0.03);
        assertThat(UnitParser.parse("40 V", Dimension.VOLTAGE)).isEqualTo(40.0);
        assertThat(UnitParser.parse("37 C", Dimension.TEMPERATURE)).isEqualTo(Units.celsiusToKelvin(37));
        assertThat(UnitParser.parse("43 °C", Dimension.TEMPERATURE)).isEqualTo(Units.celsiusToKelvin(43));
        assertThat(UnitParser.parse("-5 C", Dimension.TEMPERATURE)).isEqualTo(Units.celsiusToKelvin(-5));
        assertThat(UnitParser.parse("50 y", Dimension.AGE)).isEqualTo(50.0);
    }

    @Test
    void convertsBackForReports() {
        assertThat(Dimension.LENGTH.fromSi(Units.mm(1.5), "mm")).isEqualTo(1.5);
        assertThat(Dimension.TEMPERATURE.fromSi(Units.celsiusToKelvin(43), "C")).isEqualTo(43.0, org.assertj.core.api
                .Assertions.within(1e-12));
        assertThat(Dimension.TIME.fromSi(28 * Units.DAY, "d")).isEqualTo(28.0);
    }

    @Test
    void aNumberWithoutItsUnitIsRefusedWithAnExample() {
        assertThatThrownBy(() -> UnitParser.parse("1.5", Dimension.LENGTH)).isInstanceOf(UnitException.class)
                .hasMessage("'1.5' has no unit; a length takes mm, um (µm) or m, e.g. '1.5 mm'");
    }

    @Test
    void aUnitOfAnotherKindIsNamed() {
        assertThatThrownBy(() -> UnitParser.parse("30 mm", Dimension.ENERGY))
                .hasMessage("'30 mm' has the unit 'mm', which is not a unit of energy ('mm' is a unit of length);"
                        + " use mJ or J");
        assertThatThrownBy(() -> UnitParser.parse("100 mJ", Dimension.TIME)).hasMessageContaining("ms, s, min, h or d");
    }

    @Test
    void aWrongCaseGetsAHint() {
        assertThatThrownBy(() -> UnitParser.parse("30 mj", Dimension.ENERGY))
                .hasMessageContaining("(did you mean 'mJ'?)");
        assertThatThrownBy(() -> UnitParser.parse("2 H", Dimension.TIME)).hasMessageContaining("(did you mean 'h'?)");
    }

    @Test
    void unknownUnitsAndGarbageAreRefused() {
        assertThatThrownBy(() -> UnitParser.parse("1 km", Dimension.LENGTH))
                .hasMessageContaining("'km', which is not a unit of length; use mm, um (µm) or m");
        assertThatThrownBy(() -> UnitParser.parse("K 37", Dimension.TEMPERATURE))
                .hasMessageContaining("is not a number with a unit");
        assertThatThrownBy(() -> UnitParser.parse("", Dimension.TIME)).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> UnitParser.parse("1 2 ms", Dimension.TIME)).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> UnitParser.parse("310 F", Dimension.TEMPERATURE))
                .hasMessageContaining("use C (°C) or K");
    }

    @Test
    void kelvinIsATemperatureUnit() {
        assertThat(UnitParser.parse("316.15 K", Dimension.TEMPERATURE)).isEqualTo(316.15);
        assertThat(UnitParser.parse("0 K", Dimension.TEMPERATURE)).isEqualTo(0.0);
        assertThat(Dimension.TEMPERATURE.fromSi(316.15, "K")).isEqualTo(316.15);
        assertThat(Dimension.TEMPERATURE.accepted()).isEqualTo("C (°C) or K");
    }

    @Test
    void echoedValuesAreShortAndShowInvisibleCharacters() {
        assertThatThrownBy(() -> UnitParser.parse("1\u00a0mm", Dimension.LENGTH))
                .hasMessageContaining("'1<U+00A0>mm' has the unit '<U+00A0>mm'")
                .hasMessageContaining("invisible or special character");
        String longValue = "1" + "0".repeat(5000) + " parsecs";
        assertThatThrownBy(() -> UnitParser.parse(longValue, Dimension.LENGTH))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400))
                .hasMessageContaining("… (5009 characters)");
        assertThat(UnitParser.show("a\tb\u200bc")).isEqualTo("a<U+0009>b<U+200B>c");
    }

    @Test
    void formatsNumbersCompactly() {
        assertThat(UnitParser.format(28.0)).isEqualTo("28");
        assertThat(UnitParser.format(1.5)).isEqualTo("1.5");
        assertThat(UnitParser.format(0.05)).isEqualTo("0.05");
        assertThat(UnitParser.format(1.2e-5)).isEqualTo("1.2e-05");
    }
}
