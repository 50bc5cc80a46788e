package io.spate.connectors.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java blocks of docs/connectors.md are exactly the compiled code of {@link ConnectorsDocSnippets}. */
class ConnectorsDocTest {

  private static final Path PAGE = Path.of("..", "docs", "connectors.md");
  private static final Path SNIPPETS =
      Path.of("src", "test", "java", "io", "spate", "connectors", "docs", "ConnectorsDocSnippets.java");
  private static final Path FILE_SNIPPETS =
      Path.of("src", "test", "java", "io", "spate", "connectors", "docs", "FileConnectorDocSnippets.java");

  /** The code between the page's ```java and ``` lines, one string per block, indentation removed. */
  private static List<String> javaBlocks(String page) {
    List<String> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : page.split("\n", -1)) {
      if (block == null && line.equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.equals("```")) {
        blocks.add(String.join("\n", block).stripIndent());
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }

  /** The snippet sections of the source (between "// --- snippet" and "// --- end"), indentation removed. */
  private static List<String> snippets(String source) {
    List<String> snippets = new ArrayList<>();
    List<String> snippet = null;
    for (String line : source.split("\n", -1)) {
      if (line.strip().startsWith("// --- snippet")) {
        snippet = new ArrayList<>();
      } else if (line.strip().equals("// --- end")) {
        // Joined without a final line break: stripIndent would count an empty last line as unindented.
        snippets.add(String.join("\n", snippet).stripIndent());
        snippet = null;
      } else if (snippet != null) {
        snippet.add(line);
      }
    }
    return snippets;
  }

  @Test
  void thePageShowsTheCompiledSnippets() throws IOException {
    List<String> page = javaBlocks(Files.readString(PAGE, StandardCharsets.UTF_8));
    List<String> compiled = snippets(Files.readString(SNIPPETS, StandardCharsets.UTF_8));
    assertThat(compiled).hasSize(5);
    List<String> fileSnippets = snippets(Files.readString(FILE_SNIPPETS, StandardCharsets.UTF_8));
    assertThat(fileSnippets).hasSize(3);
    compiled.addAll(fileSnippets);
    assertThat(page).containsExactlyInAnyOrderElementsOf(compiled);
  }
}
