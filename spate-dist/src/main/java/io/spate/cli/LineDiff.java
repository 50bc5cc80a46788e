package io.spate.cli;

import java.util.List;

/**
 * A unified diff (no context lines) between two versions of a text with the same number of lines, as
 * {@code spate port} makes them: it replaces names in place and never adds or removes a line.
 */
final class LineDiff {

  private LineDiff() {}

  static String unified(String path, String before, String after) {
    List<String> old = before.lines().toList();
    List<String> now = after.lines().toList();
    if (old.size() != now.size()) {
      throw new IllegalArgumentException(path + ": the rewrite changed the number of lines (" + old.size() + " to "
          + now.size() + ")");
    }
    StringBuilder diff = new StringBuilder("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int k = 0;
    while (k < old.size()) {
      if (old.get(k).equals(now.get(k))) {
        k++;
        continue;
      }
      int start = k;
      while (k < old.size() && !old.get(k).equals(now.get(k))) {
        k++;
      }
      int count = k - start;
      diff.append("@@ -").append(start + 1).append(',').append(count).append(" +").append(start + 1).append(',')
          .append(count).append(" @@\n");
      old.subList(start, k).forEach(line -> diff.append('-').append(line).append('\n'));
      now.subList(start, k).forEach(line -> diff.append('+').append(line).append('\n'));
    }
    return diff.toString();
  }
}
