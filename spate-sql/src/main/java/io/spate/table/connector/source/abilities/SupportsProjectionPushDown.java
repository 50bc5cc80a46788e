package io.spate.table.connector.source.abilities;

import io.spate.api.annotation.PublicEvolving;

/**
 * A scan source that can leave out the fields a query does not read, Spate's counterpart of Flink's
 * interface of the same name. Unlike Flink's, the source's rows keep the table's shape: every column
 * (and every field of a nested {@code ROW}) stays at its position, and a field outside the projection
 * may be NULL instead of its value. Nothing that reads the rows has to be rewritten, and one source
 * can serve several readers with the union of their projections.
 */
@PublicEvolving
public interface SupportsProjectionPushDown {

  /** Whether the source can also leave out fields of nested {@code ROW} columns, not only whole columns. */
  boolean supportsNestedProjection();

  /**
   * Tells the source which fields the query reads, before it is asked for its runtime provider: each
   * entry is a path of field positions in the produced row type, a column ({@code [2]}) or, if {@link
   * #supportsNestedProjection()}, a field of a nested row ({@code [2, 0]}: the first field of the third
   * column), all of whose fields are read. The source must give the values of these fields and may give
   * NULL for any other physical field; the paths hold no metadata columns, which it gives as before.
   */
  void applyProjection(int[][] projectedFields);
}
