package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

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
}
