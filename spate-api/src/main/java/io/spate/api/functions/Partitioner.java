package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Chooses the downstream channel of a key for {@code partitionCustom}. */
@Public
@FunctionalInterface
public interface Partitioner<K> extends Function {
  /** The channel index in {@code [0, numPartitions)} for {@code key}. */
  int partition(K key, int numPartitions);
}
