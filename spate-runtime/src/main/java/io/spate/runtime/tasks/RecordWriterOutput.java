package io.spate.runtime.tasks;

import io.spate.api.operators.WatermarkStatus;
import io.spate.api.common.OutputTag;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.api.operators.Output;

/**
 * Sends records, watermarks and watermark statuses to a network edge at the end of a chain, counting
 * each record as emitted by its operator and as written by the task.
 */
final class RecordWriterOutput<T> implements Output<T>, WatermarkTracked {

  private final RecordWriter writer;
  private final String operatorName;
  // Null when a routing output in front of this one counts the operator's records out.
  private final SimpleCounter recordsOut;
  private final SimpleCounter taskRecordsOut;
  private long lastWatermark = Long.MIN_VALUE;

  RecordWriterOutput(RecordWriter writer, String operatorName, SimpleCounter recordsOut,
      SimpleCounter taskRecordsOut) {
    this.writer = writer;
    this.operatorName = operatorName;
    this.recordsOut = recordsOut;
    this.taskRecordsOut = taskRecordsOut;
  }

  @Override
  public void collect(T value, long timestamp) {
    if (recordsOut != null) {
      recordsOut.inc();
    }
    taskRecordsOut.inc();
    try {
      writer.emit(value, timestamp);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw OperatorFailure.wrap(operatorName + " (partitioning its output)", e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    // Only reached when no one consumes any side output of the operator: the record is dropped.
  }

  @Override
  public void emitWatermark(long watermark) {
    lastWatermark = watermark;
    writer.broadcastEvent(new StreamElements.WatermarkElement(watermark));
  }

  @Override
  public long lastEmittedWatermark() {
    return lastWatermark;
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    writer.broadcastEvent(status);
  }
}
