package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code BOOLEAN}: TRUE, FALSE or UNKNOWN (NULL); {@link Boolean} in Java. */
@PublicEvolving
public final class BooleanType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public BooleanType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.BOOLEAN, "BOOLEAN", Boolean.class, Set.of("java.lang.Boolean", "boolean"));
  }

  /** The nullable type. */
  public BooleanType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new BooleanType(isNullable);
  }
}
