package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The SQL type {@code DATE}: a day of the proleptic Gregorian calendar, {@link LocalDate} in Java (an {@code int} of
 * days since 1970-01-01 also converts).
 */
@PublicEvolving
public final class DateType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "DATE";

  private static final Set<String> CONVERSIONS =
      Set.of("java.time.LocalDate", "java.sql.Date", "java.lang.Integer", "int");

  /** The type, nullable or not. */
  public DateType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.DATE);
  }

  /** The nullable type. */
  public DateType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new DateType(isNullable);
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT);
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
    return LocalDate.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
