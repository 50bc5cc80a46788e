package io.spate.api.datastream.aggregation;

import io.spate.api.annotation.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.FieldAccessor;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce function behind {@code sum(field)}: adds the field of each new record to the running
 * record's field; the other fields keep the values of the key's first record. Emitted records are
 * shared by reference, so a mutable running record is copied before it is changed.
 *
 * @param <T> the record type
 */
@Internal
public final class SumAggregator<T> implements ReduceFunction<T> {

  private static final long serialVersionUID = 1L;

  private final FieldAccessor<T, Object> field;
  private final TypeSerializer<T> serializer;
  private final Adder adder;

  /** Creates the aggregator for {@code field}, which must be numeric; {@code serializer} copies records. */
  @SuppressWarnings("unchecked")
  public SumAggregator(FieldAccessor<T, ?> field, TypeSerializer<T> serializer) {
    this.field = (FieldAccessor<T, Object>) field;
    this.serializer = serializer;
    this.adder = adderFor(field.getFieldType().getTypeClass());
  }

  @Override
  public T reduce(T value1, T value2) {
    return field.set(serializer.copy(value1), adder.add(field.get(value1), field.get(value2)));
  }

  private static Adder adderFor(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return (a, b) -> (Integer) a + (Integer) b;
    } else if (type == Long.class || type == long.class) {
      return (a, b) -> (Long) a + (Long) b;
    } else if (type == Double.class || type == double.class) {
      return (a, b) -> (Double) a + (Double) b;
    } else if (type == Float.class || type == float.class) {
      return (a, b) -> (Float) a + (Float) b;
    } else if (type == Short.class || type == short.class) {
      return (a, b) -> (short) ((Short) a + (Short) b);
    } else if (type == Byte.class || type == byte.class) {
      return (a, b) -> (byte) ((Byte) a + (Byte) b);
    } else if (type == BigDecimal.class) {
      return (a, b) -> ((BigDecimal) a).add((BigDecimal) b);
    } else if (type == BigInteger.class) {
      return (a, b) -> ((BigInteger) a).add((BigInteger) b);
    }
    throw new InvalidProgramException("sum() needs a numeric field, but the field is of type " + type.getName() + ".");
  }

  private interface Adder extends java.io.Serializable {
    Object add(Object a, Object b);
  }
}
