package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

/**
 * The most general one-input function on a non-keyed stream: sees each record with its timestamp,
 * emits any number of records to the main output and to side outputs.
 *
 * @param <I> input type
 * @param <O> output type
 */
@PublicEvolving
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /** Handles one record. */
  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** Called when a timer fires; only keyed streams can set timers. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What {@link #processElement} may look at and do besides emitting. */
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
