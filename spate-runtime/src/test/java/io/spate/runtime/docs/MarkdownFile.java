package io.spate.runtime.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Markdown page read for the documentation checks: its fenced code blocks, links and heading anchors. */
final class MarkdownFile {

  /** A fenced code block: the language after the opening fence, the line of that fence (1-based) and its text. */
  record CodeBlock(String language, int line, String code) {}

  /** A link outside code: its target as written and the line it is on (1-based). */
  record Link(String target, int line) {}

  private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([\\w+-]*).*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
  // [text](target) or [text](target "title"); images too. Text may hold one level of brackets.
  private static final Pattern LINK = Pattern.compile("\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

  private final Path path;
  private final List<CodeBlock> codeBlocks = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final Set<String> anchors = new LinkedHashSet<>();

  private MarkdownFile(Path path, String text) {
    this.path = path;
    parse(text);
  }

  static MarkdownFile read(Path path) throws IOException {
    return new MarkdownFile(path, Files.readString(path, StandardCharsets.UTF_8));
  }

  static MarkdownFile of(Path path, String text) {
    return new MarkdownFile(path, text);
  }

  Path path() {
    return path;
  }

  List<CodeBlock> codeBlocks() {
    return codeBlocks;
  }

  List<Link> links() {
    return links;
  }

  /** The anchors a link {@code page.md#anchor} may name: GitHub's slugs of the headings, and HTML ids. */
  Set<String> anchors() {
    return anchors;
  }

  private void parse(String text) {
    String[] lines = text.split("\n", -1);
    Map<String, Integer> slugCounts = new HashMap<>();
    String fence = null;
    String language = null;
    int fenceLine = 0;
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher fenceMatch = FENCE.matcher(line);
      if (fence == null && fenceMatch.matches()) {
        fence = fenceMatch.group(1);
        language = fenceMatch.group(2).toLowerCase(Locale.ROOT);
        fenceLine = i + 1;
        code.setLength(0);
        continue;
      }
      if (fence != null) {
        if (line.trim().startsWith(fence) && line.trim().replace(fence.substring(0, 1), "").isEmpty()) {
          codeBlocks.add(new CodeBlock(language, fenceLine, code.toString()));
          fence = null;
        } else {
          code.append(line).append('\n');
        }
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int seen = slugCounts.merge(slug, 1, Integer::sum) - 1;
        anchors.add(seen == 0 ? slug : slug + "-" + seen);
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
      Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll("code"));
      while (link.find()) {
        links.add(new Link(link.group(1), i + 1));
      }
    }
    if (fence != null) {
      throw new IllegalArgumentException(path + ":" + fenceLine + ": the code block opened here is never closed");
    }
  }

  /** GitHub's anchor for a heading: its text without link targets, lower case, punctuation dropped, spaces as dashes. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        slug.appendCodePoint(c);
      } else if (c == ' ') {
        slug.append('-');
      }
    });
    return slug.toString();
  }
}
