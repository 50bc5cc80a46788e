package io.spate.runtime.network;

import java.util.Arrays;

/**
 * Combines the watermarks of a task's input channels: the task's watermark is the minimum over the
 * channels that have not ended, and it never goes backwards.
 */
public final class WatermarkValve {

  private final long[] watermarks;
  private final boolean[] ended;
  private long emitted = Long.MIN_VALUE;

  /** Creates the valve for {@code numberOfChannels} channels. */
  public WatermarkValve(int numberOfChannels) {
    this.watermarks = new long[numberOfChannels];
    this.ended = new boolean[numberOfChannels];
    Arrays.fill(watermarks, Long.MIN_VALUE);
  }

  /**
   * Records a watermark of {@code channel}; returns the new combined watermark if it advanced, else
   * {@code Long.MIN_VALUE}.
   */
  public long onWatermark(int channel, long watermark) {
    if (watermark > watermarks[channel]) {
      watermarks[channel] = watermark;
    }
    return advance();
  }

  /** Records that {@code channel} ended; returns the new combined watermark or {@code Long.MIN_VALUE}. */
  public long onEnd(int channel) {
    ended[channel] = true;
    return advance();
  }

  private long advance() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (!ended[i]) {
        min = Math.min(min, watermarks[i]);
        any = true;
      }
    }
    if (any && min > emitted) {
      emitted = min;
      return min;
    }
    return Long.MIN_VALUE;
  }
}
