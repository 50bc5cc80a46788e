package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each record into zero or more windows, and says when windows fire by default.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The windows that {@code element} with {@code timestamp} belongs to. The returned collection is
   * only read before the next call, so an assigner may reuse it.
   */
  public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

  /** The trigger used when the program does not set one. */
  public abstract Trigger<? super T, ? super W> getDefaultTrigger();

  /**
   * The trigger used when the program does not set one; the environment is not needed, as in Flink
   * 1.20, where this form is deprecated.
   *
   * @deprecated use {@link #getDefaultTrigger()}
   */
  @Deprecated
  public Trigger<? super T, ? super W> getDefaultTrigger(StreamExecutionEnvironment env) {
    return getDefaultTrigger();
  }

  /** Whether windows are in event time (cleaned up by watermarks, with late data) or processing time. */
  public abstract boolean isEventTime();

  /**
   * The serializer of this assigner's windows. The built-in assigners return {@link
   * TimeWindow.Serializer} or {@link GlobalWindow.Serializer}; an assigner of its own window type
   * overrides this, as in Flink, where the method is abstract.
   *
   * @throws UnsupportedOperationException if the assigner does not override it, naming the assigner
   */
  public TypeSerializer<W> getWindowSerializer(ExecutionConfig executionConfig) {
    throw new UnsupportedOperationException(getClass().getName() + " does not say how its windows are"
        + " serialized: override getWindowSerializer(ExecutionConfig). Spate keeps TimeWindow and GlobalWindow"
        + " windows in state with serializers of its own, so its runtime never asks for this.");
  }

  /** What an assigner may ask of the operator. */
  public abstract static class WindowAssignerContext {
    /** The current processing time of the operator. */
    public abstract long getCurrentProcessingTime();
  }
}
