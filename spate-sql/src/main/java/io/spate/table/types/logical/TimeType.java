package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type {@code TIME(p)} ({@code TIME(p) WITHOUT TIME ZONE}): a time of day with p digits of fractional
 * seconds, 0 to 9 (default 0); {@link LocalTime} in Java.
 */
@PublicEvolving
public final class TimeType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest precision: whole seconds. */
  public static final int MIN_PRECISION = 0;

  /** The largest precision: nanoseconds. */
  public static final int MAX_PRECISION = 9;

  /** The precision without one: 0. */
  public static final int DEFAULT_PRECISION = 0;

  private static final String FORMAT = "TIME(%d)";

  private static final Set<String> CONVERSIONS =
      Set.of("java.time.LocalTime", "java.sql.Time", "java.lang.Integer", "int", "java.lang.Long", "long");

  private final int precision;

  /**
   * The type of the given precision, nullable or not.
   *
   * @throws ValidationException if the precision is not between 0 and 9
   */
  public TimeType(boolean isNullable, int precision) {
    super(isNullable, LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE);
    this.precision = checkPrecision(precision);
  }

  /** The nullable type of the given precision. */
  public TimeType(int precision) {
    this(true, precision);
  }

  /** The nullable {@code TIME(0)}. */
  public TimeType() {
    this(DEFAULT_PRECISION);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new TimeType(isNullable, precision);
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, precision);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && precision == ((TimeType) o).precision;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), precision);
  }

  /** The precision: the number of digits of fractional seconds. */
  public int getPrecision() {
    return precision;
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return isOneOf(clazz, CONVERSIONS);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return isOneOf(clazz, CONVERSIONS);
  }

  @Override
  public Class<?> getDefaultConversion() {
    return LocalTime.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }

  private static int checkPrecision(int precision) {
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new ValidationException("Time precision must be between " + MIN_PRECISION + " and " + MAX_PRECISION
          + " (both inclusive), got " + precision + ".");
    }
    return precision;
  }
}
