package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Json}, the writer of summary.json: every output is checked by a strict JSON reader ({@link StrictJson}) and
 * read back to the values written, within the documented 12-significant-digit rounding.
 */
class JsonTest {

    /** Rounding to 12 significant digits changes a value by at most half a unit in the 12th digit: 5e-12. */
    private static final double TWELVE_DIGITS = 5e-12;

    private static Object roundTrip(Object value) {
        String text = Json.write(value);
        assertThat(text).endsWith("\n");
        return StrictJson.parse(text);
    }

    /** Quotes, backslashes, every control character, and non-ASCII text come back unchanged. */
    @Test
    void stringsAreEscapedAndReadBackUnchanged() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        List<String> samples = List.of("plain", "", "say \"hi\"", "back\\slash \\\" both", "tab\tnew\nline\rcr",
                controls.toString(), "µm Ω °C ü — ≥ 😀", "</script><b>&amp;</b>", "\u007f\u2028\u2029");
        for (String s : samples) {
            assertThat(roundTrip(s)).as("%s", s).isEqualTo(s);
        }
        assertThat(Json.write("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"\n");
        // keys are escaped the same way
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key \"quoted\"\n", 1);
        assertThat(roundTrip(m)).isEqualTo(Map.of("key \"quoted\"\n", 1.0));
    }

    /** NaN and ±∞ (not JSON numbers) become null, in scalars and in double[]; −0.0 is written as 0. */
    @Test
    void nonFiniteNumbersAreNullAndNegativeZeroIsZero() {
        assertThat(Json.write(Double.NaN)).isEqualTo("null\n");
        assertThat(Json.write(Double.POSITIVE_INFINITY)).isEqualTo("null\n");
        assertThat(Json.write(Float.NEGATIVE_INFINITY)).isEqualTo("null\n");
        assertThat(roundTrip(new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY, -2}))
                .isEqualTo(Arrays.asList(1.5, null, null, -2.0));
        assertThat(Json.write(-0.0)).isEqualTo("0\n");
        assertThat(Json.write(0.0)).isEqualTo("0\n");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("null", null);
        m.put("flag", false);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("nan", null);
        expected.put("null", null);
        expected.put("flag", false);
        assertThat(roundTrip(m)).isEqualTo(expected);
    }

    /** Integral values are written without a fraction, integers as integers, also beyond 2⁵³. */
    @Test
    void integersAndIntegralDoublesHaveNoFraction() {
        assertThat(Json.write(3)).isEqualTo("3\n");
        assertThat(Json.write(-7L)).isEqualTo("-7\n");
        assertThat(Json.write(9007199254740993L)).isEqualTo("9007199254740993\n"); // 2⁵³ + 1, exact as a long
        assertThat(Json.write(2.0)).isEqualTo("2\n");
        assertThat(Json.write(-250.0)).isEqualTo("-250\n");
        assertThat(Json.write(49.99999999999999)).as("unit-conversion noise is rounded away").isEqualTo("50\n");
        assertThat(Json.write(0.1)).isEqualTo("0.1\n");
        assertThat(Json.write(1e20)).as("1e20 is past the integer range written as digits").isEqualTo("1.0E20\n");
        assertThat(Json.write(true)).isEqualTo("true\n");
    }

    /**
     * Doubles over 40 decades, both signs: the text is a valid JSON number whose value is the input rounded to 12
     * significant digits, within 5e-12 relative of the input.
     */
    @Test
    void doublesRoundTripToTwelveSignificantDigits() {
        SplittableRandom rng = new SplittableRandom(2024);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            double v = Math.pow(10, rng.nextDouble(-20, 20)) * (1 + rng.nextDouble());
            values[i] = rng.nextBoolean() ? v : -v;
        }
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("array", values);
        m.put("list", list);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) roundTrip(m);
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) back.get("array");
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) back.get("list");
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            double expected = new BigDecimal(v).round(new MathContext(12)).doubleValue();
            assertThat((Double) a.get(i)).as("value %s", v).isEqualTo(expected);
            assertThat((Double) l.get(i)).as("value %s", v).isEqualTo(expected);
            worst = Math.max(worst, Math.abs((Double) a.get(i) / v - 1));
        }
        System.out.printf("Json: largest relative change of %d doubles: %.2e%n", values.length, worst);
        assertThat(worst).isLessThanOrEqualTo(TWELVE_DIGITS);
        // every number text is valid JSON: no "NaN", "Infinity", leading "+" or bare "."
        for (String text : StrictJson.reader(Json.write(m)).numberTexts) {
            assertThat(text).doesNotContain("NaN", "Infinity").doesNotStartWith("+");
        }
    }

    /** Maps keep their order, lists and arrays nest, empty containers are {} and []. */
    @Test
    void nestedStructuresAreValidAndKeepTheirOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of("x", 2, true));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("second", List.of(inner, List.of(), Map.of(), new double[0], List.of(List.of(1, 2), inner)));
        root.put("first", inner);
        root.put("empty", new LinkedHashMap<>());
        Object back = roundTrip(root);
        assertThat(back).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) back;
        assertThat(m.keySet()).containsExactly("second", "first", "empty");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) m.get("first");
        assertThat(first.keySet()).containsExactly("z", "a");
        assertThat(first.get("a")).isEqualTo(List.of("x", 2.0, true));
        @SuppressWarnings("unchecked")
        List<Object> second = (List<Object>) m.get("second");
        assertThat(second).hasSize(5);
        assertThat(second.get(0)).isEqualTo(first);
        assertThat(second.get(1)).isEqualTo(List.of());
        assertThat(second.get(2)).isEqualTo(Map.of());
        assertThat(second.get(3)).isEqualTo(List.of());
        assertThat(second.get(4)).isEqualTo(List.of(List.of(1.0, 2.0), first));
        assertThat(m.get("empty")).isEqualTo(Map.of());
        assertThat(Json.write(Map.of())).isEqualTo("{}\n");
        assertThat(Json.write(List.of())).isEqualTo("[]\n");
    }

    @Test
    void unsupportedValuesAreRefused() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write class java.lang.Object");
        assertThatThrownBy(() -> Json.write(List.of(new int[] {1}))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The reader used above does reject what is not JSON, so the checks above can fail. */
    @Test
    void theStrictReaderRejectsInvalidJson() {
        for (String bad : new String[] {"NaN", "[1,]", "{\"a\":1,}", "01", "\"a\nb\"", "[1] x", "{a:1}", "1.",
            "-", "\"\\x\"", "{\"a\":1,\"a\":2}", "+1", ".5", "[Infinity]"}) {
            assertThatThrownBy(() -> StrictJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StrictJson.parse(" {\"a\": [1.5e-3, -0, true, null, \"\\u00b5\"]} ")).isEqualTo(
                Map.of("a", Arrays.asList(1.5e-3, -0.0, true, null, "µ")));
    }
}
