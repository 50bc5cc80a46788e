package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.Counter;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.file.RecordAndPosition;
import io.spate.connectors.formats.MalformedRecordCounting;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the files of a filesystem table in a file format (Avro, Parquet): the format's reader gives
 * the non-partition columns, the file's {@code key=value} directories the partition columns. Hidden
 * files ({@code _} or {@code .} names, such as the sink's in-progress parts) are skipped; positions
 * are the format's, so a restore resumes where the format's reader says.
 */
@Internal
final class BulkRecordsFormat implements BulkFormat<Row, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String root;
  private final BulkFormat<Row, FileSourceSplit> files;
  private final RowTypeInfo producedType;
  /** For each column of the produced row: the index of the read field, or -1 - the partition key's index. */
  private final int[] sources;
  private final LineRecordsFormat.PartitionColumns partitions;

  BulkRecordsFormat(String table, String root, BulkFormat<Row, FileSourceSplit> files, RowTypeInfo producedType,
      int[] sources, LineRecordsFormat.PartitionColumns partitions) {
    this.table = table;
    this.root = root;
    this.files = files;
    this.producedType = producedType;
    this.sources = sources;
    this.partitions = partitions;
  }

  @Override
  public BulkFormat.Reader<Row> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return reader(split, false, config);
  }

  @Override
  public BulkFormat.Reader<Row> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    return reader(split, true, config);
  }

  private BulkFormat.Reader<Row> reader(FileSourceSplit split, boolean restore, Configuration config)
      throws IOException {
    Path rootPath = Path.of(root).toAbsolutePath().normalize();
    Path file = Path.of(split.localPath()).toAbsolutePath().normalize();
    if (!file.equals(rootPath) && PartitionPaths.isHidden(rootPath, file)) {
      return new Empty();
    }
    Object[] partitionValues = partitions.valuesOf(table, rootPath, file);
    BulkFormat.Reader<Row> reader;
    try {
      reader = restore ? files.restoreReader(config, split) : files.createReader(config, split);
    } catch (IOException e) {
      throw new IOException("Table " + table + ": " + e.getMessage(), e); // the file source names the file
    }
    return new Reader(reader, partitionValues);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return producedType;
  }

  /** A skipped (hidden) file. */
  private static final class Empty implements BulkFormat.Reader<Row> {
    @Override
    public RecordIterator<Row> readBatch() {
      return null;
    }

    @Override
    public void close() {}
  }

  /** Adds the partition columns to the rows of one file. */
  private final class Reader implements BulkFormat.Reader<Row>, MalformedRecordCounting {
    private final BulkFormat.Reader<Row> reader;
    private final Object[] partitionValues;

    Reader(BulkFormat.Reader<Row> reader, Object[] partitionValues) {
      this.reader = reader;
      this.partitionValues = partitionValues;
    }

    @Override
    public void setMalformedRecordsCounter(Counter counter) {
      if (reader instanceof MalformedRecordCounting counting) {
        counting.setMalformedRecordsCounter(counter);
      }
    }

    @Override
    public RecordIterator<Row> readBatch() throws IOException {
      RecordIterator<Row> batch;
      try {
        batch = reader.readBatch();
      } catch (IOException | RuntimeException e) {
        throw new IOException("Table " + table + ": " + e.getMessage(), e); // the file source names the file
      }
      if (batch == null || partitionValues.length == 0) {
        return batch;
      }
      return new RecordIterator<>() {
        @Override
        public RecordAndPosition<Row> next() {
          RecordAndPosition<Row> next = batch.next();
          return next == null ? null
              : new RecordAndPosition<>(assemble(next.getRecord()), next.getOffset(), next.getRecordSkipCount());
        }

        @Override
        public void releaseBatch() {
          batch.releaseBatch();
        }
      };
    }

    private Row assemble(Row read) {
      Row row = new Row(sources.length);
      for (int i = 0; i < sources.length; i++) {
        int source = sources[i];
        row.setField(i, source >= 0 ? read.getField(source) : partitionValues[-1 - source]);
      }
      return row;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
