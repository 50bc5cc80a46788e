package io.spate.connectors.kafka.sink;

import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.metrics.RecordingMetricGroup;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The writer mirrors its producer's metrics under {@code KafkaProducer}, unless turned off. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSinkMetricsTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  private static KafkaSink<String> sink(String topic, String registerMetrics) {
    KafkaSinkBuilder<String> builder = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic(topic)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
    if (registerMetrics != null) {
      builder.setProperty("register.producer.metrics", registerMetrics);
    }
    return builder.build();
  }

  private static WriterInitContext context(RecordingMetricGroup group) {
    TestWriterContext plain = new TestWriterContext(0, 1);
    return new WriterInitContext() {
      @Override
      public int getSubtaskId() {
        return plain.getSubtaskId();
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return plain.getNumberOfParallelSubtasks();
      }

      @Override
      public int getAttemptNumber() {
        return 0;
      }

      @Override
      public SinkWriterMetricGroup metricGroup() {
        return group;
      }
    };
  }

  @Test
  void producerMetricsCountTheRecordsSent() throws Exception {
    broker.createTopic("sink-metrics", 1);
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    try (KafkaWriter<String> writer = (KafkaWriter<String>) sink("sink-metrics", null).createWriter(context(metrics))) {
      for (int i = 0; i < 25; i++) {
        writer.write("r" + i, TestWriterContext.NO_TIME);
      }
      writer.flush(false);
    }
    assertThat(metrics.paths()).contains("KafkaProducer.record-send-rate", "KafkaProducer.request-latency-avg");
    assertThat(metrics.gaugeValue("KafkaProducer.record-send-total")).isEqualTo(25.0);
    assertThat(metrics.gaugeValue("KafkaProducer.topic.sink-metrics.record-send-total"))
        .as("per-topic metrics appear after the first send and are mirrored at the flush").isEqualTo(25.0);
  }

  @Test
  void producerMetricsAreLeftOutWhenTurnedOff() throws Exception {
    broker.createTopic("sink-metrics-off", 1);
    RecordingMetricGroup metrics = new RecordingMetricGroup();
    try (KafkaWriter<String> writer =
        (KafkaWriter<String>) sink("sink-metrics-off", "false").createWriter(context(metrics))) {
      writer.write("r", TestWriterContext.NO_TIME);
      writer.flush(false);
    }
    assertThat(metrics.paths()).noneMatch(path -> path.startsWith("KafkaProducer"));
  }
}
