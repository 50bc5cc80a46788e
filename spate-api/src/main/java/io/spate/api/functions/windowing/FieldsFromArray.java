package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Takes elements of an array, in the order given, as an array of {@code OUT}.
 *
 * @param <OUT> the type of the elements taken
 */
@PublicEvolving
public class FieldsFromArray<OUT> implements Extractor<Object, OUT[]> {

  private static final long serialVersionUID = 1L;

  private final Class<OUT> clazz;
  private final int[] order;

  /** Takes the elements at {@code indexes}, in that order, into an array of {@code clazz}. */
  public FieldsFromArray(Class<OUT> clazz, int... indexes) {
    this.clazz = Objects.requireNonNull(clazz, "FieldsFromArray: the element class must not be null.");
    this.order = indexes.clone();
    for (int index : this.order) {
      ArrayElements.checkIndex("FieldsFromArray", index);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT[] extract(Object in) {
    OUT[] out = (OUT[]) Array.newInstance(clazz, order.length);
    for (int i = 0; i < order.length; i++) {
      Object element = ArrayElements.get("FieldsFromArray", in, order[i]);
      if (element != null && !clazz.isInstance(element)) {
        throw new IllegalArgumentException("FieldsFromArray: element " + order[i] + " is a "
            + element.getClass().getName() + ", not a " + clazz.getName() + ".");
      }
      out[i] = (OUT) element;
    }
    return out;
  }
}
