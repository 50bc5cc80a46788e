package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.kafka.source.KafkaSourceOptions;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.factories.DynamicTableFactory;
import java.util.List;
import java.util.Properties;

/** What the {@code kafka} and {@code upsert-kafka} factories share: the table's layout and its scan. */
@Internal
final class KafkaSources {

  private KafkaSources() {}

  /** The layout of the table {@code context} describes, with key columns {@code keyNames} (named by {@code keyOption}). */
  static KafkaTableLayout layout(DynamicTableFactory.Context context, KafkaTableOptions options,
      List<String> keyNames, String keyOption) {
    String prefix = options.options().getOptional(KafkaConnectorOptions.KEY_FIELDS_PREFIX).orElse(null);
    boolean exceptKey = options.valueExceptKey();
    if (prefix != null && !exceptKey) {
      throw new ValidationException("Table " + options.table() + " has a 'key.fields-prefix', which needs"
          + " 'value.fields-include' = 'EXCEPT_KEY' (the value format would otherwise see the prefixed names)");
    }
    return KafkaTableLayout.of(options.table(), context.getCatalogTable().getPhysicalRowType(), keyNames, prefix,
        exceptKey, keyOption);
  }

  /** The scan of a table; {@code upsert} reads tombstones as deletes and always starts at the earliest offsets. */
  static KafkaDynamicSource create(KafkaTableOptions options, KafkaTableLayout layout,
      DecodingFormat<DeserializationSchema<Row>> keyFormat, DecodingFormat<DeserializationSchema<Row>> valueFormat,
      boolean upsert, String summary) {
    Properties properties = options.properties();
    options.options().getOptional(KafkaConnectorOptions.SCAN_TOPIC_PARTITION_DISCOVERY).ifPresent(interval ->
        properties.setProperty(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(),
            Long.toString(interval.toMillis())));
    List<String> topics = options.topics();
    OffsetsInitializer starting = upsert ? OffsetsInitializer.earliest() : options.startingOffsets();
    OffsetsInitializer stopping = options.stoppingOffsets();
    boolean group = properties.getProperty("group.id") != null;
    String startup = options.options().get(KafkaConnectorOptions.SCAN_STARTUP_MODE);
    if (!group && !upsert && startup.equals("group-offsets")) {
      throw new ValidationException("Table " + options.table() + " starts at its consumer group's offsets"
          + " ('scan.startup.mode' = 'group-offsets', the default), but has no 'properties.group.id': set one, or"
          + " another 'scan.startup.mode' such as 'earliest-offset'");
    }
    if (!group && options.options().get(KafkaConnectorOptions.SCAN_BOUNDED_MODE).equals("group-offsets")) {
      throw new ValidationException("Table " + options.table() + " stops at its consumer group's offsets"
          + " ('scan.bounded.mode' = 'group-offsets'), but has no 'properties.group.id'");
    }
    return new KafkaDynamicSource(layout, keyFormat, valueFormat, topics, options.topicPattern(), properties,
        starting, stopping, upsert, summary);
  }
}
