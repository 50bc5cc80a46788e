package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The columns, watermark and primary key of a table declared in a program instead of in DDL, as in
 * Flink: {@code Schema.newBuilder().column("id", DataTypes.BIGINT()).columnByExpression("len",
 * "CHAR_LENGTH(name)").watermark("ts", "ts - INTERVAL '1' SECOND").primaryKey("id").build()}. Types and
 * expressions are resolved when the schema is used, with the same rules and errors as {@code CREATE TABLE}.
 */
@PublicEvolving
public final class Schema {

  private final List<UnresolvedColumn> columns;
  private final UnresolvedWatermark watermark;
  private final List<String> primaryKey;
  private final String primaryKeyName;

  private Schema(List<UnresolvedColumn> columns, UnresolvedWatermark watermark, List<String> primaryKey,
      String primaryKeyName) {
    this.columns = List.copyOf(columns);
    this.watermark = watermark;
    this.primaryKey = List.copyOf(primaryKey);
    this.primaryKeyName = primaryKeyName;
  }

  /** A builder of a schema. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The schema without columns: the columns are derived from where the table comes from (a DataStream's type). */
  public static Schema derived() {
    return new Schema(List.of(), null, List.of(), null);
  }

  /** The declared columns, in order. */
  public List<UnresolvedColumn> getColumns() {
    return columns;
  }

  /** The watermark, or null. */
  public UnresolvedWatermark getWatermark() {
    return watermark;
  }

  /** The primary key's columns; empty for none. */
  public List<String> getPrimaryKey() {
    return primaryKey;
  }

  /** The column list of a {@code CREATE TABLE} statement declaring this schema, with its parentheses. */
  public String toDdl() {
    List<String> parts = new ArrayList<>();
    for (UnresolvedColumn column : columns) {
      parts.add(column.toDdl());
    }
    if (watermark != null) {
      parts.add("WATERMARK FOR " + quote(watermark.columnName()) + " AS " + watermark.expression());
    }
    if (!primaryKey.isEmpty()) {
      parts.add((primaryKeyName == null ? "" : "CONSTRAINT " + quote(primaryKeyName) + " ") + "PRIMARY KEY ("
          + primaryKey.stream().map(Schema::quote).collect(Collectors.joining(", ")) + ") NOT ENFORCED");
    }
    return parts.stream().map(part -> "  " + part).collect(Collectors.joining(",\n", "(\n", "\n)"));
  }

