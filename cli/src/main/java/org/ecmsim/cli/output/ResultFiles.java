package org.ecmsim.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.run.CourseRunner.BiologySnapshot;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.cli.run.Writes;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.simulation.course.DepthProfile;
import org.ecmsim.simulation.course.LayerTimeSeries;
import org.ecmsim.simulation.session.RfTreatmentResult;
import org.ecmsim.simulation.thermal.ThermalRunResult;
import org.ecmsim.units.Units;

/**
 * Writes a run's results into a folder: {@code summary.json}, {@code timeseries.csv}, {@code profiles.csv}, the PNG
 * charts, the {@code .vti} fields and {@code report.html}. README.md lists the files and their columns and keys.
 */
public final class ResultFiles {

    /** The summary file name. */
    public static final String SUMMARY = "summary.json";
    /** The time-series file name. */
    public static final String TIMESERIES = "timeseries.csv";
    /** The depth-profile file name. */
    public static final String PROFILES = "profiles.csv";
    /** The report file name. */
    public static final String REPORT = "report.html";

    private ResultFiles() {
    }

    /**
     * @param outcome the run
     * @param dir the output folder (created if missing)
     * @param source the scenario file, or "built-in default"
     * @param version the ecmsim version
     * @param progress receives a line per group of files
     * @return the files written, relative to dir, in order
     * @throws IOException if writing fails
     */
    public static List<String> write(Outcome outcome, Path dir, String source, String version,
            Consumer<String> progress) throws IOException {
        return write(outcome, dir, source, version, progress, () -> {
        });
    }

    /**
     * Writes every result file, the small ones first: the CSV tables and {@code summary.json}, then (after
     * {@code afterSummary} ran, e.g. to print the console table) the charts, the VTK fields and the report. Each
     * file is written under a temporary name ({@code NAME.tmp}) and renamed when complete, so that a file under its
     * final name is never half-written; a failure names the file.
     *
     * @param outcome the run
     * @param dir the output folder (created if missing)
     * @param source the scenario file, or "built-in default"
     * @param version the ecmsim version
     * @param progress receives a line per group of files
     * @param afterSummary run once the tables and {@code summary.json} are written
     * @return the files written, relative to dir, in order
     * @throws IOException if writing fails; its message names the file
     */
    public static List<String> write(Outcome outcome, Path dir, String source, String version,
            Consumer<String> progress, Runnable afterSummary) throws IOException {
        Files.createDirectories(dir);
        // Every name first: summary.json lists them all, and it is written before the large files.
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("percent_vs_control.png", "Change of each matrix component vs the untreated control, per layer.");
        for (LayerTimeSeries layer : outcome.result().layers()) {
            charts.put(timeCourseName(layer), layer.layer() + ": treated vs untreated control (layer means).");
        }
        if (!outcome.result().profiles().isEmpty()) {
            charts.put("depth_profiles.png", "Change vs control against depth on the snapshot days.");
        }
        charts.put("impedance.png", "Tip impedance during the pulses of each session.");
        charts.put(Clinical.CONTRACTION_CHART, "Areal contraction of the treated skin surface and dermal thickness change over the course.");
        for (int s = 0; s < outcome.result().sessions().size(); s++) {
            charts.put(Clinical.displacementChartName(s), "Session " + (s + 1) + ", x-z plane through the needle:"
                    + " lateral displacement of the immediate contraction.");
        }
        // Session 1 keeps the plain names; later sessions add "_session<N>".
        for (int s = 0; s < outcome.result().sessions().size(); s++) {
            for (Charts.CrossSection c : Charts.CrossSection.values()) {
                charts.put(crossSectionName(c, s), "Session " + (s + 1) + ", x-z plane through the needle: "
                        + c.title + ".");
            }
        }
        List<String> vti = new ArrayList<>();
        if (outcome.scenario().output().vti()) {
            for (int s = 0; s < outcome.result().sessions().size(); s++) {
                vti.add(String.format(Locale.ROOT, "thermal_session%d.vti", s + 1));
            }
            for (BiologySnapshot snap : outcome.snapshots()) {
                vti.add(biologyName(snap));
            }
        }
        List<String> files = new ArrayList<>();
        files.add(TIMESERIES);
        files.add(PROFILES);
        files.addAll(charts.keySet());
        files.addAll(vti);
        files.add(SUMMARY);
        files.add(REPORT);

        progress.accept("tables");
        atomically(dir.resolve(TIMESERIES), f -> timeseries(outcome, f));
        atomically(dir.resolve(PROFILES), f -> profiles(outcome, f));
        progress.accept("summary");
        String summary = Json.write(Summary.json(outcome, source, version, files));
        atomically(dir.resolve(SUMMARY), f -> Files.writeString(f, summary, StandardCharsets.UTF_8));
        afterSummary.run();

        // The charts and VTK fields are independent files: written side by side on the run's threads (each
        // file's bytes do not depend on the order; the first failure, in the order below, is the one reported).
        List<String> names = new ArrayList<>();
        List<FileWriter> writers = new ArrayList<>();
        names.add("percent_vs_control.png");
        writers.add(f -> Charts.percentVsControl(outcome, f));
        for (LayerTimeSeries layer : outcome.result().layers()) {
            names.add(timeCourseName(layer));
            writers.add(f -> Charts.timeCourse(outcome, layer, f));
        }
        if (!outcome.result().profiles().isEmpty()) {
            names.add("depth_profiles.png");
            writers.add(f -> Charts.depthProfiles(outcome, f));
        }
        names.add("impedance.png");
        writers.add(f -> Charts.impedance(outcome, f));
        names.add(Clinical.CONTRACTION_CHART);
        writers.add(f -> Clinical.contractionChart(outcome, f));
        for (int s = 0; s < outcome.result().sessions().size(); s++) {
            int session = s;
            names.add(Clinical.displacementChartName(s));
            writers.add(f -> Clinical.displacementChart(outcome, session, f));
        }
        for (int s = 0; s < outcome.result().sessions().size(); s++) {
            int session = s;
            for (Charts.CrossSection c : Charts.CrossSection.values()) {
                names.add(crossSectionName(c, s));
                writers.add(f -> Charts.crossSection(outcome, session, c, f));
            }
        }
        int chartCount = names.size();
        if (outcome.scenario().output().vti()) {
            List<RfTreatmentResult> sessions = outcome.result().sessions();
            for (int s = 0; s < sessions.size(); s++) {
                RfTreatmentResult rf = sessions.get(s);
                names.add(vti.get(s));
                writers.add(f -> Vti.write(f, outcome.thermalGrid(), thermalArrays(outcome, rf), VTI_INTEGERS,
                        vtiEncoding(outcome)));
            }
            for (BiologySnapshot snap : outcome.snapshots()) {
                names.add(biologyName(snap));
                writers.add(f -> Vti.write(f, outcome.biologyGrid(), biologyArrays(outcome, snap), VTI_INTEGERS,
                        vtiEncoding(outcome)));
            }
        }
        progress.accept(names.size() > chartCount ? "charts, VTK fields" : "charts");
        int threads = outcome.scenario().numerics().threads() == 0 ? Runtime.getRuntime().availableProcessors()
                : outcome.scenario().numerics().threads();
        writeAll(dir, names, writers, threads);
        progress.accept("report");
        String html = HtmlReport.html(outcome, source, version, dir, charts, files);
        atomically(dir.resolve(REPORT), f -> Files.writeString(f, html, StandardCharsets.UTF_8));
        return files;
    }

