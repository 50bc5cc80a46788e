package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads a file split in batches of records, each with the position to restore to after it; the
 * format of {@link FileSource#forBulkFileFormat}. A reader restored from a checkpoint must itself
 * seek to the split's position and skip the records the position says were read.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
public interface BulkFormat<T, SplitT extends FileSourceSplit> extends Serializable, ResultTypeQueryable<T> {

  /** A reader of {@code split} from its start. */
  Reader<T> createReader(Configuration config, SplitT split) throws IOException;

  /** A reader of {@code split} from the position it carries ({@link FileSourceSplit#getReaderPosition()}). */
  Reader<T> restoreReader(Configuration config, SplitT split) throws IOException;

  /** Whether a file may be cut into several splits (Spate reads each file as one split). */
  boolean isSplittable();

  @Override
  TypeInformation<T> getProducedType();

  /**
   * Reads the batches of one split.
   *
   * @param <T> the record type
   */
  interface Reader<T> extends Closeable {

    /** The next batch, or null at the end of the split. */
    RecordIterator<T> readBatch() throws IOException;

    @Override
    void close() throws IOException;
  }

  /**
   * The records of one batch.
   *
   * @param <T> the record type
   */
  interface RecordIterator<T> {

    /**
     * The next record with its position, or null at the end of the batch. The returned object may
     * be reused by the next call.
     */
    RecordAndPosition<T> next();

    /** Frees the batch; called after its last record. */
    void releaseBatch();
  }
}
