package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads records one at a time from a file's stream; the format of {@link
 * FileSource#forRecordStreamFormat}. The source checkpoints where the reader is: the position the
 * reader reports ({@link Reader#getCheckpointedPosition()}), or else the number of records read
 * since the last reported one, which a restore skips again.
 *
 * @param <T> the record type
 */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {

  /**
   * A reader of the stream, positioned at the start of the split; {@code splitEnd} is where the
   * split ends ({@code fileLen} for a whole file).
   */
  Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
      throws IOException;

  /**
   * A reader of the stream, positioned at {@code restoredOffset}, a position a reader of this
   * format reported (or the split's start).
   */
  Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
      long splitEnd) throws IOException;

  /** Whether a file may be cut into several splits (Spate reads each file as one split). */
  boolean isSplittable();

  @Override
  TypeInformation<T> getProducedType();

  /**
   * Reads the records of one stream.
   *
   * @param <T> the record type
   */
  interface Reader<T> extends Closeable {

    /** The next record, or null at the end of the stream. */
    T read() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Where to resume after the last record {@link #read} returned, or null if the reader cannot
     * tell (the source then counts records).
     */
    default CheckpointedPosition getCheckpointedPosition() {
      return null;
    }
  }
}
