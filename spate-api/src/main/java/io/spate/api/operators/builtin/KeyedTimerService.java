package io.spate.api.operators.builtin;

import io.spate.api.functions.TimerService;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.state.VoidNamespace;

/** The {@link TimerService} of keyed process functions: sets timers for the current key. */
final class KeyedTimerService implements TimerService {

  private final InternalTimerService<VoidNamespace> timers;

  KeyedTimerService(InternalTimerService<VoidNamespace> timers) {
    this.timers = timers;
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
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
  }
}
