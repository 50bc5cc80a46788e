package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;
import io.spate.api.eventtime.Watermark;

/**
 * Where an operator emits: records with their timestamps, side-output records, watermarks and
 * watermark statuses. The
 * next chained operator is called directly; at the end of a chain the records go to the network.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface Output<T> {

  /** Emits a record; {@code timestamp} is {@code Long.MIN_VALUE} when it has none. */
  void collect(T value, long timestamp);

  /** Emits a record to a side output; does nothing if no one consumes that side output. */
  <X> void collect(OutputTag<X> tag, X value, long timestamp);

  /** Emits a watermark. */
  void emitWatermark(long watermark);

  /** Emits a change of watermark status: an idle stream does not hold back watermarks downstream. */
  void emitWatermarkStatus(WatermarkStatus status);

  // Flink's shapes of the methods above, for operators written against Flink's operator API.

  /** Emits {@code record}'s value with its timestamp (none if it has none), as Flink's operators do. */
  default void collect(StreamRecord<T> record) {
    collect(record.getValue(), record.getTimestamp());
  }

  /** Emits {@code record}'s value with its timestamp to the side output {@code outputTag}. */
  default <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
    collect(outputTag, record.getValue(), record.getTimestamp());
  }

  /** Emits {@code mark}. */
  default void emitWatermark(Watermark mark) {
    emitWatermark(mark.getTimestamp());
  }

  /**
   * Not supported: Spate has no latency markers (its runtime sends none, and nothing downstream would
   * read one).
   *
   * @throws UnsupportedOperationException always
   */
  default void emitLatencyMarker(LatencyMarker latencyMarker) {
    throw new UnsupportedOperationException("Spate has no latency markers, so " + latencyMarker + " cannot be"
        + " emitted: measure latency with the records' timestamps and a histogram of your own instead.");
  }

  /**
   * Not supported: Spate's runtime carries no record attributes (no backlog status), and nothing
   * downstream would read them.
   *
   * @throws UnsupportedOperationException always
   */
  default void emitRecordAttributes(RecordAttributes recordAttributes) {
    throw new UnsupportedOperationException("Spate's runtime carries no record attributes, so " + recordAttributes
        + " cannot be emitted: Spate's operators do not switch between backlog and real-time processing.");
  }
}
