package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code BOOLEAN}: TRUE, FALSE or UNKNOWN (NULL); {@link Boolean} in Java. */
@PublicEvolving
public final class BooleanType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "BOOLEAN";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Boolean", "boolean");

  /** The type, nullable or not. */
  public BooleanType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.BOOLEAN);
  }

  /** The nullable type. */
  public BooleanType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new BooleanType(isNullable);
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
    return Boolean.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
