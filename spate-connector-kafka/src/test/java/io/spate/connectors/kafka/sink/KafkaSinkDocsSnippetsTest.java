package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The code of the KafkaSink part of docs/connectors/kafka.md, compiled, and what its schema makes of a record. */
class KafkaSinkDocsSnippetsTest {

  static void writeEvents(DataStream<String> events, String brokers) {
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(brokers)
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic("events")
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("events-job")
        .setProperty("transaction.timeout.ms", "900000")
        .build();
    events.sinkTo(sink);
  }

  static void createTopicBeforeTheJob(Admin admin) throws Exception {
    admin.createTopics(List.of(new NewTopic("events", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    KafkaTopics.awaitLeaders(admin, "events", 3, Duration.ofSeconds(30));
  }

  record Order(String customer, String region, long amount) {}

  static KafkaRecordSerializationSchema<Order> orders() {
    return KafkaRecordSerializationSchema.<Order>builder()
        .setTopicSelector(order -> "orders-" + order.region())
        .setKeySerializationSchema((Order order) -> order.customer().getBytes(StandardCharsets.UTF_8))
        .setValueSerializationSchema((Order order) -> Long.toString(order.amount()).getBytes(StandardCharsets.UTF_8))
        .setPartitioner(new FlinkFixedPartitioner<>())
        .setHeaderProvider(order -> new RecordHeaders().add("region", order.region().getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  @Test
  void theOrdersSchemaWritesEachOrderToItsRegionsTopicKeyedByCustomer() {
    KafkaRecordSerializationSchema<Order> schema = orders();
    KafkaRecordSerializationSchema.KafkaSinkContext context = new KafkaRecordSerializationSchema.KafkaSinkContext() {
      @Override
      public int getParallelInstanceId() {
        return 1;
      }

      @Override
      public int getNumberOfParallelInstances() {
        return 2;
      }

      @Override
      public int[] getPartitionsForTopic(String topic) {
        return new int[] {0, 1, 2};
      }
    };
    try {
      schema.open(null, context); // the schemas of this page need nothing from the initialization context
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    ProducerRecord<byte[], byte[]> record = schema.serialize(new Order("ada", "eu", 12), context, null);
    assertThat(record.topic()).isEqualTo("orders-eu");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ada");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("12");
    assertThat(record.partition()).isEqualTo(1);
    assertThat(record.headers().lastHeader("region").value()).isEqualTo("eu".getBytes(StandardCharsets.UTF_8));
  }
}
