package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.formats.avro.AvroReaders;
import io.spate.formats.avro.AvroWriters;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.BulkReaderFormatFactory;
import io.spate.table.factories.BulkWriterFormatFactory;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;

/**
 * The {@code avro} format of the filesystem connector: each part file is an Avro container file
 * (schema in its header, blocks compressed with {@code 'avro.codec'}) of records of the schema
 * derived from the table's columns ({@link AvroSchemaConverter}); files written by other tools are
 * read with that schema, resolved from theirs.
 */
@PublicEvolving
public final class AvroFileFormatFactory implements BulkReaderFormatFactory, BulkWriterFormatFactory {

  @Override
  public String factoryIdentifier() {
    return AvroFormatFactory.IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(AvroFormatOptions.AVRO_OUTPUT_CODEC, AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
  }

  @Override
  public DecodingFormat<BulkFormat<Row, FileSourceSplit>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    boolean legacy = formatOptions.get(AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
    return new DecodingFormat<>() {
      @Override
      public BulkFormat<Row, FileSourceSplit> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        RowType rowType = AvroRowTypes.checked(table, physicalDataType, legacy);
        return new GenericRecordRowFormat(rowType,
            AvroReaders.forGenericRecord(AvroSchemaConverter.convertToSchema(rowType, legacy)));
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  @Override
  public EncodingFormat<BulkWriter.Factory<Row>> createEncodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    boolean legacy = formatOptions.get(AvroFormatOptions.AVRO_TIMESTAMP_LEGACY_MAPPING);
    String codec = formatOptions.get(AvroFormatOptions.AVRO_OUTPUT_CODEC);
    try {
      CodecFactory.fromString(codec);
    } catch (RuntimeException e) {
      throw new ValidationException("Table " + table + ": 'avro.codec' = '" + codec + "' is not an Avro codec; use one"
          + " of null, deflate, snappy, bzip2, xz, zstandard");
    }
    return new EncodingFormat<>() {
      @Override
      public BulkWriter.Factory<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        RowType rowType = AvroRowTypes.checked(table, physicalDataType, legacy);
        Schema schema = AvroSchemaConverter.convertToSchema(rowType, legacy);
        return new GenericRecordRowWriterFactory(rowType, schema,
            AvroWriters.forGenericRecord(schema).withCodec(codec));
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }
}
