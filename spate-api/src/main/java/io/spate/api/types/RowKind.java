package io.spate.api.types;

import io.spate.api.annotation.PublicEvolving;

/**
 * The kind of change a {@link Row} describes in a changelog: an insertion, the old or new value of an
 * update, or a deletion. A stream of rows with kinds is how an updating result (a {@code GROUP BY}
 * whose counts change, say) is told downstream.
 */
@PublicEvolving
public enum RowKind {

  /** A new row. */
  INSERT("+I", (byte) 0),

  /** The value of a row before an update; sent together with the {@link #UPDATE_AFTER} that follows. */
  UPDATE_BEFORE("-U", (byte) 1),

  /** The value of a row after an update. */
  UPDATE_AFTER("+U", (byte) 2),

  /** A row that is removed. */
  DELETE("-D", (byte) 3);

  private final String shortString;
  private final byte value;

  RowKind(String shortString, byte value) {
    this.shortString = shortString;
    this.value = value;
  }

  /** The short form printed before a row: {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
  public String shortString() {
    return shortString;
  }

  /** The kind as one byte, stable across versions: 0 to 3 in declaration order. */
  public byte toByteValue() {
    return value;
  }

  /**
   * The kind whose {@link #toByteValue()} is {@code value}.
   *
   * @throws UnsupportedOperationException naming the byte and the known ones, if no kind has it
   */
  public static RowKind fromByteValue(byte value) {
    switch (value) {
      case 0:
        return INSERT;
      case 1:
        return UPDATE_BEFORE;
      case 2:
        return UPDATE_AFTER;
      case 3:
        return DELETE;
      default:
        throw new UnsupportedOperationException(
            "Unknown row kind byte " + value + ": the row kinds are 0 (+I, INSERT), 1 (-U,"
                + " UPDATE_BEFORE), 2 (+U, UPDATE_AFTER) and 3 (-D, DELETE)");
    }
  }
}
