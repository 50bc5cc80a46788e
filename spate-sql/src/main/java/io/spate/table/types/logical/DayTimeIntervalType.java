package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type of a day-time interval, such as {@code INTERVAL DAY(p1) TO SECOND(p2)}: a span of time
 * in days, hours, minutes and seconds with {@code p1} digits of days (1 to 6, default 2) and {@code p2}
 * digits of fractional seconds (0 to 9, default 6); {@link Duration} in Java, or a {@code long} of
 * milliseconds. The SQL planner types every day-time interval it computes as {@code INTERVAL SECOND(3)},
 * as Flink's does.
 */
@PublicEvolving
public final class DayTimeIntervalType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest number of digits of days. */
  public static final int MIN_DAY_PRECISION = 1;

  /** The largest number of digits of days. */
  public static final int MAX_DAY_PRECISION = 6;

  /** The number of digits of days without one: 2. */
  public static final int DEFAULT_DAY_PRECISION = 2;

  /** The smallest number of digits of fractional seconds. */
  public static final int MIN_FRACTIONAL_PRECISION = 0;

  /** The largest number of digits of fractional seconds. */
  public static final int MAX_FRACTIONAL_PRECISION = 9;

  /** The number of digits of fractional seconds without one: 6. */
  public static final int DEFAULT_FRACTIONAL_PRECISION = 6;

  private static final Set<String> CONVERSIONS = Set.of("java.time.Duration", "java.lang.Long", "long");

  /** The fields from the first to the last that a day-time interval type is written with. */
  public enum DayTimeResolution {
    DAY("INTERVAL DAY(%1$d)"),
    DAY_TO_HOUR("INTERVAL DAY(%1$d) TO HOUR"),
    DAY_TO_MINUTE("INTERVAL DAY(%1$d) TO MINUTE"),
    DAY_TO_SECOND("INTERVAL DAY(%1$d) TO SECOND(%2$d)"),
    HOUR("INTERVAL HOUR"),
    HOUR_TO_MINUTE("INTERVAL HOUR TO MINUTE"),
    HOUR_TO_SECOND("INTERVAL HOUR TO SECOND(%2$d)"),
    MINUTE("INTERVAL MINUTE"),
    MINUTE_TO_SECOND("INTERVAL MINUTE TO SECOND(%2$d)"),
    SECOND("INTERVAL SECOND(%2$d)");

    private final String format;

    DayTimeResolution(String format) {
      this.format = format;
    }
  }

  private final DayTimeResolution resolution;
  private final int dayPrecision;
  private final int fractionalPrecision;

  /**
   * The type of the given resolution and precisions, nullable or not.
   *
   * @throws ValidationException if a precision is out of its range
   */
  public DayTimeIntervalType(boolean isNullable, DayTimeResolution resolution, int dayPrecision,
      int fractionalPrecision) {
    super(isNullable, LogicalTypeRoot.INTERVAL_DAY_TIME);
    this.resolution = Objects.requireNonNull(resolution, "resolution");
    if (dayPrecision < MIN_DAY_PRECISION || dayPrecision > MAX_DAY_PRECISION) {
      throw new ValidationException("Day precision of day-time intervals must be between " + MIN_DAY_PRECISION
          + " and " + MAX_DAY_PRECISION + " (both inclusive), got " + dayPrecision + ".");
    }
    if (fractionalPrecision < MIN_FRACTIONAL_PRECISION || fractionalPrecision > MAX_FRACTIONAL_PRECISION) {
      throw new ValidationException("Fractional precision of day-time intervals must be between "
          + MIN_FRACTIONAL_PRECISION + " and " + MAX_FRACTIONAL_PRECISION + " (both inclusive), got "
          + fractionalPrecision + ".");
    }
    this.dayPrecision = dayPrecision;
    this.fractionalPrecision = fractionalPrecision;
  }

  /** The nullable type of the given resolution and precisions. */
  public DayTimeIntervalType(DayTimeResolution resolution, int dayPrecision, int fractionalPrecision) {
    this(true, resolution, dayPrecision, fractionalPrecision);
  }

  /** The nullable type of the given resolution with the default precisions. */
  public DayTimeIntervalType(DayTimeResolution resolution) {
    this(resolution, DEFAULT_DAY_PRECISION, DEFAULT_FRACTIONAL_PRECISION);
  }

  /** The type the planner gives every day-time interval value: {@code INTERVAL SECOND(3)}. */
  public static DayTimeIntervalType ofMillis(boolean isNullable) {
    return new DayTimeIntervalType(isNullable, DayTimeResolution.SECOND, DEFAULT_DAY_PRECISION, 3);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new DayTimeIntervalType(isNullable, resolution, dayPrecision, fractionalPrecision);
  }

  @Override
  public String asSerializableString() {
    return withNullability(resolution.format, dayPrecision, fractionalPrecision);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && resolution == ((DayTimeIntervalType) o).resolution
        && dayPrecision == ((DayTimeIntervalType) o).dayPrecision
        && fractionalPrecision == ((DayTimeIntervalType) o).fractionalPrecision;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), resolution, dayPrecision, fractionalPrecision);
  }

  /** The fields the type is written with. */
  public DayTimeResolution getResolution() {
    return resolution;
  }

  /** The number of digits of days. */
  public int getDayPrecision() {
    return dayPrecision;
  }

  /** The number of digits of fractional seconds. */
  public int getFractionalPrecision() {
    return fractionalPrecision;
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
    return Duration.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
