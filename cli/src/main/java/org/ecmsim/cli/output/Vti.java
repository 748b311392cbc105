package org.ecmsim.cli.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ecmsim.grid.Grid3D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * VTK XML image data ({@code .vti}) of cell fields on a {@link Grid3D}, for ParaView and VisIt, in one of four
 * encodings ({@link Encoding}), with a reader for all four.
 *
 * <p>Layout: one {@code <Piece>} with {@code <CellData>}; extents are point indices {@code 0..nx, 0..ny, 0..nz},
 * spacing and origin in millimetres (rounded to 12 significant digits, so 0.05 mm is written "0.05"), values in the
 * order of the grid ({@code x} fastest), which is VTK's order. The {@code z} axis is depth below the skin surface, so
 * the image appears upside down unless the view is flipped. Fields are {@code Float64}, exact in every encoding
 * (ASCII writes {@link Double#toString}, which reads back to the same value); the arrays named as integer arrays are
 * {@code UInt8} (values 0–255) or else {@code Int32}. Binary data are little-endian with {@code UInt64} headers
 * ({@code header_type="UInt64"}); compressed data use VTK's zlib block format ({@code vtkZLibDataCompressor}, blocks
 * of {@value #BLOCK} bytes).
 */
public final class Vti {

    /** How the numbers are stored. */
    public enum Encoding {
        /** Text ({@code format="ascii"}): the largest, readable in an editor. */
        ASCII,
        /** Base64 inside each {@code DataArray} ({@code format="binary"}). */
        BASE64,
        /** Raw bytes after the XML ({@code <AppendedData encoding="raw">}): exact, about half of ASCII. */
        BINARY,
        /** As {@link #BINARY}, zlib-compressed. */
        COMPRESSED
    }

    /** Uncompressed bytes per compressed block. */
    static final int BLOCK = 1 << 16;

    /**
     * A parsed file: the grid and every cell array by name.
     *
     * @param grid the grid (spacing in metres, converted back from the file's millimetres)
     * @param arrays the arrays in file order
     * @param types the VTK type of each array ("Float64", "UInt8", "Int32")
     */
    public record Image(Grid3D grid, Map<String, double[]> arrays, Map<String, String> types) {
    }

    private Vti() {
    }

    /**
     * Writes every array as {@code Float64}, raw binary.
     *
     * @param path the file to write
     * @param grid the grid
     * @param arrays cell arrays by name (names without spaces or quotes); each grid.cellCount() long
     * @throws IOException if writing fails
     */
    public static void write(Path path, Grid3D grid, Map<String, double[]> arrays) throws IOException {
        write(path, grid, arrays, Set.of(), Encoding.BINARY);
    }

    /**
     * @param path the file to write
     * @param grid the grid
     * @param arrays cell arrays by name (names without spaces or quotes); each grid.cellCount() long
     * @param integerArrays names of the arrays that hold whole numbers (layer and needle indices), written as
     *     {@code UInt8} if every value is 0–255, else {@code Int32}
     * @param encoding how to store the numbers
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if an array has the wrong length or an integer array a value that is not a
     *     whole number in the {@code Int32} range
     */
    public static void write(Path path, Grid3D grid, Map<String, double[]> arrays, Set<String> integerArrays,
            Encoding encoding) throws IOException {
        List<String> names = new ArrayList<>(arrays.keySet());
        List<String> types = new ArrayList<>();
        for (String name : names) {
            double[] v = arrays.get(name);
            if (v.length != grid.cellCount()) {
                throw new IllegalArgumentException("array " + name + " has " + v.length + " values; the grid " + grid
                        + " has " + grid.cellCount() + " cells");
            }
            types.add(integerArrays.contains(name) ? integerType(name, v) : "Float64");
        }
        // the appended blocks first, for their offsets in the XML
        List<byte[]> compressed = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        for (int a = 0; a < names.size(); a++) {
            offsets.add(offset);
            if (encoding == Encoding.COMPRESSED) {
                byte[] block = compress(bytes(arrays.get(names.get(a)), types.get(a)));
                compressed.add(block);
                offset += block.length;
            } else if (encoding == Encoding.BINARY) {
                offset += 8 + (long) arrays.get(names.get(a)).length * size(types.get(a));
            }
        }
        String extent = "0 " + grid.nx() + " 0 " + grid.ny() + " 0 " + grid.nz();
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\"?>\n");
        xml.append("<!-- ecmsim: cell data, lengths in mm, z = depth below the skin surface -->\n");
        xml.append("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\"")
                .append(encoding == Encoding.COMPRESSED ? " compressor=\"vtkZLibDataCompressor\"" : "").append(">\n");
        xml.append("  <ImageData WholeExtent=\"").append(extent).append("\" Origin=\"0 0 0\" Spacing=\"")
                .append(mm(grid.dx())).append(' ').append(mm(grid.dy())).append(' ').append(mm(grid.dz()))
                .append("\">\n");
        xml.append("    <Piece Extent=\"").append(extent).append("\">\n");
        xml.append("      <CellData Scalars=\"").append(names.isEmpty() ? "" : names.get(0)).append("\">\n");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            for (int a = 0; a < names.size(); a++) {
                String name = names.get(a);
                String type = types.get(a);
                xml.append("        <DataArray type=\"").append(type).append("\" Name=\"").append(name)
                        .append("\" format=\"");
                switch (encoding) {
                    case ASCII -> {
                        xml.append("ascii\">\n");
                        ascii(xml, out, arrays.get(name), type, grid.nx());
                        xml.append("        </DataArray>\n");
                    }
                    case BASE64 -> {
                        byte[] data = bytes(arrays.get(name), type);
                        // as VTK writes it: the header and the data base64-encoded separately
                        xml.append("binary\">\n          ")
                                .append(Base64.getEncoder().encodeToString(uint64(data.length)))
                                .append(Base64.getEncoder().encodeToString(data)).append("\n        </DataArray>\n");
                    }
                    default -> xml.append("appended\" offset=\"").append(offsets.get(a)).append("\"/>\n");
                }
                if (xml.length() > 1 << 16) {
                    out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                    xml.setLength(0);
                }
            }
            xml.append("      </CellData>\n    </Piece>\n  </ImageData>\n");
            if (encoding == Encoding.BINARY || encoding == Encoding.COMPRESSED) {
                xml.append("  <AppendedData encoding=\"raw\">\n   _");
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                xml.setLength(0);
                for (int a = 0; a < names.size(); a++) {
                    if (encoding == Encoding.COMPRESSED) {
                        out.write(compressed.get(a));
                    } else {
                        double[] v = arrays.get(names.get(a));
                        out.write(uint64((long) v.length * size(types.get(a))));
                        writeRaw(out, v, types.get(a));
                    }
                }
                xml.append("\n  </AppendedData>\n");
            }
            xml.append("</VTKFile>\n");
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String integerType(String name, double[] v) {
        boolean small = true;
        for (double x : v) {
            if (x != Math.rint(x) || x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("integer array " + name + " holds " + x + ", not a whole number"
                        + " in the Int32 range");
            }
            small &= x >= 0 && x <= 255;
        }
        return small ? "UInt8" : "Int32";
    }

    private static int size(String type) {
        return switch (type) {
            case "UInt8" -> 1;
            case "Int32" -> 4;
            default -> 8;
        };
    }

    /** A length in mm to 12 significant digits: 0.049999999999999996 mm is written "0.05". */
    static String mm(double metres) {
        return new BigDecimal(metres * 1e3).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static void ascii(StringBuilder xml, OutputStream out, double[] v, String type, int nx)
            throws IOException {
        boolean integer = !type.equals("Float64");
        for (int i = 0; i < v.length; i++) {
            if (xml.length() > 1 << 16) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                xml.setLength(0);
            }
            xml.append(i % nx == 0 ? "          " : " ");
            if (integer) {
                xml.append((long) v[i]);
            } else {
                xml.append(Double.isFinite(v[i]) ? Double.toString(v[i]) : Double.isNaN(v[i]) ? "nan"
                        : v[i] > 0 ? "inf" : "-inf");
            }
            if (i % nx == nx - 1) {
                xml.append('\n');
            }
        }
    }

    private static byte[] uint64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] bytes(double[] v, String type) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(v.length, size(type))).order(ByteOrder.LITTLE_ENDIAN);
        put(b, v, 0, v.length, type);
        return b.array();
    }

    private static void put(ByteBuffer b, double[] v, int from, int to, String type) {
        for (int i = from; i < to; i++) {
            switch (type) {
                case "UInt8" -> b.put((byte) (int) v[i]);
                case "Int32" -> b.putInt((int) v[i]);
                default -> b.putDouble(v[i]);
            }
        }
    }

    private static void writeRaw(OutputStream out, double[] v, String type) throws IOException {
        int chunk = 8192;
        ByteBuffer b = ByteBuffer.allocate(chunk * size(type)).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < v.length; from += chunk) {
            b.clear();
            put(b, v, from, Math.min(v.length, from + chunk), type);
            out.write(b.array(), 0, b.position());
        }
    }

    /** VTK's zlib block layout: [blocks, block size, last block size, compressed size of each] then the blocks. */
    private static byte[] compress(byte[] data) {
        int blocks = (data.length + BLOCK - 1) / BLOCK;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long[] sizes = new long[blocks];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        byte[] buf = new byte[BLOCK + BLOCK / 10 + 64];
        for (int k = 0; k < blocks; k++) {
            deflater.reset();
            deflater.setInput(data, k * BLOCK, Math.min(BLOCK, data.length - k * BLOCK));
            deflater.finish();
            long before = body.size();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                body.write(buf, 0, n);
            }
            sizes[k] = body.size() - before;
        }
        deflater.end();
        ByteBuffer header = ByteBuffer.allocate(8 * (3 + blocks)).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(blocks).putLong(BLOCK).putLong(data.length % BLOCK);
        for (long s : sizes) {
            header.putLong(s);
        }
        byte[] out = new byte[header.capacity() + body.size()];
        System.arraycopy(header.array(), 0, out, 0, header.capacity());
        System.arraycopy(body.toByteArray(), 0, out, header.capacity(), body.size());
        return out;
    }

    /**
     * Reads a file written by {@link #write}, in any of its encodings (cell data of one piece, {@code UInt64}
     * headers).
     *
     * @param path the file
     * @return the image
     * @throws IOException if the file cannot be read or is not such a file
     */
    public static Image read(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        byte[] xmlBytes = all;
        int appended = indexOf(all, "<AppendedData".getBytes(StandardCharsets.US_ASCII));
        int base = -1;
        if (appended >= 0) {
            base = indexOf(all, "_".getBytes(StandardCharsets.US_ASCII), appended) + 1;
            byte[] end = "</VTKFile>".getBytes(StandardCharsets.US_ASCII);
            xmlBytes = new byte[appended + end.length];
            System.arraycopy(all, 0, xmlBytes, 0, appended);
            System.arraycopy(end, 0, xmlBytes, appended, end.length);
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xmlBytes));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(path + " is not a readable VTK XML file: " + e.getMessage(), e);
        }
        Element file = doc.getDocumentElement();
        boolean zlib = "vtkZLibDataCompressor".equals(file.getAttribute("compressor"));
        if (!file.getAttribute("compressor").isEmpty() && !zlib) {
            throw new IOException(path + ": compressor " + file.getAttribute("compressor") + " is not supported");
        }
        if (!"UInt64".equals(file.getAttribute("header_type")) && !file.getAttribute("header_type").isEmpty()) {
            throw new IOException(path + ": header_type " + file.getAttribute("header_type") + " is not supported");
        }
        Element image = (Element) doc.getElementsByTagName("ImageData").item(0);
        if (image == null) {
            throw new IOException(path + " has no ImageData element");
        }
        int[] extent = ints(image.getAttribute("WholeExtent"));
        double[] spacing = doubles(image.getAttribute("Spacing"));
        Grid3D grid = new Grid3D(extent[1] - extent[0], extent[3] - extent[2], extent[5] - extent[4],
                spacing[0] * 1e-3, spacing[1] * 1e-3, spacing[2] * 1e-3);
        int n = grid.cellCount();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        NodeList list = image.getElementsByTagName("DataArray");
        for (int k = 0; k < list.getLength(); k++) {
            Element a = (Element) list.item(k);
            String name = a.getAttribute("Name");
            String type = a.getAttribute("type");
            if (!type.equals("Float64") && !type.equals("UInt8") && !type.equals("Int32")) {
                throw new IOException(path + ": array " + name + " has the type " + type + ", not Float64, Int32 or"
                        + " UInt8");
            }
            double[] v;
            switch (a.getAttribute("format")) {
                case "ascii" -> v = parseAscii(path, name, a.getTextContent(), n);
                case "binary" -> {
                    String text = a.getTextContent().replaceAll("\\s+", "");
                    byte[] header = Base64.getDecoder().decode(text.substring(0, 12));
                    long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    byte[] data = Base64.getDecoder().decode(text.substring(12));
                    v = values(path, name, ByteBuffer.wrap(data, 0, (int) length), type, n);
                }
                case "appended" -> {
                    int at = Math.toIntExact(base + Long.parseLong(a.getAttribute("offset")));
                    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
                    b.position(at);
                    if (zlib) {
                        v = values(path, name, ByteBuffer.wrap(inflate(path, b)), type, n);
                    } else {
                        int length = Math.toIntExact(b.getLong());
                        v = values(path, name, ByteBuffer.wrap(all, b.position(), length), type, n);
                    }
                }
                default -> throw new IOException(path + ": array " + name + " has the format "
                        + a.getAttribute("format"));
            }
            arrays.put(name, v);
            types.put(name, type);
        }
        return new Image(grid, arrays, types);
    }

    private static double[] parseAscii(Path path, String name, String text, int n) throws IOException {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length != n) {
            throw new IOException(path + ": array " + name + " has " + tokens.length + " values for " + n + " cells");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (tokens[i]) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(tokens[i]);
            };
        }
        return v;
    }

    private static double[] values(Path path, String name, ByteBuffer data, String type, int n) throws IOException {
        ByteBuffer b = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != (long) n * size(type)) {
            throw new IOException(path + ": array " + name + " has " + b.remaining() + " bytes for " + n + " cells of "
                    + type);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case "UInt8" -> b.get() & 0xff;
                case "Int32" -> b.getInt();
                default -> b.getDouble();
            };
        }
        return v;
    }

    private static byte[] inflate(Path path, ByteBuffer b) throws IOException {
        int blocks = Math.toIntExact(b.getLong());
        int blockSize = Math.toIntExact(b.getLong());
        int last = Math.toIntExact(b.getLong());
        long[] sizes = new long[blocks];
        long total = 0;
        for (int k = 0; k < blocks; k++) {
            sizes[k] = b.getLong();
        }
        long raw = blocks == 0 ? 0 : (long) (blocks - 1) * blockSize + (last == 0 ? blockSize : last);
        byte[] out = new byte[Math.toIntExact(raw)];
        Inflater inflater = new Inflater();
        try {
            int at = b.position();
            for (int k = 0; k < blocks; k++) {
                inflater.reset();
                inflater.setInput(b.array(), at, (int) sizes[k]);
                int want = k == blocks - 1 && last != 0 ? last : blockSize;
                int got = 0;
                while (got < want) {
                    int m = inflater.inflate(out, (int) total + got, want - got);
                    if (m == 0 && (inflater.finished() || inflater.needsInput())) {
                        break;
                    }
                    got += m;
                }
                if (got != want) {
                    throw new IOException(path + ": a compressed block holds " + got + " bytes, not " + want);
                }
                total += want;
                at += (int) sizes[k];
            }
        } catch (DataFormatException e) {
            throw new IOException(path + ": a compressed block is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int[] ints(String s) {
        String[] t = s.trim().split("\\s+");
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Integer.parseInt(t[i]);
        }
        return out;
    }

    private static double[] doubles(String s) {
        String[] t = s.trim().split("\\s+");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Double.parseDouble(t[i].toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
