package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.metrics.Counter;
import io.spate.api.types.Row;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.file.RecordAndPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the files of a filesystem table: each record is a line (or, where the format says a record
 * goes on, several), decoded by the table's format into the non-partition columns; the partition
 * columns come from the file's {@code key=value} directories. Files and directories whose names start
 * with {@code _} or {@code .} are skipped. Positions are those of the underlying line reader, so a
 * restore resumes after the last record emitted.
 */
@Internal
final class LineRecordsFormat implements BulkFormat<Row, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String root;
  private final BulkFormat<String, FileSourceSplit> lines;
  private final DeserializationSchema<Row> decoder;
  private final RecordGoesOn recordGoesOn;
  private final RowTypeInfo producedType;
  /** For each column of the produced row: the index of the decoded field, or -1 - the partition key's index. */
  private final int[] sources;
  private final PartitionColumns partitions;

  LineRecordsFormat(String table, String root, BulkFormat<String, FileSourceSplit> lines,
      DeserializationSchema<Row> decoder, RecordGoesOn recordGoesOn, RowTypeInfo producedType,
      int[] sources, PartitionColumns partitions) {
    this.table = table;
    this.root = root;
    this.lines = lines;
    this.decoder = decoder;
    this.recordGoesOn = recordGoesOn;
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
    BulkFormat.Reader<String> lineReader = restore ? lines.restoreReader(config, split) : lines.createReader(config,
        split);
    return new Reader(split.localPath(), lineReader, partitionValues, restore ? split.offset() : 0, !restore);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return producedType;
  }

  /** Whether a record whose text so far is the given one goes on in the next line (a CSV quoted line break). */
  @FunctionalInterface
  interface RecordGoesOn extends java.io.Serializable {
    boolean test(String textSoFar);
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

  /** Decodes the lines of one file, batch by batch. */
  private final class Reader implements BulkFormat.Reader<Row>, MalformedRecordCounting {
    private final String file;
    private final BulkFormat.Reader<String> lineReader;
    private final Object[] partitionValues;
    private final boolean countsLines;
    private BulkFormat.RecordIterator<String> batch;
    private long lineNumber;
    /** The byte offset where the next line starts. */
    private long lineStart;

    Reader(String file, BulkFormat.Reader<String> lineReader, Object[] partitionValues, long start,
        boolean countsLines) {
      this.file = file;
      this.lineReader = lineReader;
      this.partitionValues = partitionValues;
      this.lineStart = Math.max(start, 0);
      this.countsLines = countsLines;
    }

    @Override
    public void setMalformedRecordsCounter(Counter counter) {
      if (decoder instanceof MalformedRecordCounting counting) {
        counting.setMalformedRecordsCounter(counter);
      }
    }

    /** The next line with its position, across batches; null at the end of the file. */
    private RecordAndPosition<String> nextLine() throws IOException {
      while (true) {
        if (batch == null) {
          batch = lineReader.readBatch();
          if (batch == null) {
            return null;
          }
        }
        RecordAndPosition<String> line = batch.next();
        if (line != null) {
          lineNumber++;
          return line;
        }
        batch.releaseBatch();
        batch = null;
      }
    }

    @Override
    public RecordIterator<Row> readBatch() throws IOException {
      RecordAndPosition<String> first = nextLine();
      if (first == null) {
        return null;
      }
      java.util.List<RecordAndPosition<Row>> rows = new java.util.ArrayList<>();
      RecordAndPosition<String> line = first;
      long firstLine = lineNumber;
      while (line != null) {
        long recordStart = lineStart;
        long recordLine = lineNumber;
        String text = line.getRecord();
        long offset = line.getOffset();
        long skip = line.getRecordSkipCount();
        while (recordGoesOn != null && recordGoesOn.test(text)) {
          RecordAndPosition<String> more = nextLine();
          if (more == null) {
            break;
          }
          text = text + "\n" + more.getRecord();
          offset = more.getOffset();
          skip = more.getRecordSkipCount();
        }
        lineStart = offset;
        Row decoded = null;
        try {
          if (!text.isBlank()) {
            decoded = decoder.deserialize(text.getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException | RuntimeException e) {
          throw new IOException("Table " + table + ": cannot read the file '" + file + "' at "
              + (countsLines ? "line " + recordLine + " (byte " + recordStart + ")" : "byte " + recordStart) + ": "
              + e.getMessage(), e);
        }
        if (decoded != null) {
          rows.add(new RecordAndPosition<>(assemble(decoded), offset, skip));
        }
        // A batch ends after 1024 rows, or after 4096 lines of which most held no row (comments,
        // skipped records), so that one call never reads a whole file of them.
        if (rows.size() >= 1024 || lineNumber - firstLine >= 4096) {
          break;
        }
        line = nextLine();
      }
      return new ListIterator(rows);
    }

    private Row assemble(Row decoded) {
      if (partitionValues.length == 0) {
        return decoded;
      }
      Row row = new Row(sources.length);
      for (int i = 0; i < sources.length; i++) {
        int source = sources[i];
        row.setField(i, source >= 0 ? decoded.getField(source) : partitionValues[-1 - source]);
      }
      return row;
    }

    @Override
    public void close() throws IOException {
      lineReader.close();
    }
  }

  /** The rows of one batch. */
  private static final class ListIterator implements BulkFormat.RecordIterator<Row> {
    private final java.util.List<RecordAndPosition<Row>> rows;
    private int next;

    ListIterator(java.util.List<RecordAndPosition<Row>> rows) {
      this.rows = rows;
    }

    @Override
    public RecordAndPosition<Row> next() {
      return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public void releaseBatch() {
      next = rows.size();
    }
  }

  /** The partition columns of a table, and how their values are read from a file's directories. */
  record PartitionColumns(String[] keys, io.spate.table.types.logical.LogicalType[] types, String defaultName)
      implements java.io.Serializable {

    Object[] valuesOf(String table, Path root, Path file) throws IOException {
      if (keys.length == 0) {
        return new Object[0];
      }
      Map<String, String> found = PartitionPaths.partitionsOf(root, file);
      Object[] values = new Object[keys.length];
      for (int i = 0; i < keys.length; i++) {
        String text = found.get(keys[i]);
        if (text == null) {
          throw new IOException("Table " + table + ": the file '" + file + "' is not in a '" + keys[i] + "=...'"
              + " directory below '" + root + "', but the table is partitioned by " + String.join(", ", keys));
        }
        if (text.equals(defaultName)) {
          continue;
        }
        try {
          values[i] = PartitionPaths.parse(text, types[i]);
        } catch (RuntimeException e) {
          throw new IOException("Table " + table + ": the partition directory '" + keys[i] + "=" + text + "' of the file '"
              + file + "' does not hold a " + types[i].asSummaryString() + ": " + e.getMessage(), e);
        }
      }
      return values;
    }
  }
}
