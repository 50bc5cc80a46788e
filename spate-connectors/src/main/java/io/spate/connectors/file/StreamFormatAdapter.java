package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.fs.FileSystem;
import io.spate.api.metrics.Counter;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.MalformedRecordCounting;
import java.io.IOException;

/**
 * Reads a {@link StreamFormat} as a {@link BulkFormat}: batches of records, each with the position
 * after it, taken from the reader when it can tell, else counted from the last known offset.
 */
final class StreamFormatAdapter<T> implements BulkFormat<T, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  static final int RECORDS_PER_BATCH = 1024;

  private final StreamFormat<T> format;

  StreamFormatAdapter(StreamFormat<T> format) {
    this.format = format;
  }

  StreamFormat<T> streamFormat() {
    return format;
  }

  @Override
  public BulkFormat.Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
    FSDataInputStream stream = open(split);
    try {
      long length = length(split);
      return new Reader<>(split, format.createReader(config, stream, length, length), 0, 0);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw new IOException("File source: cannot read '" + split.localPath() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public BulkFormat.Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    FSDataInputStream stream = open(split);
    try {
      long length = length(split);
      long offset = split.offset() == CheckpointedPosition.NO_OFFSET ? 0 : split.offset();
      // A compressed file's offsets count decompressed bytes, which may exceed the file's length.
      if (!(stream instanceof DecompressingStream) && offset > length) {
        throw new IOException("File source: cannot resume '" + split.localPath() + "' at byte " + offset
            + ": the file has " + length + " bytes, fewer than when the checkpoint was taken");
      }
      stream.seek(offset);
      Reader<T> reader = new Reader<>(split, format.restoreReader(config, stream, offset, length, length), offset, 0);
      reader.skip(split.recordsToSkip());
      return reader;
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /** The stream of the split's file; of its decompressed bytes if its extension names a compression. */
  private static FSDataInputStream open(FileSourceSplit split) throws IOException {
    InflaterInputStreamFactory<?> decompressor = StandardDeCompressors.forFile(split.localPath());
    FSDataInputStream raw;
    try {
      raw = FileSystem.getLocalFileSystem().open(split.path());
    } catch (IOException e) {
      throw new IOException("File source: cannot open '" + split.localPath() + "': " + e.getMessage(), e);
    }
    if (decompressor == null) {
      return raw;
    }
    try {
      return new DecompressingStream(decompressor.create(raw));
    } catch (IOException e) {
      raw.close();
      throw new IOException("File source: cannot decompress '" + split.localPath() + "': " + e.getMessage(), e);
    }
  }

  /**
   * The decompressed bytes of a file, positioned by their count: seeking moves forward by reading,
   * which is how a restore reaches the checkpointed offset of a compressed file.
   */
  private static final class DecompressingStream extends FSDataInputStream {

    private final java.io.InputStream in;
    private long position;

    DecompressingStream(java.io.InputStream in) {
      this.in = in;
    }

    @Override
    public void seek(long desired) throws IOException {
      if (desired < position) {
        throw new IOException("A compressed file cannot be read backwards: at byte " + position
            + " of its decompressed content, asked for byte " + desired);
      }
      byte[] scratch = new byte[8192];
      while (position < desired) {
        int read = in.read(scratch, 0, (int) Math.min(scratch.length, desired - position));
        if (read < 0) {
          throw new IOException("The decompressed content ends at byte " + position + ", before byte " + desired);
        }
        position += read;
      }
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int read = in.read(b, off, len);
      if (read > 0) {
        position += read;
      }
      return read;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static long length(FileSourceSplit split) throws IOException {
    return FileSystem.getLocalFileSystem().getFileStatus(split.path()).getLen();
  }

  @Override
  public boolean isSplittable() {
    return format.isSplittable();
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return format.getProducedType();
  }

  @Override
  public String toString() {
    return format.toString();
  }

  /** Reads batches of one split into arrays it reuses, and iterates over them. */
  private static final class Reader<T>
      implements BulkFormat.Reader<T>, BulkFormat.RecordIterator<T>, MalformedRecordCounting {

    private final String file;
    private final StreamFormat.Reader<T> reader;
    private final TextLineInputFormat.Reader lines;
    private final Object[] records = new Object[RECORDS_PER_BATCH];
    private final long[] offsets = new long[RECORDS_PER_BATCH];
    private final long[] skipCounts = new long[RECORDS_PER_BATCH];
    private final RecordAndPosition<T> current = new RecordAndPosition<>();
    private int size;
    private int next;
    /** The position after the last record read. */
    private long offset;
    private long skipCount;
    private boolean ended;

    Reader(FileSourceSplit split, StreamFormat.Reader<T> reader, long offset, long skipCount) {
      this.file = split.localPath();
      this.reader = reader;
      Object formatReader = reader;
      this.lines = formatReader instanceof TextLineInputFormat.Reader text ? text : null;
      this.offset = offset;
      this.skipCount = skipCount;
    }

    @Override
    public void setMalformedRecordsCounter(Counter counter) {
      if (reader instanceof MalformedRecordCounting counting) {
        counting.setMalformedRecordsCounter(counter);
      }
    }

    void skip(long count) throws IOException {
      for (long i = 0; i < count; i++) {
        if (readOne() == null) {
          throw new IOException("File source: cannot resume '" + file + "': the checkpoint read " + count
              + " records after byte " + offset + ", but the file has only " + i + " there now");
        }
      }
    }

    /** Reads one record and moves the position past it; null at the end. */
    private T readOne() throws IOException {
      T record;
      try {
        record = reader.read();
      } catch (IOException | RuntimeException e) {
        throw new IOException("File source: cannot read '" + file + "': " + e.getMessage(), e);
      }
      if (record == null) {
        return null;
      }
      long lineOffset = lines != null ? lines.nextLineOffset() : -1;
      if (lineOffset >= 0) {
        offset = lineOffset;
        skipCount = 0;
      } else {
        CheckpointedPosition position = lines != null ? null : reader.getCheckpointedPosition();
        if (position != null) {
          offset = position.getOffset();
          skipCount = position.getRecordsAfterOffset();
        } else {
          skipCount++;
        }
      }
      return record;
    }

    @Override
    public BulkFormat.RecordIterator<T> readBatch() throws IOException {
      if (ended) {
        return null;
      }
      size = 0;
      next = 0;
      while (size < RECORDS_PER_BATCH) {
        T record = readOne();
        if (record == null) {
          ended = true;
          break;
        }
        records[size] = record;
        offsets[size] = offset;
        skipCounts[size] = skipCount;
        size++;
      }
      return size == 0 ? null : this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public RecordAndPosition<T> next() {
      if (next == size) {
        return null;
      }
      current.record = (T) records[next];
      current.offset = offsets[next];
      current.recordSkipCount = skipCounts[next];
      records[next] = null;
      next++;
      return current;
    }

    @Override
    public void releaseBatch() {
      java.util.Arrays.fill(records, next, size, null);
      next = size;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
