package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a table or of a query's result, with their names and types. */
@PublicEvolving
public final class ResolvedSchema {

  private final List<Column> columns;

  private ResolvedSchema(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** A schema of {@code columns}. */
  public static ResolvedSchema of(List<Column> columns) {
    return new ResolvedSchema(columns);
  }

  /** A schema of physical columns named {@code names} with {@code types}. */
  public static ResolvedSchema physical(List<String> names, List<LogicalType> types) {
    if (names.size() != types.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
    }
    return new ResolvedSchema(java.util.stream.IntStream.range(0, names.size())
        .mapToObj(i -> (Column) new Column.PhysicalColumn(names.get(i), types.get(i), null)).toList());
  }

  /** The columns, in order. */
  public List<Column> getColumns() {
    return columns;
  }

  /** The number of columns. */
  public int getColumnCount() {
    return columns.size();
  }

  /** The columns' names, in order. */
  public List<String> getColumnNames() {
    return columns.stream().map(Column::getName).toList();
  }

  /** The columns' types, in order. */
  public List<LogicalType> getColumnTypes() {
    return columns.stream().map(Column::getType).toList();
  }

  /** The data types of the columns, in order, as Flink's {@code getColumnDataTypes} gives them. */
  public List<io.spate.table.types.DataType> getColumnDataTypes() {
    return getColumnTypes().stream().map(io.spate.table.types.utils.TypeConversions::fromLogicalToDataType).toList();
  }

  /** Column {@code index}. */
  public Optional<Column> getColumn(int index) {
    return index >= 0 && index < columns.size() ? Optional.of(columns.get(index)) : Optional.empty();
  }

  /** The column named {@code name}. */
  public Optional<Column> getColumn(String name) {
    return columns.stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedSchema other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  /** The schema as Flink prints it: one line per column, {@code `name` TYPE}. */
  @Override
  public String toString() {
    return columns.stream().map(c -> "  `" + c.getName() + "` " + c.getType().asSummaryString()
        + (c instanceof Column.ComputedColumn computed ? " AS " + computed.expression() : "")
        + (c instanceof Column.MetadataColumn metadata ? " METADATA FROM '" + metadata.key() + "'"
            + (metadata.virtual() ? " VIRTUAL" : "") : ""))
        .collect(Collectors.joining(",\n", "(\n", "\n)"));
  }
}
