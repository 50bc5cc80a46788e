package io.spate.table.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What running one conformance script gave: the result's columns ({@code name TYPE}) and rows in the
 * corpus's canonical text (sorted, so two outcomes compare as multisets), or the error that rejected it.
 * The text form is that of the corpus's {@code .expected} files, which Flink's recorder writes.
 */
record ConformanceOutcome(List<String> columns, List<String> rows, String error) {

  static ConformanceOutcome result(List<String> columns, List<String> rows) {
    return new ConformanceOutcome(List.copyOf(columns), rows.stream().sorted().toList(), null);
  }

  static ConformanceOutcome rejected(String error) {
    return new ConformanceOutcome(List.of(), List.of(), error);
  }

  boolean isRejected() {
    return error != null;
  }

  /** Reads an expected file's text: {@code column:} lines, {@code rows: N} and the rows, or {@code error:}. */
  static ConformanceOutcome parse(String name, String text) {
    List<String> columns = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    int declaredRows = -1;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#") || (line.isEmpty() && declaredRows < 0)) {
        continue;
      }
      if (line.startsWith("error: ")) {
        return rejected(line.substring("error: ".length()));
      } else if (declaredRows >= 0) {
        if (rows.size() < declaredRows) {
          rows.add(line);
        }
      } else if (line.startsWith("column: ")) {
        columns.add(line.substring("column: ".length()));
      } else if (line.startsWith("rows: ")) {
        declaredRows = Integer.parseInt(line.substring("rows: ".length()).strip());
      } else {
        throw new IllegalArgumentException(name + ".expected: unexpected line '" + line + "'");
      }
    }
    if (declaredRows < 0 || rows.size() != declaredRows) {
      throw new IllegalArgumentException(name + ".expected: declares " + declaredRows + " rows but holds " + rows.size());
    }
    return result(columns, rows);
  }

  /**
   * The kinds of difference between {@code expected} (Flink's) and this (Spate's) outcome:
   * {@code rejects} (Spate rejects what Flink runs), {@code accepts} (Spate runs what Flink rejects),
   * {@code unclear} (both reject, but Spate's error says too little), {@code columns}, {@code rows}.
   */
  TreeSet<String> differencesFrom(ConformanceOutcome expected) {
    TreeSet<String> kinds = new TreeSet<>();
    if (expected.isRejected() && !isRejected()) {
      kinds.add("accepts");
    } else if (!expected.isRejected() && isRejected()) {
      kinds.add("rejects");
    } else if (isRejected()) {
      if (!ConformanceErrors.isClear(error)) {
        kinds.add("unclear");
      }
    } else {
      if (!columns.equals(expected.columns)) {
        kinds.add("columns");
      }
      if (!rows.equals(expected.rows)) {
        kinds.add("rows");
      }
    }
    return kinds;
  }

  /** A readable account of how this outcome differs from {@code expected}. */
  String describeAgainst(ConformanceOutcome expected) {
    StringBuilder out = new StringBuilder();
    if (expected.isRejected() || isRejected()) {
      out.append("  Flink: ").append(expected.isRejected() ? "rejected: " + expected.error : "ran it").append('\n');
      out.append("  Spate: ").append(isRejected() ? "rejected: " + error : "ran it").append('\n');
      return out.toString();
    }
    if (!columns.equals(expected.columns)) {
      out.append("  columns, Flink: ").append(expected.columns).append('\n');
      out.append("  columns, Spate: ").append(columns).append('\n');
    }
    List<String> missing = minus(expected.rows, rows);
    List<String> extra = minus(rows, expected.rows);
    missing.forEach(row -> out.append("  only Flink's: ").append(row).append('\n'));
    extra.forEach(row -> out.append("  only Spate's: ").append(row).append('\n'));
    return out.toString();
  }

  private static List<String> minus(List<String> from, List<String> taken) {
    List<String> rest = new ArrayList<>(from);
    taken.forEach(rest::remove);
    return rest;
  }
}
