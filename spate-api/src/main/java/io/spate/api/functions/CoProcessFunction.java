package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

/**
 * The most general function on two connected streams: one method per input, one output type,
 * side outputs.
 *
 * @param <IN1> type of the first input
 * @param <IN2> type of the second input
 * @param <OUT> output type
 */
@PublicEvolving
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** Handles a record of the first input. */
  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the second input. */
  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer fires; only keyed connected streams can set timers. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** What the process methods may look at and do besides emitting. */
  public abstract class Context {

    /** The record's timestamp, or null if it has none. */
    public abstract Long timestamp();

    /** Reads the time (and, on keyed streams, sets timers). */
    public abstract TimerService timerService();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {

    /** The time domain of the firing timer. */
    public abstract TimeDomain timeDomain();
  }
}
