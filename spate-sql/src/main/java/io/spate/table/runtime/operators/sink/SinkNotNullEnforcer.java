package io.spate.table.runtime.operators.sink;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFilterFunction;
import io.spate.api.metrics.Counter;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import java.util.List;

/**
 * The step in front of a sink table that keeps NULLs out of its {@code NOT NULL} columns
 * ({@code table.exec.sink.not-null-enforcer}): a row with a NULL in one of them fails the job, with a message
 * naming the column and the table, or is dropped and counted in {@value #DROPPED_METRIC}.
 */
@Internal
public final class SinkNotNullEnforcer extends RichFilterFunction<Row> {

  private static final long serialVersionUID = 1L;

  /** The counter of the rows a dropping enforcer dropped. */
  public static final String DROPPED_METRIC = "numRowsDroppedForNullInNotNullColumn";

  private final String table;
  private final int[] fields;
  private final List<String> names;
  private final boolean drop;
  private transient Counter dropped;

  /**
   * An enforcer of the fields {@code fields} (named {@code names}) of the rows written into {@code table}, which
   * drops the rows with a NULL there when {@code drop}, else fails.
   */
  public SinkNotNullEnforcer(String table, int[] fields, List<String> names, boolean drop) {
    if (fields.length != names.size()) {
      throw new IllegalArgumentException("One name per field: " + fields.length + " fields, " + names);
    }
    this.table = table;
    this.fields = fields.clone();
    this.names = List.copyOf(names);
    this.drop = drop;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    dropped = drop ? getRuntimeContext().getMetricGroup().counter(DROPPED_METRIC) : null;
  }

  @Override
  public boolean filter(Row row) {
    for (int i = 0; i < fields.length; i++) {
      if (row.getField(fields[i]) == null) {
        if (drop) {
          dropped.inc();
          return false;
        }
        throw new TableException("Column '" + names.get(i) + "' of table " + table + " is NOT NULL, but a row"
            + " with NULL in it is written into the table. Set 'table.exec.sink.not-null-enforcer' = 'DROP' to"
            + " drop such rows instead of failing the job.");
      }
    }
    return true;
  }
}
