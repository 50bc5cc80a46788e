package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.math.BigInteger;
import java.util.NoSuchElementException;

/** The numbers from one long to another, both included, splittable into contiguous ranges. */
@PublicEvolving
public class NumberSequenceIterator extends SplittableIterator<Long> {

  private static final long serialVersionUID = 1L;

  private final long to;
  private long current;

  /** The numbers {@code from} to {@code to}, both included. */
  public NumberSequenceIterator(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("The 'to' value (" + to + ") must not be smaller than the 'from' value ("
          + from + ").");
    }
    this.current = from;
    this.to = to;
  }

  /** A range that may be empty ({@code from} above {@code to}); only {@link #split} makes these. */
  private NumberSequenceIterator(long from, long to, boolean unused) {
    this.current = from;
    this.to = to;
  }

  /** The next number to return. */
  public long getCurrent() {
    return current;
  }

  /** The last number. */
  public long getTo() {
    return to;
  }

  @Override
  public boolean hasNext() {
    return current <= to;
  }

  @Override
  public Long next() {
    if (current > to) {
      throw new NoSuchElementException("The sequence ended at " + to);
    }
    return current++;
  }

  @Override
  public void remove() {
    throw new UnsupportedOperationException("A number sequence cannot remove numbers.");
  }

  @Override
  public NumberSequenceIterator[] split(int numPartitions) {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("The number of partitions must be at least 1, but is " + numPartitions);
    }
    NumberSequenceIterator[] splits = new NumberSequenceIterator[numPartitions];
    // The count of numbers left may be 2^64, beyond a long: split it as a BigInteger.
    BigInteger count = current > to
        ? BigInteger.ZERO
        : BigInteger.valueOf(to).subtract(BigInteger.valueOf(current)).add(BigInteger.ONE);
    BigInteger[] baseAndExtra = count.divideAndRemainder(BigInteger.valueOf(numPartitions));
    BigInteger start = BigInteger.valueOf(current);
    for (int i = 0; i < numPartitions; i++) {
      BigInteger size = baseAndExtra[0].add(BigInteger.valueOf(i).compareTo(baseAndExtra[1]) < 0
          ? BigInteger.ONE : BigInteger.ZERO);
      splits[i] = size.signum() == 0
          ? new NumberSequenceIterator(1, 0, true)
          : new NumberSequenceIterator(start.longValueExact(), start.add(size).subtract(BigInteger.ONE).longValueExact(),
              true);
      start = start.add(size);
    }
    return splits;
  }

  @Override
  public int getMaximumNumberOfSplits() {
    long count = to - current + 1;
    if (count <= 0 || count >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    return (int) count;
  }
}
