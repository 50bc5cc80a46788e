package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.fs.FileSystem;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.factories.BulkReaderFormatFactory;
import io.spate.table.factories.BulkWriterFormatFactory;
import io.spate.table.factories.DeserializationFormatFactory;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.factories.FormatFactories;
import io.spate.table.factories.FormatFactory;
import io.spate.table.factories.SerializationFormatFactory;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code filesystem} connector: a table that is a file or a directory of files in a format
 * ({@code 'format' = 'csv'}, {@code 'json'}, {@code 'raw'}, or the file formats {@code 'avro'} and
 * {@code 'parquet'}), read by a bounded scan (or a continuous one with
 * {@code source.monitor-interval}) and written exactly once by a file sink whose part files become
 * visible when a checkpoint completes. {@code PARTITIONED BY} columns are {@code key=value}
 * directories, not part of the files.
 */
@PublicEvolving
public final class FileSystemTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {

  /** The connector's identifier. */
  public static final String IDENTIFIER = "filesystem";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(FileSystemConnectorOptions.PATH, FormatFactories.FORMAT);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(FileSystemConnectorOptions.SOURCE_MONITOR_INTERVAL, FileSystemConnectorOptions.PARTITION_DEFAULT_NAME,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_FILE_SIZE,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_ROLLOVER_INTERVAL,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_INACTIVITY_INTERVAL,
        FileSystemConnectorOptions.SINK_ROLLING_POLICY_CHECK_INTERVAL, FileSystemConnectorOptions.SINK_PARALLELISM);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    ReadableConfig options = validatedOptions(context);
    TableLayout layout = TableLayout.of(context);
    if (isFileFormat(context, BulkReaderFormatFactory.class)) {
      FormatFactories.Discovered<BulkReaderFormatFactory> files = FormatFactories.discover(context,
          BulkReaderFormatFactory.class, FormatFactories.FORMAT);
      return new FileSystemTableSource(layout, localPath(options), null,
          files.factory().createDecodingFormat(context, files.options()),
          options.getOptional(FileSystemConnectorOptions.SOURCE_MONITOR_INTERVAL).orElse(null),
          options.get(FileSystemConnectorOptions.PARTITION_DEFAULT_NAME));
    }
    FormatFactories.Discovered<DeserializationFormatFactory> format = FormatFactories.discover(context,
        DeserializationFormatFactory.class, FormatFactories.FORMAT);
    DecodingFormat<DeserializationSchema<Row>> decoding = format.factory().createDecodingFormat(context,
        format.options());
    return new FileSystemTableSource(layout, localPath(options), decoding,
        options.getOptional(FileSystemConnectorOptions.SOURCE_MONITOR_INTERVAL).orElse(null),
        options.get(FileSystemConnectorOptions.PARTITION_DEFAULT_NAME));
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    ReadableConfig options = validatedOptions(context);
    TableLayout layout = TableLayout.of(context);
    if (isFileFormat(context, BulkWriterFormatFactory.class)) {
      FormatFactories.Discovered<BulkWriterFormatFactory> files = FormatFactories.discover(context,
          BulkWriterFormatFactory.class, FormatFactories.FORMAT);
      return new FileSystemTableSink(layout, localPath(options), null,
          files.factory().createEncodingFormat(context, files.options()), FileSystemTableSink.Rolling.of(options,
          layout.table()), options.get(FileSystemConnectorOptions.PARTITION_DEFAULT_NAME),
          options.getOptional(FileSystemConnectorOptions.SINK_PARALLELISM).orElse(null));
    }
    FormatFactories.Discovered<SerializationFormatFactory> format = FormatFactories.discover(context,
        SerializationFormatFactory.class, FormatFactories.FORMAT);
    EncodingFormat<SerializationSchema<Row>> encoding = format.factory().createEncodingFormat(context,
        format.options());
    return new FileSystemTableSink(layout, localPath(options), encoding, FileSystemTableSink.Rolling.of(options,
        layout.table()), options.get(FileSystemConnectorOptions.PARTITION_DEFAULT_NAME),
        options.getOptional(FileSystemConnectorOptions.SINK_PARALLELISM).orElse(null));
  }

  private ReadableConfig validatedOptions(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    String format = context.getCatalogTable().getOptions().get(FormatFactories.FORMAT.key());
    if (format == null) {
      helper.validate();
    } else {
      checkUnknownOptions(context, format);
      helper.validateExcept(format + ".");
    }
    return helper.getOptions();
  }

  /**
   * Fails on an option neither the connector nor its format knows, naming the nearest of both: a
   * format option written without its prefix ({@code 'field-delimiter'}) gets the prefixed name.
   */
  private void checkUnknownOptions(Context context, String format) {
    String table = context.getObjectIdentifier().asSummaryString();
    // A format with a file (bulk) factory, such as avro, also has a message factory of the same name: the files win.
    Class<? extends FormatFactory> kind = isFileFormat(context, BulkReaderFormatFactory.class)
        ? BulkReaderFormatFactory.class : FormatFactory.class;
    FormatFactory factory = FormatFactories.find(context.getClassLoader(), kind, format, table);
    Set<String> known = new TreeSet<>();
    known.add(FactoryUtil.CONNECTOR.key());
    requiredOptions().forEach(o -> known.add(o.key()));
    optionalOptions().forEach(o -> known.add(o.key()));
    Set<String> formatKeys = new TreeSet<>();
    factory.requiredOptions().forEach(o -> formatKeys.add(format + "." + o.key()));
    factory.optionalOptions().forEach(o -> formatKeys.add(format + "." + o.key()));
    Set<String> candidates = new TreeSet<>(known);
    candidates.addAll(formatKeys);
    List<String> unknown = new ArrayList<>();
    for (String key : context.getCatalogTable().getOptions().keySet()) {
      if (!known.contains(key) && !key.startsWith(format + ".")) {
        String nearest = NearestName.of(key, candidates)
            .or(() -> candidates.stream().filter(c -> c.endsWith("." + key)).findFirst()).orElse(null);
        unknown.add("'" + key + "'" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ValidationException("Table " + table + " has option(s) that connector '" + IDENTIFIER + "' and format '"
          + format + "' do not know: " + String.join(", ", unknown) + ". The connector knows: "
          + String.join(", ", known) + "; the format knows: " + String.join(", ", formatKeys));
    }
  }

  /** Whether the table's format has a factory of {@code kind}, which reads or writes whole files. */
  private static boolean isFileFormat(Context context, Class<? extends FormatFactory> kind) {
    String format = context.getCatalogTable().getOptions().get(FormatFactories.FORMAT.key());
    return format != null && FormatFactories.exists(context.getClassLoader(), kind, format);
  }

  private static String localPath(ReadableConfig options) {
    String path = options.get(FileSystemConnectorOptions.PATH);
    if (path.isBlank()) {
      throw new ValidationException("The filesystem connector's 'path' is empty");
    }
    return FileSystem.getLocalFileSystem().pathToFile(new io.spate.api.fs.Path(path)).getPath();
  }

  /**
   * Where a table's physical columns are: the data columns in the files (in order) and the partition
   * columns in directory names.
   *
   * @param table the table's name, for messages
   * @param physical the table's physical row type
   * @param dataType the columns the format reads and writes
   * @param dataColumns the positions of the data columns in the physical row
   * @param partitionKeys the partition columns, in {@code PARTITIONED BY} order
   * @param partitionColumns their positions in the physical row
   * @param partitionTypes their types
   */
  record TableLayout(String table, RowType physical, RowType dataType, int[] dataColumns, String[] partitionKeys,
      int[] partitionColumns, LogicalType[] partitionTypes) {

    static TableLayout of(Context context) {
      CatalogTable catalogTable = context.getCatalogTable();
      String table = context.getObjectIdentifier().asSummaryString();
      RowType physical = catalogTable.getPhysicalRowType();
      List<String> keys = catalogTable.getPartitionKeys();
      List<RowType.RowField> dataFields = new ArrayList<>();
      List<Integer> dataColumns = new ArrayList<>();
      for (int i = 0; i < physical.getFieldCount(); i++) {
        if (!keys.contains(physical.getFieldNames().get(i))) {
          dataFields.add(physical.getFields().get(i));
          dataColumns.add(i);
        }
      }
      int[] partitionColumns = new int[keys.size()];
      LogicalType[] partitionTypes = new LogicalType[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        int index = physical.getFieldNames().indexOf(keys.get(k));
        if (index < 0) {
          throw new ValidationException("Table " + table + " is partitioned by '" + keys.get(k)
              + "', which is not one of its physical columns");
        }
        partitionColumns[k] = index;
        partitionTypes[k] = physical.getTypeAt(index);
        PartitionPaths.checkPartitionType(table, keys.get(k), partitionTypes[k]);
      }
      if (dataFields.isEmpty()) {
        throw new ValidationException("Table " + table + " has only partition columns; the filesystem connector needs"
            + " at least one column in its files");
      }
      return new TableLayout(table, physical, new RowType(false, dataFields),
          dataColumns.stream().mapToInt(Integer::intValue).toArray(), keys.toArray(new String[0]), partitionColumns,
          partitionTypes);
    }

    boolean isPartitioned() {
      return partitionKeys.length > 0;
    }
  }
}
