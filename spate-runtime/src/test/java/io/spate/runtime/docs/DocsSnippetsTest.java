package io.spate.runtime.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/ occurs, whitespace aside, in a test source of the
 * repository: that test is what compiles the snippet, so a snippet edited without its test, or a test
 * edited without its snippet, fails here.
 */
class DocsSnippetsTest {

  @Test
  void everyJavaSnippetIsCompiledByATest() throws IOException {
    RepositoryDocs repository = RepositoryDocs.find();
    List<String> sources = new ArrayList<>();
    for (Path source : repository.testSources()) {
      sources.add(normalised(Files.readString(source, StandardCharsets.UTF_8)));
    }
    assertThat(sources).as("test sources under %s", repository.root()).isNotEmpty();

    List<String> uncompiled = new ArrayList<>();
    int snippets = 0;
    for (MarkdownFile page : repository.pages()) {
      for (MarkdownFile.CodeBlock block : page.codeBlocks()) {
        if (!block.language().equals("java")) {
          continue;
        }
        snippets++;
        String code = normalised(block.code());
        if (code.isEmpty() || sources.stream().noneMatch(source -> source.contains(code))) {
          uncompiled.add(repository.name(page.path()) + ":" + block.line() + ": the ```java block starting '"
              + firstLine(block.code()) + "' occurs in no src/test/java file, so no test compiles it;"
              + " copy it, exactly, into the test that runs it");
        }
      }
    }
    assertThat(snippets).as("```java blocks in README.md and docs/").isPositive();
    assertThat(uncompiled).as("snippets no test compiles").isEmpty();
  }

  /** Runs of white space become one space, so indentation and line breaks do not matter; everything else does. */
  static String normalised(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }

  private static String firstLine(String code) {
    String trimmed = code.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }
}
