package io.spate.bench.nexmark.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of a Markdown file between two HTML comment markers, which a benchmark rewrites on each
 * run and leaves everything else in the file alone.
 */
public final class MarkdownSection {

  private final String begin;
  private final String end;

  /** The section marked {@code <!-- name:begin -->} ... {@code <!-- name:end -->}. */
  public MarkdownSection(String name) {
    this.begin = "<!-- " + name + ":begin -->";
    this.end = "<!-- " + name + ":end -->";
  }

  /** {@code document} with the section's body replaced by {@code body}, or appended if it has no section. */
  public String replace(String document, String body) {
    String section = begin + "\n" + (body.endsWith("\n") ? body : body + "\n") + end;
    int from = document.indexOf(begin);
    int to = from < 0 ? -1 : document.indexOf(end, from);
    if (from < 0 || to < 0) {
      String separator = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
      return document + separator + section + "\n";
    }
    return document.substring(0, from) + section + document.substring(to + end.length());
  }

  /** Rewrites the section in {@code file}, creating the file if needed. */
  public void writeTo(Path file, String body) throws IOException {
    String document = Files.exists(file) ? Files.readString(file) : "";
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, replace(document, body));
  }
}
