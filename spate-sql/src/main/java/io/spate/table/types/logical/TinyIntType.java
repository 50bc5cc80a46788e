package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code TINYINT}: a 1-byte signed integer, {@link Byte} in Java. */
@PublicEvolving
public final class TinyIntType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "TINYINT";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Byte", "byte");

  /** The type, nullable or not. */
  public TinyIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.TINYINT);
  }

  /** The nullable type. */
  public TinyIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new TinyIntType(isNullable);
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
    return Byte.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
