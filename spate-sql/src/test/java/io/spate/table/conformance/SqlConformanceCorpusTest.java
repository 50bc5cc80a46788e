package io.spate.table.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script of the SQL conformance corpus (src/test/resources/conformance) on Spate and compares
 * its outcome with Flink's, recorded next to it in {@code NAME.expected}: the columns with their types, the
 * rows as a multiset, or that it is rejected (with a clear message). A script may differ from Flink only
 * as the corpus README's "Known differences" table says, exactly: a listed difference that is gone fails
 * too, so that the list stays true.
 */
class SqlConformanceCorpusTest {

  private static final Path CORPUS = Path.of("src", "test", "resources", "conformance");
  private static final Pattern KNOWN_ROW = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*([a-z, ]+?)\\s*\\|.*\\|\\s*$");
  private static final Set<String> KINDS = Set.of("rejects", "accepts", "unclear", "columns", "rows");

  @TestFactory
  Stream<DynamicTest> everyScriptGivesFlinksResult() throws IOException {
    Map<String, TreeSet<String>> known = knownDifferences();
    SpateConformanceRunner spate = new SpateConformanceRunner(CORPUS);
    return scripts().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      ConformanceOutcome expected = ConformanceOutcome.parse(name, read(name + ".expected"));
      String script = read(name + ".sql");
      ConformanceOutcome actual = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> spate.run(script),
          () -> name + ".sql did not end within two minutes on Spate");
      TreeSet<String> differences = actual.differencesFrom(expected);
      assertThat(differences)
          .as("%s.sql: the differences from Flink's result (the README lists %s)\n%s", name,
              known.getOrDefault(name, new TreeSet<>()), actual.describeAgainst(expected))
          .isEqualTo(known.getOrDefault(name, new TreeSet<>()));
    }));
  }

  @Test
  void everyScriptHasFlinksResultAndEveryKnownDifferenceAScript() throws IOException {
    List<String> scripts = scripts();
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(30);
    for (String name : scripts) {
      assertThat(CORPUS.resolve(name + ".expected")).as("Flink's recorded result of %s.sql", name).exists();
    }
    assertThat(scripts).containsAll(knownDifferences().keySet());
  }

  @Test
  void anOutcomeDiffersByKind() {
    ConformanceOutcome flink = ConformanceOutcome.parse("t", "# header\ncolumn: a INT\nrows: 2\n1\n1\n");
    assertThat(ConformanceOutcome.result(List.of("a INT"), List.of("1", "1")).differencesFrom(flink)).isEmpty();
    assertThat(ConformanceOutcome.result(List.of("a INT"), List.of("1")).differencesFrom(flink)).containsExactly("rows");
    assertThat(ConformanceOutcome.result(List.of("a BIGINT"), List.of("1", "1")).differencesFrom(flink))
        .containsExactly("columns");
    assertThat(ConformanceOutcome.rejected("x.Bad: a clear enough message").differencesFrom(flink))
        .containsExactly("rejects");
    ConformanceOutcome rejected = ConformanceOutcome.parse("t", "error: x.ValidationException: Column 'b' not found\n");
    assertThat(ConformanceOutcome.result(List.of(), List.of()).differencesFrom(rejected)).containsExactly("accepts");
    assertThat(ConformanceOutcome.rejected("x.ValidationException: Column 'b' is unknown").differencesFrom(rejected))
        .isEmpty();
    assertThat(ConformanceOutcome.rejected("java.lang.NullPointerException: Cannot invoke x").differencesFrom(rejected))
        .containsExactly("unclear");
  }

  private static List<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sql"))
          .map(f -> f.substring(0, f.length() - ".sql".length())).sorted().toList();
    }
  }

  /** The README's "Known differences" table: script name to the kinds of difference it lists. */
  private static Map<String, TreeSet<String>> knownDifferences() throws IOException {
    Map<String, TreeSet<String>> known = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : read("README.md").split("\n")) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Known differences");
        continue;
      }
      Matcher row = KNOWN_ROW.matcher(line);
      if (inSection && row.matches()) {
        TreeSet<String> kinds = new TreeSet<>();
        for (String kind : row.group(2).split(",")) {
          assertThat(KINDS).as("a kind of difference in the README's row for %s", row.group(1)).contains(kind.strip());
          kinds.add(kind.strip());
        }
        assertThat(known.put(row.group(1), kinds)).as("the README's second row for %s", row.group(1)).isNull();
      }
    }
    return known;
  }

  private static String read(String file) throws IOException {
    return Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
  }
}
