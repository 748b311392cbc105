package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecmsim.grid.Grid3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The VTK image writer and reader: values, types, order and grid survive the round trip exactly in every encoding,
 * and the files follow VTK's layout (checked here by decoding them independently of {@link Vti#read}).
 */
class VtiTest {

    @TempDir
    Path tmp;

    /** 4 × 3 × 5 cells, spacing 0.05 × 0.05 × 0.025 mm (0.05 computed as 0.049999999999999996). */
    private static final Grid3D GRID = new Grid3D(4, 3, 5, (0.1 - 0.05) * 1e-3 - 1e-20, 50e-6, 25e-6);

    private static Map<String, double[]> arrays() {
        SplittableRandom rnd = new SplittableRandom(42);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        double[] index = new double[GRID.cellCount()];
        double[] random = new double[GRID.cellCount()];
        double[] layer = new double[GRID.cellCount()];
        double[] big = new double[GRID.cellCount()];
        for (int c = 0; c < index.length; c++) {
            index[c] = c;
            random[c] = rnd.nextDouble(-1e3, 1e3) * Math.pow(10, rnd.nextInt(-20, 20));
            layer[c] = c / GRID.strideZ() % 4;
            big[c] = c * 1000 - 30_000;
        }
        random[3] = Double.NaN;
        random[4] = Double.POSITIVE_INFINITY;
        arrays.put("index", index);
        arrays.put("random", random);
        arrays.put("layer", layer);
        arrays.put("big", big);
        return arrays;
    }

    @Test
    void roundTripIsExactInEveryEncoding() throws Exception {
        for (Vti.Encoding encoding : Vti.Encoding.values()) {
            roundTrip(encoding);
        }
    }

