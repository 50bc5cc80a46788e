package io.spate.runtime.operators;

import io.spate.api.functions.TimerService;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.api.operators.state.VoidNamespace;

/** The {@link TimerService} of keyed functions: sets timers for the current key. */
final class KeyedTimerService implements TimerService {

  private final InternalTimerServiceImpl timers;
  private final CheckpointableKeyedStateBackend<?> keys;

  KeyedTimerService(InternalTimerServiceImpl timers, CheckpointableKeyedStateBackend<?> keys) {
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
