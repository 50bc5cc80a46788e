package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.tuple.Tuple;

/**
 * Takes one field of a tuple.
 *
 * @param <OUT> the field's type
 */
@PublicEvolving
public class FieldFromTuple<OUT> implements Extractor<Tuple, OUT> {

  private static final long serialVersionUID = 1L;

  private final int fieldId;

  /** Takes field {@code fieldId} (0 for {@code f0}). */
  public FieldFromTuple(int fieldId) {
    this.fieldId = TupleFields.checkIndex("FieldFromTuple", fieldId);
  }

  @Override
  public OUT extract(Tuple in) {
    return TupleFields.get("FieldFromTuple", in, fieldId);
  }
}