  @Override
  public String toString() {
    return toDdl();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema other && columns.equals(other.columns) && Objects.equals(watermark, other.watermark)
        && primaryKey.equals(other.primaryKey) && Objects.equals(primaryKeyName, other.primaryKeyName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, watermark, primaryKey);
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A declared column, resolved when the schema is used. */
  public sealed interface UnresolvedColumn permits UnresolvedPhysicalColumn, UnresolvedComputedColumn,
      UnresolvedMetadataColumn {
    /** The column's name. */
    String getName();

    /** The column as it appears in a {@code CREATE TABLE} statement. */
    String toDdl();
  }

  /** A column the table's data holds, of a SQL type. */
  public record UnresolvedPhysicalColumn(String getName, String type) implements UnresolvedColumn {
    @Override
    public String toDdl() {
      return quote(getName) + " " + type;
    }
  }

  /** A column computed from other columns by a SQL expression. */
  public record UnresolvedComputedColumn(String getName, String expression) implements UnresolvedColumn {
    @Override
    public String toDdl() {
      return quote(getName) + " AS " + expression;
    }
  }

  /** A column the connector gives beside the data (a Kafka record's timestamp, a DataStream record's). */
  public record UnresolvedMetadataColumn(String getName, String type, String metadataKey, boolean isVirtual)
      implements UnresolvedColumn {
    @Override
    public String toDdl() {
      return quote(getName) + " " + type + " METADATA" + (metadataKey == null ? "" : " FROM '"
          + metadataKey.replace("'", "''") + "'") + (isVirtual ? " VIRTUAL" : "");
    }
  }

  /** The watermark of a time column: a SQL expression over the row. */
  public record UnresolvedWatermark(String columnName, String expression) {}

  /** Builds a {@link Schema}; every method returns the builder. */
  @PublicEvolving
  public static final class Builder {
    private final List<UnresolvedColumn> columns = new ArrayList<>();
    private UnresolvedWatermark watermark;
    private List<String> primaryKey = Collections.emptyList();
    private String primaryKeyName;

    private Builder() {}

    /** Adds the columns, watermark and primary key of {@code schema}. */
    public Builder fromSchema(Schema schema) {
      columns.addAll(schema.columns);
      if (schema.watermark != null) {
        watermark = schema.watermark;
      }
      if (!schema.primaryKey.isEmpty()) {
        primaryKey = schema.primaryKey;
        primaryKeyName = schema.primaryKeyName;
      }
      return this;
    }

    /** Adds a physical column of {@code type}. */
    public Builder column(String name, DataType type) {
      return column(name, typeString(type));
    }

    /** Adds a physical column of a SQL type given as text, such as {@code "DECIMAL(10, 2)"}. */
    public Builder column(String name, String sqlType) {
      columns.add(new UnresolvedPhysicalColumn(name(name), text(sqlType, "type of column " + name)));
      return this;
    }

    /** Adds a column computed by the SQL expression {@code sqlExpression}. */
    public Builder columnByExpression(String name, String sqlExpression) {
      columns.add(new UnresolvedComputedColumn(name(name), text(sqlExpression, "expression of column " + name)));
      return this;
    }

    /** Adds a metadata column whose key is its name. */
    public Builder columnByMetadata(String name, DataType type) {
      return columnByMetadata(name, typeString(type), null, false);
    }

    /** Adds a metadata column of a SQL type given as text, whose key is its name. */
    public Builder columnByMetadata(String name, String sqlType) {
      return columnByMetadata(name, sqlType, null, false);
    }

    /** Adds a metadata column read from the metadata {@code metadataKey}. */
    public Builder columnByMetadata(String name, DataType type, String metadataKey) {
      return columnByMetadata(name, typeString(type), metadataKey, false);
    }

    /** Adds a metadata column; a virtual one is read but never written. */
    public Builder columnByMetadata(String name, DataType type, String metadataKey, boolean isVirtual) {
      return columnByMetadata(name, typeString(type), metadataKey, isVirtual);
    }

    /** Adds a metadata column of a SQL type given as text; a virtual one is read but never written. */
    public Builder columnByMetadata(String name, String sqlType, String metadataKey, boolean isVirtual) {
      columns.add(new UnresolvedMetadataColumn(name(name), text(sqlType, "type of column " + name), metadataKey,
          isVirtual));
      return this;
    }

    /** Declares {@code columnName} the event-time attribute, with watermarks by {@code sqlExpression}. */
    public Builder watermark(String columnName, String sqlExpression) {
      if (watermark != null) {
        throw new ValidationException("A schema has one watermark; it already has one for column "
            + watermark.columnName());
      }
      watermark = new UnresolvedWatermark(name(columnName), text(sqlExpression, "watermark of " + columnName));
      return this;
    }

    /** Declares the primary key (not enforced, as in Flink). */
    public Builder primaryKey(String... columnNames) {
      return primaryKeyNamed(null, columnNames);
    }

    /** Declares the primary key under the constraint name {@code constraintName}. */
    public Builder primaryKeyNamed(String constraintName, String... columnNames) {
      if (columnNames.length == 0) {
        throw new ValidationException("A primary key needs at least one column");
      }
      if (!primaryKey.isEmpty()) {
        throw new ValidationException("A schema has one primary key; it already has " + primaryKey);
      }
      primaryKey = Arrays.stream(columnNames).map(Builder::name).toList();
      primaryKeyName = constraintName;
      return this;
    }

    /** The schema. */
    public Schema build() {
      return new Schema(columns, watermark, primaryKey, primaryKeyName);
    }

    private static String typeString(DataType type) {
      Objects.requireNonNull(type, "data type");
      return type.getLogicalType().asSerializableString();
    }

    private static String name(String name) {
      if (name == null || name.isBlank()) {
        throw new ValidationException("A column name must not be empty");
      }
      return name;
    }

    private static String text(String text, String what) {
      if (text == null || text.isBlank()) {
        throw new ValidationException("The " + what + " must not be empty");
      }
      return text;
    }
  }
}
