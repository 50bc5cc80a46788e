package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code BIGINT}: an 8-byte signed integer, {@link Long} in Java. */
@PublicEvolving
public final class BigIntType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "BIGINT";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Long", "long");

  /** The type, nullable or not. */
  public BigIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.BIGINT);
  }

  /** The nullable type. */
  public BigIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new BigIntType(isNullable);
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
    return Long.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
