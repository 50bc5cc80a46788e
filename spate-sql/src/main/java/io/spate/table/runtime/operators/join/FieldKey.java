package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;

/**
 * The key of a row that is one of its fields, as the field's value itself: no key row to build, and
 * keyed state hashes and compares the value directly. The key is never null (rows whose field is
 * NULL are filtered out before, see {@link NonNullFields}).
 */
@Internal
public final class FieldKey implements KeySelector<Row, Object> {

  private static final long serialVersionUID = 1L;

  private final int field;

  /** The key of field {@code field}. */
  public FieldKey(int field) {
    this.field = field;
  }

  @Override
  public Object getKey(Row value) {
    return value.getField(field);
  }
}
