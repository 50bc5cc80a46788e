package io.spate.table.connectors.kafka;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.DynamicTableSourceFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code kafka} connector: a table that is a Kafka topic (or several, or a topic pattern) of
 * records in a format, read as an append-only stream (from where {@code scan.startup.mode} says, up
 * to where {@code scan.bounded.mode} says) and written by an insert-only sink with at-least-once or
 * exactly-once delivery. Key columns ({@code key.fields}) can be in the record key, in a format of
 * their own; Kafka's record metadata (topic, offset, timestamp, headers, ...) are {@code METADATA}
 * columns.
 */
@PublicEvolving
public final class KafkaDynamicTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {

  /** The connector's identifier. */
  public static final String IDENTIFIER = "kafka";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(KafkaConnectorOptions.PROPS_BOOTSTRAP_SERVERS);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(KafkaConnectorOptions.TOPIC, KafkaConnectorOptions.TOPIC_PATTERN,
        KafkaConnectorOptions.PROPS_GROUP_ID, KafkaConnectorOptions.FORMAT, KafkaConnectorOptions.VALUE_FORMAT,
        KafkaConnectorOptions.KEY_FORMAT, KafkaConnectorOptions.KEY_FIELDS, KafkaConnectorOptions.KEY_FIELDS_PREFIX,
        KafkaConnectorOptions.VALUE_FIELDS_INCLUDE, KafkaConnectorOptions.SCAN_STARTUP_MODE,
        KafkaConnectorOptions.SCAN_STARTUP_SPECIFIC_OFFSETS, KafkaConnectorOptions.SCAN_STARTUP_TIMESTAMP_MILLIS,
        KafkaConnectorOptions.SCAN_BOUNDED_MODE, KafkaConnectorOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS,
        KafkaConnectorOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS, KafkaConnectorOptions.SCAN_TOPIC_PARTITION_DISCOVERY,
        KafkaConnectorOptions.SINK_PARTITIONER, KafkaConnectorOptions.DELIVERY_GUARANTEE,
        KafkaConnectorOptions.TRANSACTIONAL_ID_PREFIX, KafkaConnectorOptions.SINK_PARALLELISM);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    KafkaTableOptions options = KafkaTableOptions.validated(this, context);
    KafkaTableLayout layout = layout(context, options);
    DecodingFormat<DeserializationSchema<Row>> keyFormat = layout.hasKey()
        ? options.decodingFormat(true) : null;
    DecodingFormat<DeserializationSchema<Row>> valueFormat = options.decodingFormat(false);
    return KafkaSources.create(options, layout, keyFormat, valueFormat, false, IDENTIFIER);
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    KafkaTableOptions options = KafkaTableOptions.validated(this, context);
    KafkaTableLayout layout = layout(context, options);
    EncodingFormat<SerializationSchema<Row>> keyFormat = layout.hasKey() ? options.encodingFormat(true) : null;
    EncodingFormat<SerializationSchema<Row>> valueFormat = options.encodingFormat(false);
    return new KafkaDynamicSink(layout, keyFormat, valueFormat, options.sinkTopic(), options.properties(),
        options.partitioner(), options.deliveryGuarantee(),
        options.options().getOptional(KafkaConnectorOptions.TRANSACTIONAL_ID_PREFIX).orElse(null),
        options.sinkParallelism(), false, IDENTIFIER);
  }

  private static KafkaTableLayout layout(Context context, KafkaTableOptions options) {
    String table = options.table();
    String fields = options.options().getOptional(KafkaConnectorOptions.KEY_FIELDS).orElse(null);
    String keyFormat = options.keyFormat();
    if (fields != null && keyFormat == null) {
      throw new ValidationException("Table " + table + " has 'key.fields' but no 'key.format': add 'key.format' ="
          + " 'json' (or another format) for the record key");
    }
    if (fields == null && keyFormat != null) {
      throw new ValidationException("Table " + table + " has a 'key.format' but no 'key.fields': name the columns"
          + " of the record key, separated by ';'");
    }
    List<String> keyNames = fields == null ? List.of()
        : Arrays.stream(fields.split(";")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    return KafkaSources.layout(context, options, keyNames, "'key.fields'");
  }
}
