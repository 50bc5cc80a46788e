package io.spate.runtime.heartbeat;

import java.util.ArrayList;
import java.util.List;

/** A clock and scheduler that move only when the test says: actions run when their time has come. */
final class ManualScheduler implements HeartbeatMonitor.Scheduler {

  private record Due(long atMillis, Runnable action) {}

  private final List<Due> due = new ArrayList<>();
  private long nowMillis = 1_000;

  @Override
  public void schedule(Runnable action, long delayMillis) {
    due.add(new Due(nowMillis + delayMillis, action));
  }

  long nowMillis() {
    return nowMillis;
  }

  /** Moves the clock forward by {@code millis}, running every action due on the way, in time order. */
  void advance(long millis) {
    long target = nowMillis + millis;
    while (true) {
      Due next = null;
      for (Due d : due) {
        if (d.atMillis() <= target && (next == null || d.atMillis() < next.atMillis())) {
          next = d;
        }
      }
      if (next == null) {
        break;
      }
      due.remove(next);
      nowMillis = next.atMillis();
      next.action().run();
    }
    nowMillis = target;
  }
}
