package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import io.spate.api.util.PaddedLong;
import java.time.Duration;

/**
 * Emits periodically the highest timestamp seen minus a fixed out-of-orderness bound, minus one
 * (a watermark {@code t} promises nothing at or below {@code t} is still to come).
 *
 * @param <T> the record type
 */
@Public
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {

  private final long outOfOrdernessMillis;
  // Written for every record: on cache lines of its own, away from other subtasks' fields.
  private final PaddedLong maxTimestamp;

  /** Creates the generator for the given bound, which must not be negative. */
  public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "The maximum out-of-orderness must be zero or positive, got " + maxOutOfOrderness);
    }
    this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
    // Start low enough that the first watermark cannot underflow.
    this.maxTimestamp = new PaddedLong(Long.MIN_VALUE + outOfOrdernessMillis + 1);
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp.raiseTo(eventTimestamp);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp.get() - outOfOrdernessMillis - 1));
  }
}
