package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.eventtime.Watermark;

/**
 * An operator with one input.
 *
 * <p>It implements {@link #processElement(Object, long)} (no object per record), or Flink's form
 * {@link #processElement(StreamRecord)}; each calls the other by default, and an operator that
 * implements neither fails when it is set up. The runtime calls the first.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT>, Input<IN> {

  /** Handles one record; by default hands it to {@link #processElement(StreamRecord)} in a new record. */
  @Override
  default void processElement(IN value, long timestamp) throws Exception {
    processElement(StreamRecord.of(value, timestamp));
  }

  /** Handles a watermark: by default as {@link StreamOperator#processWatermark(long)} does. */
  @Override
  default void processWatermark(Watermark mark) throws Exception {
    processWatermark(mark.getTimestamp());
  }

  /** Handles a change of the input's watermark status. */
  @Override
  void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception;

  /** Makes {@code record}'s key current, by the operator's first state key selector. */
  @Override
  default void setKeyContextElement(StreamRecord<IN> record) throws Exception {
    setKeyContextElement1(record);
  }
}
