package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Random;

/**
 * A fast, not thread-safe {@link Random} by Marsaglia's xorshift generator; the seed is mixed first,
 * so that close seeds give unrelated sequences. Not for cryptography.
 */
@PublicEvolving
public class XORShiftRandom extends Random {

  private static final long serialVersionUID = 1L;

  private long seed;

  /** A generator seeded from the clock. */
  public XORShiftRandom() {
    this(System.nanoTime());
  }

  /** A generator seeded with {@code input}; the same seed gives the same sequence. */
  public XORShiftRandom(long input) {
    super(input);
    this.seed = mix(input);
  }

  private static long mix(long input) {
    long z = input + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    z = z ^ (z >>> 31);
    // The all-zero state would repeat forever.
    return z != 0 ? z : 0x2545f4914f6cdd1dL;
  }

  @Override
  public synchronized void setSeed(long seed) {
    super.setSeed(seed);
    this.seed = mix(seed);
  }

  /** The next {@code bits} random bits. */
  @Override
  public int next(int bits) {
    long next = seed;
    next ^= (next << 21);
    next ^= (next >>> 35);
    next ^= (next << 4);
    seed = next;
    return (int) (next & ((1L << bits) - 1));
  }
}
