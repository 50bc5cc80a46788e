package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.MapFunction;
import io.spate.api.types.Row;

/** Reorders a row's fields (keeping its kind): field {@code i} of the result is field {@code fields[i]} of the input. */
@Internal
public final class FieldsProjection implements MapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[] fields;

  /** A projection onto {@code fields}. */
  public FieldsProjection(int[] fields) {
    this.fields = fields.clone();
  }

  @Override
  public Row map(Row row) {
    return Row.project(row, fields);
  }
}
