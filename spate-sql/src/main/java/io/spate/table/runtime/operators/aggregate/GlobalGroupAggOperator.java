package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.MiniBatchOperator;
import io.spate.table.runtime.operators.StateRetention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global phase of a two-phase {@code GROUP BY} (Flink's {@code GlobalGroupAggregate}), after the
 * shuffle by key: merges the accumulators that {@link LocalGroupAggOperator}s emit into the key's
 * accumulators in keyed state, in mini-batches as {@link MiniBatchGroupAggOperator} handles rows, and
 * emits the same changes: an insert for a new key, an update-before and update-after pair for a
 * changed result, a delete when the key holds no rows any more.
 */
@Internal
public final class GlobalGroupAggOperator extends MiniBatchOperator {

  private static final long serialVersionUID = 1L;

  private final int keyCount;
  private final GroupAggregation aggregation;
  private final long stateRetentionMillis;
  private transient ValueState<Row> accumulators;
  private transient Map<Object, List<Row>> batch;

  /**
   * Merges the local phases' rows (the {@code keyCount} key fields, then the accumulators of
   * {@code aggs} and a row count) per key, in batches of at most {@code maxRows} rows and
   * {@code latencyMillis} of delay; a key without input for {@code stateRetentionMillis} (0: for
   * ever) starts afresh.
   */
  public GlobalGroupAggOperator(int keyCount, AggFunction[] aggs, long stateRetentionMillis, long latencyMillis,
      long maxRows) {
    super(latencyMillis, maxRows);
    int[] keyFields = new int[keyCount];
    for (int i = 0; i < keyCount; i++) {
      keyFields[i] = i;
    }
    this.keyCount = keyCount;
    this.aggregation = new GroupAggregation(keyFields, aggs);
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    accumulators = getPartitionedState(StateRetention.apply(
        new ValueStateDescriptor<>("accumulators", aggregation.accumulatorType()), stateRetentionMillis));
    batch = new LinkedHashMap<>();
  }

  @Override
  protected void addToBatch(Row value, long timestamp) throws Exception {
    batch.computeIfAbsent(getCurrentKey(), key -> new ArrayList<>()).add(value);
  }

  @Override
  protected void handleBatch() throws Exception {
    Map<Object, List<Row>> partials = batch;
    batch = new LinkedHashMap<>();
    for (Map.Entry<Object, List<Row>> key : partials.entrySet()) {
      setCurrentKey(key.getKey());
      handle(key.getValue());
    }
  }

  private void handle(List<Row> partials) throws Exception {
    Row accs = accumulators.value();
    Row keySource = partials.get(0);
    Row before = accs == null ? null : aggregation.result(keySource, accs);
    if (accs == null) {
      accs = aggregation.createAccumulators();
    }
    for (Row partial : partials) {
      aggregation.merge(accs, partial, keyCount);
    }
    Row after = null;
    if (aggregation.rows(accs) <= 0) {
      accumulators.clear(); // no rows left, or rows taken back of a key whose state expired
    } else {
      accumulators.update(accs);
      after = aggregation.result(keySource, accs);
    }
    GroupAggregation.emitChange(before, after, change -> output.collect(change, Long.MIN_VALUE));
  }
}
