package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.LogicalType;

/**
 * A column of a table's schema: a physical column the connector reads or writes, a computed
 * column (an expression over the others, never written), or a metadata column (a value the
 * connector gives or takes besides the record, such as a Kafka record's timestamp).
 */
@PublicEvolving
public sealed interface Column {

  /** The column's name. */
  String getName();

  /** The column's type. */
  LogicalType getType();

  /** Its comment, or null. */
  String getComment();

  /** Whether a sink writes this column: physical columns and metadata columns that are not virtual. */
  boolean isPersisted();

  /** Whether the connector reads or writes this column as part of the record. */
  default boolean isPhysical() {
    return this instanceof PhysicalColumn;
  }

  /** A physical column. */
  record PhysicalColumn(String getName, LogicalType getType, String getComment) implements Column {
    @Override
    public boolean isPersisted() {
      return true;
    }
  }

  /** A computed column: {@code name AS expression}. */
  record ComputedColumn(String getName, LogicalType getType, String expression, String getComment) implements Column {
    @Override
    public boolean isPersisted() {
      return false;
    }
  }

  /** A metadata column: {@code name type METADATA [FROM 'key'] [VIRTUAL]}; {@code key} is never null. */
  record MetadataColumn(String getName, LogicalType getType, String key, boolean virtual, String getComment)
      implements Column {
    @Override
    public boolean isPersisted() {
      return !virtual;
    }
  }
}
