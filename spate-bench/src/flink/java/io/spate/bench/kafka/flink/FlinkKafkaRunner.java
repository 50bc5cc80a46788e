package io.spate.bench.kafka.flink;

import io.spate.bench.kafka.BenchRecords;
import io.spate.bench.kafka.KafkaRunResult;
import io.spate.bench.kafka.KafkaRunnerMain;
import io.spate.bench.kafka.KafkaRunnerOptions;
import io.spate.bench.kafka.KafkaWorkload;
import io.spate.bench.nexmark.run.ProcessMeter;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Runs one workload of the Kafka benchmark on Apache Flink in an in-process MiniCluster, with Flink's
 * own Kafka connector and the kafka-clients it is built for (from {@code target/flink-kafka-lib}):
 * a bounded KafkaSource stopping at the latest offsets, then a counting discard or a map and a
 * KafkaSink. Follows {@link KafkaRunnerOptions}; times the job from submission to its end.
 */
public final class FlinkKafkaRunner {

  private static final LongAdder READ = new LongAdder();

  private FlinkKafkaRunner() {}

  /** The protocol's entry point. */
  public static void main(String[] args) {
    KafkaRunnerMain.main("flink", args, FlinkKafkaRunner::run);
  }

  /** Runs the workload in this JVM and returns its measurement. */
  public static KafkaRunResult run(KafkaRunnerOptions options) throws Exception {
    String clients = AppInfoParser.getVersion();
    System.out.println("Flink runner: kafka-clients " + clients + " from "
        + AppInfoParser.class.getProtectionDomain().getCodeSource().getLocation());
    Configuration config = new Configuration();
    config.set(PipelineOptions.OBJECT_REUSE, true);
    config.set(RestOptions.BIND_PORT, "0");
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, options.checkpointDir().toAbsolutePath().toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(options.parallelism());
    if (options.checkpointIntervalMillis() > 0) {
      env.enableCheckpointing(options.checkpointIntervalMillis());
    }
    KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
        .setBootstrapServers(options.bootstrapServers())
        .setTopics(options.inputTopic())
        .setGroupId("bench-" + options.transactionalIdPrefix())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(new BytesSchema())
        .build();
    DataStream<byte[]> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .map(new Counted()).returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO).name("count");
    if (options.workload().writesToKafka()) {
      Properties producer = new Properties();
      // Flink's default (one hour) is above the broker's transaction.max.timeout.ms (15 min)
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
      records.map(new Transform()).returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO).name("map")
          .sinkTo(sink).name("kafka sink");
    } else {
      records.sinkTo(new DiscardingSink<>()).name("discard");
    }
    JobGraph job = env.getStreamGraph().getJobGraph();

    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(options.parallelism()).build();
    READ.reset();
    try (MiniCluster mini = new MiniCluster(cluster)) {
      mini.start();
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      mini.executeJobBlocking(job);
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      return KafkaRunResult.measured("flink", options.workload(), READ.sum(), elapsed, cpu,
          ProcessMeter.peakRssKiB(), clients);
    }
  }

  /** Kafka record values as they are. */
  static final class BytesSchema extends AbstractDeserializationSchema<byte[]> {
    private static final long serialVersionUID = 1L;

    BytesSchema() {
      super(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    @Override
    public byte[] deserialize(byte[] message) {
      return message;
    }
  }

  /** Counts the records the source emits (chained to it), as the Spate runner does. */
  static final class Counted implements MapFunction<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] map(byte[] value) {
      READ.increment();
      return value;
    }
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
