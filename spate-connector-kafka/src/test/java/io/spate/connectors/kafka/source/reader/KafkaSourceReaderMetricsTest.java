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
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.KafkaSourceBuilder;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader's metrics, read back from its metric group while it reads a real broker: offsets per
 * partition, commits, and the consumer's own metrics under {@code KafkaSourceReader.KafkaConsumer}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaSourceReaderMetricsTest {

  private static final String TOPIC = "metrics-input";
  private static final int[] RECORDS_PER_PARTITION = {30, 20};
  private static KafkaTestBroker broker;

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
    broker.createTopic(TOPIC, RECORDS_PER_PARTITION.length);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int partition = 0; partition < RECORDS_PER_PARTITION.length; partition++) {
      int p = partition;
      IntStream.range(0, RECORDS_PER_PARTITION[partition]).forEach(i -> records.add(new ProducerRecord<>(
          TOPIC, p, null, ("p" + p + "-" + i).getBytes(StandardCharsets.UTF_8))));
    }
    broker.produce(records);
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  private static KafkaSourceBuilder<String> builder(String group) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(TOPIC)
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
