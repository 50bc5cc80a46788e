package io.spate.table.types;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Objects;

/**
 * The data type of an ARRAY or MULTISET with the data type of its elements. An ARRAY's values are Java arrays of the
 * element's conversion class by default: {@code Integer[]} for {@code ARRAY<INT>}, {@code int[]} once the element
 * is bridged to {@code int}.
 */
@PublicEvolving
public final class CollectionDataType extends DataType {

  private static final long serialVersionUID = 1L;

  private final DataType elementDataType;

  /** The collection data type of {@code logicalType} with elements of {@code elementDataType}. */
  public CollectionDataType(LogicalType logicalType, Class<?> conversionClass, DataType elementDataType) {
    super(logicalType, conversionClass);
    this.elementDataType = Objects.requireNonNull(elementDataType, "elementDataType");
  }

  /** The collection data type of {@code logicalType} with its default conversion class. */
  public CollectionDataType(LogicalType logicalType, DataType elementDataType) {
    this(logicalType, null, elementDataType);
  }

  /** The data type of the elements. */
  public DataType getElementDataType() {
    return elementDataType;
  }

  @Override
  public List<DataType> getChildren() {
    return List.of(elementDataType);
  }

  @Override
  public DataType notNull() {
    return new CollectionDataType(logicalType.copy(false), explicitConversionClass(), elementDataType);
  }

  @Override
  public DataType nullable() {
    return new CollectionDataType(logicalType.copy(true), explicitConversionClass(), elementDataType);
  }

  /** For an ARRAY and an array class, the element data type is bridged to the array's component class too. */
  @Override
  public DataType bridgedTo(Class<?> newConversionClass) {
    DataType element = elementDataType;
    boolean supported = logicalType.supportsInputConversion(newConversionClass)
        || logicalType.supportsOutputConversion(newConversionClass);
    if (supported && logicalType.is(LogicalTypeRoot.ARRAY) && newConversionClass.isArray()) {
      element = elementDataType.bridgedTo(newConversionClass.getComponentType());
    }
    return new CollectionDataType(logicalType, newConversionClass, element);
  }

  @Override
  protected Class<?> defaultConversionClass() {
    if (logicalType.is(LogicalTypeRoot.ARRAY)) {
      return Array.newInstance(elementDataType.getConversionClass(), 0).getClass();
    }
    return super.defaultConversionClass();
  }
}
