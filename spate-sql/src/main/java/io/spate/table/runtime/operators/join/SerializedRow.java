package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.util.Arrays;

/**
 * A row that a join keeps in its state as the bytes its row serializer wrote: two objects per row
 * (this and the bytes) where the row itself is its field array and every field's objects, which a
 * state of millions of rows makes the garbage collector copy over and over. The row is read from
 * the bytes each time the join needs it, and kept from its second read on: a row that other rows
 * join often (an auction, by each of its bids) is read twice, and a row joined once (a bid that came
 * before its auction, when the auction comes) is not kept as a row beside its bytes for good.
 *
 * <p>The value never changes (the kept row is the bytes read back), so state backends may share it
 * with a running snapshot; only the task's thread reads or sets the kept row, and a snapshot reads
 * the bytes only.
 */
@Internal
public final class SerializedRow {

  private final byte[] bytes;
  private Row row;
  private boolean readBefore;

  /** The row whose serialized form is {@code bytes}, which this takes over. */
  SerializedRow(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The serialized row; the caller must not change it. */
  byte[] bytes() {
    return bytes;
  }

  /** The row, read with {@code codec} unless kept from an earlier read; the caller must not change it. */
  Row row(SerializedRowCodec codec) {
    Row read = row;
    if (read != null) {
      return read;
    }
    read = codec.read(bytes);
    if (readBefore) {
      row = read;
    } else {
      readBefore = true;
    }
    return read;
  }

  /** Equal to another serialized row of the same bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SerializedRow other && Arrays.equals(other.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SerializedRow(" + bytes.length + " bytes)";
  }
}
