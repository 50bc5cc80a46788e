package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** A 128-bit identifier in two longs, random unless given; printed as 32 hex digits. */
@PublicEvolving
public class AbstractID implements Comparable<AbstractID>, Serializable {

  private static final long serialVersionUID = 1L;

  /** The size of an ID in bytes. */
  public static final int SIZE = 16;

  /** The upper 64 bits. */
  protected final long upperPart;

  /** The lower 64 bits. */
  protected final long lowerPart;

  private transient String hexString;

  /** The ID of the 16 bytes {@code bytes}, lower part first. */
  public AbstractID(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException("An ID needs exactly " + SIZE + " bytes, but got "
          + (bytes == null ? "null" : bytes.length + ""));
    }
    this.lowerPart = longOf(bytes, 0);
    this.upperPart = longOf(bytes, 8);
  }

  /** The ID of the two parts. */
  public AbstractID(long lowerPart, long upperPart) {
    this.lowerPart = lowerPart;
    this.upperPart = upperPart;
  }

  /** A copy of {@code id}. */
  public AbstractID(AbstractID id) {
    Objects.requireNonNull(id, "id");
    this.lowerPart = id.lowerPart;
    this.upperPart = id.upperPart;
  }

  /** A random ID. */
  public AbstractID() {
    this.lowerPart = ThreadLocalRandom.current().nextLong();
    this.upperPart = ThreadLocalRandom.current().nextLong();
  }

  /** The lower 64 bits. */
  public long getLowerPart() {
    return lowerPart;
  }

  /** The upper 64 bits. */
  public long getUpperPart() {
    return upperPart;
  }

  /** The 16 bytes, lower part first. */
  public byte[] getBytes() {
    byte[] bytes = new byte[SIZE];
    putLong(lowerPart, bytes, 0);
    putLong(upperPart, bytes, 8);
    return bytes;
  }

  /** The 32 lower-case hex digits of {@link #getBytes()}. */
  public final String toHexString() {
    if (hexString == null) {
      hexString = StringUtils.byteToHexString(getBytes());
    }
    return hexString;
  }

  private static long longOf(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFFL);
    }
    return value;
  }

  private static void putLong(long value, byte[] bytes, int offset) {
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  @Override
  public boolean equals(Object obj) {
    return obj != null && obj.getClass() == getClass()
        && ((AbstractID) obj).lowerPart == lowerPart && ((AbstractID) obj).upperPart == upperPart;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(lowerPart) ^ Long.hashCode(upperPart);
  }

  @Override
  public String toString() {
    return toHexString();
  }

  @Override
  public int compareTo(AbstractID other) {
    int diff = Long.compare(upperPart, other.upperPart);
    return diff != 0 ? diff : Long.compare(lowerPart, other.lowerPart);
  }
}
