package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.factories.FormatFactories;
import io.spate.table.factories.DeserializationFormatFactory;
import io.spate.table.factories.SerializationFormatFactory;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the options the {@code kafka} and {@code upsert-kafka} connectors share, failing with the
 * table's name and the option at fault: topics, client properties, formats of keys and values with
 * their own prefixed options, startup and bounded modes, partitioner and delivery guarantee.
 */
@Internal
@SuppressWarnings("deprecation") // OffsetResetStrategy: the type of the DataStream source's initializers
final class KafkaTableOptions {

  private final DynamicTableFactory.Context context;
  private final ReadableConfig options;
  private final String table;
  private final String connector;

  private KafkaTableOptions(DynamicTableFactory.Context context, ReadableConfig options, String connector) {
    this.context = context;
    this.options = options;
    this.table = context.getObjectIdentifier().asSummaryString();
    this.connector = connector;
  }

  /**
   * The options of the table {@code context} describes, checked against {@code factory}'s: an unknown
   * option fails naming the nearest known one; {@code properties.*} and the formats' own options pass.
   */
  static KafkaTableOptions validated(DynamicTableFactory factory, DynamicTableFactory.Context context) {
    Map<String, String> given = context.getCatalogTable().getOptions();
    List<String> prefixes = new ArrayList<>();
    prefixes.add(KafkaConnectorOptions.PROPERTIES_PREFIX);
    String valueFormat = given.getOrDefault(KafkaConnectorOptions.VALUE_FORMAT.key(),
        given.get(KafkaConnectorOptions.FORMAT.key()));
    if (valueFormat != null) {
      prefixes.add(valueFormat + ".");
      prefixes.add("value." + valueFormat + ".");
    }
    String keyFormat = given.get(KafkaConnectorOptions.KEY_FORMAT.key());
    if (keyFormat != null) {
      prefixes.add("key." + keyFormat + ".");
    }
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(factory, context);
    helper.validateExcept(prefixes.toArray(new String[0]));
    return new KafkaTableOptions(context, helper.getOptions(), factory.factoryIdentifier());
  }

  ReadableConfig options() {
    return options;
  }

  String table() {
    return table;
  }

  /** The Kafka client properties: the {@code properties.*} options without their prefix. */
  Properties properties() {
    Properties properties = new Properties();
    context.getCatalogTable().getOptions().forEach((key, value) -> {
      if (key.startsWith(KafkaConnectorOptions.PROPERTIES_PREFIX)) {
        properties.setProperty(key.substring(KafkaConnectorOptions.PROPERTIES_PREFIX.length()), value);
      }
    });
    return properties;
  }

  /** The topics of {@code topic}; empty if the table has a {@code topic-pattern} instead. */
  List<String> topics() {
    String topic = options.getOptional(KafkaConnectorOptions.TOPIC).orElse(null);
    String pattern = options.getOptional(KafkaConnectorOptions.TOPIC_PATTERN).orElse(null);
    if (topic != null && pattern != null) {
      throw new ValidationException("Table " + table + " sets both 'topic' and 'topic-pattern'; set only one");
    }
    if (topic == null && pattern == null) {
      throw new ValidationException("Table " + table + " sets neither 'topic' nor 'topic-pattern'; connector '"
          + connector + "' needs one");
    }
    if (topic == null) {
      return List.of();
    }
    List<String> topics = Arrays.stream(topic.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    if (topics.isEmpty()) {
      throw new ValidationException("Table " + table + ": 'topic' = '" + topic + "' names no topic");
    }
    return topics;
  }

  /** The compiled {@code topic-pattern}, or null. */
  Pattern topicPattern() {
    String pattern = options.getOptional(KafkaConnectorOptions.TOPIC_PATTERN).orElse(null);
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new ValidationException("Table " + table + ": 'topic-pattern' = '" + pattern
          + "' is not a regular expression: " + e.getDescription() + " at index " + e.getIndex());
    }
  }

