package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.TimeWindow;

/**
 * Fires a window once the watermark passes its end; the default trigger of event-time windows. A
 * record that arrives after that (within the allowed lateness) fires the window again at once.
 */
@PublicEvolving
public final class EventTimeTrigger extends Trigger<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private EventTimeTrigger() {}

  /** The event-time trigger. */
  public static EventTimeTrigger create() {
    return new EventTimeTrigger();
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE; // a late record within the allowed lateness
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(TimeWindow window, OnMergeContext ctx) {
    // a merged window that is already past the watermark was fired before, or is late: no new timer
    if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
    }
  }

  @Override
  public String toString() {
    return "EventTimeTrigger()";
  }
}
