package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;

/**
 * What the broadcast process functions share: the contexts through which both sides read the time
 * and emit side outputs.
 */
@PublicEvolving
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** The context both sides share. */
  public abstract class BaseContext {

    /** The record's timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The current processing time. */
    public abstract long currentProcessingTime();

    /** The operator's current event-time watermark ({@code Long.MIN_VALUE} before the first). */
    public abstract long currentWatermark();
  }

  /** The context of the broadcast side, which may write the broadcast state. */
  public abstract class Context extends BaseContext {

    /** The broadcast state registered with {@code descriptor}. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }

  /** The context of the non-broadcast side, which may only read the broadcast state. */
  public abstract class ReadOnlyContext extends BaseContext {

    /** A read-only view of the broadcast state registered with {@code descriptor}. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }
}
