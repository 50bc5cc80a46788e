package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.io.Serializable;

/**
 * Makes the fresh accumulators of a list of aggregates, for a new key, slice or window. An aggregate
 * whose empty accumulator is always the same ({@link AggFunction#emptyAccumulatorIsConstant}) gets a
 * copy of one made at the start instead of a call: a group of a query that sees many new keys (each
 * row of Nexmark's q17 mostly) made its accumulators through as many interface calls to as many
 * classes, which cost more than the copies.
 */
@Internal
public final class EmptyAccumulators implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AggFunction[] aggs;
  // Per aggregate: null for a null accumulator, the long[] to copy, or the aggregate itself to call.
  private transient Object[] templates;

  /** The accumulators of {@code aggs}. */
  public EmptyAccumulators(AggFunction[] aggs) {
    this.aggs = aggs;
  }

  /** Sets fields {@code offset} to {@code offset + aggs - 1} of {@code accs} to fresh accumulators. */
  public void fill(Row accs, int offset) {
    Object[] made = templates();
    for (int i = 0; i < made.length; i++) {
      Object template = made[i];
      accs.setField(offset + i, template instanceof long[] longs ? longs.clone()
          : template == null ? null : ((AggFunction) template).createAccumulator());
    }
  }

  /** A row of {@code aggs}'s fresh accumulators, with {@code extra} fields after them left null. */
  public Row create(int extra) {
    Row accs = new Row(aggs.length + extra);
    fill(accs, 0);
    return accs;
  }

  private Object[] templates() {
    if (templates == null) {
      Object[] made = new Object[aggs.length];
      for (int i = 0; i < aggs.length; i++) {
        Object empty = aggs[i].emptyAccumulatorIsConstant() ? aggs[i].createAccumulator() : aggs[i];
        made[i] = empty == null || empty instanceof long[] ? empty : aggs[i];
      }
      templates = made;
    }
    return templates;
  }
}
