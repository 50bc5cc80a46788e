package io.spate.table.connectors.kafka;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.DynamicTableSourceFactory;
import java.util.List;
import java.util.Set;

/**
 * The {@code upsert-kafka} connector: a Kafka topic as a changelog by primary key. The record key
 * holds the primary key columns; a record with a value is an insert or update of its key, one without
 * (a tombstone) a delete. The source reads the topic from its beginning as upserts (the planner adds
 * a {@code ChangelogNormalize} after it); the sink writes inserts and updates as values under their
 * key and deletes as tombstones.
 */
@PublicEvolving
public final class UpsertKafkaDynamicTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {

  /** The connector's identifier. */
  public static final String IDENTIFIER = "upsert-kafka";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(KafkaConnectorOptions.PROPS_BOOTSTRAP_SERVERS, KafkaConnectorOptions.KEY_FORMAT,
        KafkaConnectorOptions.VALUE_FORMAT);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(KafkaConnectorOptions.TOPIC, KafkaConnectorOptions.TOPIC_PATTERN,
        KafkaConnectorOptions.PROPS_GROUP_ID, KafkaConnectorOptions.KEY_FIELDS_PREFIX,
        KafkaConnectorOptions.VALUE_FIELDS_INCLUDE, KafkaConnectorOptions.SCAN_BOUNDED_MODE,
        KafkaConnectorOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS, KafkaConnectorOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS,
        KafkaConnectorOptions.SCAN_TOPIC_PARTITION_DISCOVERY, KafkaConnectorOptions.DELIVERY_GUARANTEE,
        KafkaConnectorOptions.TRANSACTIONAL_ID_PREFIX, KafkaConnectorOptions.SINK_PARALLELISM,
        KafkaConnectorOptions.SINK_BUFFER_FLUSH_MAX_ROWS, KafkaConnectorOptions.SINK_BUFFER_FLUSH_INTERVAL);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    KafkaTableOptions options = KafkaTableOptions.validated(this, context);
    KafkaTableLayout layout = layout(context, options);
    return KafkaSources.create(options, layout, options.decodingFormat(true), options.decodingFormat(false), true,
        IDENTIFIER);
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    KafkaTableOptions options = KafkaTableOptions.validated(this, context);
    KafkaTableLayout layout = layout(context, options);
    return new KafkaDynamicSink(layout, options.encodingFormat(true), options.encodingFormat(false),
        options.sinkTopic(), options.properties(), KafkaDynamicSink.Partitioner.DEFAULT, options.deliveryGuarantee(),
        options.options().getOptional(KafkaConnectorOptions.TRANSACTIONAL_ID_PREFIX).orElse(null),
        options.sinkParallelism(), true, IDENTIFIER).withBuffer(options.sinkBufferFlush());
  }

  private static KafkaTableLayout layout(Context context, KafkaTableOptions options) {
    List<String> primaryKey = context.getCatalogTable().getPrimaryKey();
    if (primaryKey.isEmpty()) {
      throw new ValidationException("Table " + options.table() + ": connector '" + IDENTIFIER + "' needs a PRIMARY"
          + " KEY, whose columns are the record key; declare one, for example PRIMARY KEY (id) NOT ENFORCED");
    }
    return KafkaSources.layout(context, options, primaryKey, "the PRIMARY KEY");
  }
}
