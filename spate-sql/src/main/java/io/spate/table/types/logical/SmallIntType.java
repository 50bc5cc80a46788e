package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code SMALLINT}: a 2-byte signed integer, {@link Short} in Java. */
@PublicEvolving
public final class SmallIntType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public SmallIntType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.SMALLINT, "SMALLINT", Short.class, Set.of("java.lang.Short", "short"));
  }

  /** The nullable type. */
  public SmallIntType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new SmallIntType(isNullable);
  }
}
