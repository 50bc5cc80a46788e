package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/**
 * The SQL type {@code DOUBLE} (or {@code DOUBLE PRECISION}): an 8-byte floating point number, {@link Double} in
 * Java.
 */
@PublicEvolving
public final class DoubleType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "DOUBLE";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Double", "double");

  /** The type, nullable or not. */
  public DoubleType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.DOUBLE);
  }

  /** The nullable type. */
  public DoubleType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new DoubleType(isNullable);
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
    return Double.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
