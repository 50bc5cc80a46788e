package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.tuple.Tuple;

/** Takes numeric fields of a tuple, in the order given, as a vector of doubles. */
@PublicEvolving
public class FieldsFromTuple implements Extractor<Tuple, double[]> {

  private static final long serialVersionUID = 1L;

  private final int[] indexes;

  /** Takes the fields at {@code indexes} (0 for {@code f0}); each must hold a number. */
  public FieldsFromTuple(int... indexes) {
    this.indexes = indexes.clone();
    for (int index : this.indexes) {
      TupleFields.checkIndex("FieldsFromTuple", index);
    }
  }

  @Override
  public double[] extract(Tuple in) {
    double[] out = new double[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      Object field = TupleFields.get("FieldsFromTuple", in, indexes[i]);
      if (!(field instanceof Number number)) {
        throw new IllegalArgumentException("FieldsFromTuple: field " + indexes[i] + " of " + in + " is "
            + (field == null ? "null" : "a " + field.getClass().getName()) + ", not a number.");
      }
      out[i] = number.doubleValue();
    }
    return out;
  }
}
