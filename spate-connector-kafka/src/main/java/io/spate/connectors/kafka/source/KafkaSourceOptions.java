package io.spate.connectors.kafka.source;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import java.util.Properties;

/**
 * The settings of a {@code KafkaSource} that are not Kafka consumer settings, set like those with
 * {@link KafkaSourceBuilder#setProperty}, under Flink's names.
 */
public final class KafkaSourceOptions {

  private KafkaSourceOptions() {}

  /** The prefix of the consumers' {@code client.id}: each subtask's is {@code <prefix>-<subtask>}. */
  public static final ConfigOption<String> CLIENT_ID_PREFIX = ConfigOptions.key("client.id.prefix")
      .stringType()
      .defaultValue("spate-kafka-source")
      .withDescription("The prefix of the Kafka consumers' client.id; each subtask appends -<subtask index>.");

  /**
   * How often, in milliseconds, the source looks for new partitions (of its topics, or new topics
   * matching its pattern); zero or less turns discovery off. Bounded sources never discover.
   */
  public static final ConfigOption<Long> PARTITION_DISCOVERY_INTERVAL_MS =
      ConfigOptions.key("partition.discovery.interval.ms")
          .longType()
          .defaultValue(300_000L)
          .withDescription("Milliseconds between two looks for new partitions; 0 or less: no discovery.");

  /**
   * Whether the offsets of each completed checkpoint are committed to the consumer group (needs a
   * group id); true by default when a group id is set. Committed offsets are for monitoring only.
   */
  public static final ConfigOption<Boolean> COMMIT_OFFSETS_ON_CHECKPOINT =
      ConfigOptions.key("commit.offsets.on.checkpoint")
          .booleanType()
          .defaultValue(true)
          .withDescription("Commit the offsets of completed checkpoints to the consumer group (monitoring only).");

  /**
   * Whether each reader mirrors its Kafka consumer's own metrics (such as {@code records-lag-max})
   * as gauges in its metric group {@code KafkaSourceReader.KafkaConsumer}; true by default.
   */
  public static final ConfigOption<Boolean> REGISTER_CONSUMER_METRICS =
      ConfigOptions.key("register.consumer.metrics")
          .booleanType()
          .defaultValue(true)
          .withDescription("Register the Kafka consumer's metrics under KafkaSourceReader.KafkaConsumer.");

  /** The value of {@code option} among {@code properties}, or its default. */
  static <T> T get(Properties properties, ConfigOption<T> option, java.util.function.Function<String, T> parse) {
    String value = properties.getProperty(option.key());
    if (value == null) {
      return option.defaultValue();
    }
    try {
      return parse.apply(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "KafkaSource: property '" + option.key() + "' has the value '" + value + "', which is not a "
              + option.type().getSimpleName(), e);
    }
  }
}
