package io.spate.runtime.operators;

import io.spate.api.functions.TimerService;
import io.spate.runtime.state.KeyedStateBackend;
import io.spate.runtime.state.VoidNamespace;

/** The {@link TimerService} of keyed functions: sets timers for the current key. */
final class KeyedTimerService implements TimerService {

  private final InternalTimerService timers;
  private final KeyedStateBackend<?> keys;

  KeyedTimerService(InternalTimerService timers, KeyedStateBackend<?> keys) {
    this.timers = timers;
    this.keys = keys;
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
    timers.registerProcessingTimeTimer(keys.getCurrentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(keys.getCurrentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(keys.getCurrentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(keys.getCurrentKey(), VoidNamespace.INSTANCE, time);
  }
}
