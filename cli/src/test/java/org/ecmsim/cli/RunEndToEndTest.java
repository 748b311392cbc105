package org.ecmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecmsim.biology.Species;
import org.ecmsim.cli.output.ResultFiles;
import org.ecmsim.cli.output.Vti;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code ecmsim run} on a tiny scenario (3×3 tip, 100 µm cells, one session, one week) into a temporary folder:
 * every file is there and reads back, and the files agree with each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunEndToEndTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path tmp;
    private Path dir;
    private Cli run;
    private Map<String, Object> summary;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void runTheTinyScenario() throws Exception {
        Path scenario = Path.of(getClass().getResource("/scenarios/tiny.yaml").toURI());
        dir = tmp.resolve("out");
        run = Cli.run("run", scenario.toString(), "--out", dir.toString());
        assertThat(run.code).as(run.toString()).isZero();
        // JSON is YAML 1.2, so the YAML loader parses it
        summary = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve(ResultFiles.SUMMARY)));
    }

    @Test
    void printsProgressAndTheSummaryTable() {
        assertThat(run.err).contains("cells: needs about", "MiB of heap", "MiB available");
        assertThat(run.err.indexOf("needs about")).as("the need is stated before the thermal phase runs")
                .isLessThan(run.err.indexOf("thermal phase ..."));
        assertThat(run.err.indexOf("estimated run time: about")).as("the estimate comes before the first session")
                .isPositive().isLessThan(run.err.indexOf("thermal phase ..."));
        // stderr is not a terminal here: plain lines, no carriage returns
        assertThat(run.err).contains("session 1/1 (day 0): thermal phase ...\n",
                "session 1/1 (day 0): thermal phase done in", "biology: day 7 of 7", "writing results:", "done in")
                .doesNotContain("\r")
                .containsPattern("\n    thermal [2-4]\\d % \\(pass 1/1, pulse 1/1\\), about \\d+ s left\n");
        assertThat(run.out).contains("1 session (energy and impedance: whole tip", "impedance (Ω)", "peak = the",
                "zone width = the widest extent", "Safety margins", "epidermis",
                "subcutaneous fat", "Change vs untreated control on day 7 (%)", "coll I", "coll III", "elastin",
                "HA", "reticular dermis", "papillary dermis", "Results: " + dir);
        Cli quiet = Cli.run("run", "--quiet", "--help");
        assertThat(quiet.err).isEmpty();
        assertThat(quiet.code).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListedFileExists() {
        List<String> files = (List<String>) summary.get("files");
        assertThat(files).contains("summary.json", "timeseries.csv", "profiles.csv", "report.html",
                "percent_vs_control.png", "timecourse_reticular_dermis.png", "depth_profiles.png", "impedance.png",
                "cross_section_temperature.png", "cross_section_omega.png", "cross_section_cem43.png",
                "thermal_session1.vti", "biology_day001.vti", "biology_day007.vti");
        for (String f : files) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryJsonHasTheDocumentedKeys() {
        assertThat(summary).containsKeys("ecmsim_version", "scenario", "settings", "grid", "sessions",
                "safety_margins", "follow_up_day", "layers", "species_units", "mass_balance_treated", "wall_clock",
                "files");
        Map<String, Object> settings = (Map<String, Object>) summary.get("settings");
        assertThat(settings).containsKeys("skin", "tip", "treatment", "numerics", "output", "safety");
        assertThat((Map<String, Object>) settings.get("tip")).containsEntry("rows", 3);
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) summary.get("sessions");
        assertThat(sessions).hasSize(1);
        Map<String, Object> s = sessions.get(0);
        assertThat(s).containsKeys("session", "day", "delivered_energy_J", "peak_temperature_C", "pulses",
                "lethal_zones", "regions", "safety_margins", "unit_cell_heat_budget");
        // 9 pins × 30 mJ
        assertThat(((Number) s.get("delivered_energy_J")).doubleValue()).isCloseTo(0.27, within(1e-9));
        Map<String, Object> pulse = ((List<Map<String, Object>>) s.get("pulses")).get(0);
        assertThat(((Number) pulse.get("energy_per_pin_mJ")).doubleValue()).isCloseTo(30, within(1e-9));
        Map<String, Object> margins = (Map<String, Object>) summary.get("safety_margins");
        assertThat(margins).containsKeys("epidermis", "subcutaneous fat");
        assertThat((Map<String, Object>) margins.get("epidermis")).containsKeys("peak_C", "limit_C", "margin_C",
                "within_limit");
        // The outcome names that studies and the calibration read (issue 11), under exactly these names.
        Map<String, Object> outcomes = (Map<String, Object>) summary.get("outcomes");
        Map<String, Object> lesion = (Map<String, Object>) outcomes.get("lesion");
        assertThat(lesion).containsKeys("days", "new_collagen_fraction", "type_iii_share_of_new_collagen",
                "hsp70_fold_over_basal", "hsp47_fold_over_basal");
        assertThat((Map<String, Object>) outcomes.get("dermis")).containsKeys("collagen_percent_vs_control",
                "new_collagen_fraction");
        List<Map<String, Object>> layers = (List<Map<String, Object>>) summary.get("layers");
        assertThat(layers).extracting(l -> l.get("layer")).containsExactly("papillary dermis", "reticular dermis",
                "subcutaneous fat");
        Map<String, Object> pct = (Map<String, Object>) layers.get(1).get("percent_vs_control");
        assertThat(pct).containsKeys("COLLAGEN_I", "COLLAGEN_III", "ELASTIN", "HYALURONAN");
        assertThat((List<Object>) pct.get("COLLAGEN_I")).hasSize(8); // days 0..7
        assertThat((Map<String, Object>) layers.get(1).get("percent_vs_control_at_follow_up"))
                .containsKeys("COLLAGEN_I", "COLLAGEN_III", "ELASTIN", "HYALURONAN");
    }

    @Test
    void csvFilesHaveTheirHeadersAndRows() throws Exception {
        List<String> ts = Files.readAllLines(dir.resolve(ResultFiles.TIMESERIES), StandardCharsets.UTF_8);
        assertThat(ts.get(0)).isEqualTo("day,layer,species,treated,control,percent_vs_control");
        assertThat(ts).hasSize(1 + 3 * Species.values().length * 8); // 3 layers × 19 species × 8 days
        for (String line : ts.subList(1, ts.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(6);
            Double.parseDouble(f[0]);
            Double.parseDouble(f[3]);
            Double.parseDouble(f[4]);
        }
        List<String> pr = Files.readAllLines(dir.resolve(ResultFiles.PROFILES), StandardCharsets.UTF_8);
        assertThat(pr.get(0)).isEqualTo("day,depth_mm,species,treated,control");
        // 2 snapshot days × 19 species × 25 planes (100 µm biology cells: the default is one thermal cell each)
        assertThat(pr.size() - 1).isEqualTo(2 * Species.values().length * 25);
        assertThat(pr.get(1)).startsWith("1,0.05,QUIESCENT_FIBROBLASTS,");
    }

    @Test
    void pngsArePngs() throws Exception {
        try (var files = Files.list(dir)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertThat(pngs).hasSizeGreaterThanOrEqualTo(9);
            for (Path p : pngs) {
                byte[] head = Arrays.copyOf(Files.readAllBytes(p), 8);
                assertThat(head).as(p.toString()).isEqualTo(PNG);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clinicalOutcomesUnderTheirNames() {
        Map<String, Object> clinical = (Map<String, Object>) ((Map<String, Object>) summary.get("outcomes"))
                .get("clinical");
        List<Object> immediate = (List<Object>) clinical.get("immediate_areal_contraction_percent");
        List<Object> days = (List<Object>) clinical.get("days");
        List<Object> later = (List<Object>) clinical.get("areal_contraction_percent");
        assertThat(immediate).hasSize(((List<Object>) summary.get("sessions")).size());
        assertThat(later).hasSameSizeAs(days).isNotEmpty();
        assertThat(((Number) later.get(later.size() - 1)).doubleValue()).isFinite();
    }

    @Test
    void reportIsSelfContained() throws Exception {
        String html = Files.readString(dir.resolve(ResultFiles.REPORT), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Sessions</h2>", "<h2>Safety margins</h2>",
                "Change vs untreated control on day 7", "data:image/png;base64,iVBORw0KGgo").endsWith("</html>\n");
        // 9 charts of the run, plus contraction.png and displacement_session1.png
        assertThat(html.split("data:image/png;base64,")).hasSize(1 + 11);
        assertThat(html).doesNotContain("src=\"http", "<script");
    }

    @Test
    @SuppressWarnings("unchecked")
    void vtiFilesReadBackAndAgreeWithTheOtherOutputs() throws Exception {
        Vti.Image thermal = Vti.read(dir.resolve("thermal_session1.vti"));
        List<Object> cells = (List<Object>) ((Map<String, Object>) summary.get("grid")).get("thermal_cells");
        assertThat(thermal.grid().nx()).isEqualTo(((Number) cells.get(0)).intValue());
        assertThat(thermal.grid().nz()).isEqualTo(((Number) cells.get(2)).intValue());
        assertThat(thermal.grid().dx()).isCloseTo(100e-6, within(1e-15));
        assertThat(thermal.arrays()).containsKeys("peak_temperature_C", "omega_henriques_1947_skin", "cem43_min",
                "layer", "needle", "displacement_x_um", "displacement_y_um", "displacement_z_um");
        double peak = Arrays.stream(thermal.arrays().get("peak_temperature_C")).max().orElseThrow();
        Map<String, Object> s = ((List<Map<String, Object>>) summary.get("sessions")).get(0);
        assertThat(peak).isCloseTo(((Number) s.get("peak_temperature_C")).doubleValue(), within(1e-9));

        // the layer mean of a 3-D biology field is the time-series value of that day
        Vti.Image bio = Vti.read(dir.resolve("biology_day007.vti"));
        double[] layer = bio.arrays().get("layer");
        double[] collagen = bio.arrays().get("treated_collagen_i_kg_m3");
        assertThat(thermal.types()).containsEntry("layer", "UInt8").containsEntry("needle", "UInt8")
                .containsEntry("peak_temperature_C", "Float64");
        assertThat(bio.arrays()).containsKeys("treated_quiescent_fibroblasts_cells_m3", "control_mmp");
        double sum = 0;
        int n = 0;
        for (int c = 0; c < layer.length; c++) {
            if (layer[c] == 2) { // reticular dermis
                sum += collagen[c];
                n++;
            }
        }
        String row = Files.readAllLines(dir.resolve(ResultFiles.TIMESERIES)).stream()
                .filter(l -> l.startsWith("7,reticular dermis,COLLAGEN_I,")).findFirst().orElseThrow();
        assertThat(sum / n).isEqualTo(Double.parseDouble(row.split(",")[3]));
    }
}
