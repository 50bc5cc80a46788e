package io.spate.runtime.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, docs/ and the Markdown files of spate-bench/results leads to a file or directory that exists, and a link
 * with an {@code #anchor} into a Markdown page to one of its headings.
 */
class DocsLinksTest {

  @Test
  void everyRelativeLinkResolves() {
    RepositoryDocs repository = RepositoryDocs.find();
    Map<Path, MarkdownFile> parsed = new HashMap<>();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    List<MarkdownFile> pages = new ArrayList<>(repository.pages());
    pages.addAll(repository.benchmarkResults());
    for (MarkdownFile page : pages) {
      parsed.put(page.path().toAbsolutePath().normalize(), page);
    }
    for (MarkdownFile page : pages) {
      for (MarkdownFile.Link link : page.links()) {
        if (isExternal(link.target())) {
          continue;
        }
        checked++;
        String where = repository.name(page.path()) + ":" + link.line() + ": link '" + link.target() + "'";
        String problem = problem(page, link.target(), parsed);
        if (problem != null) {
          broken.add(where + " " + problem);
        }
      }
    }
    assertThat(checked).as("relative links in README.md, docs/ and spate-bench/results").isPositive();
    assertThat(broken).as("broken links").isEmpty();
  }

  /** What is wrong with a relative link of {@code page}, or null when it resolves. */
  static String problem(MarkdownFile page, String target, Map<Path, MarkdownFile> parsed) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
    if (file.isEmpty()) {
      return page.anchors().contains(anchor) ? null : "names the anchor '#" + anchor + "', which no heading of this page has";
    }
    Path resolved = page.path().toAbsolutePath().getParent()
        .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
    if (!Files.exists(resolved)) {
      return "leads to " + resolved + ", which does not exist";
    }
    if (anchor == null || !resolved.toString().endsWith(".md")) {
      return null;
    }
    MarkdownFile linked = parsed.computeIfAbsent(resolved, DocsLinksTest::read);
    return linked.anchors().contains(anchor)
        ? null
        : "names the anchor '#" + anchor + "', which no heading of " + resolved.getFileName() + " has";
  }

  private static boolean isExternal(String target) {
    return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  private static MarkdownFile read(Path path) {
    try {
      return MarkdownFile.read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
