package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.operators.state.KeyedStateBackend;
import io.spate.api.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * The state the runtime created for one operator instance: restored from a checkpoint or savepoint
 * if the job restores from one, snapshotted by the runtime after each {@link
 * StreamOperator#snapshotState} hook, and disposed after {@link StreamOperator#close}.
 */
@PublicEvolving
public interface StreamOperatorStateContext {

  /** Whether the state was restored from a checkpoint or savepoint. */
  default boolean isRestored() {
    return getRestoredCheckpointId().isPresent();
  }

  /** The checkpoint or savepoint the state was restored from, if any. */
  OptionalLong getRestoredCheckpointId();

  /** The operator state (lists, union lists, broadcast maps) of this instance. */
  OperatorStateStore getOperatorStateStore();

  /** The keyed state of an operator on a keyed stream, else null. */
  KeyedStateBackend<?> getKeyedStateBackend();

  /**
   * A timer service named {@code name} firing into {@code triggerable}, created on first call; its
   * timers are part of the keyed state under that name, and restored timers of that name are set in
   * it. Each watermark the operator forwards with {@link #advanceWatermark} fires its due timers.
   *
   * @throws IllegalStateException if the operator is not on a keyed stream, or if a timer service
   *     of that name was created before with another triggerable
   */
  <K, N> InternalTimerService<N> getInternalTimerService(String name, Triggerable<K, N> triggerable);

  /**
   * Fires, in timestamp order, the event-time timers at or below {@code watermark} of every timer
   * service of this operator; an operator calls it before it forwards the watermark.
   */
  void advanceWatermark(long watermark) throws Exception;
}
