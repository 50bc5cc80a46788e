package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.file.BasePathBucketAssigner;
import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.types.utils.TypeConversions;
import java.time.Duration;

/**
 * The sink of a filesystem table: a {@link FileSink} that writes each row as a line in the table's
 * format into part files (in partition directories), committed when a checkpoint completes or the
 * input ends. It takes inserts only.
 */
@Internal
final class FileSystemTableSink implements DynamicTableSink {

  private final FileSystemTableFactory.TableLayout layout;
  private final String path;
  private final EncodingFormat<SerializationSchema<Row>> format;
  /** The table's file format (Avro, Parquet), if it is one; then {@link #format} is null. */
  private final EncodingFormat<BulkWriter.Factory<Row>> fileFormat;
  private final Rolling rolling;
  private final String defaultPartitionName;
  private final Integer parallelism;

  FileSystemTableSink(FileSystemTableFactory.TableLayout layout, String path,
      EncodingFormat<SerializationSchema<Row>> format, Rolling rolling, String defaultPartitionName,
      Integer parallelism) {
    this(layout, path, format, null, rolling, defaultPartitionName, parallelism);
  }

  FileSystemTableSink(FileSystemTableFactory.TableLayout layout, String path,
      EncodingFormat<SerializationSchema<Row>> format, EncodingFormat<BulkWriter.Factory<Row>> fileFormat,
      Rolling rolling, String defaultPartitionName, Integer parallelism) {
    this.layout = layout;
    this.path = path;
    this.format = format;
    this.fileFormat = fileFormat;
    this.rolling = rolling;
    this.defaultPartitionName = defaultPartitionName;
    this.parallelism = parallelism;
    if (parallelism != null && parallelism < 1) {
      throw new ValidationException("Table " + layout.table() + ": 'sink.parallelism' must be at least 1, not "
          + parallelism);
    }
  }

  @Override
  public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
    return ChangelogMode.insertOnly();
  }

  @Override
  public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
    if (fileFormat != null) {
      return provider(filesSink(context));
    }
    SerializationSchema<Row> encoder = format.createRuntimeEncoder(context,
        TypeConversions.fromLogicalToDataType(layout.dataType()));
    RowLineEncoder lines = new RowLineEncoder(layout.table(), encoder,
        layout.isPartitioned() ? layout.dataColumns() : null);
    FileSink<Row> sink = FileSink.forRowFormat(new io.spate.api.fs.Path(path), lines)
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withMaxPartSize(rolling.fileSizeBytes())
            .withRolloverInterval(rolling.rolloverInterval())
            .withInactivityInterval(rolling.inactivityInterval())
            .build())
        .withBucketCheckInterval(rolling.checkInterval().toMillis())
        .withBucketAssigner(layout.isPartitioned()
            ? new PartitionBucketAssigner(layout.partitionKeys(), layout.partitionColumns(), defaultPartitionName)
            : new BasePathBucketAssigner<>())
        .build();
    return provider(sink);
  }

  private SinkRuntimeProvider provider(FileSink<Row> sink) {
    return (DataStreamSinkProvider) (DataStream<Row> rows, String name) -> {
      DataStreamSink<Row> written = rows.sinkTo(sink).name(name);
      if (parallelism != null) {
        written.setParallelism(parallelism);
      }
      return written;
    };
  }

  /** The sink of a table in a file format: part files roll at every checkpoint (and at the rolling options). */
  private FileSink<Row> filesSink(Context context) {
    BulkWriter.Factory<Row> files = fileFormat.createRuntimeEncoder(context,
        TypeConversions.fromLogicalToDataType(layout.dataType()));
    return FileSink.forBulkFormat(new io.spate.api.fs.Path(path), new InsertOnlyBulkWriterFactory(layout.table(), files,
            layout.isPartitioned() ? layout.dataColumns() : null))
        .withRollingPolicy(new BulkRollingPolicy(rolling))
        .withBucketCheckInterval(rolling.checkInterval().toMillis())
        .withBucketAssigner(layout.isPartitioned()
            ? new PartitionBucketAssigner(layout.partitionKeys(), layout.partitionColumns(), defaultPartitionName)
            : new BasePathBucketAssigner<>())
        .build();
  }

  @Override
  public String asSummaryString() {
    return "filesystem";
  }

  /**
   * The rolling options of a filesystem sink.
   *
   * @param fileSizeBytes the size at which a part rolls
   * @param rolloverInterval how long a part may be open
   * @param inactivityInterval how long a part may go without a record
   * @param checkInterval how often the time-based limits are checked
   */
  record Rolling(long fileSizeBytes, Duration rolloverInterval, Duration inactivityInterval, Duration checkInterval) {

    static Rolling of(ReadableConfig options, String table) {
      long size = options.get(FileSystemConnectorOptions.SINK_ROLLING_POLICY_FILE_SIZE).getBytes();
      if (size <= 0) {
        throw new ValidationException("Table " + table + ": 'sink.rolling-policy.file-size' must be positive");
      }
      return new Rolling(size,
          positive(options.get(FileSystemConnectorOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL),
              "sink.rolling-policy.rollover-interval", table),
          positive(options.get(FileSystemConnectorOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL),
              "sink.rolling-policy.inactivity-interval", table),
          positive(options.get(FileSystemConnectorOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL),
              "sink.rolling-policy.check-interval", table));
    }

    private static Duration positive(Duration duration, String key, String table) {
      if (duration.isNegative() || duration.toMillis() < 1) {
        throw new ValidationException("Table " + table + ": '" + key + "' must be at least 1 ms, not " + duration);
      }
      return duration;
    }
  }
}