    /**
     * Writes files side by side on up to {@code threads} threads, each with {@link #atomically}.
     *
     * @throws IOException the first failure in list order, once every writer has finished
     */
    private static void writeAll(Path dir, List<String> names, List<FileWriter> writers, int threads)
            throws IOException {
        int n = Math.max(1, Math.min(threads, names.size()));
        if (n == 1) {
            for (int i = 0; i < names.size(); i++) {
                atomically(dir.resolve(names.get(i)), writers.get(i));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "ecmsim-output");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Path file = dir.resolve(names.get(i));
                FileWriter w = writers.get(i);
                done.add(pool.submit(() -> {
                    atomically(file, w);
                    return null;
                }));
            }
            // Every file is finished (complete under its name, or its temporary file removed) before a failure
            // is reported: the first one in list order.
            IOException first = null;
            for (Future<?> f : done) {
                IOException e = Writes.failureOf(f, cause -> "cannot write into " + dir + ": " + cause);
                if (first == null) {
                    first = e;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Writes one file. */
    @FunctionalInterface
    public interface FileWriter {
        /**
         * @param file where to write (a temporary name)
         * @throws IOException if writing fails
         */
        void write(Path file) throws IOException;
    }

    /**
     * Writes a file under the temporary name {@code NAME.tmp}, then renames it to {@code NAME} (atomically where the
     * file system can). On failure the temporary file is removed and the exception names the final file.
     *
     * @param file the final name
     * @param writer writes the content to the path it is given
     * @throws IOException if writing or renaming fails: "cannot write FILE: reason"
     */
    public static void atomically(Path file, FileWriter writer) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + file + ": " + reason(io), e);
            }
            throw e;
        }
    }

    /**
     * @param e an I/O failure
     * @return its reason in words, without Java class names ("No space left on device", "Permission denied")
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileSystemException) {
            return e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "it already exists"
                    : "file system error";
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return "input/output error";
    }

    private static String timeCourseName(LayerTimeSeries layer) {
        return "timecourse_" + slug(layer.layer()) + ".png";
    }

    private static String crossSectionName(Charts.CrossSection c, int session) {
        return "cross_section_" + c.name().toLowerCase(Locale.ROOT) + (session == 0 ? "" : "_session" + (session + 1))
                + ".png";
    }

    private static String biologyName(BiologySnapshot snap) {
        if (snap.day() != Math.rint(snap.day())) {
            return String.format(Locale.ROOT, "biology_day%06.2f.vti", snap.day());
        }
        return String.format(Locale.ROOT, "biology_day%03d.vti", Math.round(snap.day()));
    }

    /**
     * @param outcome the run
     * @param rf a session
     * @return the session's fields on the thermal grid, by VTK array name
     */
    static Map<String, double[]> thermalArrays(Outcome outcome, RfTreatmentResult rf) {
        ThermalRunResult t = rf.thermal();
        Map<String, double[]> a = new LinkedHashMap<>();
        double[] peak = t.peakTemperature().values().clone();
        for (int c = 0; c < peak.length; c++) {
            peak[c] = Units.kelvinToCelsius(peak[c]);
        }
        a.put("peak_temperature_C", peak);
        for (int p = 0; p < t.processes().size(); p++) {
            a.put("omega_" + slug(t.processes().get(p).name()), t.omega().get(p).values().clone());
        }
        a.put("cem43_min", t.cem43().values().clone());
        a.put("layer", layers(outcome.thermalLayers()));
        CellMask needle = outcome.needle();
        double[] n = new double[peak.length];
        for (int c = 0; c < n.length; c++) {
            n[c] = needle.contains(c) ? 1 : 0;
        }
        a.put("needle", n);
        List<RfTreatmentResult> all = outcome.result().sessions();
        for (int s = 0; s < all.size(); s++) {
            if (all.get(s) == rf && s < outcome.result().clinical().sessions().size()) {
                // the immediate contraction of this session (µm), x and y from the needle axis, z downward
                org.ecmsim.simulation.course.SessionClinical sc = outcome.result().clinical().sessions().get(s);
                a.put("displacement_x_um", um(sc.displacementX()));
                a.put("displacement_y_um", um(sc.displacementY()));
                a.put("displacement_z_um", um(sc.displacementZ()));
            }
        }
        return a;
    }

    private static double[] um(double[] metres) {
        double[] out = new double[metres.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = Units.toUm(metres[c]);
        }
        return out;
    }

    /** The VTK arrays that hold whole numbers (written as integers). */
    static final java.util.Set<String> VTI_INTEGERS = java.util.Set.of("layer", "needle");

    private static Vti.Encoding vtiEncoding(Outcome outcome) {
        return Vti.Encoding.valueOf(outcome.scenario().output().vtiEncoding().name());
    }

    /**
     * @param species a biology field
     * @return its VTK array name without the treated_/control_ prefix, with its unit: "collagen_i_kg_m3", "mmp"
     */
    static String vtiName(Species species) {
        String unit = species.unit().equals("1") ? "" : "_" + slug(species.unit().replace("³", "3"));
        return species.name().toLowerCase(Locale.ROOT) + unit;
    }

    private static Map<String, double[]> biologyArrays(Outcome outcome, BiologySnapshot snap) {
        Map<String, double[]> a = new LinkedHashMap<>();
        for (Species s : Species.values()) {
            a.put("treated_" + vtiName(s), snap.treated().get(s));
        }
        for (Species s : Species.values()) {
            a.put("control_" + vtiName(s), snap.control().get(s));
        }
        a.put("layer", layers(outcome.biologyLayers()));
        return a;
    }

    private static double[] layers(MaterialMap map) {
        double[] out = new double[map.grid().cellCount()];
        for (int c = 0; c < out.length; c++) {
            out[c] = map.get(c);
        }
        return out;
    }

    private static void timeseries(Outcome outcome, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write("day,layer,species,treated,control,percent_vs_control\n");
            for (LayerTimeSeries l : outcome.result().layers()) {
                double[] days = Summary.days(l);
                for (Species s : Species.values()) {
                    for (int i = 0; i < days.length; i++) {
                        double p = l.percentVsControl(s, i);
                        w.write(num(days[i]) + "," + l.layer() + "," + s.name() + "," + num(l.treated().get(s)[i])
                                + "," + num(l.control().get(s)[i]) + "," + (Double.isNaN(p) ? "" : num(p)) + "\n");
                    }
                }
            }
        }
    }

    private static void profiles(Outcome outcome, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write("day,depth_mm,species,treated,control\n");
            for (DepthProfile p : outcome.result().profiles()) {
                for (Species s : Species.values()) {
                    for (int k = 0; k < p.depths().length; k++) {
                        w.write(num(p.time() / Units.DAY) + "," + mm(p.depths()[k]) + "," + s.name() + ","
                                + num(p.treated().get(s)[k]) + "," + num(p.control().get(s)[k]) + "\n");
                    }
                }
            }
        }
    }

    /** A depth in mm to 12 significant digits, so that 0.1 mm is written "0.1", not "0.09999999999999999". */
    private static String mm(double metres) {
        return new java.math.BigDecimal(Units.toMm(metres)).round(new java.math.MathContext(12))
                .stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return Double.toString(v); // shortest text that reads back to the same double
    }

    /**
     * @param name a layer or process name
     * @return a file-name-safe lower-case version: "reticular_dermis"
     */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
