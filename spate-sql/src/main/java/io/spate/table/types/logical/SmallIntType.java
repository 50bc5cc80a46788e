package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.Set;

/** The SQL type {@code SMALLINT}: a 2-byte signed integer, {@link Short} in Java. */
@PublicEvolving
public final class SmallIntType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "SMALLINT";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.Short", "short");

  /** The type, nullable or not. */
  public SmallIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.SMALLINT);
  }

  /** The nullable type. */
  public SmallIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new SmallIntType(isNullable);
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
    return Short.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
