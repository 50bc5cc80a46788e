package io.spate.connectors.kafka.sink;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The parts of the sink's end-to-end tests: numbered input, a keyed count that numbers each key's
 * records ("key,n,value"), failures at chosen records after a checkpoint completed, and a sink
 * wrapper whose committer fails once between a checkpoint's completion and its commit.
 */
final class SequencedKeysJob {

  static final int KEYS = 7;

  /** Per run: the failure points that fired, and the checkpoint the failing subtask had heard of. */
  private static final Map<String, Set<Long>> FIRED = new ConcurrentHashMap<>();
  private static final Map<String, Long> CHECKPOINT_BEFORE_FAILURE = new ConcurrentHashMap<>();
  private static final Set<String> COMMIT_FAILED = ConcurrentHashMap.newKeySet();

  private SequencedKeysJob() {}

  /** The latest checkpoint a failing subtask of {@code run} had heard completed when it failed (0: none failed). */
  static long checkpointBeforeFailure(String run) {
    return CHECKPOINT_BEFORE_FAILURE.getOrDefault(run, 0L);
  }

  /** How many injected failures of {@code run} fired, the failed commit included. */
  static int failures(String run) {
    return FIRED.getOrDefault(run, Set.of()).size() + (COMMIT_FAILED.contains(run) ? 1 : 0);
  }

  /**
   * Throws once per failure point: at the first record at or after the point that a subtask sees
   * after it heard of a completed checkpoint in its current attempt.
   */
  static final class FailAtRecords extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final List<Long> points;
    private transient volatile long checkpointed;

    FailAtRecords(String run, List<Long> points) {
      this.run = run;
      this.points = points;
    }

    @Override
    public Long map(Long value) {
      if (checkpointed > 0) {
        for (long point : points) {
          if (value >= point && FIRED.computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet()).add(point)) {
            CHECKPOINT_BEFORE_FAILURE.merge(run, checkpointed, Math::max);
            throw new IllegalStateException("injected failure at record " + value + " (point " + point + ")");
          }
        }
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = Math.max(checkpointed, checkpointId);
    }
  }

  /** Numbers each key's records: emits "key,n,value" for the n-th record of the key. */
  static final class NumberPerKey extends KeyedProcessFunction<Long, Long, String> {
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

  /** The Kafka sink of the tests: records keyed by their key, so that each key's records keep their order. */
  static KafkaSink<String> kafkaSink(String servers, String topic, DeliveryGuarantee guarantee, String prefix) {
    KafkaSinkBuilder<String> builder = KafkaSink.<String>builder()
        .setBootstrapServers(servers)
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
            .setTopic(topic)
            .setKeySerializationSchema((String line) -> line.substring(0, line.indexOf(','))
                .getBytes(StandardCharsets.UTF_8))
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(guarantee);
    return prefix == null ? builder.build() : builder.setTransactionalIdPrefix(prefix).build();
  }

  /** Each key's records as read, in the order of its partition. */
  static Map<String, List<String>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String line = new String(record.value(), StandardCharsets.UTF_8);
      byKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(line);
    }
    return byKey;
  }

  /** Every record {@code records} numbers give, by key, in order. */
  static Map<String, List<String>> expected(long records) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (long value = 0; value < records; value++) {
      long key = value % KEYS;
      long n = counts.merge(key, 1L, Long::sum);
      byKey.computeIfAbsent(Long.toString(key), k -> new ArrayList<>()).add(key + "," + n + "," + value);
    }
    return byKey;
  }

  /**
   * What separates {@code actual} from {@code expected} (both by key), in a few lines: per key that
   * differs, how many records it has, how many are missing (and the first), how many come twice and
   * whether the order differs. Empty if they are equal. A whole map in a failure message hides this.
   */
  static String difference(Map<String, List<String>> actual, Map<String, List<String>> expected) {
    StringBuilder out = new StringBuilder();
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      List<String> want = expected.getOrDefault(key, List.of());
      List<String> got = actual.getOrDefault(key, List.of());
      if (want.equals(got)) {
        continue;
      }
      List<String> missing = new ArrayList<>(want);
      missing.removeAll(new HashSet<>(got));
      long distinct = got.stream().distinct().count();
      out.append(String.format("key %s: %d of %d records, %d missing%s, %d duplicated, %s%n", key, got.size(),
          want.size(), missing.size(), missing.isEmpty() ? "" : " (first " + missing.get(0) + ")",
          got.size() - distinct, got.stream().distinct().toList().equals(want) ? "in order" : "order differs"));
    }
    return out.toString();
  }

  /** A sink that is the Kafka sink, except that its committer fails once, before committing, in run {@code run}. */
  static final class FailingCommitSink implements Sink<String>, SupportsCommitter<KafkaCommittable> {
    private static final long serialVersionUID = 1L;
    private final KafkaSink<String> delegate;
    private final String run;

    FailingCommitSink(KafkaSink<String> delegate, String run) {
      this.delegate = delegate;
      this.run = run;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
      return delegate.createWriter(context);
    }

    @Override
    public Committer<KafkaCommittable> createCommitter() {
      Committer<KafkaCommittable> committer = delegate.createCommitter();
      return new Committer<>() {
        @Override
        public void commit(Collection<KafkaCommittable> committables) throws IOException, InterruptedException {
          // Only once a failure point fired, so that this one comes after a restore too.
          if (!FIRED.getOrDefault(run, Set.of()).isEmpty() && COMMIT_FAILED.add(run)) {
            throw new IOException("injected failure of the commit of " + committables);
          }
          committer.commit(committables);
        }

        @Override
        public void close() throws Exception {
          committer.close();
        }
      };
    }

    @Override
    public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
      return delegate.getCommittableSerializer();
    }
  }
}
