package io.spate.bench.kafka;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.dag.StreamGraph;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.MapFunction;
import io.spate.api.serialization.schema.AbstractDeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.bench.nexmark.run.ProcessMeter;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.KafkaSourceBuilder;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Runs one workload of the Kafka benchmark on Spate's local cluster: a bounded {@link KafkaSource}
 * that stops at the latest offsets as of the job's start, then either a counting sink ({@link
 * KafkaWorkload#DISCARD}) or a map and a KafkaSink ({@link SpateKafkaSinkJob}).
 */
public final class SpateKafkaRunner {

  private static final LongAdder READ = new LongAdder();
  /** System properties with this prefix are settings of the source, for experiments. */
  static final String SOURCE_PROPERTY_PREFIX = "bench.kafka.source.";

  private SpateKafkaRunner() {}

  /** The protocol's entry point; see {@link KafkaRunnerOptions}. */
  public static void main(String[] args) {
    KafkaRunnerMain.main("spate", args, SpateKafkaRunner::run);
  }

  /** Runs the workload in this JVM and returns its measurement. */
  public static KafkaRunResult run(KafkaRunnerOptions options) throws Exception {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
    env.setParallelism(options.parallelism());
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setRestartStrategy(RestartStrategies.noRestart());
    if (options.checkpointIntervalMillis() > 0) {
      env.enableCheckpointing(options.checkpointIntervalMillis());
      env.getCheckpointConfig().setCheckpointStorage(options.checkpointDir().toAbsolutePath());
    }
    KafkaSourceBuilder<byte[]> builder = KafkaSource.<byte[]>builder()
        .setBootstrapServers(options.bootstrapServers())
        .setTopics(options.inputTopic())
        .setGroupId("bench-" + options.transactionalIdPrefix())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(new BytesSchema());
    // Experiments with consumer settings: -Dbench.kafka.source.<setting>=<value> in --jvm-opts.
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(SOURCE_PROPERTY_PREFIX)) {
        builder.setProperty(name.substring(SOURCE_PROPERTY_PREFIX.length()), System.getProperty(name));
      }
    }
    KafkaSource<byte[]> source = builder.build();
    DataStream<byte[]> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .map(new Counted()).returns(bytes()).name("count");
    if (options.workload().writesToKafka()) {
      SpateKafkaSinkJob.addTo(records, options);
    } else {
      records.sinkTo(new DiscardingSink()).name("discard");
    }

    StreamGraph graph = env.getStreamGraph("kafka " + options.workload().id());
    JobGraph job = JobGraphGenerator.generate(graph);
    READ.reset();
    Configuration conf = graph.configuration();
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, options.parallelism(),
        conf.get(TaskManagerOptions.WORKER_THREADS), conf.get(TaskManagerOptions.CHANNEL_CAPACITY),
        conf.get(TaskManagerOptions.BATCH_SIZE)))) {
      cluster.start();
      // timed from submission to the job's end, as the Flink runner times its MiniCluster's job
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      JobClient client = cluster.submitJob(job).join();
      client.getJobExecutionResult().get();
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      return KafkaRunResult.measured("spate", options.workload(), READ.sum(), elapsed, cpu,
          ProcessMeter.peakRssKiB(), AppInfoParser.getVersion());
    }
  }

  @SuppressWarnings("unchecked")
  static TypeInformation<byte[]> bytes() {
    return (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE);
  }

  /** Kafka record values as they are. */
  static final class BytesSchema extends AbstractDeserializationSchema<byte[]> {
    private static final long serialVersionUID = 1L;

    BytesSchema() {
      super(bytes());
    }

    @Override
    public byte[] deserialize(byte[] message) {
      return message;
    }
  }

  /** Counts the records the source emits, chained to it, so that every workload reports what it read. */
  static final class Counted implements MapFunction<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] map(byte[] value) {
      READ.increment();
      return value;
    }
  }

  /** Drops every record. */
  static final class DiscardingSink implements Sink<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<byte[]> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(byte[] element, Context ctx) {}

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }
}
