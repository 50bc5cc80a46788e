package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.KafkaSourceBuilder;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.connector.source.abilities.SupportsReadingMetadata;
import io.spate.table.connector.source.abilities.SupportsWatermarkPushDown;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The scan of a {@code kafka} or {@code upsert-kafka} table: a {@link KafkaSource} of its topics that
 * reads each record as a row (key and value columns through their formats, then the requested
 * metadata). An upsert table's scan produces inserts, updates and deletes (tombstones) by key. The
 * table's watermarks are made in the source's readers, one generator per partition, as in Flink: a
 * reader of several partitions holds its watermark at the slowest one's, so rows in order within each
 * partition are never late however the partitions interleave.
 */
@Internal
final class KafkaDynamicSource implements ScanTableSource, SupportsReadingMetadata, SupportsWatermarkPushDown {

  private final KafkaTableLayout layout;
  private final DecodingFormat<DeserializationSchema<Row>> keyFormat;
  private final DecodingFormat<DeserializationSchema<Row>> valueFormat;
  private final List<String> topics;
  private final Pattern topicPattern;
  private final Properties properties;
  private final OffsetsInitializer startingOffsets;
  private final OffsetsInitializer stoppingOffsets;
  private final boolean upsert;
  private final String summary;
  private List<KafkaMetadata> metadata = List.of();
  private RowType producedType;

  KafkaDynamicSource(KafkaTableLayout layout, DecodingFormat<DeserializationSchema<Row>> keyFormat,
      DecodingFormat<DeserializationSchema<Row>> valueFormat, List<String> topics, Pattern topicPattern,
      Properties properties, OffsetsInitializer startingOffsets, OffsetsInitializer stoppingOffsets, boolean upsert,
      String summary) {
    this.layout = layout;
    this.keyFormat = keyFormat;
    this.valueFormat = valueFormat;
    this.topics = topics;
    this.topicPattern = topicPattern;
    this.properties = properties;
    this.startingOffsets = startingOffsets;
    this.stoppingOffsets = stoppingOffsets;
    this.upsert = upsert;
    this.summary = summary;
    this.producedType = layout.physical();
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return upsert ? ChangelogMode.upsert() : ChangelogMode.insertOnly();
  }

  @Override
  public Map<String, DataType> listReadableMetadata() {
    return KafkaMetadata.readable();
  }

  @Override
  public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
    List<KafkaMetadata> applied = new ArrayList<>();
    for (String key : metadataKeys) {
      applied.add(KafkaMetadata.of(key));
    }
    this.metadata = List.copyOf(applied);
    this.producedType = (RowType) TypeConversions.fromDataToLogicalType(producedDataType);
  }

  @Override
  public void applyWatermark(WatermarkStrategy<Row> watermarkStrategy) {
    // The planner runs this scan's SourceProvider with the strategy: one generator per partition.
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    DeserializationSchema<Row> keyDecoder = keyFormat == null ? null
        : keyFormat.createRuntimeDecoder(context, TypeConversions.fromLogicalToDataType(layout.keyType()));
    DeserializationSchema<Row> valueDecoder = valueFormat.createRuntimeDecoder(context,
        TypeConversions.fromLogicalToDataType(layout.valueType()));
    RowKafkaDeserializer records = new RowKafkaDeserializer(keyDecoder, valueDecoder, layout.keyColumns(),
        layout.valueColumns(), layout.physical().getFieldCount(), metadata.toArray(new KafkaMetadata[0]), upsert,
        TypeInfos.ofRow(producedType));
    KafkaSourceBuilder<Row> builder = KafkaSource.<Row>builder()
        .setProperties(properties)
        .setStartingOffsets(startingOffsets)
        .setDeserializer(records);
    if (topicPattern != null) {
      builder.setTopicPattern(topicPattern);
    } else {
      builder.setTopics(topics);
    }
    if (stoppingOffsets != null) {
      builder.setBounded(stoppingOffsets);
    }
    return SourceProvider.of(builder.build());
  }

  @Override
  public String asSummaryString() {
    return summary;
  }
}
