package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code INT} (or {@code INTEGER}): a 4-byte signed integer, {@link Integer} in Java. */
@PublicEvolving
public final class IntType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "INT";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Integer", "int");

  /** The type, nullable or not. */
  public IntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.INTEGER);
  }

  /** The nullable type. */
  public IntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new IntType(isNullable);
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
    return Integer.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
