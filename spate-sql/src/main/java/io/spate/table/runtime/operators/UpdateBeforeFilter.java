package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.FilterFunction;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;

/** Drops update-before rows, for sinks that take changes as upserts by key. */
@Internal
public final class UpdateBeforeFilter implements FilterFunction<Row> {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean filter(Row row) {
    return row.getKind() != RowKind.UPDATE_BEFORE;
  }
}
