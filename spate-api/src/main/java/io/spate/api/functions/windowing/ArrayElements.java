package io.spate.api.functions.windowing;

import java.lang.reflect.Array;

/** Element access the array extractors share, with errors that name the extractor, the index and the array. */
final class ArrayElements {

  private ArrayElements() {}

  static int checkIndex(String extractor, int index) {
    if (index < 0) {
      throw new IllegalArgumentException(extractor + ": array index " + index + " is negative.");
    }
    return index;
  }

  static Object get(String extractor, Object in, int index) {
    if (in == null || !in.getClass().isArray()) {
      throw new IllegalArgumentException(extractor + ": the record is "
          + (in == null ? "null" : "a " + in.getClass().getName()) + ", not an array.");
    }
    int length = Array.getLength(in);
    if (index >= length) {
      throw new IllegalArgumentException(extractor + ": index " + index + " is beyond the array's " + length
          + " elements.");
    }
    return Array.get(in, index);
  }
}
