package io.spate.runtime.operators;

import io.spate.api.functions.TimerService;

/** The timer service of non-keyed process functions: reads the time; timers need a keyed stream. */
final class NonKeyedTimerService implements TimerService {

  private final OperatorContext context;
  long currentWatermark = Long.MIN_VALUE;

  NonKeyedTimerService(OperatorContext context) {
    this.context = context;
  }

  @Override
  public long currentProcessingTime() {
    return context.processingTimeService().getCurrentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  private UnsupportedOperationException keyedOnly() {
    return new UnsupportedOperationException("Operator '" + context.operatorName()
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
