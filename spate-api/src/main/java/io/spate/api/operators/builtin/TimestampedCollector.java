package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.Output;
import io.spate.api.functions.Collector;

/**
 * A {@link Collector} that emits records with the timestamp of the input record being processed.
 *
 * @param <T> the record type
 */
@Internal
public final class TimestampedCollector<T> implements Collector<T> {

  private final Output<T> output;
  private long timestamp = Long.MIN_VALUE;

  /** Creates the collector writing to {@code output}. */
  public TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  /** Sets the timestamp of the records emitted next. */
  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    output.collect(record, timestamp);
  }
}
