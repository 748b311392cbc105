package org.ecmsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/user-guide.md documents every scenario key of {@link ScenarioKeys} with the default, range and units the parser
 * enforces, and documents no key the parser does not know, so the guide cannot drift from the code.
 *
 * <p>Surefire runs with the module directory ({@code cli/}) as the working directory, hence {@code ../docs}.
 */
class UserGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "user-guide.md");

    /** A row of a key table: {@code | `section.key` | ...}, for the top-level sections of a scenario. */
    private static final Pattern KEY_ROW =
            Pattern.compile("^\\| `((?:skin|tip|treatment|numerics|output|safety|outcomes|clinical)\\.[^`]*)` \\|.*$");

    private static String text;
    private static List<String> lines;

    @BeforeAll
    static void readTheGuide() throws IOException {
        assertThat(GUIDE).as("the user guide, relative to the cli module").isRegularFile();
        text = Files.readString(GUIDE, StandardCharsets.UTF_8);
        lines = text.lines().toList();
    }

    @Test
    void everyKeyPathAppears() {
        assertThat(ScenarioKeys.all()).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Key k : ScenarioKeys.all()) {
            if (!text.contains("`" + k.path() + "`")) {
                missing.add(k.path());
            }
        }
        assertThat(missing).as("scenario keys missing from docs/user-guide.md").isEmpty();
    }

    @Test
    void everyKeyHasATableRowWithItsDefaultRangeAndUnits() {
        List<String> problems = new ArrayList<>();
        for (Key k : ScenarioKeys.all()) {
            String row = row(k.path());
            if (row == null) {
                problems.add(k.path() + ": no table row starting with | `" + k.path() + "` |");
                continue;
            }
            if (!row.contains(k.defaultText())) {
                problems.add(k.path() + ": default '" + k.defaultText() + "' not in its row");
            }
            if (!row.contains(k.units())) {
                problems.add(k.path() + ": units '" + k.units() + "' not in its row");
            }
            if (k.kind() == Key.Kind.CHOICE) {
                // the parser's range joins the words with '|', which a Markdown table cannot hold: check each word
                for (String choice : k.choices()) {
                    if (!row.contains(choice)) {
                        problems.add(k.path() + ": choice '" + choice + "' not in its row");
                    }
                }
            } else if (!row.contains(k.range())) {
                problems.add(k.path() + ": range '" + k.range() + "' not in its row");
            }
        }
        assertThat(problems).as("key rows of docs/user-guide.md that disagree with ScenarioKeys").isEmpty();
    }

    @Test
    void theGuideDocumentsNoKeyTheParserDoesNotKnow() {
        Set<String> known = new TreeSet<>();
        for (Key k : ScenarioKeys.all()) {
            known.add(k.path());
        }
        Set<String> unknown = new TreeSet<>();
        for (String line : lines) {
            Matcher m = KEY_ROW.matcher(line);
            if (m.matches() && !known.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        assertThat(unknown).as("key rows in docs/user-guide.md for keys ScenarioKeys does not have").isEmpty();
    }

    /** @return the table row for the key, or null */
    private static String row(String path) {
        String start = "| `" + path + "` |";
        for (String line : lines) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        return null;
    }
}
