package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;

/**
 * Handles each pair of records that an interval join matched: a record of the left stream and one
 * of the right stream with the same key whose timestamps lie within the join's bounds.
 *
 * @param <IN1> type of the left input
 * @param <IN2> type of the right input
 * @param <OUT> output type
 */
@PublicEvolving
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {

  private static final long serialVersionUID = 1L;

  /**
   * Handles one joined pair; records emitted to {@code out} get the larger of the two timestamps.
   */
  public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

  /** What {@link #processElement} may look at besides the pair. */
  public abstract class Context {

    /** The timestamp of the left record. */
    public abstract long getLeftTimestamp();

    /** The timestamp of the right record. */
    public abstract long getRightTimestamp();

    /** The timestamp of the joined result: the larger of the two. */
    public abstract long getTimestamp();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
