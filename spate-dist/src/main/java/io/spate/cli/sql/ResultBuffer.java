package io.spate.cli.sql;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a running query as the table and changelog views show them, filled by the thread that
 * reads the query's rows and read by the view that draws them. In table mode it holds the result
 * materialized (an insert or update-after adds a row, a retraction removes the equal row); in
 * changelog mode it holds every change with its kind. Both keep a bounded number of rows, dropping
 * the oldest.
 */
final class ResultBuffer {

  /** The most rows a materialized result keeps (Flink's {@code sql-client.execution.max-table-result.rows}). */
  static final int MAX_TABLE_ROWS = 1_000_000;

  /** The most changes a changelog keeps: the view only shows the latest. */
  static final int MAX_CHANGELOG_ROWS = 10_000;

  private final boolean changelog;
  private final int capacity;
  private final Deque<Object[]> rows = new ArrayDeque<>();
  private final Deque<RowKind> kinds = new ArrayDeque<>();
  private long version;
  private boolean ended;
  private String failure;

  ResultBuffer(boolean changelog) {
    this(changelog, changelog ? MAX_CHANGELOG_ROWS : MAX_TABLE_ROWS);
  }

  ResultBuffer(boolean changelog, int capacity) {
    this.changelog = changelog;
    this.capacity = capacity;
  }

  /** Whether this buffer holds the changes (with their kinds) rather than the materialized rows. */
  boolean isChangelog() {
    return changelog;
  }

  /** Takes in one row of the result. */
  synchronized void add(Row row) {
    Object[] fields = new Object[row.getArity()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = row.getField(i);
    }
    RowKind kind = row.getKind();
    if (!changelog && (kind == RowKind.UPDATE_BEFORE || kind == RowKind.DELETE)) {
      remove(fields);
    } else {
      if (rows.size() == capacity) {
        rows.removeFirst();
        if (changelog) {
          kinds.removeFirst();
        }
      }
      rows.addLast(fields);
      if (changelog) {
        kinds.addLast(kind);
      }
    }
    version++;
  }

  private void remove(Object[] fields) {
    Iterator<Object[]> newestFirst = rows.descendingIterator();
    while (newestFirst.hasNext()) {
      if (Arrays.deepEquals(newestFirst.next(), fields)) {
        newestFirst.remove();
        return;
      }
    }
  }

  /** Notes that the result has ended: with {@code failure} null it is complete. */
  synchronized void end(String failure) {
    this.ended = true;
    this.failure = failure;
    version++;
  }

  /** A number that changes whenever the content does. */
  synchronized long version() {
    return version;
  }

  /** Whether the result has ended. */
  synchronized boolean ended() {
    return ended;
  }

  /** Why the result ended early, or null. */
  synchronized String failure() {
    return failure;
  }

  /** How many rows (or changes) there are. */
  synchronized int size() {
    return rows.size();
  }

  /** The kinds of the changes, oldest first (empty in table mode). */
  synchronized List<RowKind> kinds() {
    return new ArrayList<>(kinds);
  }

  /** The rows' fields, oldest first. */
  synchronized List<Object[]> rows() {
    return new ArrayList<>(rows);
  }
}
