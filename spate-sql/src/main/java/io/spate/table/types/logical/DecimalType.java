package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type {@code DECIMAL(p, s)} (also {@code DEC} and {@code NUMERIC}): an exact number of p digits of which
 * s follow the decimal point, {@link BigDecimal} in Java. p is 1 to 38 (default 10), s is 0 to p (default 0).
 */
@PublicEvolving
public final class DecimalType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest precision. */
  public static final int MIN_PRECISION = 1;

  /** The largest precision, 38 digits. */
  public static final int MAX_PRECISION = 38;

  /** The precision of {@code DECIMAL} without one. */
  public static final int DEFAULT_PRECISION = 10;

  /** The smallest scale. */
  public static final int MIN_SCALE = 0;

  /** The scale of {@code DECIMAL} without one. */
  public static final int DEFAULT_SCALE = 0;

  private static final String FORMAT = "DECIMAL(%d, %d)";

  private static final Set<String> CONVERSIONS = Set.of("java.math.BigDecimal");

  private final int precision;
  private final int scale;

  /**
   * The type of the given precision and scale, nullable or not.
   *
   * @throws ValidationException if the precision is not between 1 and 38 or the scale not between 0 and it
   */
  public DecimalType(boolean isNullable, int precision, int scale) {
    super(isNullable, LogicalTypeRoot.DECIMAL);
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new ValidationException("Decimal precision must be between " + MIN_PRECISION + " and " + MAX_PRECISION
          + " (both inclusive), got " + precision + ".");
    }
    if (scale < MIN_SCALE || scale > precision) {
      throw new ValidationException("Decimal scale must be between " + MIN_SCALE + " and the precision " + precision
          + " (both inclusive), got " + scale + ".");
    }
    this.precision = precision;
    this.scale = scale;
  }

  /** The nullable type of the given precision and scale. */
  public DecimalType(int precision, int scale) {
    this(true, precision, scale);
  }

  /** The nullable type of the given precision and scale 0. */
  public DecimalType(int precision) {
    this(precision, DEFAULT_SCALE);
  }

  /** The nullable {@code DECIMAL(10, 0)}. */
  public DecimalType() {
    this(DEFAULT_PRECISION);
  }

  /** The number of digits in all. */
  public int getPrecision() {
    return precision;
  }

  /** The number of digits after the decimal point. */
  public int getScale() {
    return scale;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new DecimalType(isNullable, precision, scale);
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, precision, scale);
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
    return BigDecimal.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && precision == ((DecimalType) o).precision && scale == ((DecimalType) o).scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), precision, scale);
  }
}
