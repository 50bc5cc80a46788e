package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.util.Map;
import java.util.List;
import java.util.Objects;

/**
 * The SQL type {@code MULTISET<t>} (also written {@code t MULTISET}): a bag of elements of type t, a {@code Map<T,
 * Integer>} from element to its count in Java.
 */
@PublicEvolving
public final class MultisetType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private static final String FORMAT = "MULTISET<%s>";

  private final LogicalType elementType;

  /** The type of collections of {@code elementType}, nullable or not. */
  public MultisetType(boolean isNullable, LogicalType elementType) {
    super(isNullable, LogicalTypeRoot.MULTISET);
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  /** The nullable type of collections of {@code elementType}. */
  public MultisetType(LogicalType elementType) {
    this(true, elementType);
  }

  /** The type of the elements. */
  public LogicalType getElementType() {
    return elementType;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new MultisetType(isNullable, elementType.copy());
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
    return Map.class.isAssignableFrom(clazz);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return clazz == Map.class;
  }

  @Override
  public Class<?> getDefaultConversion() {
    return Map.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of(elementType);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && elementType.equals(((MultisetType) o).elementType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), elementType);
  }
}
