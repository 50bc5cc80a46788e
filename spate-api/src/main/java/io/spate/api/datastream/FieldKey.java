package io.spate.api.datastream;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.FieldAccessor;

/** The key of {@code partitionCustom(partitioner, field)}: the field's value itself, as in Flink. */
final class FieldKey<T, K> implements KeySelector<T, K> {

  private static final long serialVersionUID = 1L;

  private final FieldAccessor<T, K> field;

  FieldKey(FieldAccessor<T, K> field) {
    this.field = field;
  }

  @Override
  public K getKey(T value) {
    return field.get(value);
  }
}
