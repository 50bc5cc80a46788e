package io.spate.connectors.file;

import java.io.Serializable;

/**
 * Turns a record into one row of text for a {@link FileSink}.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RowEncoder<T> extends Serializable {

  /** Appends the row of {@code record} to {@code row}, without a line ending. */
  void encode(T record, StringBuilder row);

  /** Encodes a record as its {@code String.valueOf}. */
  static <T> RowEncoder<T> toStringEncoder() {
    return (record, row) -> row.append(record);
  }
}
