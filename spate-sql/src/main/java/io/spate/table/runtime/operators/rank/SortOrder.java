package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Comparisons;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The order of a Top-N's {@code ORDER BY}: fields compared one after another, each ascending or
 * descending, with NULLs first or last.
 */
@Internal
public final class SortOrder implements Comparator<Row>, Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] fields;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  /** Orders rows by {@code fields}, each {@code descending} or not, its NULLs first ({@code nullsFirst}) or last. */
  public SortOrder(int[] fields, boolean[] descending, boolean[] nullsFirst) {
    this.fields = fields;
    this.descending = descending;
    this.nullsFirst = nullsFirst;
  }

  @Override
  public int compare(Row a, Row b) {
    for (int i = 0; i < fields.length; i++) {
      Object x = a.getField(fields[i]);
      Object y = b.getField(fields[i]);
      int order;
      if (x == null || y == null) {
        order = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
      } else {
        // BIGINT columns (prices, ids) are the common case: compared without the general number dispatch.
        order = x instanceof Long l && y instanceof Long m ? Long.compare(l, m) : Comparisons.compare(x, y);
        if (descending[i]) {
          order = -order;
        }
      }
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
