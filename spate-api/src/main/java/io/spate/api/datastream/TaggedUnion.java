package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;

/**
 * A record of either of two inputs, tagged with its side, so that both inputs of a window join or
 * co-group can share one keyed window operator.
 *
 * @param <T1> the type of the first input
 * @param <T2> the type of the second input
 */
@PublicEvolving
public final class TaggedUnion<T1, T2> {

  private final T1 one;
  private final T2 two;

  private TaggedUnion(T1 one, T2 two) {
    this.one = one;
    this.two = two;
  }

  /** A record of the first input. */
  public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
    return new TaggedUnion<>(value, null);
  }

  /** A record of the second input. */
  public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
    return new TaggedUnion<>(null, value);
  }

  /** Whether this is a record of the first input. */
  public boolean isOne() {
    return one != null;
  }

  /** The record of the first input, or null. */
  public T1 getOne() {
    return one;
  }

  /** The record of the second input, or null. */
  public T2 getTwo() {
    return two;
  }

  @Override
  public String toString() {
    return isOne() ? "one(" + one + ")" : "two(" + two + ")";
  }
}
