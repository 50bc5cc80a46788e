package io.spate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites one Java source file's Flink names to Spate's: {@code import} and {@code import static}
 * declarations (wildcards too) and fully qualified names in code. Comments, string and character
 * literals, text blocks and {@code package} declarations are left alone, and so is everything else:
 * a name is replaced in place, so lines keep their numbers. A name the mapping does not know stays as it
 * is and is reported with its line.
 */
final class FlinkImportRewriter {

  private static final String FLINK = "org.apache.flink.";

  /** A Flink name that could not be mapped, with the line it is on. */
  record Unmapped(int line, String flinkName) {}

  /** The rewritten text and the names that stayed. */
  record Result(String text, List<Unmapped> unmapped) {}

  private final FlinkImportMapping mapping;

  FlinkImportRewriter(FlinkImportMapping mapping) {
    this.mapping = mapping;
  }

  Result rewrite(String source) {
    StringBuilder out = new StringBuilder(source.length());
    List<Unmapped> unmapped = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int end;
      if (source.startsWith("//", i)) {
        end = indexOrEnd(source, "\n", i);
      } else if (source.startsWith("/*", i)) {
        end = Math.min(n, indexOrEnd(source, "*/", i + 2) + 2);
      } else if (source.startsWith("\"\"\"", i)) {
        end = closingQuotes(source, i + 3, "\"\"\"");
      } else if (c == '"' || c == '\'') {
        end = closingQuotes(source, i + 1, String.valueOf(c));
      } else if (source.startsWith(FLINK, i) && (i == 0 || !isNamePart(source.charAt(i - 1)))) {
        end = qualifiedNameEnd(source, i);
        String name = source.substring(i, end);
        String keyword = keywordBefore(source, i);
        Optional<String> replacement = switch (keyword) {
          case "package" -> Optional.of(name);
          case "import" -> importReplacement(name);
          case "static" -> staticImportReplacement(name);
          default -> codeReplacement(name);
        };
        if (replacement.isPresent()) {
          out.append(replacement.get());
        } else {
          out.append(name);
          unmapped.add(new Unmapped(line, keyword.equals("import") || keyword.equals("static") ? name : classPart(name)));
        }
        i = end;
        continue;
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
          end++;
        }
      } else {
        end = i + 1;
      }
      String copied = source.substring(i, end);
      out.append(copied);
      line += (int) copied.chars().filter(ch -> ch == '\n').count();
      i = end;
    }
    return new Result(out.toString(), List.copyOf(unmapped));
  }

  private Optional<String> importReplacement(String name) {
    if (!name.endsWith(".*")) {
      return mapping.spateClass(name);
    }
    String base = name.substring(0, name.length() - 2);
    Optional<String> nestedOf = mapping.spateClass(base);
    if (nestedOf.isPresent()) {
      return Optional.of(nestedOf.get() + ".*");
    }
    List<String> packages = mapping.spatePackages(base);
    if (packages.isEmpty()) {
      return Optional.empty();
    }
    // One wildcard per Spate package, on the same line, so that line numbers stay.
    return Optional.of(String.join(".*; import ", packages) + ".*");
  }

  private Optional<String> staticImportReplacement(String name) {
    List<String> segments = Arrays.asList(name.split("\\."));
    List<String> classSegments = segments.subList(0, segments.size() - 1);
    if (mapping.mappedPrefixLength(classSegments) != classSegments.size()) {
      return Optional.empty();
    }
    return mapping.spateClass(String.join(".", classSegments)).map(c -> c + "." + segments.get(segments.size() - 1));
  }

  private Optional<String> codeReplacement(String name) {
    List<String> segments = Arrays.asList(name.split("\\."));
    int length = mapping.mappedPrefixLength(segments);
    if (length == 0) {
      return Optional.empty();
    }
    String rest = String.join(".", segments.subList(length, segments.size()));
    String spate = mapping.spateClass(String.join(".", segments.subList(0, length))).orElseThrow();
    return Optional.of(rest.isEmpty() ? spate : spate + "." + rest);
  }

  /** The name up to its first segment that starts with a capital: the class a reader looks for. */
  private static String classPart(String name) {
    List<String> segments = Arrays.asList(name.split("\\."));
    for (int k = 0; k < segments.size(); k++) {
      if (!segments.get(k).isEmpty() && Character.isUpperCase(segments.get(k).charAt(0))) {
        return String.join(".", segments.subList(0, k + 1));
      }
    }
    return name;
  }

  /** "import", "static" (of import static), "package", or "" when the name is not in such a declaration. */
  private static String keywordBefore(String source, int position) {
    String word = previousWord(source, position);
    if (word.equals("static")) {
      int start = skipSpaceBackwards(source, position) - word.length();
      return previousWord(source, start).equals("import") ? "static" : "";
    }
    return word.equals("import") || word.equals("package") ? word : "";
  }

  private static String previousWord(String source, int position) {
    int end = skipSpaceBackwards(source, position);
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) {
      start--;
    }
    return source.substring(start, end);
  }

  private static int skipSpaceBackwards(String source, int position) {
    int end = position;
    while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static int qualifiedNameEnd(String source, int start) {
    int n = source.length();
    int end = start;
    while (true) {
      while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
        end++;
      }
      if (end + 1 < n && source.charAt(end) == '.' && Character.isJavaIdentifierStart(source.charAt(end + 1))) {
        end++;
      } else if (end + 1 < n && source.charAt(end) == '.' && source.charAt(end + 1) == '*') {
        return end + 2;
      } else {
        return end;
      }
    }
  }

  private static boolean isNamePart(char c) {
    return Character.isJavaIdentifierPart(c) || c == '.';
  }

  private static int indexOrEnd(String source, String what, int from) {
    int found = source.indexOf(what, from);
    return found < 0 ? source.length() : found;
  }

  /** The index after the closing quotes of a literal whose body starts at {@code from}, skipping escapes. */
  private static int closingQuotes(String source, int from, String quotes) {
    int k = from;
    while (k < source.length()) {
      char c = source.charAt(k);
      if (c == '\\') {
        k += 2;
      } else if (source.startsWith(quotes, k)) {
        return k + quotes.length();
      } else if (c == '\n' && quotes.length() == 1) {
        return k; // an unterminated literal ends with its line
      } else {
        k++;
      }
    }
    return source.length();
  }
}
