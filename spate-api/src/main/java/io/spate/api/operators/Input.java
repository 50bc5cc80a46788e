package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.eventtime.Watermark;

/**
 * One input of an operator: of a {@link MultipleInputStreamOperator}, and the input of every {@link
 * OneInputStreamOperator}.
 *
 * <p>An input implements {@link #processElement(Object, long)}, or Flink's form {@link
 * #processElement(StreamRecord)}; each calls the other by default. The runtime calls the first: a
 * record reaches Flink's form in a new {@link StreamRecord}.
 *
 * @param <IN> the input's record type
 */
@PublicEvolving
public interface Input<IN> {

  /** Handles one record of this input; {@code timestamp} is {@code Long.MIN_VALUE} when it has none. */
  void processElement(IN value, long timestamp) throws Exception;

  // Flink's shapes of the input's methods.

  /** Handles one record of this input, as Flink's operators do; by default calls the method above. */
  default void processElement(StreamRecord<IN> element) throws Exception {
    processElement(element.getValue(), element.getTimestamp());
  }

  /**
   * A watermark of this input. The inputs of a {@link MultipleInputStreamOperator} get none: the
   * runtime combines the watermarks of all inputs and hands the operator the combined one; so this
   * does nothing by default, and a {@link OneInputStreamOperator} passes it to its {@code
   * processWatermark(long)}.
   */
  default void processWatermark(Watermark mark) throws Exception {}

  /**
   * A watermark status of this input; as for {@link #processWatermark(Watermark)}, the runtime hands
   * the combined status to the operator, so this does nothing by default.
   */
  default void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {}

  /** A latency marker; Spate's runtime sends none (see {@link LatencyMarker}), so this does nothing by default. */
  default void processLatencyMarker(LatencyMarker latencyMarker) throws Exception {}

  /**
   * Makes {@code record}'s key current. The runtime makes the key of each record of a keyed input
   * current before {@code processElement} itself, so this does nothing by default.
   */
  default void setKeyContextElement(StreamRecord<IN> record) throws Exception {}

  /** Record attributes; Spate's runtime sends none (see {@link RecordAttributes}), so this does nothing by default. */
  default void processRecordAttributes(RecordAttributes recordAttributes) throws Exception {}
}
