package io.spate.clitest;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.MapFunction;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema;
import io.spate.connectors.kafka.sink.KafkaSink;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.TopicPartition;

/**
 * A bounded job from Kafka to an EXACTLY_ONCE {@code KafkaSink} for process clusters, made to be
 * killed while its final transactions are open: it reads the numbers 0 to {@code records - 1} (number
 * {@code v} in partition {@code v % partitions}) up to the end offsets and writes them as they are.
 * A map chained before the sink holds the first checkpoint that a subtask takes after the last number
 * of one of its partitions (the final checkpoint, or one right after the data ended) until the file
 * {@code release} appears in the marker directory; while it holds, the file {@code held-<partition>}
 * holds the process id of its TaskManager. The last transaction of that subtask stays open meanwhile.
 *
 * <p>Arguments: the job name, the bootstrap servers, the input topic, the number of records, the
 * number of partitions, the output topic, the transactional id prefix and the marker directory.
 */
public final class KafkaFinalCheckpointJob {

  /** The file whose existence releases every held checkpoint, in this attempt and all later ones. */
  public static final String RELEASE = "release";

  private KafkaFinalCheckpointJob() {}

  /** Runs the job; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    String servers = args[1];
    String input = args[2];
    int records = Integer.parseInt(args[3]);
    int partitions = Integer.parseInt(args[4]);
    String output = args[5];
    String prefix = args[6];
    String markers = args[7];

    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true); // the default, stated
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(300);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(200)));
    Map<TopicPartition, Long> stop = new HashMap<>();
    long[] ends = endOffsets(records, partitions);
    for (int p = 0; p < partitions; p++) {
      stop.put(new TopicPartition(input, p), ends[p]);
    }
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(servers)
        .setTopics(input)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.offsets(stop))
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(servers)
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
            .setTopic(output)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(prefix)
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(new HoldFinalCheckpoint(markers, records, partitions)).returns(Types.STRING).uid("hold")
        .sinkTo(sink).uid("kafka");
    env.execute(name);
  }

  /** The end offset of each partition when number {@code v} of {@code records} is in partition {@code v % partitions}. */
  public static long[] endOffsets(int records, int partitions) {
    long[] ends = new long[partitions];
    for (int value = 0; value < records; value++) {
      ends[value % partitions]++;
    }
    return ends;
  }

  /** Passes numbers on; holds a checkpoint after a partition's last number, see the class comment. */
  public static final class HoldFinalCheckpoint implements MapFunction<String, String>, CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final long HOLD_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private final String markers;
    private final int records;
    private final int partitions;
    /** The partition whose last number this instance saw, or -1 (set in initializeState: a copy's transient field is 0). */
    private transient int ended;

    HoldFinalCheckpoint(String markers, int records, int partitions) {
      this.markers = markers;
      this.records = records;
      this.partitions = partitions;
    }

    @Override
    public String map(String value) {
      int number = Integer.parseInt(value);
      if (number + partitions >= records) { // the last number of partition number % partitions
        ended = number % partitions;
      }
      return value;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      ended = -1;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws IOException {
      Path dir = Path.of(markers);
      if (ended < 0 || Files.exists(dir.resolve(RELEASE))) {
        return;
      }
      try {
        Files.writeString(dir.resolve("held-" + ended), Long.toString(ProcessHandle.current().pid()),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        return; // held once already: an earlier attempt's checkpoint
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write a marker in " + markers, e);
      }
      long deadline = System.nanoTime() + HOLD_LIMIT_NANOS;
      while (!Files.exists(dir.resolve(RELEASE)) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
  }
}
