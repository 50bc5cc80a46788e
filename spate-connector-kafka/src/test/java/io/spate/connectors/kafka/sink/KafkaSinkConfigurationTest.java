package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.RestartStrategies;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Misconfigurations fail with a message that names them: at build() when they can, else at job start. */
class KafkaSinkConfigurationTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestBroker.start(Map.of("transaction.max.timeout.ms", "60000"));
    broker.createTopic("configured", 1);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static KafkaRecordSerializationSchema<String> toTopic(String topic) {
    return KafkaRecordSerializationSchema.builder().setTopic(topic)
        .setValueSerializationSchema(new SimpleStringSchema()).build();
  }

  @Test
  void exactlyOnceWithoutATransactionalIdPrefixFailsAtBuild() {
    assertThatThrownBy(() -> KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(toTopic("configured"))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EXACTLY_ONCE needs a transactional id prefix");
  }

  @Test
  void missingServersOrSerializerAndTheSinksOwnSettingsFailAtBuild() {
    assertThatThrownBy(() -> KafkaSink.<String>builder().setRecordSerializer(toTopic("t")).build())
        .hasMessageContaining("no bootstrap servers");
    assertThatThrownBy(() -> KafkaSink.<String>builder().setBootstrapServers("127.0.0.1:1").build())
        .hasMessageContaining("no record serializer");
    Properties props = new Properties();
    props.setProperty("transactional.id", "mine");
    assertThatThrownBy(() -> KafkaSink.<String>builder().setBootstrapServers("127.0.0.1:1")
        .setRecordSerializer(toTopic("t")).setKafkaProducerConfig(props).build())
        .hasMessageContaining("transactional.id is the sink's own");
    assertThatThrownBy(() -> KafkaSink.<String>builder().setBootstrapServers("127.0.0.1:1")
        .setRecordSerializer(toTopic("t")).setProperty("transaction.timeout.ms", "soon").build())
        .hasMessageContaining("transaction.timeout.ms must be a positive number of milliseconds, but is 'soon'");
  }

  @Test
  void aTransactionTimeoutAboveTheBrokersMaximumFailsAtStartNamingBoth() {
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(toTopic("configured"))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("too-long")
        .setProperty("transaction.timeout.ms", "120000")
        .build();
    assertThatThrownBy(() -> sink.createWriter(new TestWriterContext(0, 1)))
        .hasMessageContaining("transaction.timeout.ms=120000 is above the brokers' transaction.max.timeout.ms=60000");
  }

  @Test
  void anUnknownTopicFailsTheJobAtStartNamingIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.setRestartStrategy(RestartStrategies.noRestart());
    env.fromSequence(0, 9).map(String::valueOf).returns(Types.STRING)
        .sinkTo(KafkaSink.<String>builder()
            .setBootstrapServers(broker.bootstrapServers())
            .setRecordSerializer(toTopic("missing"))
            .build());
    assertThatThrownBy(() -> env.execute("unknown-topic"))
        .hasStackTraceContaining("KafkaSink: topic 'missing' does not exist on the brokers")
        .hasStackTraceContaining("auto.create.topics.enable=false");
  }

  @Test
  void exactlyOnceWithoutCheckpointingFailsTheJobAtStart() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.setRestartStrategy(RestartStrategies.noRestart());
    env.fromSequence(0, 9).map(String::valueOf).returns(Types.STRING)
        .sinkTo(KafkaSink.<String>builder()
            .setBootstrapServers(broker.bootstrapServers())
            .setRecordSerializer(toTopic("configured"))
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix("no-checkpoints")
            .build());
    assertThatThrownBy(() -> env.execute("exactly-once-without-checkpoints"))
        .hasStackTraceContaining("EXACTLY_ONCE commits its transactions when checkpoints complete, but the job takes"
            + " no checkpoints");
  }
}
