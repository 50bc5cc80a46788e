package io.spate.examples;

/** Deterministic pseudo-random numbers for generated example data: the same input always gives the same output. */
public final class Hashing {

  private Hashing() {}

  /** A well-spread 64-bit hash of {@code z} (the SplitMix64 finalizer). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A number in [0, 1) from the high bits of {@code bits}. */
  public static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
