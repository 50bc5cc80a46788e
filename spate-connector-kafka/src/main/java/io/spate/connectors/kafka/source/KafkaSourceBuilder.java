package io.spate.connectors.kafka.source;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.connectors.kafka.source.enumerator.KafkaSubscriber;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds a {@link KafkaSource}: the bootstrap servers, what to read (topics, a topic pattern, or
 * partitions) and a deserializer are required; everything else has Flink's defaults (start at the
 * earliest offsets, read without end, discover new partitions every five minutes).
 *
 * @param <OUT> the record type
 */
public final class KafkaSourceBuilder<OUT> {

  private final Properties props = new Properties();
  private KafkaSubscriber subscriber;
  private String subscriptionKind;
  private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
  private OffsetsInitializer stoppingOffsets;
  private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
  private KafkaRecordDeserializationSchema<OUT> deserializationSchema;

  KafkaSourceBuilder() {}

  /** The brokers to connect to first, as {@code host:port[,host:port...]}. */
  public KafkaSourceBuilder<OUT> setBootstrapServers(String bootstrapServers) {
    return setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /** Reads every partition of {@code topics}; each must exist when the job starts. */
  public KafkaSourceBuilder<OUT> setTopics(String... topics) {
    Objects.requireNonNull(topics, "KafkaSource: topics");
    return setTopics(Arrays.asList(topics));
  }

  /** Reads every partition of {@code topics}; each must exist when the job starts. */
  public KafkaSourceBuilder<OUT> setTopics(List<String> topics) {
    Objects.requireNonNull(topics, "KafkaSource: topics");
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("KafkaSource: setTopics was given no topic");
    }
    for (String topic : topics) {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("KafkaSource: setTopics was given a null or blank topic name: " + topics);
      }
    }
    subscribe("setTopics(" + topics + ")", KafkaSubscriber.getTopicListSubscriber(topics));
    return this;
  }

  /** Reads every partition of every topic whose whole name matches {@code topicPattern}, now and as topics appear. */
  public KafkaSourceBuilder<OUT> setTopicPattern(Pattern topicPattern) {
    Objects.requireNonNull(topicPattern, "KafkaSource: topicPattern");
    subscribe("setTopicPattern(" + topicPattern + ")", KafkaSubscriber.getTopicPatternSubscriber(topicPattern));
    return this;
  }

  /** Reads exactly {@code partitions}; each must exist when the job starts. */
  public KafkaSourceBuilder<OUT> setPartitions(Set<TopicPartition> partitions) {
    Objects.requireNonNull(partitions, "KafkaSource: partitions");
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("KafkaSource: setPartitions was given no partition");
    }
    subscribe("setPartitions(" + partitions + ")", KafkaSubscriber.getPartitionSetSubscriber(partitions));
    return this;
  }

  private void subscribe(String kind, KafkaSubscriber newSubscriber) {
    if (subscriber != null) {
      throw new IllegalStateException("KafkaSource: " + kind + " conflicts with the earlier " + subscriptionKind
          + "; a source reads topics, a topic pattern, or partitions, only one of them");
    }
    subscriber = newSubscriber;
    subscriptionKind = kind;
  }

  /** The consumer group: its committed offsets can be the starting offsets, and checkpoints commit to it. */
  public KafkaSourceBuilder<OUT> setGroupId(String groupId) {
    return setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
  }

  /** The prefix of the consumers' client ids ({@code <prefix>-<subtask>}). */
  public KafkaSourceBuilder<OUT> setClientIdPrefix(String prefix) {
    return setProperty(KafkaSourceOptions.CLIENT_ID_PREFIX.key(), prefix);
  }

  /** Where each partition starts, unless restored from a checkpoint; {@link OffsetsInitializer#earliest()} by default. */
  public KafkaSourceBuilder<OUT> setStartingOffsets(OffsetsInitializer startingOffsetsInitializer) {
    this.startingOffsets = Objects.requireNonNull(startingOffsetsInitializer, "KafkaSource: startingOffsetsInitializer");
    return this;
  }

  /**
   * Makes the source bounded: each partition is read up to the offset {@code stoppingOffsetsInitializer}
   * gives (when the job starts), and the source ends when all are; no partition discovery.
   */
  public KafkaSourceBuilder<OUT> setBounded(OffsetsInitializer stoppingOffsetsInitializer) {
    this.stoppingOffsets = Objects.requireNonNull(stoppingOffsetsInitializer, "KafkaSource: stoppingOffsetsInitializer");
    this.boundedness = Boundedness.BOUNDED;
    return this;
  }

  /**
   * Keeps the source unbounded (a streaming job) but stops each partition at the offset {@code
   * stoppingOffsetsInitializer} gives; without partition discovery the source then ends.
   */
  public KafkaSourceBuilder<OUT> setUnbounded(OffsetsInitializer stoppingOffsetsInitializer) {
    this.stoppingOffsets = Objects.requireNonNull(stoppingOffsetsInitializer, "KafkaSource: stoppingOffsetsInitializer");
    this.boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
    return this;
  }

  /** Reads each record's value with {@code deserializationSchema}; a null from it skips the record. */
  public KafkaSourceBuilder<OUT> setValueOnlyDeserializer(DeserializationSchema<OUT> deserializationSchema) {
    Objects.requireNonNull(deserializationSchema, "KafkaSource: deserializationSchema");
    this.deserializationSchema = KafkaRecordDeserializationSchema.valueOnly(deserializationSchema);
    return this;
  }

  /** Reads each whole Kafka record (key, headers, offset, ...) with {@code recordDeserializer}. */
  public KafkaSourceBuilder<OUT> setDeserializer(KafkaRecordDeserializationSchema<OUT> recordDeserializer) {
    this.deserializationSchema = Objects.requireNonNull(recordDeserializer, "KafkaSource: recordDeserializer");
    return this;
  }

  /** Sets a Kafka consumer property or a {@link KafkaSourceOptions} setting. */
  public KafkaSourceBuilder<OUT> setProperty(String key, String value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("KafkaSource: a property name is null or blank");
    }
    if (value == null) {
      throw new IllegalArgumentException("KafkaSource: property '" + key + "' was given a null value");
    }
    props.setProperty(key, value);
    return this;
  }

  /** Sets every one of {@code properties}, as {@link #setProperty} does. */
  public KafkaSourceBuilder<OUT> setProperties(Properties properties) {
    Objects.requireNonNull(properties, "KafkaSource: properties");
    for (String name : properties.stringPropertyNames()) {
      setProperty(name, properties.getProperty(name));
    }
    return this;
  }

  /** Checks the settings and builds the source. */
  public KafkaSource<OUT> build() {
    String servers = props.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.isBlank()) {
      throw new IllegalStateException("KafkaSource: no bootstrap servers; call setBootstrapServers(\"host:port\")");
    }
    if (subscriber == null) {
      throw new IllegalStateException("KafkaSource: nothing to read; call setTopics, setTopicPattern or setPartitions");
    }
    if (deserializationSchema == null) {
      throw new IllegalStateException(
          "KafkaSource: no deserializer; call setValueOnlyDeserializer(schema) or setDeserializer(recordSchema)");
    }
    boolean hasGroup = props.getProperty(ConsumerConfig.GROUP_ID_CONFIG) != null;
    if (!hasGroup && usesCommittedOffsets(startingOffsets)) {
      throw new IllegalStateException("KafkaSource: the starting offsets are the group's committed offsets, "
          + "but no group id is set; call setGroupId(...)");
    }
    if (!hasGroup && stoppingOffsets != null && usesCommittedOffsets(stoppingOffsets)) {
      throw new IllegalStateException("KafkaSource: the stopping offsets are the group's committed offsets, "
          + "but no group id is set; call setGroupId(...)");
    }
    String commit = props.getProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key());
    if (commit != null) {
      String value = commit.trim().toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("KafkaSource: property '" + KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key()
            + "' must be true or false, not '" + commit + "'");
      }
      if (value.equals("true") && !hasGroup) {
        throw new IllegalStateException("KafkaSource: '" + KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key()
            + "' is true, but offsets can only be committed to a consumer group; call setGroupId(...)");
      }
    }
    String registerMetrics = props.getProperty(KafkaSourceOptions.REGISTER_CONSUMER_METRICS.key());
    if (registerMetrics != null && !registerMetrics.trim().equalsIgnoreCase("true")
        && !registerMetrics.trim().equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("KafkaSource: property '" + KafkaSourceOptions.REGISTER_CONSUMER_METRICS.key()
          + "' must be true or false, not '" + registerMetrics + "'");
    }
    checkLong(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key());
    checkLong(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
    String isolation = props.getProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    if (isolation != null && !isolation.trim().equals("read_committed") && !isolation.trim().equals("read_uncommitted")) {
      throw new IllegalArgumentException("KafkaSource: property '" + ConsumerConfig.ISOLATION_LEVEL_CONFIG
          + "' must be read_committed or read_uncommitted, not '" + isolation + "'");
    }

    Properties complete = new Properties();
    complete.putAll(props);
    // The source reads bytes and hands them to the deserializer, and commits only on checkpoints.
    complete.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    complete.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    complete.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    if (!complete.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
      // Used only where a split's offset no longer exists (deleted by retention).
      complete.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
    if (boundedness == Boundedness.BOUNDED) {
      complete.setProperty(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(), "-1");
    }
    return new KafkaSource<>(subscriber, startingOffsets, stoppingOffsets, boundedness, deserializationSchema, complete);
  }

  private void checkLong(String key) {
    String value = props.getProperty(key);
    if (value != null) {
      try {
        Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "KafkaSource: property '" + key + "' must be a whole number of milliseconds, not '" + value + "'");
      }
    }
  }

  /**
   * Whether {@code initializer} asks for the group's committed offsets: it is tried on one made-up
   * partition with a retriever that answers every other question, so initializers of the user's
   * own are judged by what they do.
   */
  private static boolean usesCommittedOffsets(OffsetsInitializer initializer) {
    try {
      initializer.getPartitionOffsets(List.of(CommittedOffsetsProbe.PARTITION), new CommittedOffsetsProbe());
      return false;
    } catch (CommittedOffsetsProbe.Asked asked) {
      return true;
    } catch (RuntimeException other) {
      return false; // any other problem shows, with the real partitions, when the job starts
    }
  }

  /** Answers an initializer's questions about one made-up partition, and notes a question about committed offsets. */
  private static final class CommittedOffsetsProbe implements OffsetsInitializer.PartitionOffsetsRetriever {
    static final TopicPartition PARTITION = new TopicPartition("probe", 0);

    /** Thrown where the initializer asks for committed offsets. */
    static final class Asked extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Asked() {
        super(null, null, false, false);
      }
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
      throw new Asked();
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
      return zeros(partitions);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
      return zeros(partitions);
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch) {
      Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
      timestampsToSearch.forEach((partition, ts) -> found.put(partition, new OffsetAndTimestamp(0, ts)));
      return found;
    }

    private static Map<TopicPartition, Long> zeros(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> zeros = new HashMap<>();
      partitions.forEach(partition -> zeros.put(partition, 0L));
      return zeros;
    }
  }
}
