package org.ecmsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ecmsim-core, checked on the sources: each package may import only the packages listed
 * for it. Physics siblings (thermal, damage, and those to come) never import each other; {@code simulation} is the
 * one place that wires them together.
 */
class LayeringTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "units", Set.of(),
            "grid", Set.of("units"),
            "numerics", Set.of("units", "grid"),
            "tissue", Set.of("units", "grid", "numerics"),
            "thermal", Set.of("units", "grid", "numerics", "tissue"),
            "damage", Set.of("units", "grid", "numerics"),
            "electric", Set.of("units", "grid", "numerics", "tissue"),
            "biology", Set.of("units", "grid", "numerics", "tissue"),
            "simulation", Set.of("units", "grid", "numerics", "tissue", "thermal", "damage", "electric", "biology"),
            // reference problems with exact solutions: rank with simulation (any physics package) but never use it,
            // and no main package may import verification (none lists it); only tests and the validate command do
            "verification", Set.of("units", "grid", "numerics", "tissue", "thermal", "damage", "electric",
                    "biology"));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?org\\.ecmsim\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void packagesImportOnlyTheLayersBelowThem() throws IOException {
        Path root = Path.of("src/main/java/org/ecmsim");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String pkg = root.relativize(file).getName(0).toString();
            assertThat(ALLOWED).as("package %s has no layering rule; add one", pkg).containsKey(pkg);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
                    violations.add(root.relativize(file) + " imports org.ecmsim." + target);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java/org/ecmsim");
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                assertThat(dir.resolve("package-info.java")).as("package-info in %s", dir).exists();
            }
        }
    }
}
