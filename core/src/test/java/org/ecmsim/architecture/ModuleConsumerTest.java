package org.ecmsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses ecmsim-core as a consumer would, on the module path: a module {@code requires org.ecmsim.core}, compiled with
 * javac against the built classes (with their {@code module-info}) and run in a separate JVM. The program is the
 * README's code snippet, taken from README.md as it stands, so the snippet cannot drift from the API. A second
 * consumer that imports an unexported package must not compile.
 */
class ModuleConsumerTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static final String IMPORTS = String.join("\n",
            "import org.ecmsim.grid.*;",
            "import org.ecmsim.tissue.*;",
            "import org.ecmsim.thermal.*;",
            "import org.ecmsim.simulation.thermal.*;",
            "import org.ecmsim.units.*;");

    @Test
    void theReadmeSnippetCompilesAndRunsOnTheModulePath(@TempDir Path dir) throws Exception {
        assertThat(CLASSES.resolve("module-info.class")).as("core is a named module").isRegularFile();
        String snippet = readmeSnippet();
        String program = "package readme;\n" + IMPORTS + "\n\npublic final class Snippet {\n"
                + "    public static void main(String[] args) {\n" + snippet.indent(8)
                + "        System.out.println(\"peak_K=\" + peak + \" imbalance_J=\" + imbalance + \" source_J=\""
                + " + r.energy().sourceHeat());\n"
                + "    }\n}\n";
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("readme"));
        Files.writeString(src.resolve("module-info.java"), "module readme { requires org.ecmsim.core; }\n");
        Files.writeString(src.resolve("readme/Snippet.java"), program);
        Path out = dir.resolve("out");
        String errors = compile(src, out);
        assertThat(errors).as("javac output for\n%s", program).isEmpty();

        Process p = new ProcessBuilder(tool("java"), "--module-path",
                out + File.pathSeparator + CLASSES.toAbsolutePath(), "-m", "readme/readme.Snippet")
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("the snippet finishes").isTrue();
        assertThat(p.exitValue()).as(printed).isZero();
        Matcher m = Pattern.compile("peak_K=(\\S+) imbalance_J=(\\S+) source_J=(\\S+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        double peak = Double.parseDouble(m.group(1));
        double imbalance = Double.parseDouble(m.group(2));
        double source = Double.parseDouble(m.group(3));
        // 50 mW for 100 ms into the reticular dermis: a peak well above body temperature, the energy booked (5 mJ),
        // and the budget closed to round-off, as the README says.
        assertThat(peak).isGreaterThan(273.15 + 40).isLessThan(273.15 + 100);
        assertThat(source).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.abs(imbalance)).isLessThan(1e-12 * source);
    }

    @Test
    void unexportedPackagesAreNotVisibleToConsumers(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("consumer"));
        Files.writeString(src.resolve("module-info.java"), "module consumer { requires org.ecmsim.core; }\n");
        Files.writeString(src.resolve("consumer/Uses.java"), "package consumer;\n"
                + "public class Uses { org.ecmsim.numerics.SevenPointOperator op; }\n");
        String errors = compile(src, dir.resolve("out"));
        assertThat(errors).contains("org.ecmsim.numerics").containsAnyOf("not visible", "does not export");
    }

    private static String readmeSnippet() throws IOException {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(m.find()).as("README.md has a ```java block").isTrue();
        return m.group(1);
    }

    /** @return javac's messages; empty when it compiled without errors or warnings */
    private static String compile(Path src, Path out) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool("javac"), "-d", out.toString(), "--module-path",
                CLASSES.toAbsolutePath().toString(), "-Xlint:all"));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("javac finishes").isTrue();
        return messages;
    }

    /** @return the path of a JDK tool of the JVM running the tests */
    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
