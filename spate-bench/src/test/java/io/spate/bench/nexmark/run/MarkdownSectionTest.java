package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSectionTest {

  private final MarkdownSection section = new MarkdownSection("nexmark");

  @Test
  void appendsTheSectionOnceAndThenReplacesItsBody(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\nIntro.\n");

    section.writeTo(file, "table one\n");
    String once = Files.readString(file);
    section.writeTo(file, "table one\n");

    assertThat(Files.readString(file)).isEqualTo(once);
    assertThat(once).startsWith("# Benchmarks\n\nIntro.\n\n<!-- nexmark:begin -->\ntable one\n<!-- nexmark:end -->");

    section.writeTo(file, "table two");
    String replaced = Files.readString(file);
    assertThat(replaced).contains("table two").doesNotContain("table one").startsWith("# Benchmarks\n\nIntro.\n");
    assertThat(replaced.split("nexmark:begin", -1)).hasSize(2);
  }

  @Test
  void keepsWhatFollowsTheSection() {
    String document = "a\n<!-- nexmark:begin -->\nold\n<!-- nexmark:end -->\nb\n";

    assertThat(section.replace(document, "new")).isEqualTo("a\n<!-- nexmark:begin -->\nnew\n<!-- nexmark:end -->\nb\n");
  }

  @Test
  void createsAMissingFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/report.md");

    section.writeTo(file, "body");

    assertThat(Files.readString(file)).isEqualTo("<!-- nexmark:begin -->\nbody\n<!-- nexmark:end -->\n");
  }

  /** {@code ./spate bench nexmark --output docs/benchmarks.md} rewrites the heap table there and nothing else. */
  @Test
  void theBenchmarksPageHasOneSectionThatARunRewritesInPlace() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "benchmarks.md"));
    String begin = "<!-- nexmark:begin -->";
    String end = "<!-- nexmark:end -->";
    assertThat(page.split(begin, -1)).as("sections that begin in docs/benchmarks.md").hasSize(2);
    assertThat(page.split(end, -1)).as("sections that end in docs/benchmarks.md").hasSize(2);
    assertThat(page.indexOf(begin)).isLessThan(page.indexOf(end));

    String rewritten = section.replace(page, "a new table\n");

    assertThat(rewritten).startsWith(page.substring(0, page.indexOf(begin)))
        .endsWith(page.substring(page.indexOf(end) + end.length()))
        .contains(begin + "\na new table\n" + end);
  }
}
