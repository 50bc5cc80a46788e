package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** Integer arithmetic that stream programs need: logarithms, powers of two, casts and hash mixing. */
@PublicEvolving
public final class MathUtils {

  private MathUtils() {}

  /** The base-2 logarithm of {@code value}, rounded down. */
  public static int log2floor(int value) throws ArithmeticException {
    if (value == 0) {
      throw new ArithmeticException("Logarithm of zero is undefined.");
    }
    return 31 - Integer.numberOfLeadingZeros(value);
  }

  /** The base-2 logarithm of {@code value}, which must be a power of two. */
  public static int log2strict(int value) throws ArithmeticException, IllegalArgumentException {
    if (value == 0) {
      throw new ArithmeticException("Logarithm of zero is undefined.");
    }
    if ((value & (value - 1)) != 0) {
      throw new IllegalArgumentException("The given value " + value + " is not a power of two.");
    }
    return 31 - Integer.numberOfLeadingZeros(value);
  }

  /** The largest power of two not above {@code value} (0 for 0). */
  public static int roundDownToPowerOf2(int value) {
    return Integer.highestOneBit(value);
  }

  /** {@code value} as an int, if it fits. */
  public static int checkedDownCast(long value) {
    int downCast = (int) value;
    if (downCast != value) {
      throw new IllegalArgumentException("Cannot downcast long value " + value + " to integer.");
    }
    return downCast;
  }

  /** Whether {@code value} is a power of two (true also for 0, as in Flink). */
  public static boolean isPowerOf2(long value) {
    return (value & (value - 1)) == 0;
  }

  /** Bob Jenkins' 32-bit integer hash of {@code code}, made non-negative. */
  public static int jenkinsHash(int code) {
    code = (code + 0x7ed55d16) + (code << 12);
    code = (code ^ 0xc761c23c) ^ (code >>> 19);
    code = (code + 0x165667b1) + (code << 5);
    code = (code + 0xd3a2646c) ^ (code << 9);
    code = (code + 0xfd7046c5) + (code << 3);
    code = (code ^ 0xb55a4f09) ^ (code >>> 16);
    return code >= 0 ? code : -(code + 1);
  }

  /** The 32-bit MurmurHash3 of the one int {@code code}, made non-negative. */
  public static int murmurHash(int code) {
    code *= 0xcc9e2d51;
    code = Integer.rotateLeft(code, 15);
    code *= 0x1b873593;
    code = Integer.rotateLeft(code, 13);
    code = code * 5 + 0xe6546b64;
    code ^= 4;
    code = bitMix(code);
    if (code >= 0) {
      return code;
    }
    return code != Integer.MIN_VALUE ? -code : 0;
  }

  /** The smallest power of two not below {@code x}, for 0 &lt; x &le; 2^30. */
  public static int roundUpToPowerOfTwo(int x) {
    x = x - 1;
    x |= x >> 1;
    x |= x >> 2;
    x |= x >> 4;
    x |= x >> 8;
    x |= x >> 16;
    return x + 1;
  }

  /** {@code in} mixed (the SplitMix64 finaliser) and cut to an int, so that every input bit counts. */
  public static int longToIntWithBitMixing(long in) {
    in = (in ^ (in >>> 30)) * 0xbf58476d1ce4e5b9L;
    in = (in ^ (in >>> 27)) * 0x94d049bb133111ebL;
    in = in ^ (in >>> 31);
    return (int) in;
  }

  /** MurmurHash3's final mix of {@code in}: every input bit affects every output bit. */
  public static int bitMix(int in) {
    in ^= in >>> 16;
    in *= 0x85ebca6b;
    in ^= in >>> 13;
    in *= 0xc2b2ae35;
    in ^= in >>> 16;
    return in;
  }

  /** {@code in} with its sign bit flipped, so that signed order becomes unsigned order. */
  public static long flipSignBit(long in) {
    return in ^ Long.MIN_VALUE;
  }

  /** {@code dividend / divisor} rounded up, for a non-negative dividend and a positive divisor. */
  public static int divideRoundUp(int dividend, int divisor) {
    if (dividend < 0) {
      throw new IllegalArgumentException("Negative dividend is not supported: " + dividend);
    }
    if (divisor <= 0) {
      throw new IllegalArgumentException("Negative or zero divisor is not supported: " + divisor);
    }
    return dividend == 0 ? 0 : (dividend - 1) / divisor + 1;
  }
}
