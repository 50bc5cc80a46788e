package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.io.Serializable;

/**
 * The run-time view of a SQL type: which Java class carries its values and, where casts and
 * arithmetic need them, its precision and scale (for {@code DECIMAL}), fractional-second precision
 * (for {@code TIMESTAMP} and {@code TIME}) or length (for {@code CHAR} and {@code VARCHAR}).
 */
@Internal
public record ValueType(Kind kind, int precision, int scale) implements Serializable {

  /** The kinds of values, by the Java class that carries them. */
  public enum Kind {
    BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, BINARY, DATE, TIME, TIMESTAMP,
    TIMESTAMP_LTZ, INTERVAL_MILLIS, INTERVAL_MONTHS, ARRAY, MAP, MULTISET, ROW, NULL, OTHER;

    /** Whether values of this kind are integral numbers ({@code Byte} to {@code Long}). */
    public boolean isIntegral() {
      return this == TINYINT || this == SMALLINT || this == INT || this == BIGINT;
    }

    /** Whether values of this kind are numbers. */
    public boolean isNumeric() {
      return isIntegral() || this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    /** Whether values of this kind are strings. */
    public boolean isString() {
      return this == CHAR || this == VARCHAR;
    }
  }

  /** A type without precision or scale. */
  public static ValueType of(Kind kind) {
    return new ValueType(kind, -1, -1);
  }
}
