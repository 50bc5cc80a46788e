package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;

/** The key of a row: the given fields, as a row of their own (always of kind insert, so that kinds share keys). */
@Internal
public final class KeyProjection implements KeySelector<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[] fields;

  /** The key of fields {@code fields}. */
  public KeyProjection(int[] fields) {
    this.fields = fields;
  }

  @Override
  public Row getKey(Row value) {
    Row key = new Row(fields.length);
    for (int i = 0; i < fields.length; i++) {
      key.setField(i, value.getField(fields[i]));
    }
    return key;
  }
}
