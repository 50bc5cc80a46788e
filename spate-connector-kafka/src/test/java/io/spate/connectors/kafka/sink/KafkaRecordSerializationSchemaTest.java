package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.metrics.MetricGroup;
import io.spate.api.connector.NoOpMetricGroup;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.util.UserCodeClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What the built record serialization schema makes of a record, and how its builder refuses misuse. */
class KafkaRecordSerializationSchemaTest {

  /** Sink instance {@code subtask} of {@code parallelism}; every topic has {@code partitions} partitions. */
  private record Context(int subtask, int parallelism, int partitions)
      implements KafkaRecordSerializationSchema.KafkaSinkContext {
    @Override
    public int getParallelInstanceId() {
      return subtask;
    }

    @Override
    public int getNumberOfParallelInstances() {
      return parallelism;
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
      return IntStream.range(0, partitions).toArray();
    }
  }

  private static final SerializationSchema.InitializationContext INIT = new SerializationSchema.InitializationContext() {
    @Override
    public MetricGroup getMetricGroup() {
      return new NoOpMetricGroup();
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return new UserCodeClassLoader() {
        @Override
        public ClassLoader asClassLoader() {
          return getClass().getClassLoader();
        }

        @Override
        public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {}
      };
    }
  };

  private static <T> ProducerRecord<byte[], byte[]> serialize(KafkaRecordSerializationSchema<T> schema, T element,
      Context context, Long timestamp) throws Exception {
    schema.open(INIT, context);
    return schema.serialize(element, context, timestamp);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aTopicAndValueSchemaGiveRecordsWithoutKeyOrPartitionAndWithTheStreamTimestamp() throws Exception {
    KafkaRecordSerializationSchema<String> schema = KafkaRecordSerializationSchema.builder()
        .setTopic("events")
        .setValueSerializationSchema(new SimpleStringSchema())
        .build();
    ProducerRecord<byte[], byte[]> record = serialize(schema, "hello", new Context(0, 1, 3), 42L);
    assertThat(record.topic()).isEqualTo("events");
    assertThat(text(record.value())).isEqualTo("hello");
    assertThat(record.key()).isNull();
    assertThat(record.partition()).isNull();
    assertThat(record.timestamp()).isEqualTo(42L);
    assertThat(serialize(schema, "x", new Context(0, 1, 3), null).timestamp()).as("no timestamp").isNull();
    assertThat(serialize(schema, "x", new Context(0, 1, 3), -5L).timestamp()).as("negative").isNull();
  }

  @Test
  void keysTopicsPartitionsAndHeadersComeFromTheirSettings() throws Exception {
    KafkaRecordSerializationSchema<String> schema = KafkaRecordSerializationSchema.<String>builder()
        .setTopicSelector(value -> "topic-" + value.charAt(0))
        .setKafkaKeySerializer(StringSerializer.class)
        .setValueSerializationSchema(new SimpleStringSchema())
        .setPartitioner(new FlinkFixedPartitioner<>())
        .setHeaderProvider(value -> new RecordHeaders().add("length", new byte[] {(byte) value.length()}))
        .build();
    ProducerRecord<byte[], byte[]> record = serialize(schema, "abc", new Context(5, 6, 4), 7L);
    assertThat(record.topic()).isEqualTo("topic-a");
    assertThat(text(record.key())).isEqualTo("abc");
    assertThat(record.partition()).as("instance 5 of 6 on 4 partitions").isEqualTo(1);
    assertThat(record.headers().lastHeader("length").value()).containsExactly(3);
  }

  @Test
  void theFixedPartitionerGivesEachInstanceOnePartition() {
    int[] partitions = {10, 11, 12};
    for (int instance = 0; instance < 5; instance++) {
      FlinkFixedPartitioner<String> partitioner = new FlinkFixedPartitioner<>();
      partitioner.open(instance, 5);
      assertThat(partitioner.partition("any", null, new byte[0], "t", partitions))
          .isEqualTo(partitions[instance % 3]);
    }
    assertThatThrownBy(() -> new FlinkFixedPartitioner<String>().partition("r", null, null, "t", partitions))
        .hasMessageContaining("before open()");
  }

  @Test
  void aSelectorThatGivesNoTopicFailsNamingTheRecord() throws Exception {
    KafkaRecordSerializationSchema<String> schema = KafkaRecordSerializationSchema.<String>builder()
        .setTopicSelector(value -> null)
        .setValueSerializationSchema(new SimpleStringSchema())
        .build();
    assertThatThrownBy(() -> serialize(schema, "orphan", new Context(0, 1, 1), null))
        .hasMessageContaining("topic selector gave null for record orphan");
  }

  @Test
  void theBuilderRefusesMissingAndDoubleSettings() {
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder()
        .setValueSerializationSchema(new SimpleStringSchema()).build())
        .hasMessageContaining("no topic; call setTopic or setTopicSelector");
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.builder().setTopic("t").build())
        .hasMessageContaining("no value serializer");
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder().setTopic("t").setTopicSelector(v -> "u"))
        .hasMessageContaining("the topic is set already");
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder()
        .setKeySerializationSchema(new SimpleStringSchema()).setKafkaKeySerializer(StringSerializer.class))
        .hasMessageContaining("the key serializer is set already");
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.builder().setTopic(" "))
        .hasMessageContaining("must not be null or blank");
  }
}
