package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.keys.KeyFields;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.operators.MiniBatchOperator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local phase of a two-phase {@code GROUP BY} (Flink's {@code LocalGroupAggregate}), before the
 * shuffle: folds each mini-batch's rows per key into fresh accumulators and emits, when the batch is
 * handled, one insert per key of the batch with the key's fields, its accumulators and how many rows
 * it added (less those it took back). It keeps no state: the batch is handled when it holds
 * {@code maxRows} rows, {@code latencyMillis} after its first row, before a checkpoint barrier and at
 * the end of the input. A watermark waits until the rows before it went out.
 */
@Internal
public final class LocalGroupAggOperator extends MiniBatchOperator {

  private static final long serialVersionUID = 1L;

  private final SqlKeySelector keys;
  private final int keyCount;
  private final GroupAggregation aggregation;
  private final int aggCount;
  private transient Map<Object, Row> batch;

  /**
   * Folds {@code aggs} per key of the input's {@code keyFields}, in batches of at most {@code maxRows}
   * rows and {@code latencyMillis} of delay.
   */
  public LocalGroupAggOperator(int[] keyFields, AggFunction[] aggs, long latencyMillis, long maxRows) {
    super(latencyMillis, maxRows);
    this.keys = SqlKeySelector.composite(keyFields);
    this.keyCount = keyFields.length;
    this.aggregation = new GroupAggregation(keyFields, aggs);
    this.aggCount = aggs.length;
  }

  @Override
  public void open() throws Exception {
    super.open();
    batch = new LinkedHashMap<>();
  }

  @Override
  protected void addToBatch(Row value, long timestamp) throws Exception {
    Object key = keys.getKey(value);
    Row accs = batch.get(key);
    if (accs == null) {
      accs = aggregation.createAccumulators();
      batch.put(key, accs);
    }
    aggregation.fold(accs, value);
  }

  /** Emits each key's accumulators, in the order the keys came. */
  @Override
  protected void handleBatch() {
    Map<Object, Row> folded = batch;
    batch = new LinkedHashMap<>();
    for (Map.Entry<Object, Row> entry : folded.entrySet()) {
      output.collect(partial(entry.getKey(), entry.getValue()), Long.MIN_VALUE);
    }
  }

  /** The row the global phase merges: the key's fields, the accumulators, the row count. */
  private Row partial(Object key, Row accs) {
    Row partial = new Row(keyCount + aggCount + 1);
    for (int i = 0; i < keyCount; i++) {
      partial.setField(i, KeyFields.get(key, i));
    }
    for (int i = 0; i <= aggCount; i++) {
      partial.setField(keyCount + i, accs.getField(i));
    }
    return partial;
  }
}
