package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.StateRetention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code GROUP BY} with {@code table.exec.mini-batch.enabled}: rows are collected per key in memory
 * and handled together when the batch holds {@code maxRows} rows, when {@code latencyMillis} have
 * passed since its first row, before a checkpoint barrier and at the end of the input. Each key's
 * accumulators are read and written once per batch and its result changes at most once (an
 * update-before and update-after pair from the result before the batch to the one after it), so fewer
 * state accesses and fewer changes downstream than {@link GroupAggFunction}, with the same final
 * results. A watermark waits until the rows before it went out, so no row falls behind one.
 */
@Internal
public final class MiniBatchGroupAggOperator extends AbstractStreamOperator<Row>
    implements OneInputStreamOperator<Row, Row>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final GroupAggregation aggregation;
  private final long stateRetentionMillis;
  private final long latencyMillis;
  private final long maxRows;
  private transient ValueState<Row> accumulators;
  private transient Map<Object, List<Row>> batch;
  private transient long batchRows;
  private transient boolean flushScheduled;
  private transient Watermark heldWatermark;

  /**
   * Aggregates {@code aggs} per key as {@link GroupAggFunction} does, in batches of at most
   * {@code maxRows} rows and {@code latencyMillis} of delay.
   */
  public MiniBatchGroupAggOperator(int[] keyFields, AggFunction[] aggs, long stateRetentionMillis,
      long latencyMillis, long maxRows) {
    this.aggregation = new GroupAggregation(keyFields, aggs);
    this.stateRetentionMillis = stateRetentionMillis;
    this.latencyMillis = latencyMillis;
    this.maxRows = maxRows;
  }

  @Override
  public void open() throws Exception {
    super.open();
    accumulators = getPartitionedState(StateRetention.apply(
        new ValueStateDescriptor<>("accumulators", aggregation.accumulatorType()), stateRetentionMillis));
    batch = new LinkedHashMap<>();
  }

  @Override
  public void processElement(Row value, long timestamp) throws Exception {
    batch.computeIfAbsent(getCurrentKey(), key -> new ArrayList<>()).add(value);
    batchRows++;
    if (batchRows >= maxRows) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      long due = getProcessingTimeService().getCurrentProcessingTime() + latencyMillis;
      getProcessingTimeService().registerTimer(due, time -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (batch.isEmpty()) {
      super.processWatermark(mark);
    } else {
      heldWatermark = mark;
    }
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {
    output.emitWatermarkStatus(watermarkStatus);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush(); // the batch lives in memory only: it must be in the state before the barrier passes
  }

  @Override
  public void endInput() throws Exception {
    flush();
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  /** Handles the batch's keys in the order they came, then lets a held watermark go. */
  private void flush() throws Exception {
    if (!batch.isEmpty()) {
      Map<Object, List<Row>> rows = batch;
      batch = new LinkedHashMap<>();
      batchRows = 0;
      for (Map.Entry<Object, List<Row>> key : rows.entrySet()) {
        setCurrentKey(key.getKey());
        handle(key.getValue());
      }
    }
    if (heldWatermark != null) {
      Watermark mark = heldWatermark;
      heldWatermark = null;
      super.processWatermark(mark);
    }
  }

  private void handle(List<Row> rows) throws Exception {
    Row accs = accumulators.value();
    Row keySource = rows.get(0);
    Row before = accs == null ? null : aggregation.result(keySource, accs);
    for (Row row : rows) {
      accs = aggregation.apply(accs, row);
    }
    if (accs == null) {
      accumulators.clear();
    } else {
      accumulators.update(accs);
    }
    GroupAggregation.emitChange(before, accs == null ? null : aggregation.result(keySource, accs),
        change -> output.collect(change, Long.MIN_VALUE));
  }
}
