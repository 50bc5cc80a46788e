package io.spate.connectors.kafka.source;

import static io.spate.connectors.kafka.source.KafkaSourceTestJobs.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumerator;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unbounded KafkaSource in running jobs: offsets committed to the group when checkpoints complete
 * (and only then), partitions added while the job runs read from their earliest record, and event
 * time that idle partitions and a subtask without partitions do not hold back.
 */
@Timeout(180)
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSourceStreamingTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  private static List<ProducerRecord<byte[], byte[]>> values(String topic, int partition, String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> record(topic, partition, prefix + i, i)).toList();
  }

  private static List<String> names(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  private static Map<TopicPartition, Long> committed(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        broker.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> result = new java.util.HashMap<>();
    offsets.forEach((p, o) -> result.put(p, o.offset()));
    return result;
  }

  private static JobClient start(StreamExecutionEnvironment env, KafkaSource<String> source, String runId)
      throws Exception {
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .sinkTo(new KafkaSourceTestJobs.KeepingSink(runId));
    return env.executeAsync(runId);
  }

  @Test
  void completedCheckpointsCommitTheirOffsetsToTheGroup() throws Exception {
    String topic = "committing";
    broker.createTopic(topic, 2);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values(topic, 0, "a", 30));
    records.addAll(values(topic, 1, "b", 20));
    broker.produce(records);
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    JobClient job = start(env, KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
        .setTopics(topic).setGroupId("monitor").setValueOnlyDeserializer(new SimpleStringSchema()).build(), "monitor");
    try {
      Await.untilMatches(Duration.ofSeconds(60), "the group's committed offsets at the partitions' ends",
          () -> committed("monitor"),
          offsets -> offsets.equals(Map.of(new TopicPartition(topic, 0), 30L, new TopicPartition(topic, 1), 20L)));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void withoutCheckpointsNothingIsCommitted() throws Exception {
    String topic = "not-committing";
    broker.createTopic(topic, 1);
    broker.produce(values(topic, 0, "c", 10));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    JobClient job = start(env, KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
        .setTopics(topic).setGroupId("unchecked").setValueOnlyDeserializer(new SimpleStringSchema()).build(),
        "unchecked");
    try {
      Await.untilPasses(Duration.ofSeconds(60), "every record read",
          () -> assertThat(KafkaSourceTestJobs.kept("unchecked")).hasSize(10));
      assertThat(committed("unchecked")).isEmpty();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aPartitionAddedWhileTheJobRunsIsReadFromItsEarliestRecord() throws Exception {
    String topic = "growing";
    broker.createTopic(topic, 1);
    broker.produce(values(topic, 0, "first-", 3));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    JobClient job = start(env, KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
        .setTopics(topic).setStartingOffsets(OffsetsInitializer.latest())
        .setProperty("partition.discovery.interval.ms", "1000")
        .setValueOnlyDeserializer(new SimpleStringSchema()).build(), "growing");
    try {
      // Latest for the partitions found at the start: ticks go out until one is read.
      int[] ticks = {0};
      Await.until(Duration.ofSeconds(60), "a tick read from the first partition", () -> {
        broker.produce(List.of(record(topic, 0, "tick-" + ticks[0]++, 0)));
        return !KafkaSourceTestJobs.kept("growing").isEmpty();
      });
      broker.addPartitions(topic, 2);
      // Written before the next discovery, most likely: read only if the new partition starts at its earliest.
      broker.produce(values(topic, 1, "second-", 5));
      Await.untilPasses(Duration.ofSeconds(60), "the records of the new partition read",
          () -> assertThat(KafkaSourceTestJobs.kept("growing")).containsAll(names("second-", 5)));
      assertThat(KafkaSourceTestJobs.kept("growing")).doesNotContainAnyElementsOf(names("first-", 3))
          .doesNotHaveDuplicates();
    } finally {
      job.cancel().get();
    }
  }

  /** Emits "start-end: n" for each window. */
  static final class CountPerWindow extends ProcessWindowFunction<String, String, Integer, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Integer key, Context context, Iterable<String> elements, Collector<String> out) {
      int count = 0;
      for (String ignored : elements) {
        count++;
      }
      out.collect(context.window().getStart() + "-" + context.window().getEnd() + ": " + count);
    }
  }

  @Test
  void idlePartitionsAndASubtaskWithoutPartitionsDoNotStallEventTime() throws Exception {
    String topic = "events";
    broker.createTopic(topic, 2);
    assertThat(IntStream.range(0, 2).map(p -> KafkaSourceEnumerator.ownerOf(new TopicPartition(topic, p), 3)).distinct().count())
        .as("the two partitions go to two of the three subtasks; the third has none").isEqualTo(2);
    // Partition 1 has one early record and then stays quiet; partition 0 moves on past the window.
    // The idleness timeout leaves a loaded machine time to read partition 1's record before it turns idle.
    broker.produce(List.of(record(topic, 1, "p1-50", 50), record(topic, 0, "p0-100", 100),
        record(topic, 0, "p0-300", 300), record(topic, 0, "p0-1500", 1_500)));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(3);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(50));
    env.fromSource(KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
                .setTopics(topic).setValueOnlyDeserializer(new SimpleStringSchema()).build(),
            WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofSeconds(3)), "kafka")
        .keyBy(v -> 0, Types.INT)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .process(new CountPerWindow()).returns(Types.STRING)
        .sinkTo(new KafkaSourceTestJobs.KeepingSink("events"));
    JobClient job = env.executeAsync("events");
    try {
      Await.untilPasses(Duration.ofSeconds(60), "the first window fired",
          () -> assertThat(KafkaSourceTestJobs.kept("events")).containsExactly("0-1000: 3"));
    } finally {
      job.cancel().get();
    }
  }
}
