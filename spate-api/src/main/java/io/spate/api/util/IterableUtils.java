package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams of iterables, and mapping over iterables of iterables. */
@PublicEvolving
public final class IterableUtils {

  private IterableUtils() {}

  /** The elements of {@code iterable} as a stream (a collection's own stream when it is one). */
  public static <E> Stream<E> toStream(Iterable<E> iterable) {
    Objects.requireNonNull(iterable, "iterable");
    return iterable instanceof Collection<E> collection
        ? collection.stream()
        : StreamSupport.stream(iterable.spliterator(), false);
  }

  /** {@code mapper} applied to every element of every iterable in {@code itemGroups}, in order. */
  public static <K, V, G extends Iterable<K>> Iterable<V> flatMap(Iterable<G> itemGroups, Function<K, V> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    List<V> result = new ArrayList<>();
    for (G group : itemGroups) {
      for (K item : group) {
        result.add(mapper.apply(item));
      }
    }
    return result;
  }
}
