package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code BIGINT}: an 8-byte signed integer, {@link Long} in Java. */
@PublicEvolving
public final class BigIntType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public BigIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.BIGINT, "BIGINT", Long.class, Set.of("java.lang.Long", "long"));
  }

  /** The nullable type. */
  public BigIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new BigIntType(isNullable);
  }
}
