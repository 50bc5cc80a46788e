package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.KeyedStateFunction;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;

/**
 * A function on a keyed stream connected with a broadcast stream: the keyed side has per-key state,
 * timers and read-only broadcast state; the broadcast side writes the broadcast state and may visit
 * the keyed state of every key.
 *
 * @param <KS> key type of the keyed input
 * @param <IN1> type of the keyed input
 * @param <IN2> type of the broadcast input
 * @param <OUT> output type
 */
@PublicEvolving
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

  private static final long serialVersionUID = 1L;

  /** Handles a record of the keyed input; the broadcast state is read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the broadcast input; every parallel instance sees every such record. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer set for the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** The context of the broadcast side. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {

    /** The broadcast state registered with {@code descriptor}. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

    /**
     * Calls {@code function} for every key that has a value of the keyed state {@code descriptor}
     * on this parallel instance; the function may read, change or clear that state.
     */
    public abstract <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<KS, S> function) throws Exception;
  }

  /** The context of the keyed side. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {

    /** A read-only view of the broadcast state registered with {@code descriptor}. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

    /** Reads the time and sets timers for the current key. */
    public abstract TimerService timerService();

    /** The key of the record being processed. */
    public abstract KS getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends ReadOnlyContext {

    /** The time domain of the firing timer. */
    public abstract TimeDomain timeDomain();
  }
}
