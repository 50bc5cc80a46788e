package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.DeserializationFormatFactory;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.SerializationFormatFactory;
import io.spate.table.types.DataType;
import java.util.Set;

/**
 * The {@code avro} format of message connectors (Kafka): each message is the Avro binary encoding of
 * one record of the schema derived from the table's columns ({@link AvroSchemaConverter}), with no
 * schema registry prefix. The filesystem connector reads and writes Avro container files instead
 * ({@link AvroFileFormatFactory}).
 */
@PublicEvolving
public final class AvroFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

  /** The format's identifier. */
  public static final String IDENTIFIER = "avro";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
  }

  @Override
  public DecodingFormat<DeserializationSchema<Row>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    boolean legacy = formatOptions.get(AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<Row> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        return new AvroRowDataDeserializationSchema(AvroRowTypes.checked(table, physicalDataType, legacy), legacy);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  @Override
  public EncodingFormat<SerializationSchema<Row>> createEncodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    boolean legacy = formatOptions.get(AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
    return new EncodingFormat<>() {
      @Override
      public SerializationSchema<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        return new AvroRowDataSerializationSchema(AvroRowTypes.checked(table, physicalDataType, legacy), legacy);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }
}
