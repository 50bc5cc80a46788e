package io.spate.connectors.kafka.sink;

/**
 * Writes all records of one parallel sink instance into one partition: instance {@code i} writes
 * into partition {@code partitions[i % partitions.length]}, so that with fewer instances than
 * partitions some partitions get nothing, and with more, several instances share a partition.
 *
 * @param <T> the record type
 */
public class FlinkFixedPartitioner<T> extends FlinkKafkaPartitioner<T> {

  private static final long serialVersionUID = 1L;

  private int parallelInstanceId = -1;

  @Override
  public void open(int parallelInstanceId, int parallelInstances) {
    if (parallelInstanceId < 0 || parallelInstances <= 0 || parallelInstanceId >= parallelInstances) {
      throw new IllegalArgumentException("FlinkFixedPartitioner: instance " + parallelInstanceId + " of "
          + parallelInstances + " parallel instances does not exist");
    }
    this.parallelInstanceId = parallelInstanceId;
  }

  @Override
  public int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions) {
    if (parallelInstanceId < 0) {
      throw new IllegalStateException("FlinkFixedPartitioner: partition() called before open()");
    }
    if (partitions.length == 0) {
      throw new IllegalArgumentException("FlinkFixedPartitioner: topic '" + targetTopic + "' has no partitions");
    }
    return partitions[parallelInstanceId % partitions.length];
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof FlinkFixedPartitioner;
  }

  @Override
  public int hashCode() {
    return FlinkFixedPartitioner.class.hashCode();
  }
}
