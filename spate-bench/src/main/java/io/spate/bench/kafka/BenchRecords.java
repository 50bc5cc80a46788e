package io.spate.bench.kafka;

import java.nio.ByteBuffer;

/**
 * The records of the Kafka benchmark and the map both engines apply: record {@code i} has an
 * 8-byte key (i) and a value of {@code valueBytes} pseudo-random bytes derived from i, so that the
 * input is the same for every run without being all zeros.
 */
public final class BenchRecords {

  private BenchRecords() {}

  /** The key of record {@code i}: its index, 8 bytes big-endian. */
  public static byte[] key(long i) {
    return ByteBuffer.allocate(Long.BYTES).putLong(i).array();
  }

  /** The value of record {@code i}: {@code valueBytes} bytes from a SplitMix64 sequence seeded with i. */
  public static byte[] value(long i, int valueBytes) {
    byte[] value = new byte[valueBytes];
    long state = i * 0x9E3779B97F4A7C15L;
    for (int at = 0; at < valueBytes; at += Long.BYTES) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      for (int b = 0; b < Long.BYTES && at + b < valueBytes; b++) {
        value[at + b] = (byte) (z >>> (8 * b));
      }
    }
    return value;
  }

  /**
   * The benchmark's map: a new array with every byte's lowest bit flipped. It reads and writes the
   * whole value, as a real transformation would, and allocates one array per record on both engines.
   */
  public static byte[] transform(byte[] value) {
    byte[] out = new byte[value.length];
    for (int i = 0; i < value.length; i++) {
      out[i] = (byte) (value[i] ^ 1);
    }
    return out;
  }
}
