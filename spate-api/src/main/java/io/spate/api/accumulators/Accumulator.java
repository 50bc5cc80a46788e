package io.spate.api.accumulators;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/**
 * A value that each parallel instance of a function adds to locally; when the job ends, the local
 * values of all its subtasks are merged into one result, read with {@code
 * JobExecutionResult.getAccumulatorResult(name)}. It travels between processes Java-serialized.
 *
 * @param <V> the type of the values added
 * @param <R> the type of the result
 */
@Public
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {

  /** Adds {@code value} to the local value. */
  void add(V value);

  /** The local value of this instance. */
  R getLocalValue();

  /** Sets the local value back to where a new accumulator starts. */
  void resetLocal();

  /** Adds the local value of {@code other}, an accumulator of the same kind, to this one's. */
  void merge(Accumulator<V, R> other);

  /** A copy with the same local value, independent of this one. */
  Accumulator<V, R> clone();
}
