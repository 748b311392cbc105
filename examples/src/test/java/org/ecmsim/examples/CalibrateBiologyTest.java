package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecmsim.biology.BiologyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default biology parameters reproduce the calibration recorded in docs/validation.md ("Biology: calibration
 * against published time courses", printed by {@code java -cp examples/target/examples.jar
 * org.ecmsim.examples.CalibrateBiology --check}). A change to the model or its defaults that moves the objective or a
 * target fails here and must be recalibrated and documented.
 */
class CalibrateBiologyTest {

    @TempDir
    Path tmp;

    @Test
    void checkModeEvaluatesTheDefaultsAgainstEveryTarget() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = CalibrateBiology.run(new String[] {"--check", "--out", tmp.toString()}, out, System.err);
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(code).isZero();
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            assertThat(text).contains(t.id());
        }
        assertThat(tmp.resolve(CalibrateBiology.CHART)).exists();
    }

    @Test
    void atLeastTenQuantitativeTargetsWithSources() {
        assertThat(CalibrationTargets.ALL).hasSizeGreaterThanOrEqualTo(10);
        for (CalibrationTargets.Target t : CalibrationTargets.ALL) {
            assertThat(t.low()).as(t.id()).isLessThanOrEqualTo(t.high());
            assertThat(t.central()).as(t.id()).isBetween(t.low(), t.high());
            assertThat(t.source()).as(t.id()).isNotBlank();
            assertThat(t.weight()).as(t.id()).isPositive();
        }
    }

    @Test
    void missIsTheLogRatioToTheNearestEndOfTheRange() {
        CalibrationTargets.Target t = CalibrationTargets.ALL.get(0);
        assertThat(t.miss(15)).isZero();
        assertThat(t.miss(24)).isCloseTo(Math.log(24.0 / 18), within(1e-12));
        assertThat(t.miss(6)).isCloseTo(Math.log(6.0 / 12), within(1e-12));
        assertThat(t.miss(Double.NaN)).isNaN();
    }

    @Test
    void fittedParametersRoundTrip() {
        BiologyParameters d = BiologyParameters.defaults();
        double[] zero = new double[FittedParameters.values().length];
        BiologyParameters same = FittedParameters.apply(d, zero);
        for (FittedParameters f : FittedParameters.values()) {
            assertThat(f.printed(same)).as(f.label()).isCloseTo(f.printed(d), within(1e-12 * f.printed(d)));
        }
        double[] x = zero.clone();
        x[FittedParameters.MMP_FROM_WOUND.ordinal()] = Math.log(2);
        assertThat(FittedParameters.MMP_FROM_WOUND.printed(FittedParameters.apply(d, x)))
                .isCloseTo(2 * FittedParameters.MMP_FROM_WOUND.printed(d), within(1e-12));
    }

    @Test
    void parabolicPeakFindsTheVertex() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 5 - (x[i] - 2.3) * (x[i] - 2.3);
        }
        double[] p = BiologyProbe.parabolicPeak(x, y);
        assertThat(p[0]).isCloseTo(2.3, within(1e-12));
        assertThat(p[1]).isCloseTo(5, within(1e-12));
    }
}
