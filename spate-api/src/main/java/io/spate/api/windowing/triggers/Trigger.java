package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.MergingState;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated and when its contents are dropped. A trigger is called per
 * record and per timer it set; it keeps its own state per key and window through the context.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class Trigger<T, W extends Window> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Called for every record added to {@code window}. */
  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

  /** Called when an event-time timer that this trigger set fires. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Called when a processing-time timer that this trigger set fires. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Whether this trigger supports merging windows (sessions); then {@link #onMerge} must be implemented. */
  public boolean canMerge() {
    return false;
  }

  /** Called when windows merged into {@code window}: merge state and set the timers of the new window. */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows.");
  }

  /** Called when {@code window} is removed: delete this trigger's timers and state of it. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /** What a trigger can do: read the clocks, set timers, and keep state per key and window. */
  public interface TriggerContext {
    /** The current processing time. */
    long getCurrentProcessingTime();

    /** The metric group of the window operator. */
    MetricGroup getMetricGroup();

    /** The current watermark. */
    long getCurrentWatermark();

    /** Calls {@link #onProcessingTime} when the clock reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** Calls {@link #onEventTime} when the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    /** Removes a processing-time timer. */
    void deleteProcessingTimeTimer(long time);

    /** Removes an event-time timer. */
    void deleteEventTimeTimer(long time);

    /** The state described by {@code stateDescriptor} for the current key and window. */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);

    /**
     * The value state {@code name} of the current key and window, holding {@code defaultState} until
     * set; as {@code getPartitionedState(new ValueStateDescriptor<>(name, stateType, defaultState))}.
     *
     * @deprecated use {@link #getPartitionedState}, as in Flink.
     */
    @Deprecated
    default <S extends Serializable> ValueState<S> getKeyValueState(String name, Class<S> stateType, S defaultState) {
      return getPartitionedState(new ValueStateDescriptor<>(name, stateType, defaultState));
    }

    /**
     * As {@link #getKeyValueState(String, Class, Serializable)}, with the state's type as type
     * information.
     *
     * @deprecated use {@link #getPartitionedState}, as in Flink.
     */
    @Deprecated
    default <S extends Serializable> ValueState<S> getKeyValueState(
        String name, TypeInformation<S> stateType, S defaultState) {
      return getPartitionedState(new ValueStateDescriptor<>(name, stateType, defaultState));
    }
  }

  /** The context of {@link #onMerge}, which can also merge a state of the merged windows. */
  public interface OnMergeContext extends TriggerContext {
    /** Merges the state {@code stateDescriptor} (a merging state) of the merged windows into the new one. */
    <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
  }
}
