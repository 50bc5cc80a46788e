package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.types.Row;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the rows of a key asynchronously, for lookup joins (Flink's {@code AsyncLookupFunction}):
 * the key row holds the key columns' values in the order the planner asked for them; the rows
 * found are the table's physical rows. The future may complete on any thread.
 */
@PublicEvolving
public abstract class AsyncLookupFunction extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;

  /** The rows whose key columns equal {@code keyRow}'s values; an empty collection if none. */
  public abstract CompletableFuture<Collection<Row>> asyncLookup(Row keyRow);
}
