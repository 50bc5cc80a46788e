package io.spate.table.connector.source.abilities;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;

/**
 * A scan source that can leave out the fields a query does not read, as Flink's interface of the same
 * name: once told the fields, the source gives rows of those fields only, in the order given, a field
 * of a nested {@code ROW} as a column of its own.
 */
@PublicEvolving
public interface SupportsProjectionPushDown {

  /** Whether the source can also leave out fields of nested {@code ROW} columns, not only whole columns. */
  boolean supportsNestedProjection();

  /**
   * Tells the source which fields the query reads, before it is asked for its runtime provider: each
   * entry is a path of field positions in the table's physical row type, a column ({@code [2]}) or, if
   * {@link #supportsNestedProjection()}, a field of a nested row ({@code [2, 0]}: the first field of the
   * third column). From then on the source gives rows of {@code producedDataType}: one field per path,
   * in the order of {@code projectedFields}, followed by the metadata columns it is asked for, if any
   * ({@link SupportsReadingMetadata}, whose produced type then starts with these fields).
   */
  void applyProjection(int[][] projectedFields, DataType producedDataType);
}
