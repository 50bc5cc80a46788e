package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/**
 * Puts every record of a key into the one {@link GlobalWindow}. Its default trigger never fires, so
 * a program sets a trigger (as {@code countWindow} does).
 */
@PublicEvolving
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

  private static final long serialVersionUID = 1L;
  private static final List<GlobalWindow> WINDOWS = List.of(GlobalWindow.get());

  private final boolean endOfStream;

  private GlobalWindows(boolean endOfStream) {
    this.endOfStream = endOfStream;
  }

  /** The global window assigner, whose default trigger never fires. */
  public static GlobalWindows create() {
    return new GlobalWindows(false);
  }

  /**
   * The global window assigner whose default trigger fires each key's window once, when the input
   * ends (the watermark reaches the end of time): a whole bounded input per key, in one window.
   */
  public static GlobalWindows createWithEndOfStreamTrigger() {
    return new GlobalWindows(true);
  }

  @Override
  public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return WINDOWS;
  }

  @Override
  public Trigger<Object, GlobalWindow> getDefaultTrigger() {
    return endOfStream ? new EndOfStreamTrigger() : new NeverTrigger();
  }

  @Override
  public TypeSerializer<GlobalWindow> getWindowSerializer(ExecutionConfig executionConfig) {
    return new GlobalWindow.Serializer();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return endOfStream ? "GlobalWindows(endOfStream)" : "GlobalWindows()";
  }

  /** The default trigger of global windows: never fires. */
  public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
  }

  /** The default trigger of {@link #createWithEndOfStreamTrigger()}: fires when the watermark reaches the end of time. */
  public static final class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {
      ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
      return "EndOfStreamTrigger()";
    }
  }
}
