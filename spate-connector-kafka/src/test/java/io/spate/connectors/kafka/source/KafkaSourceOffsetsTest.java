package io.spate.connectors.kafka.source;

import static io.spate.connectors.kafka.source.KafkaSourceTestJobs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@link OffsetsInitializer} as starting and as stopping offsets of a bounded source, against
 * a real broker: a topic of two partitions holds ten records each, "p-o" at offset o of partition p
 * with timestamp 10 000 + 1 000 o, and group "committed" has committed offset 3 on partition 0 and
 * 7 on partition 1.
 */
@Timeout(120)
@SuppressWarnings("deprecation") // OffsetResetStrategy, the client's public reset type
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSourceOffsetsTest {

  private static final String TOPIC = "offsets";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) throws Exception {
    broker = shared;
    broker.createTopic(TOPIC, 2);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      for (int o = 0; o < 10; o++) {
        records.add(record(TOPIC, p, p + "-" + o, 10_000 + 1_000L * o));
      }
    }
    broker.produce(records);
    broker.admin().alterConsumerGroupOffsets("committed",
        Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(7))).all().get();
  }

  private static KafkaSourceBuilder<String> source() {
    return KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(TOPIC)
        .setValueOnlyDeserializer(new SimpleStringSchema());
  }

  /** The records p-o for each partition p and o in [from, to). */
  private static List<String> expected(int from0, int to0, int from1, int to1) {
    List<String> records = new ArrayList<>();
    for (int o = from0; o < to0; o++) {
      records.add("0-" + o);
    }
    for (int o = from1; o < to1; o++) {
      records.add("1-" + o);
    }
    return records;
  }

  private static List<String> read(KafkaSourceBuilder<String> builder) throws Exception {
    return KafkaSourceTestJobs.readAll(builder.build(), 2);
  }

  @Test
  void earliestStartsAtTheFirstRecordAndLatestStopsAtTheEndAsOfTheStart() throws Exception {
    assertThat(read(source().setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())))
        .containsExactlyInAnyOrderElementsOf(expected(0, 10, 0, 10));
  }

  @Test
  void earliestAsStoppingOffsetsReadsNothing() throws Exception {
    assertThat(read(source().setBounded(OffsetsInitializer.earliest()))).isEmpty();
  }

  @Test
  void timestampStartsAtTheFirstRecordAtOrAfterIt() throws Exception {
    assertThat(read(source().setStartingOffsets(OffsetsInitializer.timestamp(13_500)).setBounded(OffsetsInitializer.latest())))
        .containsExactlyInAnyOrderElementsOf(expected(4, 10, 4, 10));
  }

  @Test
  void timestampStopsBeforeTheFirstRecordAtOrAfterIt() throws Exception {
    assertThat(read(source().setBounded(OffsetsInitializer.timestamp(16_000))))
        .containsExactlyInAnyOrderElementsOf(expected(0, 6, 0, 6));
  }

  @Test
  void aTimestampAfterEveryRecordStartsAtTheEnd() throws Exception {
    assertThat(read(source().setStartingOffsets(OffsetsInitializer.timestamp(99_000)).setBounded(OffsetsInitializer.latest())))
        .isEmpty();
  }

  @Test
  void committedOffsetsStartWhereTheGroupCommitted() throws Exception {
    assertThat(read(source().setGroupId("committed").setProperty("commit.offsets.on.checkpoint", "false")
        .setStartingOffsets(OffsetsInitializer.committedOffsets()).setBounded(OffsetsInitializer.latest())))
        .containsExactlyInAnyOrderElementsOf(expected(3, 10, 7, 10));
  }

  @Test
  void committedOffsetsStopWhereTheGroupCommitted() throws Exception {
    assertThat(read(source().setGroupId("committed").setProperty("commit.offsets.on.checkpoint", "false")
        .setBounded(OffsetsInitializer.committedOffsets())))
        .containsExactlyInAnyOrderElementsOf(expected(0, 3, 0, 7));
  }

  @Test
  void aGroupWithoutCommittedOffsetsFallsBackToTheResetStrategy() throws Exception {
    assertThat(read(source().setGroupId("never-committed")
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
        .setBounded(OffsetsInitializer.latest()))).isEmpty();
    assertThat(read(source().setGroupId("never-committed")
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setBounded(OffsetsInitializer.latest())))
        .containsExactlyInAnyOrderElementsOf(expected(0, 10, 0, 10));
  }

  @Test
  void aGroupWithoutCommittedOffsetsAndNoResetStrategyFailsTheJobNamingThePartitions() {
    assertThatThrownBy(() -> read(source().setGroupId("never-committed")
        .setStartingOffsets(OffsetsInitializer.committedOffsets()).setBounded(OffsetsInitializer.latest())))
        .satisfies(e -> assertThat(KafkaSourceTestJobs.messages(e))
            .contains("no committed offset", "[offsets-0, offsets-1]", "NONE"));
  }

  @Test
  void givenOffsetsStartThereAndMissingPartitionsStartAtTheEarliest() throws Exception {
    assertThat(read(source().setStartingOffsets(OffsetsInitializer.offsets(Map.of(P0, 5L)))
        .setBounded(OffsetsInitializer.latest())))
        .containsExactlyInAnyOrderElementsOf(expected(5, 10, 0, 10));
  }

  @Test
  void givenOffsetsStopThere() throws Exception {
    assertThat(read(source().setBounded(OffsetsInitializer.offsets(Map.of(P0, 2L, P1, 4L)))))
        .containsExactlyInAnyOrderElementsOf(expected(0, 2, 0, 4));
  }

  @Test
  void givenOffsetsCanBoundOnePartitionOfASetOfPartitions() throws Exception {
    List<String> records = KafkaSourceTestJobs.readAll(KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setPartitions(java.util.Set.of(P1))
        .setStartingOffsets(OffsetsInitializer.offsets(Map.of(P1, 8L)))
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build(), 3);
    assertThat(records).containsExactly("1-8", "1-9");
  }

  @Test
  void latestStartsAfterTheRecordsThatExistedWhenTheSourceStarted() throws Exception {
    String topic = "latest";
    broker.createTopic(topic, 2);
    broker.produce(List.of(record(topic, 0, "old-0", 1), record(topic, 1, "old-1", 1)));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSource(KafkaSource.<String>builder()
            .setBootstrapServers(broker.bootstrapServers())
            .setTopics(topic)
            .setStartingOffsets(OffsetsInitializer.latest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build(), WatermarkStrategy.noWatermarks(), "kafka")
        .sinkTo(new KafkaSourceTestJobs.KeepingSink("latest"));
    JobClient job = env.executeAsync("latest");
    try {
      // The source's start is not observable from outside: ticks go out until one comes through.
      int[] ticks = {0};
      Await.until(Duration.ofSeconds(30), "a tick record read by the job", () -> {
        int tick = ticks[0]++;
        broker.produce(List.of(record(topic, tick % 2, "tick-" + tick, 2)));
        return !KafkaSourceTestJobs.kept("latest").isEmpty();
      });
      List<ProducerRecord<byte[], byte[]>> after = new ArrayList<>();
      List<String> afterValues = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        after.add(record(topic, i % 2, "new-" + i, 3));
        afterValues.add("new-" + i);
      }
      broker.produce(after);
      Await.untilPasses(Duration.ofSeconds(30), "every record written after the start read",
          () -> assertThat(KafkaSourceTestJobs.kept("latest")).containsAll(afterValues));
      assertThat(KafkaSourceTestJobs.kept("latest"))
          .allMatch(r -> r.startsWith("tick-") || r.startsWith("new-"))
          .doesNotHaveDuplicates();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void offsetsOfTheResetStrategyNoneFailForPartitionsThatAreNotGiven() {
    Map<TopicPartition, Long> only0 = new HashMap<>(Map.of(P0, 1L));
    assertThatThrownBy(() -> read(source()
        .setStartingOffsets(OffsetsInitializer.offsets(only0, OffsetResetStrategy.NONE))
        .setBounded(OffsetsInitializer.latest())))
        .satisfies(e -> assertThat(KafkaSourceTestJobs.messages(e)).contains("no offset was given", "[offsets-1]"));
  }
}
