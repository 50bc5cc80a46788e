package io.spate.runtime.operators;

import io.spate.api.functions.TimerService;
import java.util.function.Supplier;

/** The {@link TimerService} of keyed functions: sets timers for the current key. */
final class KeyedTimerService implements TimerService {

  private final InternalTimerService timers;
  private final Supplier<Object> currentKey;

  KeyedTimerService(InternalTimerService timers, Supplier<Object> currentKey) {
    this.timers = timers;
    this.currentKey = currentKey;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(currentKey.get(), time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(currentKey.get(), time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(currentKey.get(), time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(currentKey.get(), time);
  }
}
