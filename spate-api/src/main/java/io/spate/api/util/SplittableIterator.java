package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Iterator;

/**
 * An iterator that can be split into iterators over disjoint parts of its elements, so that parallel
 * subtasks each read one part.
 *
 * @param <T> the element type
 */
@PublicEvolving
public abstract class SplittableIterator<T> implements Iterator<T>, Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code numPartitions} iterators that together return every element once. */
  public abstract Iterator<T>[] split(int numPartitions);

  /** Part {@code num} of {@code numPartitions}. */
  public Iterator<T> getSplit(int num, int numPartitions) {
    if (numPartitions < 1 || num < 0 || num >= numPartitions) {
      throw new IllegalArgumentException("Split " + num + " of " + numPartitions + " does not exist: need 0 <= num"
          + " < numPartitions");
    }
    return split(numPartitions)[num];
  }

  /** How many parts the elements can be split into at most. */
  public abstract int getMaximumNumberOfSplits();
}
