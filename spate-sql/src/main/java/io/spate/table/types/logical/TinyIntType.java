package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code TINYINT}: a 1-byte signed integer, {@link Byte} in Java. */
@PublicEvolving
public final class TinyIntType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public TinyIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.TINYINT, "TINYINT", Byte.class, Set.of("java.lang.Byte", "byte"));
  }

  /** The nullable type. */
  public TinyIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new TinyIntType(isNullable);
  }
}
