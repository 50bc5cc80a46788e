package io.spate.table.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folds changelogs into the tables they leave, for tests. */
public final class ChangelogFold {

  private ChangelogFold() {}

  /**
   * The rows {@code changes} leave, with how often each is there: inserts and update-afters add a row,
   * update-befores and deletes take one back, which must be there (so a duplicate or a stray
   * retraction fails the test).
   */
  public static Map<Row, Integer> fold(List<Row> changes) {
    Map<Row, Integer> rows = new HashMap<>();
    for (Row change : changes) {
      RowKind kind = change.getKind();
      Row row = Row.copy(change);
      row.setKind(RowKind.INSERT);
      if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
        rows.merge(row, 1, Integer::sum);
      } else {
        assertThat(rows.get(row)).as("the row %s that %s takes back", row, kind).isNotNull();
        rows.merge(row, -1, Integer::sum);
        rows.remove(row, 0);
      }
    }
    return rows;
  }
}
