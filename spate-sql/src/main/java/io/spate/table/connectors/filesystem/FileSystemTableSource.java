package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.file.TextLineInputFormat;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.formats.csv.CsvRowDataDeserializationSchema;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.utils.TypeConversions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The scan of a filesystem table: a file source over its path, decoding lines with the table's format. */
@Internal
final class FileSystemTableSource implements ScanTableSource {

  private final FileSystemTableFactory.TableLayout layout;
  private final String path;
  private final DecodingFormat<DeserializationSchema<Row>> format;
  /** The table's file format (Avro, Parquet), if it is one; then {@link #format} is null. */
  private final DecodingFormat<BulkFormat<Row, FileSourceSplit>> fileFormat;
  private final Duration monitorInterval;
  private final String defaultPartitionName;

  FileSystemTableSource(FileSystemTableFactory.TableLayout layout, String path,
      DecodingFormat<DeserializationSchema<Row>> format, Duration monitorInterval, String defaultPartitionName) {
    this(layout, path, format, null, monitorInterval, defaultPartitionName);
  }

  FileSystemTableSource(FileSystemTableFactory.TableLayout layout, String path,
      DecodingFormat<DeserializationSchema<Row>> format, DecodingFormat<BulkFormat<Row, FileSourceSplit>> fileFormat,
      Duration monitorInterval, String defaultPartitionName) {
    this.layout = layout;
    this.path = path;
    this.format = format;
    this.fileFormat = fileFormat;
    this.monitorInterval = monitorInterval;
    this.defaultPartitionName = defaultPartitionName;
    if (monitorInterval == null && !Files.exists(Path.of(path))) {
      throw new ValidationException("Table " + layout.table() + ": its path '" + path + "' does not exist");
    }
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    if (fileFormat != null) {
      return filesProvider(context);
    }
    DeserializationSchema<Row> decoder = format.createRuntimeDecoder(context,
        TypeConversions.fromLogicalToDataType(layout.dataType()));
    BulkFormat<String, FileSourceSplit> lines = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
        new io.spate.api.fs.Path(path)).build().getFormat();
    LineRecordsFormat.RecordGoesOn goesOn = decoder instanceof CsvRowDataDeserializationSchema csv
        ? csv::recordGoesOn : null;
    int[] sources = new int[layout.physical().getFieldCount()];
    for (int i = 0; i < layout.dataColumns().length; i++) {
      sources[layout.dataColumns()[i]] = i;
    }
    for (int k = 0; k < layout.partitionColumns().length; k++) {
      sources[layout.partitionColumns()[k]] = -1 - k;
    }
    LineRecordsFormat records = new LineRecordsFormat(layout.table(), path, lines, decoder, goesOn,
        TypeInfos.ofRow(layout.physical()), sources,
        new LineRecordsFormat.PartitionColumns(layout.partitionKeys(), layout.partitionTypes(), defaultPartitionName));
    FileSource.FileSourceBuilder<Row> builder = FileSource.forBulkFileFormat(records, new io.spate.api.fs.Path(path));
    if (monitorInterval != null) {
      builder.monitorContinuously(monitorInterval);
    }
    return SourceProvider.of(builder.build());
  }

  private ScanRuntimeProvider filesProvider(ScanContext context) {
    BulkFormat<Row, FileSourceSplit> files = fileFormat.createRuntimeDecoder(context,
        TypeConversions.fromLogicalToDataType(layout.dataType()));
    BulkRecordsFormat records = new BulkRecordsFormat(layout.table(), path, files, TypeInfos.ofRow(layout.physical()),
        sources(), new LineRecordsFormat.PartitionColumns(layout.partitionKeys(), layout.partitionTypes(),
            defaultPartitionName));
    FileSource.FileSourceBuilder<Row> builder = FileSource.forBulkFileFormat(records, new io.spate.api.fs.Path(path));
    if (monitorInterval != null) {
      builder.monitorContinuously(monitorInterval);
    }
    return SourceProvider.of(builder.build());
  }

  /** For each physical column: its index among the data columns, or -1 - its partition key's index. */
  private int[] sources() {
    int[] sources = new int[layout.physical().getFieldCount()];
    for (int i = 0; i < layout.dataColumns().length; i++) {
      sources[layout.dataColumns()[i]] = i;
    }
    for (int k = 0; k < layout.partitionColumns().length; k++) {
      sources[layout.partitionColumns()[k]] = -1 - k;
    }
    return sources;
  }

  @Override
  public String asSummaryString() {
    return "filesystem";
  }
}
