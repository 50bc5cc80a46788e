package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.functions.TimerService;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.Serializable;

/**
 * {@code table.exec.state.ttl} for an operator whose state of one key must go as a whole (an OVER
 * aggregate's accumulators and the rows they still retract): one processing-time timer per key, moved
 * on while the key receives input, tells the operator when the key has been idle for the retention.
 * Per-value time-to-live would not do there, as it could expire a frame's rows and keep the
 * accumulators that still count them.
 */
@Internal
public final class IdleKeyCleanup implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long retentionMillis;
  private transient ValueState<Long> lastInput;
  private transient ValueState<Long> timerAt;

  /** Cleans keys idle for {@code retentionMillis}; 0 or less keeps them for ever. */
  public IdleKeyCleanup(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** Whether keys are cleaned at all. */
  public boolean enabled() {
    return retentionMillis > 0;
  }

  /** Creates the state it needs, named after {@code operator}. */
  public void open(RuntimeContext context, String operator) {
    if (enabled()) {
      lastInput = context.getState(new ValueStateDescriptor<>(operator + "-last-input", Types.LONG));
      timerAt = context.getState(new ValueStateDescriptor<>(operator + "-cleanup-timer", Types.LONG));
    }
  }

  /** Records input for the current key now; arms its cleanup timer if none is pending. */
  public void touch(TimerService timers) throws IOException {
    if (!enabled()) {
      return;
    }
    long now = timers.currentProcessingTime();
    lastInput.update(now);
    if (timerAt.value() == null) {
      arm(timers, now + retentionMillis);
    }
  }

  /**
   * Whether the processing-time timer at {@code timestamp} is the current key's cleanup timer and the
   * key has had no input for the retention; if the key had input meanwhile, the timer is moved on to
   * the new deadline instead. When this returns true the caller clears its state and calls
   * {@link #cleared} (or {@link #postpone} if it cannot clear yet).
   */
  public boolean isDue(long timestamp, TimerService timers) throws IOException {
    if (!enabled()) {
      return false;
    }
    Long armed = timerAt.value();
    if (armed == null || armed != timestamp) {
      return false;
    }
    long deadline = lastInput.value() + retentionMillis;
    if (deadline > timestamp) {
      arm(timers, deadline);
      return false;
    }
    return true;
  }

  /** Asks again one retention later, for a key that still holds work it must not drop. */
  public void postpone(long timestamp, TimerService timers) throws IOException {
    arm(timers, timestamp + retentionMillis);
  }

  /** Forgets the current key's own bookkeeping, after the caller cleared its state. */
  public void cleared() {
    lastInput.clear();
    timerAt.clear();
  }

  private void arm(TimerService timers, long at) throws IOException {
    timers.registerProcessingTimeTimer(at);
    timerAt.update(at);
  }
}
