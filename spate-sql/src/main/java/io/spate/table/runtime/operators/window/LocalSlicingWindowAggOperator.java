package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.keys.CompositeKey;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.operators.MiniBatchOperator;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.EmptyAccumulators;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local phase of a two-phase window aggregate (Flink's {@code LocalWindowAggregate}), before the
 * shuffle: folds each mini-batch's rows per group key and slice into fresh accumulators and emits,
 * when the batch is handled, one insert per key and slice with the key's fields, the slice's end in
 * epoch milliseconds and the accumulators, which {@link SlicingWindowAggFunction#global} merges. It
 * keeps no state; a watermark waits until the rows before it went out, so the global phase judges
 * lateness as it would for the rows themselves.
 */
@Internal
public final class LocalSlicingWindowAggOperator extends MiniBatchOperator {

  private static final long serialVersionUID = 1L;

  private final SqlKeySelector keyAndSlice;
  private final int keyCount;
  private final AggFunction[] aggs;
  private final EmptyAccumulators empty;
  private transient Map<CompositeKey, Row> batch;

  /**
   * Folds {@code aggs} per value of the input's {@code keyFields} and slice (input field
   * {@code sliceEndField}), in batches of at most {@code maxRows} rows and {@code latencyMillis} of delay.
   */
  public LocalSlicingWindowAggOperator(int[] keyFields, int sliceEndField, AggFunction[] aggs, long latencyMillis,
      long maxRows) {
    super(latencyMillis, maxRows);
    int[] fields = new int[keyFields.length + 1];
    System.arraycopy(keyFields, 0, fields, 0, keyFields.length);
    fields[keyFields.length] = sliceEndField;
    this.keyAndSlice = SqlKeySelector.composite(fields);
    this.keyCount = keyFields.length;
    this.aggs = aggs;
    this.empty = new EmptyAccumulators(aggs);
  }

  @Override
  public void open() throws Exception {
    super.open();
    batch = new LinkedHashMap<>();
  }

  @Override
  protected void addToBatch(Row value, long timestamp) {
    CompositeKey key = (CompositeKey) keyAndSlice.getKey(value);
    Row accs = batch.get(key);
    if (accs == null) {
      accs = empty.create(0);
      batch.put(key, accs);
    }
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, aggs[i].accumulate(accs.getField(i), value));
    }
  }

  /** Emits each key's and slice's accumulators, in the order they came. */
  @Override
  protected void handleBatch() {
    Map<CompositeKey, Row> folded = batch;
    batch = new LinkedHashMap<>();
    for (Map.Entry<CompositeKey, Row> entry : folded.entrySet()) {
      CompositeKey key = entry.getKey();
      Row accs = entry.getValue();
      Row partial = new Row(keyCount + 1 + aggs.length);
      for (int i = 0; i < keyCount; i++) {
        partial.setField(i, key.get(i));
      }
      partial.setField(keyCount, EpochMillis.of(key.get(keyCount)));
      for (int i = 0; i < aggs.length; i++) {
        partial.setField(keyCount + 1 + i, accs.getField(i));
      }
      output.collect(partial, Long.MIN_VALUE);
    }
  }
}
