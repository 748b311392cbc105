package org.ecmsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ecmsim-core, checked on the sources: each package may refer only to the packages listed
 * for it, whether by an {@code import} line or by a fully qualified name in the code. Physics siblings (thermal,
 * damage, electric, biology) never refer to each other; the {@code simulation.*} levels wire them together, each
 * level using only the levels below it (thermal run → RF session → treatment site → course).
 */
class LayeringTest {

    private static final Set<String> BASE = Set.of("units", "internal");
    private static final Set<String> PHYSICS = union(BASE, "grid", "parallel", "numerics", "tissue");

    /** Package (relative to org.ecmsim) → the packages it may use. Every package of core must have a rule. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("units", Set.of()),
            Map.entry("internal", Set.of("units")),
            Map.entry("parallel", BASE),
            Map.entry("grid", BASE),
            Map.entry("numerics", union(BASE, "grid", "parallel")),
            Map.entry("tissue", union(BASE, "grid", "parallel", "numerics")),
            Map.entry("thermal", PHYSICS),
            Map.entry("damage", union(BASE, "grid", "parallel", "numerics")),
            Map.entry("electric", PHYSICS),
            Map.entry("biology", PHYSICS),
            // Collagen shrinkage and the contraction solve: sees temperatures it is handed, never the heat solver.
            Map.entry("mechanics", PHYSICS),
            Map.entry("protocol", union(BASE, "grid", "tissue", "electric")),
            // Reference problems with exact solutions, for tests and `ecmsim validate`; nothing in core uses them.
            Map.entry("verification", union(PHYSICS, "thermal", "damage", "electric", "biology")),
            Map.entry("simulation.thermal", union(PHYSICS, "thermal", "damage")),
            Map.entry("simulation.session", union(PHYSICS, "thermal", "damage", "electric", "protocol",
                    "simulation.thermal")),
            Map.entry("simulation.site", union(PHYSICS, "thermal", "damage", "electric", "biology", "protocol",
                    "simulation.thermal", "simulation.session")),
            // The course also wires the mechanics (shrinkage during the thermal phase, the contraction solves).
            Map.entry("simulation.course", union(PHYSICS, "thermal", "damage", "electric", "biology", "mechanics",
                    "protocol", "simulation.thermal", "simulation.session", "simulation.site")));

    private static final Path ROOT = Path.of("src/main/java/org/ecmsim");
    /** {@code org.ecmsim.} followed by a dotted name, in an import line or anywhere in the code. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.ecmsim\\.((?:[a-z]\\w*\\.)*)[A-Z*]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    @Test
    void packagesReferToTheLayersBelowThemOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files = javaFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String pkg = packageOf(file);
            assertThat(ALLOWED).as("package %s has no layering rule; add one", pkg).containsKey(pkg);
            for (String target : references(Files.readString(file))) {
                if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
                    violations.add(ROOT.relativize(file) + " refers to org.ecmsim." + target);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void fullyQualifiedNamesInCodeAreCheckedToo() {
        // The check sees a fully qualified name in code as it sees an import; comments and strings do not count.
        String code = "package org.ecmsim.damage;\n/** {@link org.ecmsim.thermal.HeatSolver} */\n"
                + "class X { Object o = new org.ecmsim.simulation.thermal.ThermalSimulation.Builder(); "
                + "String s = \"org.ecmsim.biology.Species\"; }";
        assertThat(references(code)).containsExactly("simulation.thermal");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Set<Path> dirs = new TreeSet<>();
        for (Path f : javaFiles()) {
            dirs.add(f.getParent());
        }
        for (Path dir : dirs) {
            assertThat(dir.resolve("package-info.java")).as("package-info in %s", dir).exists();
        }
    }

    /** @return the packages (relative to org.ecmsim) that the code of a source file refers to */
    static Set<String> references(String source) {
        String code = STRING.matcher(COMMENT.matcher(source).replaceAll(" ")).replaceAll("\"\"");
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            String dotted = m.group(1);
            if (!dotted.isEmpty()) {
                out.add(dotted.substring(0, dotted.length() - 1));
            }
        }
        return out;
    }

    private static String packageOf(Path file) {
        return ROOT.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new TreeSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }
}
