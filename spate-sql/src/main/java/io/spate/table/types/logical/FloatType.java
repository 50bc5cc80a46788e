package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/** The SQL type {@code FLOAT}: a 4-byte single-precision floating point number, {@link Float} in Java. */
@PublicEvolving
public final class FloatType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public FloatType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.FLOAT, "FLOAT", Float.class, Set.of("java.lang.Float", "float"));
  }

  /** The nullable type. */
  public FloatType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new FloatType(isNullable);
  }
}
