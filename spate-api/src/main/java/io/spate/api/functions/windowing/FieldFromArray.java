package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;

/**
 * Takes one element of an array, of objects or of a primitive type (boxed then).
 *
 * @param <OUT> the element's type
 */
@PublicEvolving
public class FieldFromArray<OUT> implements Extractor<Object, OUT> {

  private static final long serialVersionUID = 1L;

  private final int fieldId;

  /** Takes the first element. */
  public FieldFromArray() {
    this(0);
  }

  /** Takes the element at {@code fieldId}. */
  public FieldFromArray(int fieldId) {
    this.fieldId = ArrayElements.checkIndex("FieldFromArray", fieldId);
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT extract(Object in) {
    return (OUT) ArrayElements.get("FieldFromArray", in, fieldId);
  }
}
