package io.spate.formats.avro;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.file.CheckpointedPosition;
import io.spate.connectors.file.StreamFormat;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.io.DatumReader;

/**
 * Reads the records of Avro container files, one file per split; made by {@link AvroReaders}. A
 * checkpoint stores the start of the block being read and the records read from it, so a restore
 * seeks to the block and skips those. A file that is not an Avro container file, or a corrupt block,
 * fails the read naming the block's byte offset (the source adds the file).
 *
 * @param <T> the record type
 */
public class AvroFileFormat<T> implements StreamFormat<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;

  AvroFileFormat(AvroType<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen,
      long splitEnd) throws IOException {
    return open(stream, fileLen, -1);
  }

  @Override
  public StreamFormat.Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
      long fileLen, long splitEnd) throws IOException {
    return open(stream, fileLen, restoredOffset);
  }

  @SuppressWarnings("unchecked")
  private Reader<T> open(FSDataInputStream stream, long fileLen, long blockStart) throws IOException {
    stream.seek(0);
    DataFileReader<T> file;
    try {
      file = new DataFileReader<>(new StreamInput(stream, fileLen),
          (DatumReader<T>) type.data().createDatumReader(type.schema()));
    } catch (IOException | AvroRuntimeException e) {
      throw new IOException("not an Avro container file of " + type.describe() + ": " + e.getMessage(), e);
    }
    if (blockStart > 0) {
      file.seek(blockStart);
    }
    return new Reader<>(file);
  }

  /** False: Spate reads each file as one split. */
  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type.typeInformation();
  }

  @Override
  public String toString() {
    return "AvroFileFormat(" + type.describe() + ")";
  }

  /** Reads the records of one container file, remembering the block they came from. */
  private static final class Reader<T> implements StreamFormat.Reader<T> {

    private final DataFileReader<T> file;
    private long blockStart = -1;
    private long readInBlock;

    Reader(DataFileReader<T> file) {
      this.file = file;
    }

    @Override
    public T read() throws IOException {
      T record;
      long block;
      try {
        if (!file.hasNext()) {
          return null;
        }
        // Asked before next(): reading a block's last record already moves previousSync() to the next block.
        block = file.previousSync();
        record = file.next();
      } catch (AvroRuntimeException e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        throw new IOException("the Avro block at byte " + file.previousSync() + " is corrupt (after record "
            + (file.previousSync() == blockStart ? readInBlock : 0) + " of the block): " + cause.getMessage(), e);
      }
      if (block != blockStart) {
        blockStart = block;
        readInBlock = 0;
      }
      readInBlock++;
      return record;
    }

    @Override
    public CheckpointedPosition getCheckpointedPosition() {
      return blockStart < 0 ? null : new CheckpointedPosition(blockStart, readInBlock);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  /** A file source's stream as Avro's seekable input. */
  private static final class StreamInput implements SeekableInput {

    private final FSDataInputStream in;
    private final long length;

    StreamInput(FSDataInputStream in, long length) {
      this.in = in;
      this.length = length;
    }

    @Override
    public void seek(long p) throws IOException {
      in.seek(p);
    }

    @Override
    public long tell() throws IOException {
      return in.getPos();
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
