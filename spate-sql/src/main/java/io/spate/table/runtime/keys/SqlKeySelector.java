package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;
import io.spate.table.types.logical.LogicalType;
import java.util.List;

/**
 * The key of a row by some of its fields, for keyed state and for maps an operator keeps: the field's
 * value itself (or {@link NullKey}) where {@link SqlKeyTypeInfo#isSingleValue} says one field can be
 * its own key, else a {@link CompositeKey}. Every kind of row gets the same key. Read the fields back
 * with {@link KeyFields}.
 */
@Internal
public final class SqlKeySelector implements KeySelector<Row, Object> {

  private static final long serialVersionUID = 1L;

  private final int[] fields;
  private final boolean singleValue;

  private SqlKeySelector(int[] fields, boolean singleValue) {
    this.fields = fields.clone();
    this.singleValue = singleValue;
  }

  /** The key of {@code fields}, whose SQL types are {@code types}, of the form {@link SqlKeyTypeInfo#of} describes. */
  public static SqlKeySelector of(int[] fields, List<LogicalType> types) {
    if (fields.length != types.size()) {
      throw new IllegalArgumentException(fields.length + " key fields were given with " + types.size() + " types");
    }
    return new SqlKeySelector(fields, SqlKeyTypeInfo.isSingleValue(types));
  }

  /** The key of {@code fields} as a {@link CompositeKey} always, for maps that never leave an operator. */
  public static SqlKeySelector composite(int[] fields) {
    return new SqlKeySelector(fields, false);
  }

  @Override
  public Object getKey(Row row) {
    if (singleValue) {
      Object value = row.getField(fields[0]);
      return value == null ? NullKey.INSTANCE : value;
    }
    if (fields.length == 0) {
      return CompositeKey.EMPTY;
    }
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(fields[i]);
    }
    return new CompositeKey(values);
  }
}
