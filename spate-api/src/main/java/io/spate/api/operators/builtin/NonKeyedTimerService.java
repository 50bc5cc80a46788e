package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.TimerService;
import io.spate.api.operators.ProcessingTimeService;

/**
 * The timer service of process functions on streams that are not keyed: reads the time; timers need
 * a keyed stream. Internal.
 */
@Internal
public final class NonKeyedTimerService implements TimerService {

  private final ProcessingTimeService clock;
  private final String operatorName;
  private long currentWatermark = Long.MIN_VALUE;

  /** The timer service of operator {@code operatorName}, reading the time from {@code clock}. */
  public NonKeyedTimerService(ProcessingTimeService clock, String operatorName) {
    this.clock = clock;
    this.operatorName = operatorName;
  }

  /** Records the watermark the operator received last. */
  public void setCurrentWatermark(long watermark) {
    currentWatermark = watermark;
  }

  @Override
  public long currentProcessingTime() {
    return clock.getCurrentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  private UnsupportedOperationException keyedOnly() {
    return new UnsupportedOperationException("Operator '" + operatorName
        + "': timers can only be set on keyed streams; apply keyBy(...) before process(...).");
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw keyedOnly();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw keyedOnly();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw keyedOnly();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw keyedOnly();
  }
}