  /** The one topic a sink writes into. */
  String sinkTopic() {
    if (options.getOptional(KafkaConnectorOptions.TOPIC_PATTERN).isPresent()) {
      throw new ValidationException("Table " + table + " has a 'topic-pattern', which a sink cannot write into; set"
          + " 'topic' to one topic");
    }
    List<String> topics = topics();
    if (topics.size() != 1) {
      throw new ValidationException("Table " + table + ": a sink writes into one topic, but 'topic' names "
          + topics.size() + ": " + topics);
    }
    return topics.get(0);
  }

  /** The identifier of the value format: {@code value.format} or {@code format}. */
  String valueFormat() {
    String value = options.getOptional(KafkaConnectorOptions.VALUE_FORMAT).orElse(null);
    String format = options.getOptional(KafkaConnectorOptions.FORMAT).orElse(null);
    if (value != null && format != null) {
      throw new ValidationException("Table " + table + " sets both 'format' and 'value.format'; set only one");
    }
    if (value == null && format == null) {
      throw new ValidationException("Table " + table + " misses the required option 'value.format' (or 'format') of"
          + " connector '" + connector + "': add it, for example 'value.format' = 'json'");
    }
    return value != null ? value : format;
  }

  /** The identifier of the key format, or null. */
  String keyFormat() {
    return options.getOptional(KafkaConnectorOptions.KEY_FORMAT).orElse(null);
  }

  /**
   * The value (or key, if {@code key}) format for reading, with its options, which the
   * table sets as {@code value.<format>.x} or {@code <format>.x} (keys: {@code key.<format>.x}).
   */
  DecodingFormat<DeserializationSchema<Row>> decodingFormat(boolean key) {
    DynamicTableFactory.Context formatContext = formatContext(key);
    FormatFactories.Discovered<DeserializationFormatFactory> format = FormatFactories.discover(formatContext,
        DeserializationFormatFactory.class, FormatFactories.FORMAT);
    return format.factory().createDecodingFormat(formatContext, format.options());
  }

  /** Like {@link #decodingFormat}, for writing. */
  EncodingFormat<SerializationSchema<Row>> encodingFormat(boolean key) {
    DynamicTableFactory.Context formatContext = formatContext(key);
    FormatFactories.Discovered<SerializationFormatFactory> format = FormatFactories.discover(formatContext,
        SerializationFormatFactory.class, FormatFactories.FORMAT);
    return format.factory().createEncodingFormat(formatContext, format.options());
  }