    private void roundTrip(Vti.Encoding encoding) throws Exception {
        Map<String, double[]> arrays = arrays();
        Path file = tmp.resolve(encoding + ".vti");
        Vti.write(file, GRID, arrays, Set.of("layer", "big"), encoding);
        Vti.Image back = Vti.read(file);
        assertThat(back.grid().nx()).isEqualTo(4);
        assertThat(back.grid().ny()).isEqualTo(3);
        assertThat(back.grid().nz()).isEqualTo(5);
        assertThat(back.grid().dz()).isCloseTo(25e-6, within(1e-18));
        assertThat(back.arrays().keySet()).containsExactly("index", "random", "layer", "big");
        assertThat(back.types()).containsExactly(Map.entry("index", "Float64"), Map.entry("random", "Float64"),
                Map.entry("layer", "UInt8"), Map.entry("big", "Int32"));
        for (String name : arrays.keySet()) {
            for (int c = 0; c < GRID.cellCount(); c++) {
                assertThat(Double.doubleToLongBits(back.arrays().get(name)[c])).as("%s %s cell %d", encoding, name, c)
                        .isEqualTo(Double.doubleToLongBits(arrays.get(name)[c]));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // VTK's own conventions: point extents, cell data, x fastest, spacing rounded
        assertThat(text).contains("WholeExtent=\"0 4 0 3 0 5\"", "<CellData", "type=\"Float64\"", "type=\"UInt8\"",
                "type=\"Int32\"", "Spacing=\"0.05 0.05 0.025\"", "header_type=\"UInt64\"");
        // decode "random" independently of Vti.read, following VTK's file format
        double[] random = independentDecode(bytes, "random", encoding);
        assertThat(random).hasSize(GRID.cellCount());
        assertThat(Double.doubleToLongBits(random[7])).isEqualTo(Double.doubleToLongBits(arrays.get("random")[7]));
        assertThat(random[3]).isNaN();
    }

    /** Reads one Float64 array as a generic VTK reader would: XML first, then the data in its encoding. */
    private static double[] independentDecode(byte[] bytes, String name, Vti.Encoding encoding) throws Exception {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int appended = latin.indexOf("<AppendedData");
        String xml = appended < 0 ? latin : latin.substring(0, appended) + "</VTKFile>";
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));
        var list = doc.getElementsByTagName("DataArray");
        Element array = null;
        for (int k = 0; k < list.getLength(); k++) {
            if (((Element) list.item(k)).getAttribute("Name").equals(name)) {
                array = (Element) list.item(k);
            }
        }
        int n = GRID.cellCount();
        ByteBuffer data;
        switch (encoding) {
            case ASCII -> {
                assertThat(array.getAttribute("format")).isEqualTo("ascii");
                String[] t = array.getTextContent().trim().split("\\s+");
                double[] v = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    v[i] = t[i].equals("nan") ? Double.NaN : t[i].equals("inf") ? Double.POSITIVE_INFINITY
                            : Double.parseDouble(t[i]);
                }
                return v;
            }
            case BASE64 -> {
                assertThat(array.getAttribute("format")).isEqualTo("binary");
                String t = array.getTextContent().trim();
                long length = ByteBuffer.wrap(Base64.getDecoder().decode(t.substring(0, 12)))
                        .order(ByteOrder.LITTLE_ENDIAN).getLong();
                assertThat(length).isEqualTo(8L * n);
                data = ByteBuffer.wrap(Base64.getDecoder().decode(t.substring(12)));
            }
            default -> {
                assertThat(array.getAttribute("format")).isEqualTo("appended");
                assertThat(latin).contains("<AppendedData encoding=\"raw\">");
                int base = latin.indexOf('_', appended) + 1;
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                b.position(base + Integer.parseInt(array.getAttribute("offset")));
                if (encoding == Vti.Encoding.BINARY) {
                    assertThat(b.getLong()).isEqualTo(8L * n);
                    data = b.slice();
                } else {
                    assertThat(latin).contains("compressor=\"vtkZLibDataCompressor\"");
                    assertThat(b.getLong()).as("blocks").isEqualTo(1);
                    assertThat(b.getLong()).as("block size").isEqualTo(Vti.BLOCK);
                    assertThat(b.getLong()).as("last block").isEqualTo(8L * n);
                    int compressed = (int) b.getLong();
                    Inflater inf = new Inflater();
                    inf.setInput(bytes, b.position(), compressed);
                    byte[] out = new byte[8 * n];
                    assertThat(inf.inflate(out)).isEqualTo(8 * n);
                    inf.end();
                    data = ByteBuffer.wrap(out);
                }
            }
        }
        data.order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = data.getDouble();
        }
        return v;
    }

    @Test
    void binaryIsSmallerThanAsciiAndCompressedSmallerStill() throws IOException {
        Grid3D g = Grid3D.uniform(40, 40, 40, 1e-4);
        double[] smooth = new double[g.cellCount()];
        double[] layer = new double[g.cellCount()];
        for (int c = 0; c < smooth.length; c++) {
            smooth[c] = 37 + 40 * Math.exp(-(c % 40) / 7.0) + Math.sin(c * 1e-3) * 1e-3;
            layer[c] = c / 1600 / 10;
        }
        Map<String, double[]> a = Map.of("t", smooth, "layer", layer);
        long[] size = new long[Vti.Encoding.values().length];
        for (Vti.Encoding e : Vti.Encoding.values()) {
            Path f = tmp.resolve("s_" + e + ".vti");
            Vti.write(f, g, a, Set.of("layer"), e);
            size[e.ordinal()] = Files.size(f);
        }
        assertThat(size[Vti.Encoding.BINARY.ordinal()]).isLessThan(size[Vti.Encoding.ASCII.ordinal()] / 2);
        assertThat(size[Vti.Encoding.BASE64.ordinal()]).isLessThan(size[Vti.Encoding.ASCII.ordinal()]);
        assertThat(size[Vti.Encoding.COMPRESSED.ordinal()]).isLessThan(size[Vti.Encoding.BINARY.ordinal()]);
        assertThat(Vti.read(tmp.resolve("s_COMPRESSED.vti")).arrays().get("t")).containsExactly(smooth);
    }

    @Test
    void spacingIsRoundedTo12SignificantDigits() {
        assertThat(Vti.mm(0.049999999999999996e-3)).isEqualTo("0.05");
        assertThat(Vti.mm(Math.nextUp(0.1e-3))).isEqualTo("0.1");
        assertThat(Vti.mm(12.5e-6)).isEqualTo("0.0125");
    }

    @Test
    void refusesArraysOfTheWrongSizeAndIntegerArraysThatAreNot() {
        Grid3D g = Grid3D.uniform(2, 2, 2, 1e-4);
        assertThatThrownBy(() -> Vti.write(tmp.resolve("b.vti"), g, Map.of("x", new double[7])))
                .hasMessageContaining("has 7 values");
        double[] half = new double[8];
        half[2] = 0.5;
        assertThatThrownBy(() -> Vti.write(tmp.resolve("c.vti"), g, Map.of("layer", half), Set.of("layer"),
                Vti.Encoding.BINARY)).hasMessageContaining("integer array layer holds 0.5");
    }
}
