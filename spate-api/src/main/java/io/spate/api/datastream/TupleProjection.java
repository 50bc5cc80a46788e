package io.spate.api.datastream;

import io.spate.api.functions.MapFunction;
import io.spate.api.tuple.Tuple;

/** The function of {@code project(int...)}: a new tuple of the selected fields, in the order given. */
final class TupleProjection<T, R extends Tuple> implements MapFunction<T, R> {

  private static final long serialVersionUID = 1L;

  private final int[] positions;

  TupleProjection(int[] positions) {
    this.positions = positions.clone();
  }

  @Override
  @SuppressWarnings("unchecked")
  public R map(T value) {
    Tuple in = (Tuple) value;
    Tuple out = Tuple.newInstance(positions.length);
    for (int i = 0; i < positions.length; i++) {
      out.setField(in.getField(positions[i]), i);
    }
    return (R) out;
  }
}
