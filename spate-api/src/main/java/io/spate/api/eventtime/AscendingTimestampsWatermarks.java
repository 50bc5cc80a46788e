package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.time.Duration;

/**
 * Watermarks for timestamps that never decrease: periodically the highest timestamp seen, minus
 * one. The generator of {@link WatermarkStrategy#forMonotonousTimestamps()}.
 *
 * @param <T> the record type
 */
@Public
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {

  /** Creates the generator. */
  public AscendingTimestampsWatermarks() {
    super(Duration.ZERO);
  }
}
