package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A job writes through the sink with each delivery guarantee: every record arrives once (no failure),
 * with its key, the partition the partitioner chose, its headers and its stream timestamp, in the
 * topic the selector chose.
 */
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSinkTest {

  private static final long RECORDS = 1_000;
  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  @ParameterizedTest
  @EnumSource(DeliveryGuarantee.class)
  void everyRecordArrivesOnceWithItsKeyPartitionHeadersAndTimestamp(DeliveryGuarantee guarantee) throws Exception {
    String even = guarantee.name().toLowerCase().replace('_', '-') + "-even";
    String odd = guarantee.name().toLowerCase().replace('_', '-') + "-odd";
    broker.createTopic(even, 4);
    broker.createTopic(odd, 4);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(100);
    KafkaSinkBuilder<Long> builder = KafkaSink.<Long>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<Long>builder()
            .setTopicSelector(value -> value % 2 == 0 ? even : odd)
            .setKeySerializationSchema((Long value) -> ("k" + value % 10).getBytes(StandardCharsets.UTF_8))
            .setValueSerializationSchema((Long value) -> Long.toString(value).getBytes(StandardCharsets.UTF_8))
            .setPartitioner(new FlinkFixedPartitioner<>())
            .setHeaderProvider(value -> new RecordHeaders().add("source", "test".getBytes(StandardCharsets.UTF_8)))
            .build())
        .setDeliveryGuarantee(guarantee);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      builder.setTransactionalIdPrefix("happy-" + guarantee);
    }
    env.fromSequence(0, RECORDS - 1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((value, previous) -> 1_000_000 + value))
        // Round robin to the two sink instances: a fast source reader can take every split of the sequence
        // before the other one starts, and then only one instance would get records.
        .rebalance()
        .sinkTo(builder.build());
    env.execute("happy-" + guarantee);

    List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>(broker.readAllCommitted(even));
    assertThat(records).allSatisfy(r -> assertThat(Long.parseLong(new String(r.value())) % 2).isZero());
    List<ConsumerRecord<byte[], byte[]>> odds = broker.readAllCommitted(odd);
    assertThat(odds).allSatisfy(r -> assertThat(Long.parseLong(new String(r.value())) % 2).isOne());
    records.addAll(odds);
    assertThat(records).extracting(r -> Long.parseLong(new String(r.value(), StandardCharsets.UTF_8)))
        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, RECORDS).boxed().toList());
    assertThat(records).allSatisfy(r -> {
      long value = Long.parseLong(new String(r.value(), StandardCharsets.UTF_8));
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k" + value % 10);
      assertThat(r.timestamp()).isEqualTo(1_000_000 + value);
      assertThat(new String(r.headers().lastHeader("source").value(), StandardCharsets.UTF_8)).isEqualTo("test");
    });
    assertThat(records).extracting(ConsumerRecord::partition).as("two sink instances, one partition each")
        .containsOnly(0, 1);
  }
}
