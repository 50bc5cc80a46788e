package io.spate.connectors.kafka.source;

import static io.spate.connectors.kafka.source.KafkaSourceTestJobs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.AbstractDeserializationSchema;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How records become a KafkaSource's records, and how a source fails at start: a schema's null skips
 * a record, a failing schema fails the job naming topic, partition and offset, a record deserializer
 * sees key, headers and position, and a missing topic or an unreachable broker is named.
 */
@Timeout(120)
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSourceDeserializationTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
    broker.createTopic("numbers-text", 1);
    broker.produce(List.of(
        record("numbers-text", 0, "1", 1), record("numbers-text", 0, "2", 2), record("numbers-text", 0, "x", 3),
        record("numbers-text", 0, "4", 4)));
  }

  /** Reads numbers; a line that is not one is skipped (null) if lenient, else fails. */
  static final class NumberSchema extends AbstractDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private final boolean lenient;

    NumberSchema(boolean lenient) {
      super(String.class);
      this.lenient = lenient;
    }

    @Override
    public String deserialize(byte[] message) {
      String text = new String(message, StandardCharsets.UTF_8);
      try {
        return Integer.toString(Integer.parseInt(text) * 10);
      } catch (NumberFormatException e) {
        if (lenient) {
          return null;
        }
        throw e;
      }
    }
  }

  private static KafkaSourceBuilder<String> numbers() {
    return KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics("numbers-text")
        .setBounded(OffsetsInitializer.latest());
  }

  @Test
  void aNullFromTheSchemaSkipsTheRecord() throws Exception {
    assertThat(KafkaSourceTestJobs.readAll(numbers().setValueOnlyDeserializer(new NumberSchema(true)).build(), 1))
        .containsExactly("10", "20", "40");
  }

  @Test
  void aSchemaThatFailsFailsTheJobNamingTopicPartitionAndOffset() {
    assertThatThrownBy(() -> KafkaSourceTestJobs.readAll(
        numbers().setValueOnlyDeserializer(new NumberSchema(false)).build(), 1))
        .satisfies(e -> assertThat(KafkaSourceTestJobs.messages(e))
            .contains("cannot deserialize the record at topic numbers-text, partition 0, offset 2")
            .contains("NumberFormatException").contains("\"x\""));
  }

  @Test
  void aRecordDeserializerSeesKeyHeadersAndPosition() throws Exception {
    broker.createTopic("keyed", 2);
    ProducerRecord<byte[], byte[]> keyed = new ProducerRecord<>("keyed", 1, 42L,
        "k1".getBytes(StandardCharsets.UTF_8), "v1".getBytes(StandardCharsets.UTF_8));
    keyed.headers().add("origin", "test".getBytes(StandardCharsets.UTF_8));
    broker.produce(List.of(keyed));
    KafkaRecordDeserializationSchema<String> describe = new KafkaRecordDeserializationSchema<>() {
      @Override
      public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<String> out) {
        out.collect(new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8)
            + " " + new String(r.headers().lastHeader("origin").value(), StandardCharsets.UTF_8)
            + " " + r.topic() + "/" + r.partition() + "@" + r.offset() + " t" + r.timestamp());
        out.collect("second record of the same Kafka record");
      }

      @Override
      public TypeInformation<String> getProducedType() {
        return Types.STRING;
      }
    };
    List<String> records = KafkaSourceTestJobs.readAll(KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers()).setTopics("keyed").setBounded(OffsetsInitializer.latest())
        .setDeserializer(describe).build(), 2);
    assertThat(records).containsExactly("k1=v1 test keyed/1@0 t42", "second record of the same Kafka record");
  }

  @Test
  void aKafkaDeserializerClassReadsValues() throws Exception {
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers()).setTopics("numbers-text").setBounded(OffsetsInitializer.latest())
        .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(StringDeserializer.class))
        .build();
    assertThat(source.getProducedType()).isEqualTo(Types.STRING);
    assertThat(KafkaSourceTestJobs.readAll(source, 1)).containsExactly("1", "2", "x", "4");
  }

  @Test
  void aTopicThatDoesNotExistFailsTheJobNamingIt() {
    assertThatThrownBy(() -> KafkaSourceTestJobs.readAll(KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers()).setTopics("numbers-text", "no-such-topic")
        .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build(), 1))
        .satisfies(e -> assertThat(KafkaSourceTestJobs.messages(e))
            .contains("a topic does not exist on the brokers at " + broker.bootstrapServers())
            .contains("describing topics [numbers-text, no-such-topic]"));
  }

  @Test
  void anUnreachableBrokerFailsTheJobNamingTheServersAfterTheApiTimeout() {
    assertThatThrownBy(() -> KafkaSourceTestJobs.readAll(KafkaSource.<String>builder()
        .setBootstrapServers("127.0.0.1:1").setTopics("t")
        .setProperty("default.api.timeout.ms", "1500")
        .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build(), 1))
        .satisfies(e -> assertThat(KafkaSourceTestJobs.messages(e))
            .contains("no answer from the brokers at 127.0.0.1:1 within 1500 ms (default.api.timeout.ms)"));
  }

  @Test
  void theBoundedReadOfTheDocsReadsKeyedRecordsOfMatchingTopicsBetweenTwoTimes() throws Exception {
    for (String topic : List.of("clicks-eu", "clicks-us")) {
      broker.createTopic(topic, 1);
      List<ProducerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        records.add(new ProducerRecord<>(topic, 0, 1_000L * i, i == 2 ? null : ("u" + i).getBytes(StandardCharsets.UTF_8),
            ("v" + i).getBytes(StandardCharsets.UTF_8)));
      }
      broker.produce(records);
    }
    io.spate.api.datastream.StreamExecutionEnvironment env =
        io.spate.api.datastream.StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> read = KafkaSourceDocSnippets.yesterday(env, broker.bootstrapServers(), 1_000, 4_000)
        .executeAndCollect(100);
    assertThat(read).containsExactlyInAnyOrder("u1=v1@0/1", "u3=v3@0/3", "u1=v1@0/1", "u3=v3@0/3");
  }
}
