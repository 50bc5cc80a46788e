package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type {@code TIMESTAMP(p)} ({@code TIMESTAMP(p) WITHOUT TIME ZONE}): a date and time of day without a zone,
 * p digits of fractional seconds, 0 to 9 (default 6); {@link LocalDateTime} in Java. A {@link TimestampKind} marks
 * event-time and processing-time attributes.
 */
@PublicEvolving
public final class TimestampType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest precision: whole seconds. */
  public static final int MIN_PRECISION = 0;

  /** The largest precision: nanoseconds. */
  public static final int MAX_PRECISION = 9;

  /** The precision without one: 6. */
  public static final int DEFAULT_PRECISION = 6;

  private static final String FORMAT = "TIMESTAMP(%d)";

  private static final Set<String> CONVERSIONS = Set.of("java.time.LocalDateTime", "java.sql.Timestamp");

  private final int precision;

  private final TimestampKind kind;

  /**
   * The type of the given precision and kind, nullable or not.
   *
   * @throws ValidationException if the precision is not between 0 and 9
   */
  public TimestampType(boolean isNullable, TimestampKind kind, int precision) {
    super(isNullable, LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE);
    this.precision = checkPrecision(precision);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The regular (not a time attribute) type of the given precision, nullable or not. */
  public TimestampType(boolean isNullable, int precision) {
    this(isNullable, TimestampKind.REGULAR, precision);
  }

  /** The nullable regular type of the given precision. */
  public TimestampType(int precision) {
    this(true, precision);
  }

  /** The nullable regular type of precision 6. */
  public TimestampType() {
    this(DEFAULT_PRECISION);
  }

  /** Whether this is a plain timestamp, an event-time or a processing-time attribute. */
  public TimestampKind getKind() {
    return kind;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new TimestampType(isNullable, kind, precision);
  }

  /** The type string without the time attribute, which a type string cannot declare. */
  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, precision);
  }

  @Override
  public String asSummaryString() {
    String summary = withNullability("TIMESTAMP(%d)", precision);
    switch (kind) {
      case ROWTIME:
        return summary + " *ROWTIME*";
      case PROCTIME:
        return summary + " *PROCTIME*";
      default:
        return summary;
    }
  }

  /** Equal types have the same precision and nullability; the time-attribute kind is a marker and not compared. */
  @Override
  public boolean equals(Object o) {
    return super.equals(o) && precision == ((TimestampType) o).precision;
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
    return LocalDateTime.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }

  private static int checkPrecision(int precision) {
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new ValidationException("Timestamp precision must be between " + MIN_PRECISION + " and " + MAX_PRECISION
          + " (both inclusive), got " + precision + ".");
    }
    return precision;
  }
}
