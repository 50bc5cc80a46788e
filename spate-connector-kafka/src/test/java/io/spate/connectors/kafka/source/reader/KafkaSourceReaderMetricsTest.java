package io.spate.connectors.kafka.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.eventtime.Watermark;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.kafka.metrics.RecordingMetricGroup;
import io.spate.connectors.kafka.source.metrics.KafkaSourceReaderMetrics;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.KafkaSourceBuilder;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reader's metrics, read back from its metric group while it reads a real broker: offsets per
 * partition, commits, the consumer's own metrics under {@code KafkaSourceReader.KafkaConsumer}, and
 * the FLIP-33 gauges {@code pendingRecords} and {@code currentFetchEventTimeLag}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSourceReaderMetricsTest {

  private static final String TOPIC = "metrics-input";
  private static final int[] RECORDS_PER_PARTITION = {30, 20};
  private static final String LAG_TOPIC = "metrics-lag";
  private static final int LAG_RECORDS = 50;
  private static final String FETCH_LAG_TOPIC = "metrics-fetch-lag";
  private static final long HOUR_MILLIS = 3_600_000;
  // Generous: a fetch on this busy 2-core machine, and the time from produce to fetch, take far less.
  private static final long FETCH_LAG_BOUND_MILLIS = 60_000;
  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
    broker.createTopic(TOPIC, RECORDS_PER_PARTITION.length);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int partition = 0; partition < RECORDS_PER_PARTITION.length; partition++) {
      int p = partition;
      IntStream.range(0, RECORDS_PER_PARTITION[partition]).forEach(i -> records.add(new ProducerRecord<>(
          TOPIC, p, null, ("p" + p + "-" + i).getBytes(StandardCharsets.UTF_8))));
    }
    broker.produce(records);
    broker.createTopic(LAG_TOPIC, 1);
    broker.produce(IntStream.range(0, LAG_RECORDS).mapToObj(i -> new ProducerRecord<byte[], byte[]>(
        LAG_TOPIC, 0, null, ("lag-" + i).getBytes(StandardCharsets.UTF_8))).toList());
    broker.createTopic(FETCH_LAG_TOPIC, 1);
  }

  private static KafkaSourceBuilder<String> builder(String group) {
    return builder(group, TOPIC);
  }

  private static KafkaSourceBuilder<String> builder(String group, String topic) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(topic)
        .setGroupId(group)
        .setValueOnlyDeserializer(new SimpleStringSchema());
  }

  private static String partitionMetric(int partition, String name) {
    return "KafkaSourceReader.topic." + TOPIC + ".partition." + partition + "." + name;
  }

  @Test
  void boundedReadEndsWithCurrentOffsetsAfterTheLastRecordsAndNoLag() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-bounded").build()
        .createReader(new Context(metrics))) {
      reader.start();
      List<KafkaPartitionSplit> splits = new ArrayList<>();
      for (int p = 0; p < RECORDS_PER_PARTITION.length; p++) {
        splits.add(new KafkaPartitionSplit(new TopicPartition(TOPIC, p), 0, RECORDS_PER_PARTITION[p]));
      }
      reader.addSplits(splits);
      reader.notifyNoMoreSplits();
      assertThat(metrics.gaugeValue(partitionMetric(0, "currentOffset"))).as("before any record").isEqualTo(0L);
      readToTheEnd(reader, output);

      assertThat(output.records).hasSize(IntStream.of(RECORDS_PER_PARTITION).sum());
      for (int p = 0; p < RECORDS_PER_PARTITION.length; p++) {
        assertThat(metrics.gaugeValue(partitionMetric(p, "currentOffset")))
            .as("partition %d: the offset of its last record (%d) + 1", p, RECORDS_PER_PARTITION[p] - 1)
            .isEqualTo((long) RECORDS_PER_PARTITION[p]);
        assertThat(metrics.gaugeValue(partitionMetric(p, "committedOffset"))).as("no checkpoint, no commit")
            .isEqualTo(-1L);
        String lag = "KafkaSourceReader.KafkaConsumer.topic." + TOPIC + ".partition." + p + ".records-lag";
        assertThat(metrics.gaugeValue(lag)).as(lag).isEqualTo(0.0);
      }
      assertThat(metrics.paths()).contains(
          "KafkaSourceReader.KafkaConsumer.records-lag-max",
          "KafkaSourceReader.KafkaConsumer.records-consumed-rate",
          "KafkaSourceReader.KafkaConsumer.bytes-consumed-rate");
      assertThat((Double) metrics.gaugeValue("KafkaSourceReader.KafkaConsumer.records-consumed-total"))
          .isEqualTo((double) IntStream.of(RECORDS_PER_PARTITION).sum());
      assertThat(metrics.count("KafkaSourceReader.commitsSucceeded")).isZero();
      assertThat(metrics.count("KafkaSourceReader.commitsFailed")).isZero();
    }
  }

  @Test
  void theConsumerIsBuiltOnTheFetcherThreadAtStartBeforeAnySplitArrives() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-ahead").build()
        .createReader(new Context(metrics))) {
      reader.start();
      // The consumer's own metrics are mirrored when it is built; no split, no poll has happened yet.
      Await.until(Duration.ofSeconds(60), "the consumer to be built without splits",
          () -> metrics.paths().contains("KafkaSourceReader.KafkaConsumer.records-lag-max"));
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
          .contains("spate-kafka-fetcher-0 (subtask 0)");
      assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition(TOPIC, 0), 0, RECORDS_PER_PARTITION[0])));
      reader.notifyNoMoreSplits();
      readToTheEnd(reader, output);
      assertThat(output.records).hasSize(RECORDS_PER_PARTITION[0]);
    }
  }

  @Test
  void committedOffsetFollowsTheCompletedCheckpoint() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    TopicPartition partition0 = new TopicPartition(TOPIC, 0);
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-commits").build()
        .createReader(new Context(metrics))) {
      reader.start();
      reader.addSplits(List.of(new KafkaPartitionSplit(partition0, 0)));
      Await.until(Duration.ofSeconds(60), "every record of partition 0 to be read", () -> {
        reader.pollNext(output);
        return output.records.size() == RECORDS_PER_PARTITION[0];
      });
      assertThat(metrics.gaugeValue(partitionMetric(0, "currentOffset"))).isEqualTo((long) RECORDS_PER_PARTITION[0]);
      assertThat(metrics.gaugeValue(partitionMetric(0, "committedOffset"))).isEqualTo(-1L);

      // As checkpoints do, again until a commit succeeds: the first may find no group coordinator yet.
      // The commit goes out on the fetcher thread at its next poll and is acknowledged asynchronously.
      long[] checkpoint = {0};
      Await.until(Duration.ofSeconds(60), "the checkpoint's offset to be committed", () -> {
        checkpoint[0]++;
        reader.snapshotState(checkpoint[0]);
        reader.notifyCheckpointComplete(checkpoint[0]);
        reader.pollNext(output);
        Thread.sleep(50);
        return Long.valueOf(RECORDS_PER_PARTITION[0]).equals(metrics.gaugeValue(partitionMetric(0, "committedOffset")));
      });
      assertThat(metrics.count("KafkaSourceReader.commitsSucceeded")).isPositive();
      assertThat(metrics.count("KafkaSourceReader.commitsSucceeded") + metrics.count("KafkaSourceReader.commitsFailed"))
          .as("commits acknowledged or failed, at most one per checkpoint").isLessThanOrEqualTo(checkpoint[0]);
      Await.until(Duration.ofSeconds(30), "the lag of partition 0 to be known", () -> {
        reader.pollNext(output);
        return metrics.gaugeValue(
            "KafkaSourceReader.KafkaConsumer.topic." + TOPIC + ".partition.0.records-lag") instanceof Double lag
            && lag == 0.0;
      });
    }
  }

  @Test
  void consumerMetricsAreLeftOutWhenTurnedOff() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-off")
        .setProperty("register.consumer.metrics", "false").build()
        .createReader(new Context(metrics))) {
      reader.start();
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition(TOPIC, 1), 0, RECORDS_PER_PARTITION[1])));
      reader.notifyNoMoreSplits();
      readToTheEnd(reader, output);
    }
    assertThat(metrics.paths()).noneMatch(path -> path.contains("KafkaConsumer"));
    assertThat(metrics.gaugeValue(partitionMetric(1, "currentOffset"))).isEqualTo((long) RECORDS_PER_PARTITION[1]);
  }

  @Test
  void pendingRecordsIsTheConsumersLagWhetherTheReaderEmittedNoneSomeOrAll() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-lag", LAG_TOPIC)
        .setProperty("max.poll.records", "5").build().createReader(new Context(metrics))) {
      reader.start();
      assertThat(metrics.paths()).as("no lag known before a fetch").doesNotContain("pendingRecords");
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition(LAG_TOPIC, 0), 0)));

      // Nothing emitted: the fetcher polls five records at a time until the hand-over queue is full.
      long position = awaitPendingRecordsBehind(metrics, LAG_TOPIC, 1, LAG_RECORDS, 0);
      assertThat(output.records).isEmpty();
      assertThat(position).as("records the consumer handed over: the queue holds two polls, the fetcher one more")
          .isBetween(1L, 15L);
      assertThat((Long) metrics.gaugeValue("pendingRecords")).isEqualTo(LAG_RECORDS - position);

      // Some emitted: the fetcher moves on as the queue drains, and the lag follows the consumer.
      Await.until(Duration.ofSeconds(30), "some records to be emitted", () -> {
        reader.pollNext(output);
        return !output.records.isEmpty();
      });
      long later = awaitPendingRecordsBehind(metrics, LAG_TOPIC, 1, LAG_RECORDS, position);
      assertThat(later).as("the position, past the records emitted").isGreaterThanOrEqualTo(output.records.size());

      // All emitted: no lag left.
      Await.until(Duration.ofSeconds(60), "every record to be emitted and the lag to be 0", () -> {
        reader.pollNext(output);
        return output.records.size() == LAG_RECORDS && Long.valueOf(0).equals(metrics.gaugeValue("pendingRecords"));
      });
    }
  }

  @Test
  void pendingRecordsAddsUpTheLagsOfEveryPartition() throws Exception {
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-lag-sum")
        .setProperty("max.poll.records", "4").build().createReader(new Context(metrics))) {
      reader.start();
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition(TOPIC, 0), 0),
          new KafkaPartitionSplit(new TopicPartition(TOPIC, 1), 0)));
      Await.until(Duration.ofSeconds(60), "the consumer to know the lag of both partitions", () -> {
        if (consumerGauge(metrics, TOPIC, 0, "records-lag") >= 0 && consumerGauge(metrics, TOPIC, 1, "records-lag") >= 0) {
          return true;
        }
        reader.pollNext(output);
        return false;
      });
      int total = IntStream.of(RECORDS_PER_PARTITION).sum();
      // The reader stopped emitting: once the fetcher waits for room in the queue, nothing moves.
      Await.until(Duration.ofSeconds(30), () -> "pendingRecords to be the sum of the partitions' lags; pendingRecords "
          + metrics.gaugeValue("pendingRecords") + ", lags " + consumerGauge(metrics, TOPIC, 0, "records-lag") + " and "
          + consumerGauge(metrics, TOPIC, 1, "records-lag"), () -> {
        Object pending = metrics.gaugeValue("pendingRecords");
        long sum = consumerGauge(metrics, TOPIC, 0, "records-lag") + consumerGauge(metrics, TOPIC, 1, "records-lag");
        long positions = consumerGauge(metrics, TOPIC, 0, "records-lead") + consumerGauge(metrics, TOPIC, 1, "records-lead");
        return pending instanceof Long p && p == sum && p == total - positions;
      });
      assertThat((Long) metrics.gaugeValue("pendingRecords")).isPositive().isLessThan(total);

      Await.until(Duration.ofSeconds(60), "every record to be emitted and the lag to be 0", () -> {
        reader.pollNext(output);
        return output.records.size() == total && Long.valueOf(0).equals(metrics.gaugeValue("pendingRecords"));
      });
    }
  }

  @Test
  void currentFetchEventTimeLagIsTheFetchTimeMinusTheRecordsTimestamp() throws Exception {
    long hourAgo = System.currentTimeMillis() - HOUR_MILLIS;
    broker.produce(IntStream.range(0, 10).mapToObj(i -> new ProducerRecord<byte[], byte[]>(
        FETCH_LAG_TOPIC, 0, hourAgo, null, ("old-" + i).getBytes(StandardCharsets.UTF_8))).toList());
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    CollectingOutput output = new CollectingOutput();
    try (SourceReader<String, KafkaPartitionSplit> reader = builder("metrics-fetch-lag", FETCH_LAG_TOPIC)
        .build().createReader(new Context(metrics))) {
      reader.start();
      assertThat(metrics.gaugeValue("currentFetchEventTimeLag")).as("before any record").isEqualTo(-1L);
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition(FETCH_LAG_TOPIC, 0), 0)));
      Await.until(Duration.ofSeconds(60), "the records of an hour ago to be emitted", () -> {
        reader.pollNext(output);
        return output.records.size() == 10;
      });
      assertThat((Long) metrics.gaugeValue("currentFetchEventTimeLag")).as("records stamped an hour before")
          .isBetween(HOUR_MILLIS, HOUR_MILLIS + FETCH_LAG_BOUND_MILLIS);

      // Records stamped by the producer when sent: the lag is the time from produce to fetch.
      broker.produce(IntStream.range(0, 10).mapToObj(i -> new ProducerRecord<byte[], byte[]>(
          FETCH_LAG_TOPIC, 0, null, ("new-" + i).getBytes(StandardCharsets.UTF_8))).toList());
      Await.until(Duration.ofSeconds(60), "the records stamped now to be emitted", () -> {
        reader.pollNext(output);
        return output.records.size() == 20;
      });
      assertThat((Long) metrics.gaugeValue("currentFetchEventTimeLag")).as("records stamped when produced")
          .isBetween(0L, FETCH_LAG_BOUND_MILLIS);
    }
  }

  @Test
  void fetchEventTimeLagIgnoresRecordsWithoutTimestampOrFetchTimeAndReadsAFutureTimestampAsNoLag() {
    RecordingMetricGroup group = new RecordingMetricGroup();
    KafkaSourceReaderMetrics metrics = new KafkaSourceReaderMetrics(group, false);
    metrics.recordEmitted(1_000);
    assertThat(group.gaugeValue("currentFetchEventTimeLag")).as("no fetch time yet").isEqualTo(-1L);
    metrics.recordBatchFetchTime(5_000);
    metrics.recordEmitted(1_000);
    assertThat(group.gaugeValue("currentFetchEventTimeLag")).isEqualTo(4_000L);
    metrics.recordEmitted(-1);
    assertThat(group.gaugeValue("currentFetchEventTimeLag")).as("a record without timestamp").isEqualTo(4_000L);
    metrics.recordEmitted(7_000);
    assertThat(group.gaugeValue("currentFetchEventTimeLag")).as("a timestamp after the fetch").isEqualTo(0L);
    metrics.recordBatchFetchTime(Long.MIN_VALUE);
    metrics.recordEmitted(1_000);
    assertThat(group.gaugeValue("currentFetchEventTimeLag")).as("a batch of unknown fetch time").isEqualTo(0L);
  }

  /**
   * Waits until {@code pendingRecords} equals the records of {@code topic}'s {@code partitions}
   * partitions ({@code total}) behind the consumer's positions, which its {@code records-lead} (the
   * position minus the partition's first offset, 0 here) tells, once the positions' sum has passed
   * {@code after}; returns that sum.
   */
  private static long awaitPendingRecordsBehind(RecordingMetricGroup metrics, String topic, int partitions,
      long total, long after) {
    long[] positions = {-1};
    Await.until(Duration.ofSeconds(60), () -> "pendingRecords to be the records behind the positions " + positions[0]
        + "; pendingRecords " + metrics.gaugeValue("pendingRecords"), () -> {
      long sum = 0;
      for (int p = 0; p < partitions; p++) {
        sum += consumerGauge(metrics, topic, p, "records-lead");
      }
      positions[0] = sum;
      return sum > after && metrics.gaugeValue("pendingRecords") instanceof Long pending && pending == total - sum;
    });
    return positions[0];
  }

  /** The consumer's per-partition metric {@code name} as mirrored by the reader, or -1 before the consumer has it. */
  private static long consumerGauge(RecordingMetricGroup metrics, String topic, int partition, String name) {
    Object value = metrics.gaugeValue("KafkaSourceReader.KafkaConsumer.topic." + topic + ".partition." + partition + "." + name);
    return value instanceof Double d && !d.isNaN() ? d.longValue() : -1;
  }

  private static void readToTheEnd(SourceReader<String, KafkaPartitionSplit> reader, CollectingOutput output) {
    Await.until(Duration.ofSeconds(60), "the reader to reach the end of its splits",
        () -> reader.pollNext(output) == InputStatus.END_OF_INPUT);
  }

  /** A reader context with the given metric group. */
  private record Context(RecordingMetricGroup metricGroup) implements SourceReaderContext {
    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public int currentParallelism() {
      return 1;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent event) {}
  }

  /** Keeps the records emitted. */
  private static final class CollectingOutput implements ReaderOutput<String> {
    final List<String> records = new ArrayList<>();

    @Override
    public void collect(String record) {
      records.add(record);
    }

    @Override
    public void collect(String record, long timestamp) {
      records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<String> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
