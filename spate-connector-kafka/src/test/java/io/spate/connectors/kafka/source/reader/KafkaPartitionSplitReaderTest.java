package io.spate.connectors.kafka.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The split reader on its fetcher thread, driven directly against a real broker. */
class KafkaPartitionSplitReaderTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
    broker.createTopic("reader-commits", 1);
    broker.produce(IntStream.range(0, 10)
        .mapToObj(i -> new ProducerRecord<byte[], byte[]>("reader-commits", 0, null,
            Integer.toString(i).getBytes(StandardCharsets.UTF_8)))
        .toList());
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  /**
   * Offsets handed over while no poll runs wake the consumer up; the wake-up then surfaces in the
   * next consumer call, which must not fail the fetch, and the offsets are committed after all.
   */
  @Test
  void offsetsHandedOverBetweenPollsAreCommittedWithoutFailingAFetch() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-commits-group");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    TopicPartition partition = new TopicPartition("reader-commits", 0);
    KafkaPartitionSplitReader reader = new KafkaPartitionSplitReader(props, 0);
    try {
      reader.addSplits(List.of(new KafkaPartitionSplit(partition, 0)));
      for (long offset = 1; offset <= 3; offset++) {
        long expected = offset;
        // As checkpoints do: the offsets again until a commit succeeds (the first may find no
        // coordinator yet), each hand-over waking the consumer while no poll runs.
        Await.until(Duration.ofSeconds(60), "offset " + offset + " to be committed", () -> {
          reader.wakeUp();
          reader.commitOffsets(Map.of(partition, expected));
          reader.fetch();
          reader.fetch();
          return Long.valueOf(expected).equals(reader.committedOffsets().get(partition));
        });
      }
    } finally {
      reader.close();
    }
  }
}
