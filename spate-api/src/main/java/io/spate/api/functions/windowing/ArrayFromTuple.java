package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.tuple.Tuple;

/** Takes fields of a tuple, all of them or those given in the order given, as an array of objects. */
@PublicEvolving
public class ArrayFromTuple implements Extractor<Tuple, Object[]> {

  private static final long serialVersionUID = 1L;

  /** The fields to take, or null for all of them in their order. */
  private final int[] order;

  /** Takes every field, {@code f0} first. */
  public ArrayFromTuple() {
    this.order = null;
  }

  /** Takes the fields at {@code indexes} (0 for {@code f0}), in that order. */
  public ArrayFromTuple(int... indexes) {
    this.order = indexes.clone();
    for (int index : this.order) {
      TupleFields.checkIndex("ArrayFromTuple", index);
    }
  }

  @Override
  public Object[] extract(Tuple in) {
    int size = order == null ? in.getArity() : order.length;
    Object[] out = new Object[size];
    for (int i = 0; i < size; i++) {
      out[i] = TupleFields.get("ArrayFromTuple", in, order == null ? i : order[i]);
    }
    return out;
  }
}
