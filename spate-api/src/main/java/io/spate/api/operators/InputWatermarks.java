package io.spate.api.operators;

import java.util.Arrays;

/**
 * Combines the watermarks and watermark statuses of an operator's inputs as Flink's per-input methods
 * do: the combined watermark is the minimum over the active inputs, advances only forward, and the
 * combination is idle when every input is.
 */
final class InputWatermarks {

  private final long[] watermarks;
  private final boolean[] idle;
  private long combined = Long.MIN_VALUE;

  InputWatermarks(int inputs) {
    watermarks = new long[inputs];
    idle = new boolean[inputs];
    Arrays.fill(watermarks, Long.MIN_VALUE);
  }

  /** Records input {@code index}'s watermark; true if the combined watermark advanced. */
  boolean updateWatermark(int index, long watermark) {
    watermarks[index] = Math.max(watermarks[index], watermark);
    return recombine();
  }

  /** Records whether input {@code index} is idle; true if the combined watermark advanced. */
  boolean updateIdle(int index, boolean isIdle) {
    idle[index] = isIdle;
    return recombine();
  }

  /** Whether every input is idle. */
  boolean isIdle() {
    for (boolean i : idle) {
      if (!i) {
        return false;
      }
    }
    return true;
  }

  /** The combined watermark. */
  long combined() {
    return combined;
  }

  private boolean recombine() {
    long minimum = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (!idle[i]) {
        anyActive = true;
        minimum = Math.min(minimum, watermarks[i]);
      }
    }
    if (anyActive && minimum > combined) {
      combined = minimum;
      return true;
    }
    return false;
  }
}
