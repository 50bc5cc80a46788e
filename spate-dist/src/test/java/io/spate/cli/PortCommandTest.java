package io.spate.cli;

import static io.spate.cli.SpateCliTest.spate;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cli.SpateCliTest.Result;
import io.spate.testing.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spate port} on a program written against Flink's API (src/test/resources/port-fixture). */
class PortCommandTest {

  @TempDir
  Path dir;

  @Test
  void aPortedFlinkProgramCompilesAgainstSpateAndCountsAsFlinkWould() throws Exception {
    Path sources = copyFixture();

    Result result = spate("port", sources.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).as("no Flink name left without a Spate class").doesNotContain("Spate has no class for")
        .contains("Changed 2 file(s); 0 Flink name(s) without a Spate class.");
    Map<String, String> ported = javaSources(sources);
    assertThat(String.join("\n", ported.values())).doesNotContain("import org.apache.flink")
        .contains("written for org.apache.flink.streaming.api", "Flink's packages are\n * org.apache.flink.api.common.functions");

    Path jar = TestJars.compiledJar(dir.resolve("ported.jar"), ported);
    List<String> lines = List.of("Apples and avocados", "bananas, a berry", "Cherries and apricots and beans");
    List<String> args = new ArrayList<>(List.of("run", "--class", "com.example.letters.LetterCounts", jar.toString()));
    args.addAll(lines);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    Result run;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      run = spate(args.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.matches("[a-z]=\\d+")).toList())
        .containsExactlyInAnyOrderElementsOf(expectedCounts(lines));
  }

  @Test
  void portingTwiceChangesNothingTheSecondTime() throws Exception {
    Path sources = copyFixture();
    assertThat(spate("port", sources.toString()).exitCode()).isZero();
    Map<String, String> once = javaSources(sources);

    Result again = spate("port", sources.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("Changed 0 file(s)");
    assertThat(javaSources(sources)).isEqualTo(once);
  }

  @Test
  void namesSpateLacksAreReportedWithFileAndLineAndLeftAsTheyAre() throws Exception {
    Path file = dir.resolve("src/Job.java");
    Files.createDirectories(file.getParent());
    String source = "package demo;\n\n"
        + "import org.apache.flink.streaming.api.datastream.DataStream;\n"
        + "import org.apache.flink.streaming.api.NoSuchThing;\n"
        + "class Job {\n"
        + "  Object made = new org.apache.flink.streaming.api.AlsoMissing.Inner();\n"
        + "}\n";
    Files.writeString(file, source);

    Result result = spate("port", dir.resolve("src").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains(
        file + ":4: Spate has no class for org.apache.flink.streaming.api.NoSuchThing; left as it is",
        file + ":6: Spate has no class for org.apache.flink.streaming.api.AlsoMissing; left as it is",
        "Changed 1 file(s); 2 Flink name(s) without a Spate class.");
    assertThat(Files.readString(file)).isEqualTo(source
        .replace("org.apache.flink.streaming.api.datastream.DataStream", "io.spate.api.datastream.DataStream"));
  }

  @Test
  void aDryRunPrintsAUnifiedDiffAndWritesNothing() throws Exception {
    Path sources = copyFixture();
    Map<String, String> before = javaSources(sources);

    Result result = spate("port", "--dry-run", sources.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(javaSources(sources)).isEqualTo(before);
    assertThat(result.out()).contains(
        "--- a/com/example/letters/filters/ShortWords.java\n+++ b/com/example/letters/filters/ShortWords.java\n"
            + "@@ -3,1 +3,1 @@\n-import org.apache.flink.api.common.functions.FilterFunction;\n"
            + "+import io.spate.api.functions.FilterFunction;\n");
    assertThat(result.err()).contains("Would change 2 file(s)");
  }

  @Test
  void aPathThatIsNoDirectoryIsAUsageError() {
    Result result = spate("port", dir.resolve("absent").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("'" + dir.resolve("absent") + "' is not a directory");
  }

  @Test
  void aFileThatIsNotUtf8IsReportedAndLeftAlone() throws Exception {
    Path file = dir.resolve("Latin1.java");
    byte[] latin1 = "import org.apache.flink.util.Collector; // caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, latin1);

    Result result = spate("port", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains(file + ": not read, it is not UTF-8 text");
    assertThat(Files.readAllBytes(file)).isEqualTo(latin1);
  }

  @Test
  void helpDescribesTheCommand() {
    Result result = spate("port", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: spate port", "--dry-run", "<dir>");
  }

  /** What LetterCounts gives, computed without any stream processor: per first letter, 1..n for its n long words. */
  private static List<String> expectedCounts(List<String> lines) {
    Map<String, Integer> perLetter = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (String line : lines) {
      for (String word : line.toLowerCase().split("\\W+")) {
        if (word.length() >= 3) {
          String letter = word.substring(0, 1);
          expected.add(letter + "=" + perLetter.merge(letter, 1, Integer::sum));
        }
      }
    }
    return expected;
  }

  private Path copyFixture() throws IOException, URISyntaxException {
    Path fixture = Path.of(getClass().getResource("/port-fixture").toURI());
    Path target = dir.resolve("sources");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(fixture.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        try (InputStream in = Files.newInputStream(file)) {
          Files.copy(in, copy);
        }
      }
    }
    return target;
  }

  /** Class name to source, for every .java file under {@code root}. */
  private static Map<String, String> javaSources(Path root) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
        sources.put(name, Files.readString(file));
      }
    }
    return sources;
  }
}
