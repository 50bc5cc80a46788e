package io.spate.table.connector.source;

import io.spate.api.annotation.PublicEvolving;

/**
 * A source that finds the rows of a key on demand (Flink's {@code LookupTableSource}): the right
 * side of a lookup join, {@code JOIN t FOR SYSTEM_TIME AS OF left.proc_time ON left.k = t.id}.
 * The planner says which columns form the key; the source answers with a lookup function.
 */
@PublicEvolving
public interface LookupTableSource extends DynamicTableSource {

  /** How the source looks rows up by the key columns {@code context} names. */
  LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context);

  /** What the planner tells a lookup source. */
  interface LookupContext {
    /**
     * The key columns, each an index path into the table's physical row ({@code {{2}, {0}}}: the
     * third and the first column, in the order the key row gives their values).
     */
    int[][] getKeys();
  }

  /**
   * How a lookup runs: an {@link io.spate.table.connector.source.lookup.AsyncLookupFunctionProvider} or a
   * {@link io.spate.table.connector.source.lookup.LookupFunctionProvider}.
   */
  interface LookupRuntimeProvider {}
}
