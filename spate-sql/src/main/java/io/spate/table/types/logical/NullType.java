package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.util.List;

/**
 * The SQL type {@code NULL}: the type of the untyped NULL literal, whose only value is NULL. It is always nullable
 * and converts from and to any non-primitive Java class ({@link Object} by default).
 */
@PublicEvolving
public final class NullType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "NULL";

  /** The NULL type. */
  public NullType() {
    super(true, LogicalTypeRoot.NULL);
  }

  /**
   * The NULL type itself.
   *
   * @throws ValidationException if {@code isNullable} is false: the NULL type cannot be NOT NULL
   */
  @Override
  public LogicalType copy(boolean isNullable) {
    if (!isNullable) {
      throw new ValidationException("The NULL type is always nullable; NULL NOT NULL is not a type.");
    }
    return new NullType();
  }

  @Override
  public String asSerializableString() {
    return FORMAT;
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return !clazz.isPrimitive();
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return !clazz.isPrimitive();
  }

  @Override
  public Class<?> getDefaultConversion() {
    return Object.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
