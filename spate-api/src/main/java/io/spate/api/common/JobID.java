package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifies one submitted job. */
@Public
public record JobID(long upper, long lower) implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new random id. */
  public static JobID generate() {
    return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /** Parses the 32-hex-digit form produced by {@link #toString()}. */
  public static JobID fromHexString(String hex) {
    if (hex == null || hex.length() != 32 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("A job id is 32 hexadecimal digits, got: " + hex);
    }
    return new JobID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  // equals and hashCode are written out: a record's generated ones bootstrap method handles the first
  // time they run, and a job id is first hashed when its job is submitted, on the clock of the job's
  // start (tens of milliseconds in a fresh JVM, for the first record of all).
  @Override
  public boolean equals(Object o) {
    return o instanceof JobID other && upper == other.upper && lower == other.lower;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(upper) * 31 + Long.hashCode(lower);
  }

  /**
   * The 32 lowercase hexadecimal digits of the id. Not {@code String.format}: its format parser is a
   * regular expression, and ids are printed (thread names, file names) at a job's first checkpoint,
   * long after the JIT compiled the regular expressions of the job's own functions; a new kind of
   * pattern node seen then made it discard that code.
   */
  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(upper) + hex.toHexDigits(lower);
  }

  // ---------------------------------------------------------------- Flink's constructors and factories

  /** A new random id, as {@link #generate()} gives. */
  public JobID() {
    this(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /**
   * The id of the 16 bytes {@code bytes}: the upper half first, each half big-endian, so that their hex
   * digits are {@link #toString()}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 16 bytes long
   */
  public JobID(byte[] bytes) {
    this(half(bytes, 0), half(bytes, 8));
  }

  /** The same as {@link #JobID(byte[])}. */
  public static JobID fromByteArray(byte[] bytes) {
    return new JobID(bytes);
  }

  /**
   * The id of the next 16 bytes of {@code buffer}, read as {@link #JobID(byte[])} reads them.
   *
   * @throws IllegalArgumentException if fewer than 16 bytes remain
   */
  public static JobID fromByteBuffer(ByteBuffer buffer) {
    if (buffer.remaining() < 16) {
      throw new IllegalArgumentException("A job id is 16 bytes, but the buffer holds only " + buffer.remaining() + ".");
    }
    byte[] bytes = new byte[16];
    buffer.get(bytes);
    return new JobID(bytes);
  }

  private static long half(byte[] bytes, int offset) {
    if (bytes == null || bytes.length != 16) {
      throw new IllegalArgumentException("A job id is 16 bytes, got "
          + (bytes == null ? "null" : bytes.length + " bytes") + ".");
    }
    return ByteBuffer.wrap(bytes, offset, 8).getLong();
  }
}
