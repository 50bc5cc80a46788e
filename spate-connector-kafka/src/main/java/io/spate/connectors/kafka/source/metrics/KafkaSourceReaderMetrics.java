package io.spate.connectors.kafka.source.metrics;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.ThreadSafeSimpleCounter;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.api.util.PaddedLong;
import io.spate.connectors.kafka.metrics.KafkaClientMetrics;
import java.util.HashMap;
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
 * {@value #KAFKA_CONSUMER_METRIC_GROUP}. In the reader's group itself it registers the source
 * metrics of FLIP-33 that only the reader knows: {@value #PENDING_RECORDS} (the sum of the
 * consumer's {@code records-lag} over the partitions it reads, once the lag of one is known) and
 * {@value #CURRENT_FETCH_EVENT_TIME_LAG} (the fetch time of the last record emitted minus its
 * timestamp).
 *
 * <p>Threads: partitions are registered and records emitted on the task thread, commits, lags and
 * consumer metrics are recorded on the fetcher thread, and gauges are read on a reporter's thread.
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
  /** The FLIP-33 gauge of the records between the consumer's positions and the ends of its partitions. */
  public static final String PENDING_RECORDS = "pendingRecords";
  /** The FLIP-33 gauge of milliseconds from the last emitted record's timestamp to its fetch. */
  public static final String CURRENT_FETCH_EVENT_TIME_LAG = "currentFetchEventTimeLag";
  /** What {@value #CURRENT_FETCH_EVENT_TIME_LAG} reports before a record with a timestamp and a fetch time. */
  public static final long UNDEFINED_LAG = -1;
  /** The Kafka consumer's per-partition metric whose sum is {@value #PENDING_RECORDS}. */
  private static final String RECORDS_LAG = "records-lag";
  private static final String CONSUMER_FETCH_GROUP = "consumer-fetch-manager-metrics";

  private final MetricGroup readerGroup;
  private final Counter commitsSucceeded;
  private final Counter commitsFailed;
  private final KafkaClientMetrics consumerMetrics;
  private final Map<TopicPartition, Long> committedOffsets = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Boolean> registeredPartitions = new ConcurrentHashMap<>();
  private final SourceReaderMetricGroup sourceReaderGroup;
  // The records-lag metric of each partition the consumer reads, from when the consumer has one.
  private final Map<TopicPartition, Metric> recordsLags = new ConcurrentHashMap<>();
  // Fetcher thread only: partitions whose records-lag is not found yet, and the consumer's metric
  // count at the last search, so that a poll that added no metric costs no search.
  private final Map<TopicPartition, Boolean> lagsToFind = new HashMap<>();
  private int metricsAtLastLagSearch = -1;
  private boolean pendingRecordsRegistered;
  // Task thread writes, a reporter reads: the fetch time of the batch being emitted, and the lag.
  private long currentBatchFetchTime = Long.MIN_VALUE;
  private final PaddedLong fetchEventTimeLag = new PaddedLong(UNDEFINED_LAG);

  /**
   * The metrics of a reader whose metric group is {@code sourceReaderGroup}; the consumer's metrics
   * are mirrored only if {@code registerConsumerMetrics}.
   */
  public KafkaSourceReaderMetrics(SourceReaderMetricGroup sourceReaderGroup, boolean registerConsumerMetrics) {
    this.sourceReaderGroup = sourceReaderGroup;
    sourceReaderGroup.gauge(CURRENT_FETCH_EVENT_TIME_LAG, (Gauge<Long>) fetchEventTimeLag::get);
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

  /**
   * Counts {@code partition}'s lag in {@value #PENDING_RECORDS} from when the consumer reports it;
   * call it from the fetcher thread when the consumer is assigned the partition.
   */
  public void trackRecordsLag(TopicPartition partition) {
    if (!recordsLags.containsKey(partition)) {
      lagsToFind.put(partition, Boolean.TRUE);
    }
  }

  /** Stops counting {@code partition}'s lag, once the consumer no longer reads it (fetcher thread). */
  public void untrackRecordsLag(TopicPartition partition) {
    lagsToFind.remove(partition);
    recordsLags.remove(partition);
  }

  /**
   * Looks in the consumer's {@code metrics} for the {@code records-lag} of tracked partitions that
   * have none yet, which the consumer adds after its first fetch of a partition, and registers
   * {@value #PENDING_RECORDS} with the first one found. Cheap when nothing is missing or the consumer
   * added no metric since the last call; call it from the fetcher thread after each poll.
   */
  public void updateRecordsLags(Map<MetricName, ? extends Metric> metrics) {
    if (lagsToFind.isEmpty() || metrics.size() == metricsAtLastLagSearch) {
      return;
    }
    metricsAtLastLagSearch = metrics.size();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      if (!RECORDS_LAG.equals(name.name()) || !CONSUMER_FETCH_GROUP.equals(name.group())) {
        continue;
      }
      String topic = name.tags().get(TOPIC_GROUP);
      String partitionNumber = name.tags().get(PARTITION_GROUP);
      if (topic == null || partitionNumber == null) {
        continue;
      }
      TopicPartition partition = new TopicPartition(topic, Integer.parseInt(partitionNumber));
      if (lagsToFind.remove(partition) != null) {
        recordsLags.put(partition, entry.getValue());
      }
    }
    if (!recordsLags.isEmpty() && !pendingRecordsRegistered) {
      pendingRecordsRegistered = true;
      sourceReaderGroup.setPendingRecordsGauge(this::pendingRecords);
    }
  }

  /** The sum of the known lags of the partitions the consumer reads; what {@value #PENDING_RECORDS} reports. */
  public long pendingRecords() {
    long pending = 0;
    for (Metric lag : recordsLags.values()) {
      // A lag the consumer cannot tell now (NaN) counts as none.
      if (lag.metricValue() instanceof Number number && number.doubleValue() > 0) {
        pending += (long) number.doubleValue();
      }
    }
    return pending;
  }

  /**
   * Tells that the records emitted from now on were fetched at {@code fetchTimeMillis}, or at an
   * unknown time if it is {@code Long.MIN_VALUE}; call it from the task thread before a batch.
   */
  public void recordBatchFetchTime(long fetchTimeMillis) {
    currentBatchFetchTime = fetchTimeMillis;
  }

  /**
   * Records that a record with timestamp {@code eventTime} (negative: none) was emitted from the
   * current batch; task thread, for every record, so it does one subtraction and one plain write.
   * A timestamp after the fetch time gives a lag of 0.
   */
  public void recordEmitted(long eventTime) {
    if (eventTime >= 0 && currentBatchFetchTime != Long.MIN_VALUE) {
      // A timestamp ahead of the fetch (clocks apart) reads as no lag, as the emit lag does.
      fetchEventTimeLag.set(Math.max(0, currentBatchFetchTime - eventTime));
    }
  }

  /** The value of {@value #CURRENT_FETCH_EVENT_TIME_LAG}: milliseconds, or {@value #UNDEFINED_LAG}. */
  public long currentFetchEventTimeLag() {
    return fetchEventTimeLag.get();
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
