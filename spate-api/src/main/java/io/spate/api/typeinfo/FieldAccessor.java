package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Reads and replaces one field of a value, used by field-based aggregations such as
 * {@code sum("price")}.
 *
 * @param <T> the type holding the field
 * @param <F> the field's type
 */
@PublicEvolving
public interface FieldAccessor<T, F> extends Serializable {

  /** The field's value in {@code record}. */
  F get(T record);

  /**
   * Returns a value equal to {@code record} except that the field holds {@code fieldValue}. Mutable
   * types may be updated in place and returned; immutable ones (records) are copied.
   */
  T set(T record, F fieldValue);

  /** The field's type. */
  TypeInformation<F> getFieldType();
}
