package io.spate.runtime.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownFileTest {

  private static final Path PAGE = Path.of("docs", "page.md");

  @Test
  void codeBlocksKeepTheirLanguageTheLineOfTheirFenceAndTheirText() {
    MarkdownFile page = MarkdownFile.of(PAGE, String.join("\n",
        "# Title",
        "",
        "```java",
        "int x = 1;",
        "```",
        "",
        "  ```bash",
        "# not a heading",
        "  ```",
        ""));
    assertThat(page.codeBlocks()).containsExactly(
        new MarkdownFile.CodeBlock("java", 3, "int x = 1;\n"),
        new MarkdownFile.CodeBlock("bash", 7, "# not a heading\n"));
    assertThat(page.anchors()).containsExactly("title");
  }

  @Test
  void linksInCodeAreNotLinks() {
    MarkdownFile page = MarkdownFile.of(PAGE, String.join("\n",
        "See [a page](other.md#part) and [b](http://127.0.0.1:8081/jobs), not `[x](y.md)`.",
        "```",
        "[in a block](z.md)",
        "```",
        "A table cell `[--flag N]` then (see [Section](#section))."));
    assertThat(page.links()).containsExactly(
        new MarkdownFile.Link("other.md#part", 1),
        new MarkdownFile.Link("http://127.0.0.1:8081/jobs", 1),
        new MarkdownFile.Link("#section", 5));
  }

  @Test
  void anchorsFollowGitHubsSlugsIncludingRepeatedHeadings() {
    MarkdownFile page = MarkdownFile.of(PAGE, String.join("\n",
        "## The `spate` command",
        "### Security: TLS",
        "## RocksDB write-back cache (2026-11-24)",
        "## Results",
        "## Results",
        "<a id=\"kept\"></a>"));
    assertThat(page.anchors()).containsExactly("the-spate-command", "security-tls",
        "rocksdb-write-back-cache-2026-11-24", "results", "results-1", "kept");
  }

  @Test
  void aBlockThatIsNeverClosedIsAnErrorNamingItsLine() {
    assertThatThrownBy(() -> MarkdownFile.of(PAGE, "text\n```java\nint x;\n"))
        .hasMessageContaining("page.md:2").hasMessageContaining("never closed");
  }

  @Test
  void aLinkToAMissingFileOrHeadingIsNamedAndOneToAnExistingHeadingIsNot(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path other = dir.resolve("other.md");
    java.nio.file.Files.writeString(other, "# Other\n\n## Part two\n");
    MarkdownFile page = MarkdownFile.of(dir.resolve("page.md"), "## Here\n");
    Map<Path, MarkdownFile> parsed = new java.util.HashMap<>();

    assertThat(DocsLinksTest.problem(page, "other.md#part-two", parsed)).isNull();
    assertThat(DocsLinksTest.problem(page, "#here", parsed)).isNull();
    assertThat(DocsLinksTest.problem(page, "other.md#part-three", parsed))
        .contains("'#part-three'").contains("other.md");
    assertThat(DocsLinksTest.problem(page, "missing.md", parsed)).contains("does not exist");
  }
}
