package io.spate.table.types;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A type of the Table API: a {@link LogicalType} (what SQL sees) plus the Java class its values have at the edges
 * of a program (what {@code collect()} returns, what a function receives). Create them with
 * {@link io.spate.table.api.DataTypes}; {@code DataTypes.INT()} is {@code INT} as {@link Integer},
 * {@code DataTypes.INT().notNull().bridgedTo(int.class)} is {@code INT NOT NULL} as {@code int}.
 */
@PublicEvolving
public abstract class DataType implements Serializable {

  private static final long serialVersionUID = 1L;

  protected final LogicalType logicalType;

  /** The chosen conversion class, or null for the logical type's default. */
  private final Class<?> conversionClass;

  /**
   * A data type of the given logical type, bridged to {@code conversionClass} or, if it is null, to the logical
   * type's default class.
   *
   * @throws ValidationException if the logical type cannot be converted from or to {@code conversionClass}
   */
  protected DataType(LogicalType logicalType, Class<?> conversionClass) {
    this.logicalType = Objects.requireNonNull(logicalType, "logicalType");
    if (conversionClass != null && !logicalType.supportsInputConversion(conversionClass)
        && !logicalType.supportsOutputConversion(conversionClass)) {
      throw new ValidationException("Data type '" + logicalType.asSummaryString()
          + "' does not support a conversion from or to class '" + conversionClass.getName() + "'.");
    }
    this.conversionClass = conversionClass;
  }

  /** The logical type: what SQL sees, independent of the Java class. */
  public LogicalType getLogicalType() {
    return logicalType;
  }

  /**
   * The Java class of this type's values: the one chosen with {@link #bridgedTo(Class)}, else the logical type's
   * default (an array of the element's class for ARRAY).
   */
  public Class<?> getConversionClass() {
    return conversionClass != null ? conversionClass : defaultConversionClass();
  }

  /** The data types nested in this one: an ARRAY's element, a MAP's key and value, a ROW's fields. */
  public abstract List<DataType> getChildren();

  /** This data type with a logical type that does not admit NULL. */
  public abstract DataType notNull();

  /** This data type with a logical type that admits NULL. */
  public abstract DataType nullable();

  /**
   * This data type with values of {@code newConversionClass} in Java, e.g. {@code java.sql.Timestamp} for a
   * TIMESTAMP or {@code int[]} for an ARRAY of INT NOT NULL.
   *
   * @throws ValidationException if the logical type cannot be converted from or to that class
   */
  public abstract DataType bridgedTo(Class<?> newConversionClass);

  /** The class chosen with {@link #bridgedTo(Class)}, or null when this type uses the default. */
  protected Class<?> explicitConversionClass() {
    return conversionClass;
  }

  /** The class of the values when none was chosen. */
  protected Class<?> defaultConversionClass() {
    return logicalType.getDefaultConversion();
  }

  /** The names of the fields of a ROW data type, or an empty list for any other type. */
  public static List<String> getFieldNames(DataType dataType) {
    LogicalType type = dataType.getLogicalType();
    return type instanceof RowType ? ((RowType) type).getFieldNames() : List.of();
  }

  /** The data types of the fields of a ROW data type, or an empty list for any other type. */
  public static List<DataType> getFieldDataTypes(DataType dataType) {
    return dataType.getLogicalType().is(LogicalTypeRoot.ROW) ? dataType.getChildren() : List.of();
  }

  /** The number of fields of a ROW data type, or 0 for any other type. */
  public static int getFieldCount(DataType dataType) {
    return getFieldDataTypes(dataType).size();
  }

  /** The logical type's {@linkplain LogicalType#asSummaryString() summary string}, e.g. {@code STRING NOT NULL}. */
  @Override
  public String toString() {
    return logicalType.asSummaryString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DataType that = (DataType) o;
    return logicalType.equals(that.logicalType)
        && conversionName().equals(that.conversionName())
        && getChildren().equals(that.getChildren());
  }

  @Override
  public int hashCode() {
    return Objects.hash(logicalType, conversionName());
  }

  /**
   * The conversion class's name, so that an explicit default equals the implicit one; when the default cannot be
   * loaded (ROW's {@code Row} before it is on the class path) only the default can be meant.
   */
  private String conversionName() {
    try {
      return getConversionClass().getName();
    } catch (IllegalStateException e) {
      return "(default)";
    }
  }
}
