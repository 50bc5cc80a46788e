package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type of a year-month interval, such as {@code INTERVAL YEAR(p) TO MONTH}: a span of years and
 * months with {@code p} digits of years (1 to 4, default 2); {@link Period} in Java, or an {@code int} of
 * months. The SQL planner types every year-month interval it computes as {@code INTERVAL MONTH}, as
 * Flink's does.
 */
@PublicEvolving
public final class YearMonthIntervalType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest number of digits of years. */
  public static final int MIN_PRECISION = 1;

  /** The largest number of digits of years. */
  public static final int MAX_PRECISION = 4;

  /** The number of digits of years without one: 2. */
  public static final int DEFAULT_PRECISION = 2;

  private static final Set<String> CONVERSIONS = Set.of("java.time.Period", "java.lang.Integer", "int");

  /** The fields from the first to the last that a year-month interval type is written with. */
  public enum YearMonthResolution {
    YEAR("INTERVAL YEAR(%d)"),
    YEAR_TO_MONTH("INTERVAL YEAR(%d) TO MONTH"),
    MONTH("INTERVAL MONTH");

    private final String format;

    YearMonthResolution(String format) {
      this.format = format;
    }
  }

  private final YearMonthResolution resolution;
  private final int yearPrecision;

  /**
   * The type of the given resolution and precision, nullable or not.
   *
   * @throws ValidationException if the precision is not between 1 and 4
   */
  public YearMonthIntervalType(boolean isNullable, YearMonthResolution resolution, int yearPrecision) {
    super(isNullable, LogicalTypeRoot.INTERVAL_YEAR_MONTH);
    this.resolution = Objects.requireNonNull(resolution, "resolution");
    if (yearPrecision < MIN_PRECISION || yearPrecision > MAX_PRECISION) {
      throw new ValidationException("Year precision of year-month intervals must be between " + MIN_PRECISION
          + " and " + MAX_PRECISION + " (both inclusive), got " + yearPrecision + ".");
    }
    this.yearPrecision = yearPrecision;
  }

  /** The nullable type of the given resolution with two digits of years. */
  public YearMonthIntervalType(YearMonthResolution resolution) {
    this(true, resolution, DEFAULT_PRECISION);
  }

  /** The type the planner gives every year-month interval value: {@code INTERVAL MONTH}. */
  public static YearMonthIntervalType ofMonths(boolean isNullable) {
    return new YearMonthIntervalType(isNullable, YearMonthResolution.MONTH, DEFAULT_PRECISION);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new YearMonthIntervalType(isNullable, resolution, yearPrecision);
  }

  @Override
  public String asSerializableString() {
    return withNullability(resolution.format, yearPrecision);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && resolution == ((YearMonthIntervalType) o).resolution
        && yearPrecision == ((YearMonthIntervalType) o).yearPrecision;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), resolution, yearPrecision);
  }

  /** The fields the type is written with. */
  public YearMonthResolution getResolution() {
    return resolution;
  }

  /** The number of digits of years. */
  public int getYearPrecision() {
    return yearPrecision;
  }

  /** {@code months} as a {@link Period} of this resolution, as Flink converts it. */
  public Period toPeriod(int months) {
    switch (resolution) {
      case YEAR:
        return Period.ofYears(months / 12);
      case YEAR_TO_MONTH:
        return Period.of(months / 12, months % 12, 0);
      default:
        return Period.ofMonths(months);
    }
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
    return Period.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
