package io.spate.connectors.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test broker is a working Kafka: what is produced to a topic reads back in partition order. */
class KafkaTestBrokerTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
  }

  @Test
  void recordsWrittenToATopicReadBackInPartitionOrder() {
    broker.createTopic("fixture", 2);
    List<ProducerRecord<byte[], byte[]>> records = IntStream.range(0, 100)
        .mapToObj(i -> new ProducerRecord<byte[], byte[]>("fixture", i % 2, null,
            Integer.toString(i).getBytes(StandardCharsets.UTF_8)))
        .toList();
    broker.produce(records);
    List<ConsumerRecord<byte[], byte[]>> read = broker.readAll("fixture", "read_committed");
    assertThat(read).hasSize(100);
    for (int partition = 0; partition < 2; partition++) {
      int p = partition;
      List<Integer> values = read.stream().filter(r -> r.partition() == p)
          .map(r -> Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8))).toList();
      assertThat(values).isSorted().allMatch(v -> v % 2 == p).hasSize(50);
    }
  }
}
