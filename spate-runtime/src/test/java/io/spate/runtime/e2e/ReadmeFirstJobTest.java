package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the README's first job, {@link WordCountJob}, and reads what it prints. */
class ReadmeFirstJobTest {

  private static final Pattern COUNT = Pattern.compile("WordCount\\[word=(\\w+), count=(\\d+)\\]");

  @Test
  void theFirstJobPrintsEveryUpdatedCount() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;
    // The print sink takes System.out when its writers are created, which is during main.
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      WordCountJob.main(new String[0]);
    } finally {
      System.setOut(standardOut);
    }

    List<String> lines = Arrays.stream(printed.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.contains("WordCount["))
        .toList();
    assertThat(lines).as("one line per word read: 6 + 4 words").hasSize(10);
    assertThat(lines).allSatisfy(line -> assertThat(line).matches("[12]> WordCount\\[word=\\w+, count=[12]\\]"));
    Map<String, Long> last = new TreeMap<>();
    for (String line : lines) {
      Matcher count = COUNT.matcher(line);
      assertThat(count.find()).as("a count in '%s'", line).isTrue();
      last.merge(count.group(1), Long.parseLong(count.group(2)), Math::max);
    }
    assertThat(last).isEqualTo(Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L,
        "that", 1L, "is", 1L, "the", 1L, "question", 1L));
  }
}
