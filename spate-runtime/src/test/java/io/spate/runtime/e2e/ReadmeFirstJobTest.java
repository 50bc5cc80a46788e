package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's first job, {@link WordCountJob}, and reads what it prints. */
class ReadmeFirstJobTest {

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
    assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("WordCount[word=to, count=2]"));
    assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("WordCount[word=be, count=2]"));
  }
}