  /** The table as its key or value format sees it: {@code 'format'} and that format's options, prefixed as a format's. */
  private DynamicTableFactory.Context formatContext(boolean key) {
    String identifier = key ? keyFormat() : valueFormat();
    List<String> prefixes = key ? List.of("key." + identifier + ".")
        : List.of("value." + identifier + ".", identifier + ".");
    Map<String, String> formatOptions = new LinkedHashMap<>();
    formatOptions.put(FormatFactories.FORMAT.key(), identifier);
    context.getCatalogTable().getOptions().forEach((name, value) -> {
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)) {
          formatOptions.put(identifier + "." + name.substring(prefix.length()), value);
          break;
        }
      }
    });
    CatalogTable remapped = context.getCatalogTable().withOptions(formatOptions);
    DynamicTableFactory.Context formatContext = new DynamicTableFactory.Context() {
      @Override
      public ObjectIdentifier getObjectIdentifier() {
        return context.getObjectIdentifier();
      }

      @Override
      public CatalogTable getCatalogTable() {
        return remapped;
      }

      @Override
      public ReadableConfig getConfiguration() {
        return context.getConfiguration();
      }

      @Override
      public ClassLoader getClassLoader() {
        return context.getClassLoader();
      }

      @Override
      public boolean isTemporary() {
        return context.isTemporary();
      }
    };
    return formatContext;
  }

  /** Whether {@code value.fields-include} is {@code EXCEPT_KEY}. */
  boolean valueExceptKey() {
    String include = options.get(KafkaConnectorOptions.VALUE_FIELDS_INCLUDE);
    switch (include.toUpperCase(Locale.ROOT)) {
      case "ALL":
        return false;
      case "EXCEPT_KEY":
        return true;
      default:
        throw new ValidationException("Table " + table + ": 'value.fields-include' = '" + include
            + "' is not one of 'ALL', 'EXCEPT_KEY'");
    }
  }

  /** Where the source starts reading each partition. */
  OffsetsInitializer startingOffsets() {
    String mode = options.get(KafkaConnectorOptions.SCAN_STARTUP_MODE);
    return offsets(KafkaConnectorOptions.SCAN_STARTUP_MODE, mode, KafkaConnectorOptions.SCAN_STARTUP_TIMESTAMP_MILLIS,
        KafkaConnectorOptions.SCAN_STARTUP_SPECIFIC_OFFSETS, groupResetStrategy());
  }

  /** Where a bounded source stops, or null for an unbounded one. */
  OffsetsInitializer stoppingOffsets() {
    String mode = options.get(KafkaConnectorOptions.SCAN_BOUNDED_MODE);
    if (mode.equals("unbounded")) {
      return null;
    }
    return offsets(KafkaConnectorOptions.SCAN_BOUNDED_MODE, mode, KafkaConnectorOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS,
        KafkaConnectorOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS, OffsetResetStrategy.LATEST);
  }

  private OffsetsInitializer offsets(ConfigOption<String> modeOption, String mode, ConfigOption<Long> timestampOption,
      ConfigOption<String> offsetsOption, OffsetResetStrategy groupReset) {
    switch (mode) {
      case "earliest-offset":
        return OffsetsInitializer.earliest();
      case "latest-offset":
        return OffsetsInitializer.latest();
      case "group-offsets":
        return OffsetsInitializer.committedOffsets(groupReset);
      case "timestamp":
        return OffsetsInitializer.timestamp(options.getOptional(timestampOption).orElseThrow(() ->
            new ValidationException("Table " + table + ": '" + modeOption.key() + "' = 'timestamp' needs '"
                + timestampOption.key() + "'")));
      case "specific-offsets":
        return OffsetsInitializer.offsets(specificOffsets(modeOption, offsetsOption));
      default:
        List<String> modes = new ArrayList<>(List.of("earliest-offset", "latest-offset", "group-offsets", "timestamp",
            "specific-offsets"));
        if (modeOption == KafkaConnectorOptions.SCAN_BOUNDED_MODE) {
          modes.add(0, "unbounded");
        }
        throw new ValidationException("Table " + table + ": '" + modeOption.key() + "' = '" + mode + "' is not one of "
            + modes + NearestName.of(mode, modes).or(() -> modes.stream().filter(m -> m.startsWith(mode)).findFirst())
            .map(n -> "; did you mean '" + n + "'?").orElse(""));
    }
  }

  /** The partitions' offsets of {@code 'partition:0,offset:42;partition:1,offset:300'} in the table's one topic. */
  private Map<TopicPartition, Long> specificOffsets(ConfigOption<String> modeOption,
      ConfigOption<String> offsetsOption) {
    String text = options.getOptional(offsetsOption).orElseThrow(() -> new ValidationException("Table " + table
        + ": '" + modeOption.key() + "' = 'specific-offsets' needs '" + offsetsOption.key() + "'"));
    List<String> topics = topics();
    if (topics.size() != 1) {
      throw new ValidationException("Table " + table + ": 'specific-offsets' needs exactly one 'topic', not "
          + (topics.isEmpty() ? "a 'topic-pattern'" : topics));
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (String entry : text.split(";")) {
      String[] parts = entry.trim().split(",");
      if (parts.length != 2 || !parts[0].trim().startsWith("partition:") || !parts[1].trim().startsWith("offset:")) {
        throw new ValidationException("Table " + table + ": '" + offsetsOption.key() + "' has '" + entry.trim()
            + "' where 'partition:<number>,offset:<number>' was expected (entries separated by ';')");
      }
      try {
        int partition = Integer.parseInt(parts[0].trim().substring("partition:".length()).trim());
        long offset = Long.parseLong(parts[1].trim().substring("offset:".length()).trim());
        offsets.put(new TopicPartition(topics.get(0), partition), offset);
      } catch (NumberFormatException e) {
        throw new ValidationException("Table " + table + ": '" + offsetsOption.key() + "' has '" + entry.trim()
            + "', whose partition or offset is not a whole number");
      }
    }
    return offsets;
  }

  /** Flink's reset of a partition without committed offset: {@code properties.auto.offset.reset}, else none. */
  private OffsetResetStrategy groupResetStrategy() {
    String reset = properties().getProperty("auto.offset.reset", "none").trim().toUpperCase(Locale.ROOT);
    try {
      return OffsetResetStrategy.valueOf(reset);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Table " + table + ": 'properties.auto.offset.reset' = '" + reset
          + "' is not one of 'earliest', 'latest', 'none'");
    }
  }

  /** The sink's partitioner. */
  KafkaDynamicSink.Partitioner partitioner() {
    String partitioner = options.get(KafkaConnectorOptions.SINK_PARTITIONER);
    switch (partitioner) {
      case "default":
        return KafkaDynamicSink.Partitioner.DEFAULT;
      case "fixed":
        return KafkaDynamicSink.Partitioner.FIXED;
      case "round-robin":
        return KafkaDynamicSink.Partitioner.ROUND_ROBIN;
      default:
        throw new ValidationException("Table " + table + ": 'sink.partitioner' = '" + partitioner
            + "' is not one of 'default', 'fixed', 'round-robin'");
    }
  }

  /** The sink's delivery guarantee. */
  DeliveryGuarantee deliveryGuarantee() {
    String guarantee = options.get(KafkaConnectorOptions.DELIVERY_GUARANTEE);
    for (DeliveryGuarantee candidate : DeliveryGuarantee.values()) {
      if (candidate.description().equals(guarantee)) {
        if (candidate == DeliveryGuarantee.EXACTLY_ONCE
            && options.getOptional(KafkaConnectorOptions.TRANSACTIONAL_ID_PREFIX).isEmpty()) {
          throw new ValidationException("Table " + table + ": 'sink.delivery-guarantee' = 'exactly-once' needs"
              + " 'sink.transactional-id-prefix', unique to the job");
        }
        return candidate;
      }
    }
    throw new ValidationException("Table " + table + ": 'sink.delivery-guarantee' = '" + guarantee
        + "' is not one of 'none', 'at-least-once', 'exactly-once'");
  }

  /** The sink's parallelism, or null. */
  Integer sinkParallelism() {
    Integer parallelism = options.getOptional(KafkaConnectorOptions.SINK_PARALLELISM).orElse(null);
    if (parallelism != null && parallelism < 1) {
      throw new ValidationException("Table " + table + ": 'sink.parallelism' must be at least 1, not " + parallelism);
    }
    return parallelism;
  }

  /**
   * The {@code upsert-kafka} sink's buffer as {@code {maxRows, intervalMillis}}, or null when it writes
   * every row at once; both options must be positive together, as in Flink.
   */
  long[] sinkBufferFlush() {
    int maxRows = options.get(KafkaConnectorOptions.SINK_BUFFER_FLUSH_MAX_ROWS);
    long interval = options.get(KafkaConnectorOptions.SINK_BUFFER_FLUSH_INTERVAL).toMillis();
    if (maxRows < 0 || interval < 0) {
      throw new ValidationException("Table " + table + ": 'sink.buffer-flush.max-rows' and"
          + " 'sink.buffer-flush.interval' must not be negative");
    }
    if ((maxRows > 0) != (interval > 0)) {
      throw new ValidationException("Table " + table + ": 'sink.buffer-flush.max-rows' and"
          + " 'sink.buffer-flush.interval' must both be greater than zero to buffer the sink's rows (or both 0);"
          + " got " + maxRows + " rows and " + interval + " ms");
    }
    return maxRows == 0 ? null : new long[] {maxRows, interval};
  }
}
