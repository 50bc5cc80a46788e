package io.spate.api.datastream.aggregation;

import io.spate.api.annotation.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.FieldAccessor;

/**
 * The reduce function behind {@code min}, {@code max}, {@code minBy} and {@code maxBy}.
 *
 * @param <T> the record type
 */
@Internal
public final class ComparableAggregator<T> implements ReduceFunction<T> {

  private static final long serialVersionUID = 1L;

  /** Which comparison and what is kept. */
  public enum Kind {
    /** The running record with the field replaced by its minimum. */
    MIN,
    /** The running record with the field replaced by its maximum. */
    MAX,
    /** The whole record with the smallest field. */
    MIN_BY,
    /** The whole record with the largest field. */
    MAX_BY
  }

  private final FieldAccessor<T, Comparable<Object>> field;
  private final TypeSerializer<T> serializer;
  private final Kind kind;
  private final boolean first;

  /**
   * Creates the aggregator.
   *
   * @param field the compared field; its type must be {@link Comparable}
   * @param serializer copies a mutable running record before MIN/MAX change it, since emitted
   *     records are shared by reference
   * @param kind what to compute
   * @param first on ties in {@code minBy}/{@code maxBy}, keep the earlier record
   */
  @SuppressWarnings("unchecked")
  public ComparableAggregator(FieldAccessor<T, ?> field, TypeSerializer<T> serializer, Kind kind, boolean first) {
    Class<?> type = field.getFieldType().getTypeClass();
    if (!type.isPrimitive() && !Comparable.class.isAssignableFrom(type)) {
      throw new InvalidProgramException(kind.name().toLowerCase() + "() needs a comparable field, but the field is of type "
          + type.getName() + ".");
    }
    this.field = (FieldAccessor<T, Comparable<Object>>) field;
    this.serializer = serializer;
    this.kind = kind;
    this.first = first;
  }

  @Override
  public T reduce(T value1, T value2) {
    Comparable<Object> a = field.get(value1);
    Comparable<Object> b = field.get(value2);
    int cmp = a.compareTo(b);
    return switch (kind) {
      case MIN -> cmp <= 0 ? value1 : field.set(serializer.copy(value1), b);
      case MAX -> cmp >= 0 ? value1 : field.set(serializer.copy(value1), b);
      case MIN_BY -> cmp < 0 || (cmp == 0 && first) ? value1 : value2;
      case MAX_BY -> cmp > 0 || (cmp == 0 && first) ? value1 : value2;
    };
  }
}
