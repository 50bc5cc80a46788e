package io.spate.table.runtime.operators.sink;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.KeyProjection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buffer in front of an upsert sink ({@code sink.buffer-flush.*} of {@code upsert-kafka}): it
 * keeps only the latest change of each key and passes the buffer on when {@code maxRows} keys wait,
 * when the oldest waited {@code intervalMillis}, before a checkpoint barrier and at the end of the
 * input. An upsert sink's result depends only on each key's last change, so the sink writes fewer
 * records with the same result. The buffer lives in memory only, which is why it is always empty
 * when a barrier passes; a watermark waits until the rows before it went on.
 */
@Internal
public final class UpsertBufferOperator extends AbstractStreamOperator<Row>
    implements OneInputStreamOperator<Row, Row>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final KeyProjection key;
  private final int maxRows;
  private final long intervalMillis;
  private transient Map<Row, Buffered> buffer;
  private transient boolean flushScheduled;
  private transient Watermark heldWatermark;

  /** A buffer keyed by the fields {@code keyFields} of the rows, of at most {@code maxRows} keys and {@code intervalMillis}. */
  public UpsertBufferOperator(int[] keyFields, int maxRows, long intervalMillis) {
    if (maxRows < 1 || intervalMillis < 1) {
      throw new IllegalArgumentException("An upsert buffer needs at least one row and one millisecond, got "
          + maxRows + " rows and " + intervalMillis + " ms");
    }
    this.key = new KeyProjection(keyFields);
    this.maxRows = maxRows;
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    buffer = new LinkedHashMap<>();
  }

  @Override
  public void processElement(Row value, long timestamp) throws Exception {
    buffer.put(key.getKey(value), new Buffered(value, timestamp));
    if (buffer.size() >= maxRows) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      long due = getProcessingTimeService().getCurrentProcessingTime() + intervalMillis;
      getProcessingTimeService().registerTimer(due, time -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (buffer.isEmpty()) {
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
    flush(); // the rows must reach the sink, which makes them part of this checkpoint
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

  /** Passes each buffered key's latest change on, in the order the keys first came, then a held watermark. */
  private void flush() throws Exception {
    if (!buffer.isEmpty()) {
      Map<Row, Buffered> rows = buffer;
      buffer = new LinkedHashMap<>();
      for (Buffered row : rows.values()) {
        output.collect(row.row, row.timestamp);
      }
    }
    if (heldWatermark != null) {
      Watermark mark = heldWatermark;
      heldWatermark = null;
      super.processWatermark(mark);
    }
  }

  /** A key's latest change and its record timestamp. */
  private record Buffered(Row row, long timestamp) {}
}
