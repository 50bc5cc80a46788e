package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code FLOAT}: a 4-byte single-precision floating point number, {@link Float} in Java. */
@PublicEvolving
public final class FloatType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "FLOAT";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Float", "float");

  /** The type, nullable or not. */
  public FloatType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.FLOAT);
  }

  /** The nullable type. */
  public FloatType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new FloatType(isNullable);
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
    return Float.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
