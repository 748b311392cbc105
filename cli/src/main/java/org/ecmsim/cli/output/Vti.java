package org.ecmsim.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ecmsim.grid.Grid3D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * VTK XML image data ({@code .vti}, ASCII) of cell fields on a {@link Grid3D}, for ParaView and VisIt.
 *
 * <p>Layout: one {@code <Piece>} with {@code <CellData>}; extents are point indices {@code 0..nx, 0..ny, 0..nz},
 * spacing and origin in millimetres, values in the order of the grid ({@code x} fastest), which is VTK's order.
 * The {@code z} axis is depth below the skin surface, so the image appears upside down unless the view is flipped.
 * Doubles are written with {@link Double#toString}, which reads back to the same value.
 */
public final class Vti {

    /**
     * A parsed file: the grid and every cell array by name.
     *
     * @param grid the grid (spacing in metres, converted back from the file's millimetres)
     * @param arrays the arrays in file order
     */
    public record Image(Grid3D grid, Map<String, double[]> arrays) {
    }

    private Vti() {
    }

    /**
     * @param path the file to write
     * @param grid the grid
     * @param arrays cell arrays by name (names without spaces or quotes); each grid.cellCount() long
     * @throws IOException if writing fails
     */
    public static void write(Path path, Grid3D grid, Map<String, double[]> arrays) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16)) {
            String extent = "0 " + grid.nx() + " 0 " + grid.ny() + " 0 " + grid.nz();
            w.write("<?xml version=\"1.0\"?>\n");
            w.write("<!-- ecmsim: cell data, lengths in mm, z = depth below the skin surface -->\n");
            w.write("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\">\n");
            w.write("  <ImageData WholeExtent=\"" + extent + "\" Origin=\"0 0 0\" Spacing=\"" + grid.dx() * 1e3 + " "
                    + grid.dy() * 1e3 + " " + grid.dz() * 1e3 + "\">\n");
            w.write("    <Piece Extent=\"" + extent + "\">\n");
            String first = arrays.isEmpty() ? "" : arrays.keySet().iterator().next();
            w.write("      <CellData Scalars=\"" + first + "\">\n");
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                double[] v = e.getValue();
                if (v.length != grid.cellCount()) {
                    throw new IllegalArgumentException("array " + e.getKey() + " has " + v.length + " values; the grid "
                            + grid + " has " + grid.cellCount() + " cells");
                }
                w.write("        <DataArray type=\"Float64\" Name=\"" + e.getKey() + "\" format=\"ascii\">\n");
                for (int i = 0; i < v.length; i++) {
                    w.write(i % grid.nx() == 0 ? "          " : " ");
                    w.write(Double.isFinite(v[i]) ? Double.toString(v[i]) : "nan");
                    if (i % grid.nx() == grid.nx() - 1) {
                        w.write('\n');
                    }
                }
                w.write("        </DataArray>\n");
            }
            w.write("      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n");
        }
    }

    /**
     * Reads a file written by {@link #write} (ASCII Float64 cell data of one piece).
     *
     * @param path the file
     * @return the image
     * @throws IOException if the file cannot be read or is not such a file
     */
    public static Image read(Path path) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(path)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(path + " is not a readable VTK XML file: " + e.getMessage(), e);
        }
        Element image = (Element) doc.getElementsByTagName("ImageData").item(0);
        if (image == null) {
            throw new IOException(path + " has no ImageData element");
        }
        int[] extent = ints(image.getAttribute("WholeExtent"));
        double[] spacing = doubles(image.getAttribute("Spacing"));
        Grid3D grid = new Grid3D(extent[1] - extent[0], extent[3] - extent[2], extent[5] - extent[4],
                spacing[0] * 1e-3, spacing[1] * 1e-3, spacing[2] * 1e-3);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        NodeList list = image.getElementsByTagName("DataArray");
        for (int n = 0; n < list.getLength(); n++) {
            Element a = (Element) list.item(n);
            if (!"ascii".equals(a.getAttribute("format"))) {
                throw new IOException(path + ": array " + a.getAttribute("Name") + " is not ASCII");
            }
            String[] tokens = a.getTextContent().trim().split("\\s+");
            if (tokens.length != grid.cellCount()) {
                throw new IOException(path + ": array " + a.getAttribute("Name") + " has " + tokens.length
                        + " values for " + grid.cellCount() + " cells");
            }
            double[] v = new double[tokens.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = tokens[i].equals("nan") ? Double.NaN : Double.parseDouble(tokens[i]);
            }
            arrays.put(a.getAttribute("Name"), v);
        }
        return new Image(grid, arrays);
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
            out[i] = Double.parseDouble(t[i]);
        }
        return out;
    }
}
