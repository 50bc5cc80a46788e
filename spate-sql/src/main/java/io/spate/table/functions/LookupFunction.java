package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.types.Row;
import java.io.IOException;
import java.util.Collection;

/**
 * Finds the rows of a key synchronously, for lookup joins (Flink's {@code LookupFunction}): the key
 * row holds the key columns' values in the order the planner asked for them; the rows found are the
 * table's physical rows. It may block: the lookup join calls it on a thread of its own, one key at
 * a time per parallel instance, never on the task's worker.
 */
@PublicEvolving
public abstract class LookupFunction extends UserDefinedFunction {

  private static final long serialVersionUID = 1L;

  /** The rows whose key columns equal {@code keyRow}'s values; an empty collection if none. */
  public abstract Collection<Row> lookup(Row keyRow) throws IOException;
}
