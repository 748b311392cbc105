package org.ecmsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecmsim.simulation.course.RemodellingResult;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example mains' command line: bad arguments print what is wrong and the usage line and exit with 2, without a
 * stack trace; and each example draws its chart as a PNG and says where.
 */
class ExampleCommandLineTest {

    @TempDir
    Path tmp;

    /** What a main printed and returned. */
    private record Run(int code, String out, String err) {
    }

    @FunctionalInterface
    private interface Main {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run run(Main main, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertUsage(Run r, String name, String problem) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith(name + ": ").contains(problem, "Usage: " + name)
                .doesNotContain("Exception", "\tat ");
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badArgumentsGiveTheUsageLineAndExitCode2() {
        assertUsage(run(BipolarPulse::run, "abc"), "BipolarPulse", "'abc' is not a number");
        assertUsage(run(BipolarPulse::run, "30", "5"), "BipolarPulse", "cell size (um) '5' is out of range");
        assertUsage(run(NeedleHeating::run, "1"), "NeedleHeating", "out of range; valid range 20-200");
        assertUsage(run(EnergySweep::run, "33"), "EnergySweep", "33 um does not divide the 1 mm pitch");
        assertUsage(run(ThreeSessions::run, "5"), "ThreeSessions", "age (years) '5' is out of range");
        assertUsage(run(AgingComparison::run, "3"), "AgingComparison", "takes no numbers");
        assertUsage(run(CalibrateBiology::run, "2.5"), "CalibrateBiology", "not a whole number");
        assertUsage(run(NeedleHeating::run, "--frob"), "NeedleHeating", "unknown option --frob");
        assertUsage(run(NeedleHeating::run, "40", "--out"), "NeedleHeating", "--out needs a folder");
        assertUsage(run(NeedleHeating::run, "40", "50"), "NeedleHeating", "takes at most 1 number");
        Run help = run(EnergySweep::run, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: EnergySweep");
    }

    @Test
    void aRunWritesItsChartWhereAskedAndSaysWhere() throws IOException {
        Path dir = tmp.resolve("charts");
        Run r = run(NeedleHeating::run, "100", "--out", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path chart = dir.resolve(NeedleHeating.CHART);
        assertThat(r.out()).contains("Heat budget", "Chart: " + chart.toAbsolutePath().normalize());
        assertPng(chart);
    }

    @Test
    void everyExampleDrawsAPng() throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        RfTreatmentResult pulse = BipolarPulse.run(10, Units.um(100), quiet);
        assertPng(BipolarPulse.chart(pulse, tmp.resolve(BipolarPulse.CHART)));
        double[] energies = {5, 20};
        List<RfTreatmentResult> sweep = EnergySweep.run(energies, Units.um(125), quiet);
        assertPng(EnergySweep.chart(energies, sweep, tmp.resolve(EnergySweep.CHART)));
        RemodellingResult course = ThreeSessions.run(50, Units.um(125), 3, quiet);
        assertPng(ThreeSessions.chart(course, tmp.resolve(ThreeSessions.CHART)));
        assertPng(AgingComparison.chart(new double[] {25, 65}, new double[] {2e-6, 1e-6},
                tmp.resolve(AgingComparison.CHART)));
        double[] misses = new double[CalibrationTargets.ALL.size()];
        misses[0] = 0.3;
        misses[1] = Double.NaN;
        assertPng(CalibrateBiology.chart(misses, new double[misses.length], tmp.resolve(CalibrateBiology.CHART)));
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(ExampleChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ExampleChart.HEIGHT);
    }
}
