package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecmsim.grid.Grid3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VTK image writer and reader: values, order and grid survive the round trip exactly. */
class VtiTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripIsExact() throws IOException {
        Grid3D g = new Grid3D(4, 3, 5, 50e-6, 50e-6, 25e-6);
        SplittableRandom rnd = new SplittableRandom(42);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        double[] index = new double[g.cellCount()];
        double[] random = new double[g.cellCount()];
        for (int c = 0; c < index.length; c++) {
            index[c] = c;
            random[c] = rnd.nextDouble(-1e3, 1e3) * Math.pow(10, rnd.nextInt(-20, 20));
        }
        random[3] = Double.NaN;
        arrays.put("index", index);
        arrays.put("random", random);
        Path file = tmp.resolve("a.vti");
        Vti.write(file, g, arrays);
        Vti.Image back = Vti.read(file);
        assertThat(back.grid().nx()).isEqualTo(4);
        assertThat(back.grid().ny()).isEqualTo(3);
        assertThat(back.grid().nz()).isEqualTo(5);
        assertThat(back.grid().dz()).isCloseTo(25e-6, within(1e-18));
        assertThat(back.arrays().keySet()).containsExactly("index", "random");
        assertThat(back.arrays().get("index")).containsExactly(index);
        for (int c = 0; c < random.length; c++) {
            assertThat(Double.doubleToLongBits(back.arrays().get("random")[c])).as("cell %d", c)
                    .isEqualTo(Double.doubleToLongBits(random[c]));
        }
        // VTK's own conventions: point extents, cell data, x fastest (cell (1,0,0) is value 1, (0,1,0) is nx)
        String text = Files.readString(file);
        assertThat(text).contains("WholeExtent=\"0 4 0 3 0 5\"", "<CellData", "type=\"Float64\"",
                "format=\"ascii\"", "Spacing=\"0.05 0.05 0.025\"");
    }

    @Test
    void refusesArraysOfTheWrongSize() {
        Grid3D g = Grid3D.uniform(2, 2, 2, 1e-4);
        assertThatThrownBy(() -> Vti.write(tmp.resolve("b.vti"), g, Map.of("x", new double[7])))
                .hasMessageContaining("has 7 values");
    }
}
