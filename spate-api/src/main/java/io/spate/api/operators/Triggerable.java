package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * Receives the timers of an {@link InternalTimerService} as they fire, with the timer's key made
 * the current key.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
@PublicEvolving
public interface Triggerable<K, N> {

  /** An event-time timer fired: the watermark passed its time. */
  void onEventTime(InternalTimer<K, N> timer) throws Exception;

  /** A processing-time timer fired: the clock passed its time. */
  void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
