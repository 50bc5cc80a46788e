package io.spate.clitest;

import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema;
import io.spate.connectors.kafka.sink.KafkaSink;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A keyed stateful job from Kafka to Kafka for process clusters: it reads numbers (one per record,
 * each number's key is {@code number mod 7}) from a topic up to given end offsets, numbers each key's
 * records in keyed state and writes "key,n,number" keyed by the key through a {@code KafkaSink}. Its map
 * throws once at each failure point, in order, at the first record at or after the point that it sees
 * once a checkpoint completed in its current attempt; which points fired, and the checkpoint heard of
 * before, are files in a directory, so that every process of the cluster and the test see them.
 *
 * <p>Arguments: the job name, the bootstrap servers, the input topic, its end offsets
 * ("p0end,p1end,..."), the output topic, the delivery guarantee, the transactional id prefix, the
 * directory of the failure markers and the failure points ("n1,n2,...", or "none").
 */
public final class KafkaSequencedKeysJob {

  /** The number of keys: a number's key is {@code number % KEYS}. */
  public static final int KEYS = 7;

  private KafkaSequencedKeysJob() {}

  /** Runs the job; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    String servers = args[1];
    String input = args[2];
    long[] ends = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
    String output = args[4];
    DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf(args[5]);
    String prefix = args[6];
    String markers = args[7];
    List<Long> points = args[8].equals("none") ? List.of()
        : Arrays.stream(args[8].split(",")).map(Long::valueOf).toList();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(200);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(20, Duration.ofMillis(200)));
    Map<TopicPartition, Long> stop = new HashMap<>();
    for (int p = 0; p < ends.length; p++) {
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
            .setKeySerializationSchema((String line) -> line.substring(0, line.indexOf(','))
                .getBytes(StandardCharsets.UTF_8))
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix(prefix)
        .build();
    // The parse and the failing map are chained to the source (same parallelism, forward), so each
    // key's records, all in one partition, reach the keyed count in their order in the partition.
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(Long::valueOf, Types.LONG).uid("parse")
        .map(new FailAtRecords(Path.of(markers), points)).uid("fail")
        .keyBy(value -> value % KEYS, Types.LONG)
        .process(new NumberPerKey()).uid("number-per-key")
        .sinkTo(sink).uid("kafka");
    env.execute(name);
  }

  /** Throws once per failure point, after a checkpoint completed in the current attempt; see the class comment. */
  public static final class FailAtRecords extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String markers;
    private final List<Long> points;
    private transient volatile long checkpointed;
    private transient long openedAt;
    private transient int fired;

    FailAtRecords(Path markers, List<Long> points) {
      this.markers = markers.toString();
      this.points = points;
    }

    @Override
    public void open(OpenContext context) {
      openedAt = System.currentTimeMillis();
    }

    @Override
    public Long map(Long value) {
      if (checkpointed > 0 && fired < points.size() && value >= points.get(fired) && mayFireNext()) {
        long point = points.get(fired);
        if (fire(point)) {
          throw new IllegalStateException("injected failure at record " + value + " (point " + point + ")");
        }
      }
      return value;
    }

    /**
     * Whether the next point may fire here: the points fire in order, each in an attempt that began
     * after the previous one fired, so that two subtasks catching up after a restart cannot both
     * throw in one attempt (which would be one restart, not two).
     */
    private boolean mayFireNext() {
      try {
        while (fired < points.size() && Files.exists(marker(points.get(fired)))) {
          fired++; // fired by another subtask or an earlier attempt
        }
        if (fired == points.size()) {
          return false;
        }
        return fired == 0 || Files.getLastModifiedTime(marker(points.get(fired - 1))).toMillis() < openedAt;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the failure markers in " + markers, e);
      }
    }

    private Path marker(long point) {
      return Path.of(markers).resolve("point-" + point);
    }

    /** Claims failure point {@code point} for this subtask, recording the checkpoint it heard of; false if fired before. */
    private boolean fire(long point) {
      try {
        Files.writeString(marker(point), Long.toString(checkpointed),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the failure marker of point " + point + " in " + markers, e);
      }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = Math.max(checkpointed, checkpointId);
    }
  }

  /** Numbers each key's records: emits "key,n,number" for the n-th number of the key. */
  public static final class NumberPerKey extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long n = (count.value() == null ? 0 : count.value()) + 1;
      count.update(n);
      out.collect(ctx.getCurrentKey() + "," + n + "," + value);
    }
  }
}
