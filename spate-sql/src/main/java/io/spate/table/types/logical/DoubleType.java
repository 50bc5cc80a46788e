package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/**
 * The SQL type {@code DOUBLE} (or {@code DOUBLE PRECISION}): an 8-byte floating point number, {@link Double} in
 * Java.
 */
@PublicEvolving
public final class DoubleType extends ParameterlessType {

  private static final long serialVersionUID = 1L;

  /** The type, nullable or not. */
  public DoubleType(boolean isNullable) {
    super(isNullable, LogicalTypeRoot.DOUBLE, "DOUBLE", Double.class, Set.of("java.lang.Double", "double"));
  }

  /** The nullable type. */
  public DoubleType() {
    this(true);
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new DoubleType(isNullable);
  }
}
