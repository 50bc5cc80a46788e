package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.eventtime.Watermark;

/**
 * An operator with two inputs.
 *
 * <p>It implements {@link #processElement1(Object, long)} and {@link #processElement2(Object, long)}
 * (no object per record), or Flink's forms taking a {@link StreamRecord}; each form calls the other by
 * default, and an operator that implements neither form of an input fails when it is set up. The
 * runtime calls the first form, and hands the operator the watermark combined over both inputs
 * through {@link #processWatermark(long)}: the per-input methods of Flink ({@code processWatermark1},
 * ...) are for code that combines the inputs itself, as {@link AbstractStreamOperator} does.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {

  /** Handles a record of the first input; by default hands it to Flink's form in a new record. */
  default void processElement1(IN1 value, long timestamp) throws Exception {
    processElement1(StreamRecord.of(value, timestamp));
  }

  /** Handles a record of the second input; by default hands it to Flink's form in a new record. */
  default void processElement2(IN2 value, long timestamp) throws Exception {
    processElement2(StreamRecord.of(value, timestamp));
  }

  /**
   * The input (0 or 1) that the task must read to its end before it reads the other, or -1 to read
   * both as records arrive; asked once, after {@link #open()}.
   */
  default int inputToReadFirst() {
    return -1;
  }

  // Flink's shapes of the inputs' methods.

  /** Handles a record of the first input, as Flink's operators do; by default calls the form above. */
  default void processElement1(StreamRecord<IN1> element) throws Exception {
    processElement1(element.getValue(), element.getTimestamp());
  }

  /** Handles a record of the second input, as Flink's operators do; by default calls the form above. */
  default void processElement2(StreamRecord<IN2> element) throws Exception {
    processElement2(element.getValue(), element.getTimestamp());
  }

  /**
   * A watermark of the first input, for an operator that combines its inputs' watermarks itself.
   *
   * @throws UnsupportedOperationException by default: the runtime combines the watermarks
   */
  default void processWatermark1(Watermark mark) throws Exception {
    throw perInputUnsupported("watermarks");
  }

  /**
   * A watermark of the second input, for an operator that combines its inputs' watermarks itself.
   *
   * @throws UnsupportedOperationException by default: the runtime combines the watermarks
   */
  default void processWatermark2(Watermark mark) throws Exception {
    throw perInputUnsupported("watermarks");
  }

  /**
   * A watermark status of the first input, for an operator that combines its inputs' statuses itself.
   *
   * @throws UnsupportedOperationException by default: the runtime combines the statuses
   */
  default void processWatermarkStatus1(WatermarkStatus watermarkStatus) throws Exception {
    throw perInputUnsupported("watermark statuses");
  }

  /**
   * A watermark status of the second input, for an operator that combines its inputs' statuses itself.
   *
   * @throws UnsupportedOperationException by default: the runtime combines the statuses
   */
  default void processWatermarkStatus2(WatermarkStatus watermarkStatus) throws Exception {
    throw perInputUnsupported("watermark statuses");
  }

  /** A latency marker of the first input; Spate's runtime sends none, so this does nothing by default. */
  default void processLatencyMarker1(LatencyMarker latencyMarker) throws Exception {}

  /** A latency marker of the second input; Spate's runtime sends none, so this does nothing by default. */
  default void processLatencyMarker2(LatencyMarker latencyMarker) throws Exception {}

  /** Record attributes of the first input; Spate's runtime sends none, so this does nothing by default. */
  default void processRecordAttributes1(RecordAttributes recordAttributes) throws Exception {}

  /** Record attributes of the second input; Spate's runtime sends none, so this does nothing by default. */
  default void processRecordAttributes2(RecordAttributes recordAttributes) throws Exception {}

  private UnsupportedOperationException perInputUnsupported(String what) {
    return new UnsupportedOperationException("Operator '" + getName() + "' does not combine per-input " + what
        + ": Spate's runtime combines both inputs' " + what + " and hands the operator the result"
        + " (processWatermark(long), processWatermarkStatus); AbstractStreamOperator combines per-input ones.");
  }
}
