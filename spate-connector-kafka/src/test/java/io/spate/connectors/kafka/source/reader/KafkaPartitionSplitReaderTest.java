package io.spate.connectors.kafka.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.base.RecordsBySplits;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The split reader on its fetcher thread, driven directly against a real broker. */
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaPartitionSplitReaderTest {

  /** Longer than the readers' default: on a loaded machine a commit's answer may take more than five seconds. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
    broker.createTopic("reader-commits", 1);
    broker.createTopic("reader-close", 1);
    broker.produce(IntStream.range(0, 10)
        .mapToObj(i -> new ProducerRecord<byte[], byte[]>("reader-commits", 0, null,
            Integer.toString(i).getBytes(StandardCharsets.UTF_8)))
        .toList());
    broker.produce(IntStream.range(0, 10)
        .mapToObj(i -> new ProducerRecord<byte[], byte[]>("reader-close", 0, null,
            Integer.toString(i).getBytes(StandardCharsets.UTF_8)))
        .toList());
  }

  private static Properties consumerProperties(String groupId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  /** Fetches until {@code count} records of the reader's one split came; returns how many came. */
  private static int readRecords(KafkaPartitionSplitReader reader, int count) {
    int[] read = {0};
    Await.until(Duration.ofSeconds(60), count + " records to be fetched", () -> {
      RecordsBySplits<ConsumerRecord<byte[], byte[]>> batch = reader.fetch();
      while (batch.nextSplit() != null) {
        while (batch.nextElementFromSplit() != null) {
          read[0]++;
        }
      }
      return read[0] >= count;
    });
    return read[0];
  }

  /**
   * At the end of the data the consumer has a fetch out that the broker holds for {@code
   * fetch.max.wait.ms}; kafka-clients 4 closes its fetch sessions in {@code close} and waits for the
   * answer, which the broker sends only after the held fetch. The reader's close must not wait for
   * it: with a minute's hold, a close that waited would take its whole five-second timeout.
   */
  @Test
  void closeDoesNotWaitForTheFetchTheBrokerHoldsAtTheEndOfTheData() {
    Properties props = consumerProperties("reader-close-group");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "60000");
    KafkaPartitionSplitReader reader = new KafkaPartitionSplitReader(props, 0, CLOSE_TIMEOUT);
    long closeNanos;
    try {
      reader.addSplits(List.of(new KafkaPartitionSplit(new TopicPartition("reader-close", 0), 0)));
      assertThat(readRecords(reader, 10)).isEqualTo(10);
      // A poll that finds nothing: the fetch it waits for is the one the broker holds.
      assertThat(reader.fetch().nextSplit()).isNull();
    } finally {
      long start = System.nanoTime();
      reader.close();
      closeNanos = System.nanoTime() - start;
    }
    assertThat(Duration.ofNanos(closeNanos)).isLessThan(Duration.ofSeconds(5));
  }

  /** Close still waits for the answers to commits already sent, so the last checkpoint's offsets are committed. */
  @Test
  void closeWaitsForTheAnswerToACommitAlreadySent() {
    TopicPartition partition = new TopicPartition("reader-close", 0);
    KafkaPartitionSplitReader reader = new KafkaPartitionSplitReader(consumerProperties("reader-close-commits"), 0, CLOSE_TIMEOUT);
    try {
      reader.addSplits(List.of(new KafkaPartitionSplit(partition, 0)));
      // A first commit that succeeds, so that the consumer knows the group's coordinator.
      Await.until(Duration.ofSeconds(60), "a first commit to succeed", () -> {
        reader.commitOffsets(Map.of(partition, 1L));
        reader.fetch();
        return Long.valueOf(1).equals(reader.committedOffsets().get(partition));
      });
      reader.commitOffsets(Map.of(partition, 7L));
      // Sends the commit; the wake-up that the hand-over asked for ends this fetch's poll at once.
      reader.fetch();
    } finally {
      reader.close();
    }
    assertThat(reader.committedOffsets()).containsEntry(partition, 7L);
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
    KafkaPartitionSplitReader reader = new KafkaPartitionSplitReader(props, 0, CLOSE_TIMEOUT);
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
