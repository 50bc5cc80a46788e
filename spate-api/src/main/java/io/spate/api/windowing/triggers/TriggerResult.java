package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;

/** What a trigger decides for a window: whether to evaluate it now, and whether to drop its contents. */
@PublicEvolving
public enum TriggerResult {
  /** Do nothing. */
  CONTINUE(false, false),
  /** Evaluate the window and emit the result, then drop its contents. */
  FIRE_AND_PURGE(true, true),
  /** Evaluate the window and emit the result; keep its contents. */
  FIRE(true, false),
  /** Drop the window's contents without evaluating it. */
  PURGE(false, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  /** Whether the window is evaluated. */
  public boolean isFire() {
    return fire;
  }

  /** Whether the window's contents are dropped. */
  public boolean isPurge() {
    return purge;
  }
}
