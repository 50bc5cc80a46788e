package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * The timers of a keyed operator, set for the current key in a namespace: at most one timer per
 * key, namespace and time in each time domain; timers fire in timestamp order, event-time ones when
 * a watermark passes them (before the watermark is forwarded), processing-time ones when the clock
 * does. Timers are part of the keyed state: checkpointed and restored with it.
 *
 * @param <N> the namespace type
 */
@PublicEvolving
public interface InternalTimerService<N> {

  /** The current processing time in milliseconds. */
  long currentProcessingTime();

  /** The last watermark the operator received. */
  long currentWatermark();

  /** Sets an event-time timer for the current key in {@code namespace}. */
  void registerEventTimeTimer(N namespace, long time);

  /** Removes the event-time timer of the current key in {@code namespace} at {@code time}, if set. */
  void deleteEventTimeTimer(N namespace, long time);

  /** Sets a processing-time timer for the current key in {@code namespace}. */
  void registerProcessingTimeTimer(N namespace, long time);

  /** Removes the processing-time timer of the current key in {@code namespace} at {@code time}, if set. */
  void deleteProcessingTimeTimer(N namespace, long time);
}
