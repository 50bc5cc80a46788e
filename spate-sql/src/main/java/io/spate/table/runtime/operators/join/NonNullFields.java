package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.FilterFunction;
import io.spate.api.types.Row;

/**
 * Passes the rows whose given fields are all non-NULL: a join input's rows with a NULL key under
 * {@code =}, which can join nothing, so that they take no state (as in Flink).
 */
@Internal
public final class NonNullFields implements FilterFunction<Row> {

  private static final long serialVersionUID = 1L;

  private final int[] fields;

  /** A filter on fields {@code fields}. */
  public NonNullFields(int[] fields) {
    this.fields = fields.clone();
  }

  @Override
  public boolean filter(Row row) {
    for (int field : fields) {
      if (row.getField(field) == null) {
        return false;
      }
    }
    return true;
  }
}
