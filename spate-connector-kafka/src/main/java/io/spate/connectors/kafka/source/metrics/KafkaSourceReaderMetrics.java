package io.spate.connectors.kafka.source.metrics;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.ThreadSafeSimpleCounter;
import io.spate.connectors.kafka.metrics.KafkaClientMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

/**
 * The metrics of a {@code KafkaSource} reader, under Flink's names, in the group {@value
 * #KAFKA_SOURCE_READER_METRIC_GROUP} of the reader's metric group: per partition the gauges {@code
 * topic.<t>.partition.<p>.currentOffset} (the offset of the next record to emit, that is the offset
 * of the last one emitted + 1) and {@code .committedOffset} (the last offset the consumer group
 * acknowledged, {@value #INITIAL_OFFSET} before any), the counters {@code commitsSucceeded} and
 * {@code commitsFailed}, and, unless turned off, the consumer's own metrics as gauges in the group
 * {@value #KAFKA_CONSUMER_METRIC_GROUP}.
 *
 * <p>Threads: partitions are registered on the task thread, commits and consumer metrics are
 * recorded on the fetcher thread, and gauges are read on a reporter's thread.
 */
@PublicEvolving
public final class KafkaSourceReaderMetrics {

  /** The group of the reader's metrics, below the reader's (operator's) metric group. */
  public static final String KAFKA_SOURCE_READER_METRIC_GROUP = "KafkaSourceReader";
  /** The group of the consumer's own metrics, below {@value #KAFKA_SOURCE_READER_METRIC_GROUP}. */
  public static final String KAFKA_CONSUMER_METRIC_GROUP = "KafkaConsumer";
  /** The key of the group of a topic's metrics. */
  public static final String TOPIC_GROUP = "topic";
  /** The key of the group of a partition's metrics, below its topic's. */
  public static final String PARTITION_GROUP = "partition";
  /** The gauge of a partition's position: the offset of the next record to emit. */
  public static final String CURRENT_OFFSET_METRIC_GAUGE = "currentOffset";
  /** The gauge of the offset last committed to the consumer group for a partition. */
  public static final String COMMITTED_OFFSET_METRIC_GAUGE = "committedOffset";
  /** The counter of offset commits that the brokers acknowledged. */
  public static final String COMMITS_SUCCEEDED_METRIC_COUNTER = "commitsSucceeded";
  /** The counter of offset commits that failed. */
  public static final String COMMITS_FAILED_METRIC_COUNTER = "commitsFailed";
  /** What an offset gauge reports before it knows an offset. */
  public static final long INITIAL_OFFSET = -1;

  private final MetricGroup readerGroup;
  private final Counter commitsSucceeded;
  private final Counter commitsFailed;
  private final KafkaClientMetrics consumerMetrics;
  private final Map<TopicPartition, Long> committedOffsets = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Boolean> registeredPartitions = new ConcurrentHashMap<>();

  /**
   * The metrics of a reader whose metric group is {@code sourceReaderGroup}; the consumer's metrics
   * are mirrored only if {@code registerConsumerMetrics}.
   */
  public KafkaSourceReaderMetrics(MetricGroup sourceReaderGroup, boolean registerConsumerMetrics) {
    this.readerGroup = sourceReaderGroup.addGroup(KAFKA_SOURCE_READER_METRIC_GROUP);
    this.commitsSucceeded = readerGroup.counter(COMMITS_SUCCEEDED_METRIC_COUNTER, new ThreadSafeSimpleCounter());
    this.commitsFailed = readerGroup.counter(COMMITS_FAILED_METRIC_COUNTER, new ThreadSafeSimpleCounter());
    this.consumerMetrics =
        registerConsumerMetrics ? new KafkaClientMetrics(readerGroup.addGroup(KAFKA_CONSUMER_METRIC_GROUP)) : null;
  }

  /**
   * Registers the offset gauges of {@code partition}, whose position {@code currentOffset} reads;
   * a partition registered before keeps its first gauges.
   */
  public void registerTopicPartition(TopicPartition partition, LongSupplier currentOffset) {
    if (registeredPartitions.putIfAbsent(partition, Boolean.TRUE) != null) {
      return;
    }
    MetricGroup group = readerGroup
        .addGroup(TOPIC_GROUP, partition.topic())
        .addGroup(PARTITION_GROUP, Integer.toString(partition.partition()));
    group.gauge(CURRENT_OFFSET_METRIC_GAUGE, (Gauge<Long>) currentOffset::getAsLong);
    group.gauge(COMMITTED_OFFSET_METRIC_GAUGE,
        (Gauge<Long>) () -> committedOffsets.getOrDefault(partition, INITIAL_OFFSET));
  }

  /** Records that the consumer group acknowledged {@code offset} as committed for {@code partition}. */
  public void recordCommittedOffset(TopicPartition partition, long offset) {
    committedOffsets.put(partition, offset);
  }

  /** Counts a commit that the brokers acknowledged. */
  public void recordSucceededCommit() {
    commitsSucceeded.inc();
  }

  /** Counts a commit that failed. */
  public void recordFailedCommit() {
    commitsFailed.inc();
  }

  /**
   * Mirrors the consumer's metrics not mirrored yet, if consumer metrics are registered at all;
   * cheap when the consumer added none since the last call. Call it from the consumer's thread.
   */
  public void registerNewConsumerMetrics(Map<MetricName, ? extends Metric> metrics) {
    if (consumerMetrics != null) {
      consumerMetrics.updateIfChanged(metrics);
    }
  }

  /** The offset last acknowledged as committed for {@code partition}, or {@value #INITIAL_OFFSET}. */
  public long committedOffset(TopicPartition partition) {
    return committedOffsets.getOrDefault(partition, INITIAL_OFFSET);
  }

  /** The offsets acknowledged as committed, by partition. */
  public Map<TopicPartition, Long> committedOffsets() {
    return committedOffsets;
  }
}
