package io.spate.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {

  private static final String TEXT = String.join("\n",
      "To be, or not to be: that is the question.",
      "Whether 'tis nobler in the mind to suffer",
      "The Slings and Arrows of outrageous FORTUNE,",
      "",
      "ÉTÉ naïve café 42 x-ray O'Neil   to_be\tor--not",
      "the end");

  @TempDir
  Path dir;

  @Test
  void batchModeWritesOneLinePerDistinctWordWithItsCount() throws Exception {
    Path input = write("hamlet.txt", TEXT);
    Path output = dir.resolve("counts.csv");

    WordCount.run(new String[] {"--input", input.toString(), "--output", output.toString()});

    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(countWords(TEXT).size());
    assertThat(parse(lines)).isEqualTo(countWords(TEXT));
  }

  @Test
  void batchModeCountsALargerInputAtFullParallelism() throws Exception {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 20_000; line++) {
      for (int word = 0; word < 8; word++) {
        // Zipf-like: few words are frequent, many are rare.
        int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 3_000);
        text.append(word == 0 ? "" : random.nextBoolean() ? " " : ", ").append(wordOfRank(rank));
      }
      text.append('\n');
    }
    Path input = write("large.txt", text.toString());
    Path output = dir.resolve("counts.csv");

    WordCount.run(new String[] {"--input", input.toString(), "--output", output.toString(), "--mode", "batch"});

    List<String> lines = Files.readAllLines(output);
    Map<String, Long> expected = countWords(text.toString());
    assertThat(lines).hasSize(expected.size());
    assertThat(parse(lines)).isEqualTo(expected);
  }

  @Test
  void streamingModeWritesOneLinePerUpdateEndingWithTheFinalCount() throws Exception {
    Path input = write("hamlet.txt", TEXT);
    Path output = dir.resolve("updates.csv");

    WordCount.run(new String[] {"--input", input.toString(), "--output", output.toString(), "--mode", "streaming"});

    List<String> lines = Files.readAllLines(output);
    Map<String, Long> expected = countWords(TEXT);
    long words = expected.values().stream().mapToLong(Long::longValue).sum();
    assertThat(lines).hasSize((int) words);
    Map<String, List<Long>> updates = new LinkedHashMap<>();
    for (String line : lines) {
      String[] fields = line.split(",", -1);
      assertThat(fields).hasSize(2);
      updates.computeIfAbsent(fields[0], w -> new ArrayList<>()).add(Long.parseLong(fields[1]));
    }
    assertThat(updates.keySet()).isEqualTo(expected.keySet());
    updates.forEach((word, counts) -> {
      // The updates of one word arrive in order: 1, 2, ..., final count.
      assertThat(counts).as(word).hasSize(expected.get(word).intValue());
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i)).as(word).isEqualTo(i + 1L);
      }
    });
  }

  @Test
  void readsEveryFileOfADirectory() throws Exception {
    Path input = Files.createDirectory(dir.resolve("books"));
    Files.writeString(input.resolve("a.txt"), "one two two\n");
    Files.writeString(input.resolve("b.txt"), "Two three three THREE\n");
    Path output = dir.resolve("counts.csv");

    WordCount.run(new String[] {"--input", input.toString(), "--output", output.toString()});

    assertThat(parse(Files.readAllLines(output))).isEqualTo(Map.of("one", 1L, "two", 3L, "three", 3L));
  }

  @Test
  void wrongArgumentsSayWhatIsWrong() throws Exception {
    Path input = write("in.txt", "x");
    assertThatThrownBy(() -> WordCount.run(new String[] {"--input", input.toString()}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Missing required option '--output'.");
    assertThatThrownBy(() -> WordCount.run(new String[] {"--input", input.toString(), "--output", "o", "--mode", "fast"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option '--mode' must be one of batch, streaming, but was 'fast'.");
    assertThatThrownBy(() -> WordCount.run(new String[] {"--input", dir.resolve("none").toString(), "--output", "o"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Input not found: " + dir.resolve("none"));
    assertThatThrownBy(() -> WordCount.run(new String[] {"in.txt"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Unexpected argument 'in.txt'.");
  }

  @Test
  void mainExitsWithTwoAndPrintsTheUsageOnWrongArguments() throws Exception {
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            WordCount.class.getName(), "--input")
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(err.toFile())
        .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    List<String> lines = Files.readAllLines(err);
    assertThat(lines.get(0)).isEqualTo("Option '--input' needs a value.");
    assertThat(lines).contains("Usage: wordcount --input <file> --output <file> [--mode batch|streaming]");
  }

  /** Counts words the plain way: runs of the letters a to z, after lower-casing. */
  private static Map<String, Long> countWords(String text) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      StringBuilder word = new StringBuilder();
      String lower = line.toLowerCase(java.util.Locale.ROOT) + " ";
      for (char c : lower.toCharArray()) {
        if (c >= 'a' && c <= 'z') {
          word.append(c);
        } else if (word.length() > 0) {
          counts.merge(word.toString(), 1L, Long::sum);
          word.setLength(0);
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> parse(List<String> lines) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines) {
      String[] fields = line.split(",", -1);
      assertThat(fields).as(line).hasSize(2);
      Long previous = counts.put(fields[0], Long.parseLong(fields[1]));
      assertThat(previous).as("second line for '%s'", fields[0]).isNull();
    }
    return counts;
  }

  private static String wordOfRank(int rank) {
    StringBuilder word = new StringBuilder();
    int n = rank;
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return rank % 7 == 0 ? word.toString().toUpperCase(java.util.Locale.ROOT) : word.toString();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
