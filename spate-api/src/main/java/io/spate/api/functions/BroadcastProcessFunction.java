package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;

/**
 * A function on a non-keyed stream connected with a broadcast stream: the broadcast side may write
 * the broadcast state, the other side may only read it.
 *
 * @param <IN1> type of the non-broadcast input
 * @param <IN2> type of the broadcast input
 * @param <OUT> output type
 */
@PublicEvolving
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

  private static final long serialVersionUID = 1L;

  /** Handles a record of the non-broadcast input; the broadcast state is read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the broadcast input; every parallel instance sees every such record. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** The context of the broadcast side: read-write broadcast state. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {

    /** The broadcast state registered with {@code descriptor}. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }

  /** The context of the non-broadcast side: read-only broadcast state. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {

    /** A read-only view of the broadcast state registered with {@code descriptor}. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }
}
