package io.spate.connectors.kafka.sink;

import java.io.Serializable;

/**
 * Chooses the partition of each record (Flink's name, so that a Flink job's partitioner ports by
 * its imports). Without one, the Kafka producer's own partitioner decides (by key hash, or sticky
 * batches for records without a key).
 *
 * @param <T> the record type
 */
public abstract class FlinkKafkaPartitioner<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Called once per parallel instance of the sink before the first {@link #partition} call. */
  public void open(int parallelInstanceId, int parallelInstances) {}

  /**
   * The partition of {@code record}: one of {@code partitions}, the partition ids of {@code
   * targetTopic}; {@code key} and {@code value} are the serialized bytes (key may be null).
   */
  public abstract int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions);
}
