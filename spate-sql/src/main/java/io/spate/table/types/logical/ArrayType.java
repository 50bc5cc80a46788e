package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Objects;

/**
 * The SQL type {@code ARRAY<t>} (also written {@code t ARRAY}): an array of elements of type t, a Java array of the
 * element's class ({@code Integer[]} for {@code ARRAY<INT>}).
 */
@PublicEvolving
public final class ArrayType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "ARRAY<%s>";

  private final LogicalType elementType;

  /** The type of collections of {@code elementType}, nullable or not. */
  public ArrayType(boolean isNullable, LogicalType elementType) {
    super(isNullable, LogicalTypeRoot.ARRAY);
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  /** The nullable type of collections of {@code elementType}. */
  public ArrayType(LogicalType elementType) {
    this(true, elementType);
  }

  /** The type of the elements. */
  public LogicalType getElementType() {
    return elementType;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new ArrayType(isNullable, elementType.copy());
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, elementType.asSerializableString());
  }

  @Override
  public String asSummaryString() {
    return withNullability(FORMAT, elementType.asSummaryString());
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return clazz.isArray() && elementType.supportsInputConversion(clazz.getComponentType());
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return clazz.isArray() && elementType.supportsOutputConversion(clazz.getComponentType());
  }

  @Override
  public Class<?> getDefaultConversion() {
    return Array.newInstance(elementType.getDefaultConversion(), 0).getClass();
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of(elementType);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && elementType.equals(((ArrayType) o).elementType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), elementType);
  }
}
