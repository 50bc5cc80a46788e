package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code INT} (or {@code INTEGER}): a 4-byte signed integer, {@link Integer} in Java. */
@PublicEvolving
public final class IntType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public IntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.INTEGER, "INT", Integer.class, Set.of("java.lang.Integer", "int"));
  }

  /** The nullable type. */
  public IntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new IntType(isNullable);
  }
}
