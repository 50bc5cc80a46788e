package io.spate.table.expressions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.List;
import java.util.Objects;

/** A column of the table a filter is given for: its name, its type and its position among the table's physical columns. */
@PublicEvolving
public final class FieldReferenceExpression implements ResolvedExpression {

  private final String name;
  private final DataType dataType;
  private final int inputIndex;
  private final int fieldIndex;

  /** The column {@code name} of type {@code dataType} at {@code fieldIndex} of input {@code inputIndex}. */
  public FieldReferenceExpression(String name, DataType dataType, int inputIndex, int fieldIndex) {
    this.name = Objects.requireNonNull(name, "name");
    this.dataType = Objects.requireNonNull(dataType, "dataType");
    this.inputIndex = inputIndex;
    this.fieldIndex = fieldIndex;
  }

  /** The column's name. */
  public String getName() {
    return name;
  }

  /** Which input the column is of: 0 for a source's filters. */
  public int getInputIndex() {
    return inputIndex;
  }

  /** The column's position among the table's physical columns. */
  public int getFieldIndex() {
    return fieldIndex;
  }

  @Override
  public DataType getOutputDataType() {
    return dataType;
  }

  @Override
  public List<ResolvedExpression> getResolvedChildren() {
    return List.of();
  }

  @Override
  public String asSerializableString() {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override
  public String asSummaryString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldReferenceExpression f && f.name.equals(name) && f.dataType.equals(dataType)
        && f.inputIndex == inputIndex && f.fieldIndex == fieldIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, inputIndex, fieldIndex);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
