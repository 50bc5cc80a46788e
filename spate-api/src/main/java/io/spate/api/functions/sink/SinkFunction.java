package io.spate.api.functions.sink;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.Function;

/**
 * Where a stream ends, one call per record: {@link #invoke(Object, Context)} runs on the task's
 * thread, so it should not block for long. A sink that implements {@code CheckpointedFunction} and
 * {@code CheckpointListener} can make its effects part of checkpoints.
 *
 * @param <IN> the record type
 */
@Public
public interface SinkFunction<IN> extends Function {

  /** Writes {@code value}; the default does nothing. Override this or {@link #invoke(Object, Context)}. */
  default void invoke(IN value) throws Exception {}

  /** Writes {@code value}, with what the {@code context} tells about it; the default calls {@link #invoke(Object)}. */
  default void invoke(IN value, Context context) throws Exception {
    invoke(value);
  }

  /** Called with every watermark that reaches the sink; the default does nothing. */
  default void writeWatermark(Watermark watermark) throws Exception {}

  /** Called once when the input has ended, before the function is closed; the default does nothing. */
  default void finish() throws Exception {}

  /** What a sink function may learn about the record it writes. */
  @Public
  interface Context {

    /** The task's current processing time, in milliseconds since the epoch. */
    long currentProcessingTime();

    /** The current watermark of the sink's input; {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();

    /** The record's timestamp, or null if it has none. */
    Long timestamp();
  }
}
