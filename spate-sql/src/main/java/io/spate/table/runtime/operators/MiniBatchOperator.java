package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.types.Row;

/**
 * An operator that collects its rows in memory and handles them in batches: when the batch reaches
 * {@code maxSize} (by {@link #batchSize()}), {@code latencyMillis} after its first row, before every
 * checkpoint barrier (the batch is in memory only, so it must be handled before a snapshot) and at
 * the end of the input. A watermark waits until the rows that came before it were handled, so no row
 * falls behind one.
 */
@Internal
public abstract class MiniBatchOperator extends AbstractStreamOperator<Row>
    implements OneInputStreamOperator<Row, Row>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final long latencyMillis;
  private final long maxSize;
  private transient long rowsInBatch;
  private transient boolean flushScheduled;
  private transient Watermark heldWatermark;

  /** Batches of at most {@code maxSize} and {@code latencyMillis} of delay. */
  protected MiniBatchOperator(long latencyMillis, long maxSize) {
    this.latencyMillis = latencyMillis;
    this.maxSize = maxSize;
  }

  /** Adds {@code row}, with its record {@code timestamp}, to the batch. */
  protected abstract void addToBatch(Row row, long timestamp) throws Exception;

  /** Handles the batch's rows, emitting what they make, and starts an empty batch. */
  protected abstract void handleBatch() throws Exception;

  /** The batch's size that {@code maxSize} bounds: by default, the rows added since it was last handled. */
  protected long batchSize() {
    return rowsInBatch;
  }

  @Override
  public final void processElement(Row value, long timestamp) throws Exception {
    addToBatch(value, timestamp);
    rowsInBatch++;
    if (batchSize() >= maxSize) {
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
    if (rowsInBatch == 0) {
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
    flush();
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

  /** Handles the batch, if it holds rows, then lets a held watermark go. */
  private void flush() throws Exception {
    if (rowsInBatch > 0) {
      rowsInBatch = 0;
      handleBatch();
    }
    if (heldWatermark != null) {
      Watermark mark = heldWatermark;
      heldWatermark = null;
      super.processWatermark(mark);
    }
  }
}
