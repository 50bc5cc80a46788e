package io.spate.connectors.kafka.source.reader;

import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.util.UserCodeClassLoader;
import io.spate.connectors.base.SourceReaderBase;
import io.spate.connectors.base.SourceReaderOptions;
import io.spate.connectors.kafka.source.metrics.KafkaSourceReaderMetrics;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplitState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The reader of one {@code KafkaSource} subtask: its partitions are read by one consumer on a
 * fetcher thread, their positions are the checkpointed split state, and, when asked to, the
 * positions of a checkpoint are committed to the consumer group once the checkpoint completes (for
 * monitoring; a restore uses the checkpoint, never the group's offsets).
 *
 * @param <T> the record type
 */
public final class KafkaSourceReader<T>
    extends SourceReaderBase<ConsumerRecord<byte[], byte[]>, T, KafkaPartitionSplit, KafkaPartitionSplitState> {

  /** Checkpoints whose offsets wait for completion; older ones beyond this many are dropped. */
  private static final int MAX_PENDING_COMMITS = 32;

  private final KafkaRecordDeserializationSchema<T> deserializationSchema;
  private final boolean commitOffsetsOnCheckpoint;
  private final SplitReaderHolder splitReader;
  private final KafkaSourceReaderMetrics metrics;
  private final SortedMap<Long, Map<TopicPartition, Long>> offsetsByCheckpoint = new TreeMap<>();

  /** Holds the split reader that the fetcher manager creates, so that commits can reach its consumer. */
  private static final class SplitReaderHolder {
    volatile KafkaPartitionSplitReader reader;
  }

  /**
   * A reader with {@code consumerProperties} (complete: servers, client id, deserializers) that
   * commits offsets on completed checkpoints if {@code commitOffsetsOnCheckpoint}.
   */
  public KafkaSourceReader(
      SourceReaderContext context,
      Properties consumerProperties,
      KafkaRecordDeserializationSchema<T> deserializationSchema,
      boolean commitOffsetsOnCheckpoint) {
    this(context, consumerProperties, deserializationSchema, commitOffsetsOnCheckpoint, true);
  }

  /**
   * A reader as {@link #KafkaSourceReader(SourceReaderContext, Properties,
   * KafkaRecordDeserializationSchema, boolean)} makes, that mirrors the consumer's own metrics in its
   * metric group only if {@code registerConsumerMetrics}.
   */
  public KafkaSourceReader(
      SourceReaderContext context,
      Properties consumerProperties,
      KafkaRecordDeserializationSchema<T> deserializationSchema,
      boolean commitOffsetsOnCheckpoint,
      boolean registerConsumerMetrics) {
    this(context, consumerProperties, deserializationSchema, commitOffsetsOnCheckpoint, new SplitReaderHolder(),
        new KafkaSourceReaderMetrics(context.metricGroup(), registerConsumerMetrics));
  }

  private KafkaSourceReader(
      SourceReaderContext context,
      Properties consumerProperties,
      KafkaRecordDeserializationSchema<T> deserializationSchema,
      boolean commitOffsetsOnCheckpoint,
      SplitReaderHolder holder,
      KafkaSourceReaderMetrics metrics) {
    super("kafka",
        () -> {
          KafkaPartitionSplitReader reader =
              new KafkaPartitionSplitReader(consumerProperties, context.getIndexOfSubtask(), metrics);
          holder.reader = reader;
          return reader;
        },
        new KafkaRecordEmitter<>(deserializationSchema, metrics),
        SourceReaderOptions.DEFAULTS,
        context);
    this.deserializationSchema = deserializationSchema;
    this.commitOffsetsOnCheckpoint = commitOffsetsOnCheckpoint;
    this.splitReader = holder;
    this.metrics = metrics;
  }

  @Override
  public void start() {
    // The consumer is built (0.15 to 0.8 s at a job's start) while the enumerator asks the brokers for
    // the partitions and their offsets, instead of after, when the splits arrive.
    startFetcherAhead();
    try {
      deserializationSchema.open(new DeserializationSchema.InitializationContext() {
        @Override
        public MetricGroup getMetricGroup() {
          return context.metricGroup();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          return new UserCodeClassLoader() {
            @Override
            public ClassLoader asClassLoader() {
              return loader;
            }

            @Override
            public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {}
          };
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException("Kafka source: opening the deserialization schema failed: " + e, e);
    }
  }

  @Override
  protected KafkaPartitionSplitState initializedState(KafkaPartitionSplit split) {
    KafkaPartitionSplitState state = new KafkaPartitionSplitState(split);
    metrics.registerTopicPartition(split.getTopicPartition(), state::getCurrentOffset);
    return state;
  }

  @Override
  protected void onBatchStarted(long fetchTimeMillis) {
    metrics.recordBatchFetchTime(fetchTimeMillis);
  }

  @Override
  protected KafkaPartitionSplit toSplitType(String splitId, KafkaPartitionSplitState state) {
    return state.toKafkaPartitionSplit();
  }

  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> splits = super.snapshotState(checkpointId);
    if (commitOffsetsOnCheckpoint) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      for (KafkaPartitionSplit split : splits) {
        offsets.put(split.getTopicPartition(), split.getStartingOffset());
      }
      offsetsByCheckpoint.put(checkpointId, offsets);
      while (offsetsByCheckpoint.size() > MAX_PENDING_COMMITS) {
        offsetsByCheckpoint.remove(offsetsByCheckpoint.firstKey());
      }
    }
    return splits;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    if (!commitOffsetsOnCheckpoint) {
      return;
    }
    Map<TopicPartition, Long> offsets = offsetsByCheckpoint.get(checkpointId);
    // This checkpoint subsumes every older one: their offsets need no commit any more.
    offsetsByCheckpoint.headMap(checkpointId + 1).clear();
    KafkaPartitionSplitReader reader = splitReader.reader;
    if (offsets != null && !offsets.isEmpty() && reader != null) {
      reader.commitOffsets(offsets);
    }
  }

  /** The offsets that the brokers acknowledged as committed by this reader, for tests and metrics. */
  Map<TopicPartition, Long> committedOffsets() {
    KafkaPartitionSplitReader reader = splitReader.reader;
    return reader == null ? Map.of() : Map.copyOf(reader.committedOffsets());
  }
}
