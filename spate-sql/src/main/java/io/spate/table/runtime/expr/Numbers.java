package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQL arithmetic and comparison on the Java classes of numeric values. Integral arithmetic wraps
 * around on overflow, as Java's and Flink's does; a decimal result is rounded half up to its type's
 * scale, and one that no longer fits its precision is NULL, as in Flink.
 */
@Internal
public final class Numbers {

  private Numbers() {}

  /** {@code a + b} as {@code type}; null if either is null. */
  public static Object add(Object a, Object b, ValueType type) {
    if (a == null || b == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(a).add(toBigDecimal(b)), type);
      case FLOAT, DOUBLE -> fromDouble(((Number) a).doubleValue() + ((Number) b).doubleValue(), type);
      default -> fromLong(((Number) a).longValue() + ((Number) b).longValue(), type);
    };
  }

  /** {@code a - b} as {@code type}; null if either is null. */
  public static Object subtract(Object a, Object b, ValueType type) {
    if (a == null || b == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(a).subtract(toBigDecimal(b)), type);
      case FLOAT, DOUBLE -> fromDouble(((Number) a).doubleValue() - ((Number) b).doubleValue(), type);
      default -> fromLong(((Number) a).longValue() - ((Number) b).longValue(), type);
    };
  }

  /** {@code a * b} as {@code type}; null if either is null. */
  public static Object multiply(Object a, Object b, ValueType type) {
    if (a == null || b == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(a).multiply(toBigDecimal(b)), type);
      case FLOAT, DOUBLE -> fromDouble(((Number) a).doubleValue() * ((Number) b).doubleValue(), type);
      default -> fromLong(((Number) a).longValue() * ((Number) b).longValue(), type);
    };
  }

  /** {@code a / b} as {@code type}: integral division truncates; division of integers by zero fails. */
  public static Object divide(Object a, Object b, ValueType type) {
    if (a == null || b == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> {
        BigDecimal divisor = toBigDecimal(b);
        if (divisor.signum() == 0) {
          throw new TableException("Division by zero: " + a + " / " + b);
        }
        yield decimal(toBigDecimal(a).divide(divisor, type.scale() < 0 ? MathContext.DECIMAL128
            : new MathContext(Math.max(type.precision(), 1) + 1, RoundingMode.HALF_UP)), type);
      }
      case FLOAT, DOUBLE -> fromDouble(((Number) a).doubleValue() / ((Number) b).doubleValue(), type);
      default -> {
        long divisor = ((Number) b).longValue();
        if (divisor == 0) {
          throw new TableException("Division by zero: " + a + " / " + b);
        }
        yield fromLong(((Number) a).longValue() / divisor, type);
      }
    };
  }

  /** {@code MOD(a, b)} (or {@code a % b}) as {@code type}; the sign follows {@code a}. */
  public static Object mod(Object a, Object b, ValueType type) {
    if (a == null || b == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(a).remainder(toBigDecimal(b)), type);
      case FLOAT, DOUBLE -> fromDouble(((Number) a).doubleValue() % ((Number) b).doubleValue(), type);
      default -> {
        long divisor = ((Number) b).longValue();
        if (divisor == 0) {
          throw new TableException("Division by zero: MOD(" + a + ", " + b + ")");
        }
        yield fromLong(((Number) a).longValue() % divisor, type);
      }
    };
  }

  /** {@code -a} as {@code type}. */
  public static Object negate(Object a, ValueType type) {
    if (a == null) {
      return null;
    }
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(a).negate(), type);
      case FLOAT, DOUBLE -> fromDouble(-((Number) a).doubleValue(), type);
      default -> fromLong(-((Number) a).longValue(), type);
    };
  }

  /** Compares two numbers of any numeric classes by value. */
  public static int compare(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (a instanceof BigDecimal || b instanceof BigDecimal) {
      if (isFloating(a) || isFloating(b)) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return toBigDecimal(a).compareTo(toBigDecimal(b));
    }
    return Double.compare(a.doubleValue(), b.doubleValue());
  }

  /** {@code value} (any number) in the class of {@code type}; a decimal rounded to its scale, null if it overflows. */
  public static Object convert(Number value, ValueType type) {
    return switch (type.kind()) {
      case DECIMAL -> decimal(toBigDecimal(value), type);
      case FLOAT, DOUBLE -> fromDouble(value.doubleValue(), type);
      case TINYINT, SMALLINT, INT, BIGINT, INTERVAL_MILLIS, INTERVAL_MONTHS -> fromLong(
          value instanceof BigDecimal d ? d.longValue() : value.longValue(), type);
      default -> throw new IllegalArgumentException("Not a numeric type: " + type);
    };
  }

  /** {@code value} as a {@code BigDecimal}. */
  public static BigDecimal toBigDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  private static Object fromLong(long value, ValueType type) {
    return switch (type.kind()) {
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INT -> (int) value;
      case BIGINT -> value;
      case FLOAT -> (float) value;
      case DOUBLE -> (double) value;
      case DECIMAL -> decimal(BigDecimal.valueOf(value), type);
      case INTERVAL_MILLIS -> value;
      case INTERVAL_MONTHS -> (int) value;
      default -> throw new IllegalArgumentException("Not a numeric type: " + type);
    };
  }

  private static Object fromDouble(double value, ValueType type) {
    return type.kind() == ValueType.Kind.FLOAT ? (Object) (float) value : (Object) value;
  }

  /** {@code value} at the type's scale (half up), or null if its digits exceed the type's precision. */
  static BigDecimal decimal(BigDecimal value, ValueType type) {
    if (type.scale() < 0) {
      return value;
    }
    BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (type.precision() > 0 && scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      return null;
    }
    return scaled;
  }
}
