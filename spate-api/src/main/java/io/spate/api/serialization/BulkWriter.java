package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.fs.FSDataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * Encodes records in batches into one file (a columnar or compressed format); a file sink creates
 * one per part file with its {@link Factory}, adds records, and calls {@link #finish} before it
 * closes the part.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface BulkWriter<T> {

  /** Adds {@code element} to the file; it may stay buffered in the writer. */
  void addElement(T element) throws IOException;

  /** Writes what the writer buffers to the stream. */
  void flush() throws IOException;

  /**
   * Writes everything still buffered and the file's footer; no element is added after. Must not
   * close the stream: the sink does.
   */
  void finish() throws IOException;

  /**
   * Creates the writer of one file.
   *
   * @param <T> the record type
   */
  @FunctionalInterface
  interface Factory<T> extends Serializable {

    /** The writer of the file that {@code out} writes. */
    BulkWriter<T> create(FSDataOutputStream out) throws IOException;
  }
}
