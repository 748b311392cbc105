package org.ecmsim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecmsim.cli.run.CourseRunner;
import org.ecmsim.cli.run.CourseRunner.Outcome;
import org.ecmsim.scenario.ScenarioParser;
import org.ecmsim.parallel.ParallelExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HtmlReport} on a small real run with hostile text: the page is self-contained (images as data URIs that
 * decode to the chart bytes, no external reference), user text is escaped, the tables are there, and the tags are
 * balanced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportTest {

    private static final String SOURCE = "my <scenario> & \"co\".yaml";
    private static final String VERSION = "1.0<script>alert(1)</script>";
    private static final byte[] CHART = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, (byte) 0xff};

    @TempDir
    static Path dir;
    private String html;
    private Outcome outcome;

    @BeforeAll
    void render() throws Exception {
        outcome = CourseRunner.run(ScenarioParser.parse("""
                tip: {rows: 3, columns: 3}
                treatment: {sessions: 1, follow_up: 2 d}
                numerics: {cell_size: 100 um, biology_step: 6 h}
                output: {sample_every: 1 d, snapshot_days: [1 d]}
                """, "t.yaml"), ParallelExecutor.serial(), new CourseRunner.Progress() { });
        Files.write(dir.resolve("a&b.png"), CHART);
        Files.write(dir.resolve("second.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 9});
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("a&b.png", "temperature < 100 °C & more");
        charts.put("second.png", "plain caption");
        html = HtmlReport.html(outcome, SOURCE, VERSION, dir, charts, List.of("summary.json", "x<y>.csv"));
    }

    @Test
    void imagesAreEmbeddedAsDataUrisOfTheChartBytes() {
        Matcher m = Pattern.compile("<img alt=\"([^\"]*)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">")
                .matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("a&amp;b.png");
        assertThat(Base64.getDecoder().decode(m.group(2))).containsExactly(CHART);
        assertThat(m.find()).isTrue();
        assertThat(m.find()).as("one image per chart").isFalse();
    }

    @Test
    void nothingIsLoadedFromOutside() {
        // every src is a data URI; no scripts, stylesheets, frames or absolute URLs
        Matcher src = Pattern.compile("\\bsrc=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
        }
        assertThat(html).doesNotContain("<script", "<link", "<iframe", "http://", "https://", "url(", "@import");
        // the only links are to the run's own files, relative
        Matcher href = Pattern.compile("\\bhref=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertThat(href.group(1)).doesNotContain(":", "/");
        }
    }

    @Test
    void userTextIsEscaped() {
        assertThat(html).contains("my &lt;scenario&gt; &amp; &quot;co&quot;.yaml")
                .contains("1.0&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("temperature &lt; 100 °C &amp; more")
                .contains("<a href=\"x&lt;y&gt;.csv\">x&lt;y&gt;.csv</a>")
                .doesNotContain(SOURCE, VERSION, "x<y>");
        // no bare '&' that does not start an entity
        Matcher amp = Pattern.compile("&(?![a-zA-Z]+;|#[0-9]+;)").matcher(html);
        assertThat(amp.find()).as("bare & at %d", amp.find(0) ? amp.start() : -1).isFalse();
    }

    @Test
    void containsTheTables() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Sessions</h2>", "<h2>Safety margins</h2>",
                "Change vs untreated control on day 2", "<h2>Charts</h2>", "<h2>Files</h2>", "<h2>Settings</h2>");
        // outcomes: header + one row per region (first, before the sessions); sessions: header + one row;
        // clinical outcomes: header + one row per session; safety: header + two rows; change: header + one row per
        // layer; settings
        assertThat(html.indexOf("Outcomes by region")).isLessThan(html.indexOf("<h2>Sessions</h2>"));
        assertThat(html).contains("<h2>Clinical outcomes per session</h2>");
        int tables = html.split("<table>", -1).length - 1;
        assertThat(tables).isEqualTo(6);
        int layers = outcome.result().layers().size();
        int regions = outcome.result().outcomes().size();
        int settingsRows = html.substring(html.indexOf("<h2>Settings</h2>")).split("<tr>", -1).length - 1;
        assertThat(html.split("<tr>", -1).length - 1 - settingsRows)
                .isEqualTo((1 + regions) + (1 + 1) + (1 + outcome.result().sessions().size()) + (1 + 2)
                        + (1 + layers));
        // the safety table carries the numbers of Summary: limit − peak, to one decimal
        double peak = Summary.worstPeak(outcome, Summary.EPIDERMIS);
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "<td>%.1f</td><td>%.1f</td><td>%+.1f</td>",
                peak, 43.0, 43.0 - peak));
        // the settings are a table with units in the names, not raw JSON
        assertThat(html).doesNotContain("<pre>").contains("<td>pitch (mm)</td><td>1</td>",
                "<td>cell size (µm)</td><td>100</td>", "<th class=\"group\" colspan=\"2\">treatment › pass 1</th>",
                "<td>snapshot days</td><td>1</td>", "<td>pattern</td><td>alternating rows</td>").doesNotContain("[D@");
    }

    /** The key findings come first, with the numbers of the table, and the session count reads as English. */
    @Test
    void keyFindingsComeFirstWithTheTableNumbers() {
        assertThat(html.indexOf("Key findings")).isPositive().isLessThan(html.indexOf("<h2>Sessions</h2>"));
        Summary.SessionRow row = Summary.sessions(outcome).get(0);
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "Session 1 (day 0): peak %.1f &deg;C",
                row.peak()));
        assertThat(html).contains("1 session, followed to day 2").doesNotContain("session(s)");
        assertThat(html).contains("within the limit").contains("Peak = the highest temperature");
    }

    /** Start and end tags nest properly (void elements excepted) and every opened element is closed. */
    @Test
    void tagsAreBalanced() {
        Set<String> voids = Set.of("meta", "img", "br", "hr", "link", "input");
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>").matcher(html.replaceFirst(
                "(?i)<!DOCTYPE html>", ""));
        int count = 0;
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            count++;
            if (voids.contains(name)) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open).as("closing </%s> at %d", name, tag.start()).isNotEmpty();
                assertThat(open.pop()).as("closing </%s> at %d", name, tag.start()).isEqualTo(name);
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
        assertThat(count).isGreaterThan(50);
        assertThat(html.indexOf("<style>")).isLessThan(html.indexOf("</head>"));
    }
}
