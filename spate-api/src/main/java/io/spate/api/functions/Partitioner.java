package io.spate.api.functions;

/** Chooses the downstream channel of a key for {@code partitionCustom}. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
  /** The channel index in {@code [0, numPartitions)} for {@code key}. */
  int partition(K key, int numPartitions);
}
