package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

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
}
