package org.ecmsim.damage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule for this package: {@code damage} may use {@code grid}, {@code units}, {@code numerics} and the
 * JDK, never a physics sibling ({@code thermal}, {@code electric}, {@code biology}) or the layers above it.
 */
class DamageLayeringTest {

    private static final List<String> ALLOWED = List.of("java.", "org.ecmsim.grid.", "org.ecmsim.units.",
            "org.ecmsim.numerics.", "org.ecmsim.damage.");

    @Test
    void importsOnlyLowerLayers() throws IOException {
        Path dir = Path.of("src/main/java/org/ecmsim/damage");
        assertThat(dir).isDirectory();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String s = line.strip();
                    if (s.startsWith("import ")) {
                        String target = s.substring("import ".length()).replace("static ", "").strip();
                        if (ALLOWED.stream().noneMatch(target::startsWith)) {
                            offending.add(f.getFileName() + ": " + s);
                        }
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
