package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.Watermark;
import java.util.Objects;

/**
 * Gives each record the processing time at which it reaches the assigner as its timestamp, never
 * less than the timestamp before (the clock may step back), and watermarks just below that time.
 *
 * @param <T> the record type
 * @deprecated as in Flink: use {@code WatermarkStrategy.forMonotonousTimestamps()} with a timestamp
 *     assigner that returns the processing time.
 */
@Deprecated
@Public
public class IngestionTimeExtractor<T> implements AssignerWithPeriodicWatermarks<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableSupplier<Long> clock;
  private long maxTimestamp = Long.MIN_VALUE;

  /** Reads the system clock. */
  public IngestionTimeExtractor() {
    this(System::currentTimeMillis);
  }

  /** Reads {@code clock}; for tests that need the clock to step back. */
  IngestionTimeExtractor(SerializableSupplier<Long> clock) {
    this.clock = Objects.requireNonNull(clock, "IngestionTimeExtractor: the clock must not be null.");
  }

  @Override
  public long extractTimestamp(T element, long recordTimestamp) {
    return advance();
  }

  @Override
  public Watermark getCurrentWatermark() {
    // records that arrive from now on get at least this time, so everything before it is complete
    return new Watermark(advance() - 1);
  }

  private long advance() {
    maxTimestamp = Math.max(clock.get(), maxTimestamp);
    return maxTimestamp;
  }
}
