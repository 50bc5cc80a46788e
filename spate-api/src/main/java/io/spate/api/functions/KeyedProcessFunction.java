package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

/**
 * The most general one-input function on a keyed stream: like {@link ProcessFunction}, plus the
 * current key and per-key timers.
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@PublicEvolving
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** Handles one record. */
  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** Called when a timer set for the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What {@link #processElement} may look at and do besides emitting. */
  public abstract class Context {

    /** The record's timestamp (or the timer's, in {@link #onTimer}), or null if it has none. */
    public abstract Long timestamp();

    /** Reads the time and sets timers for the current key. */
    public abstract TimerService timerService();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The key of the record being processed. */
    public abstract K getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {

    /** The time domain of the firing timer. */
    public abstract TimeDomain timeDomain();
  }
}
