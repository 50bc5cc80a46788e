package io.spate.table.formats.parquet;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.BulkReaderFormatFactory;
import io.spate.table.factories.BulkWriterFormatFactory;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.formats.avro.AvroRowTypes;
import io.spate.table.formats.avro.AvroSchemaConverter;
import io.spate.table.formats.avro.GenericRecordRowFormat;
import io.spate.table.formats.avro.GenericRecordRowWriterFactory;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The {@code parquet} format of the filesystem connector (Parquet is a bulk format: files only). The
 * table's columns are mapped to a Parquet schema through their Avro schema ({@link
 * AvroSchemaConverter}), as Parquet's Avro bridge does; {@code 'parquet.compression'} compresses pages.
 */
@PublicEvolving
public final class ParquetFileFormatFactory implements BulkReaderFormatFactory, BulkWriterFormatFactory {

  /** The format's identifier. */
  public static final String IDENTIFIER = "parquet";

  /** The codec that compresses pages, Parquet's option {@code parquet.compression}. */
  public static final ConfigOption<String> COMPRESSION = ConfigOptions.key("compression").stringType()
      .defaultValue("UNCOMPRESSED")
      .withDescription("The compression codec of Parquet files written: UNCOMPRESSED, SNAPPY, GZIP or ZSTD.");

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
    return Set.of(COMPRESSION);
  }

  @Override
  public DecodingFormat<BulkFormat<Row, FileSourceSplit>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    return new DecodingFormat<>() {
      @Override
      public BulkFormat<Row, FileSourceSplit> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        RowType rowType = AvroRowTypes.checked(table, physicalDataType, true);
        return new GenericRecordRowFormat(rowType,
            new ParquetRecordFiles.RecordFormat(AvroSchemaConverter.convertToSchema(rowType)));
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
    CompressionCodecName codec = codec(table, formatOptions.get(COMPRESSION));
    return new EncodingFormat<>() {
      @Override
      public BulkWriter.Factory<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        RowType rowType = AvroRowTypes.checked(table, physicalDataType, true);
        Schema schema = AvroSchemaConverter.convertToSchema(rowType);
        return new GenericRecordRowWriterFactory(rowType, schema, new ParquetRecordFiles.WriterFactory(schema, codec));
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  private static CompressionCodecName codec(String table, String name) {
    try {
      return CompressionCodecName.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Table " + table + ": 'parquet.compression' = '" + name
          + "' is not a Parquet codec; use one of " + Arrays.toString(CompressionCodecName.values()));
    }
  }
}
