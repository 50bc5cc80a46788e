package io.spate.bench.kafka;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.MapFunction;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema;
import io.spate.connectors.kafka.sink.KafkaSink;
import java.util.Properties;

/**
 * The Spate side of the Kafka benchmark's workloads that write to Kafka: {@link BenchRecords#transform}
 * and a KafkaSink with the workload's delivery guarantee, built with Flink's builder names.
 */
final class SpateKafkaSinkJob {

  private SpateKafkaSinkJob() {}

  /** Appends {@link BenchRecords#transform} and a KafkaSink of the options' workload, writing to the output topic. */
  static void addTo(DataStream<byte[]> records, KafkaRunnerOptions options) {
    Properties producer = new Properties();
    // below the broker's transaction.max.timeout.ms (15 min), as on the Flink side
    producer.setProperty("transaction.timeout.ms", "300000");
    KafkaSink<byte[]> sink = KafkaSink.<byte[]>builder()
        .setBootstrapServers(options.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<byte[]>builder()
            .setTopic(options.outputTopic())
            .setValueSerializationSchema(new Identity())
            .build())
        .setDeliveryGuarantee(options.workload() == KafkaWorkload.EXACTLY_ONCE
            ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
        .setTransactionalIdPrefix(options.transactionalIdPrefix())
        .setKafkaProducerConfig(producer)
        .build();
    records.map(new Transform()).returns(SpateKafkaRunner.bytes()).name("map")
        .sinkTo(sink).name("kafka sink");
  }

  /** The benchmark's map. */
  static final class Transform implements MapFunction<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] map(byte[] value) {
      return BenchRecords.transform(value);
    }
  }

  /** Values written as they are. */
  static final class Identity implements SerializationSchema<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(byte[] element) {
      return element;
    }
  }
}
