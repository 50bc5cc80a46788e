package io.spate.table.api.internal;

import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The conversions that {@code toDataStream(table, Class)} applies between a column and a field of another
 * Java class, as Flink does: the implicit casts of SQL (a number into a wider number: {@code TINYINT} to
 * {@code SMALLINT} to {@code INT} to {@code BIGINT} to {@code DECIMAL} to {@code FLOAT} to {@code DOUBLE}), and
 * {@code Long} epoch milliseconds, the other conversion class of a {@code TIMESTAMP_LTZ} that Spate's records
 * hold ({@code java.sql} classes have no serializer in Spate).
 */
final class ImplicitConversions {

  /** One column's conversion into its field's class. */
  @FunctionalInterface
  interface Conversion extends Serializable {
    /** {@code value}, never null, in the field's class. */
    Object convert(Object value);
  }

  /** The numeric types in the order of Flink's implicit widening casts. */
  private static final List<LogicalTypeRoot> WIDENING = List.of(LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT,
      LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT, LogicalTypeRoot.DECIMAL, LogicalTypeRoot.FLOAT,
      LogicalTypeRoot.DOUBLE);

  private static final Map<Class<?>, LogicalTypeRoot> NUMBER_CLASSES = Map.of(Byte.class, LogicalTypeRoot.TINYINT,
      Short.class, LogicalTypeRoot.SMALLINT, Integer.class, LogicalTypeRoot.INTEGER, Long.class,
      LogicalTypeRoot.BIGINT, BigDecimal.class, LogicalTypeRoot.DECIMAL, Float.class, LogicalTypeRoot.FLOAT,
      Double.class, LogicalTypeRoot.DOUBLE);

  private ImplicitConversions() {}

  /**
   * The conversion of values of {@code column} into {@code target} (a boxed class) where Flink applies one
   * implicitly, or null if there is none.
   */
  static Conversion of(LogicalType column, Class<?> target) {
    LogicalTypeRoot from = column.getTypeRoot();
    LogicalTypeRoot to = NUMBER_CLASSES.get(target);
    if (to != null && WIDENING.contains(from) && WIDENING.indexOf(from) < WIDENING.indexOf(to)) {
      return number(to);
    }
    if (target == Long.class && from == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return value -> ((Instant) value).toEpochMilli();
    }
    return null;
  }

  private static Conversion number(LogicalTypeRoot to) {
    switch (to) {
      case SMALLINT:
        return value -> ((Number) value).shortValue();
      case INTEGER:
        return value -> ((Number) value).intValue();
      case BIGINT:
        return value -> ((Number) value).longValue();
      case DECIMAL:
        return value -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
      case FLOAT:
        return value -> ((Number) value).floatValue();
      case DOUBLE:
        return value -> ((Number) value).doubleValue();
      default:
        throw new IllegalStateException("No widening into " + to);
    }
  }
}
