package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

/**
 * The most general function on two connected keyed streams: one method per input, per-key state
 * and timers, and the current key in its context.
 *
 * @param <K> key type
 * @param <IN1> type of the first input
 * @param <IN2> type of the second input
 * @param <OUT> output type
 */
@PublicEvolving
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** Handles a record of the first input. */
  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the second input. */
  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer set for the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** What the process methods may look at and do besides emitting. */
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

    /** The key of the firing timer. */
    @Override
    public abstract K getCurrentKey();
  }
}
