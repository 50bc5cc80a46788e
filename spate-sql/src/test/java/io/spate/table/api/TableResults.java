package io.spate.table.api;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.testing.ChangelogFold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the SQL tests read from a {@link TableResult}: its rows as they come, or its changelog folded. */
final class TableResults {

  private TableResults() {}

  /** Every row of {@code result}, with its change kind, in the order they came. */
  static List<Row> rows(TableResult result) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = result.collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  /**
   * The rows {@code result}'s changelog leaves, with how often each is there: inserts and
   * update-afters add a row, update-befores and deletes take one back, which must be there (so a
   * duplicate or a stray retraction fails).
   */
  static Map<Row, Integer> folded(TableResult result) {
    return ChangelogFold.fold(rows(result));
  }

}
