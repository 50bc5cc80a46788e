package io.spate.api.datastream;

import io.spate.api.functions.KeySelector;
import io.spate.api.tuple.Tuple;
import io.spate.api.typeinfo.FieldAccessor;

/**
 * The key of {@code keyBy(int...)} and {@code keyBy(String...)}: a new tuple of the selected fields'
 * values, in the order the fields were named ({@code Tuple1} for one field), as in Flink.
 */
final class TupleFieldsKey<T> implements KeySelector<T, Tuple> {

  private static final long serialVersionUID = 1L;

  private final FieldAccessor<T, ?>[] fields;

  TupleFieldsKey(FieldAccessor<T, ?>[] fields) {
    this.fields = fields.clone();
  }

  @Override
  public Tuple getKey(T value) {
    Tuple key = Tuple.newInstance(fields.length);
    for (int i = 0; i < fields.length; i++) {
      key.setField(fields[i].get(value), i);
    }
    return key;
  }
}
