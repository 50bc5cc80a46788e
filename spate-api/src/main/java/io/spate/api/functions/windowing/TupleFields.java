package io.spate.api.functions.windowing;

import io.spate.api.tuple.Tuple;

/** Field access the tuple extractors share, with errors that name the extractor, the field and the tuple. */
final class TupleFields {

  private TupleFields() {}

  static int checkIndex(String extractor, int index) {
    if (index < 0) {
      throw new IllegalArgumentException(extractor + ": field index " + index + " is negative; f0 is index 0.");
    }
    return index;
  }

  static <T> T get(String extractor, Tuple in, int index) {
    if (in == null) {
      throw new IllegalArgumentException(extractor + ": the record is null, not a tuple.");
    }
    if (index >= in.getArity()) {
      throw new IllegalArgumentException(extractor + ": field " + index + " is beyond " + in + ", which has "
          + in.getArity() + " fields.");
    }
    return in.getField(index);
  }
}
