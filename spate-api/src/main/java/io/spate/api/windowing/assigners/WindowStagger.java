package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the tumbling windows of the parallel instances of an operator are shifted against each other,
 * so that they do not all fire at the same instant. Each instance draws its shift once, when it
 * assigns its first record, and adds it to the assigner's offset.
 */
@PublicEvolving
public enum WindowStagger {

  /** No shift: every instance fires at the same multiples of the window size. */
  ALIGNED {
    @Override
    public long getStaggerOffset(long currentProcessingTime, long size) {
      return 0L;
    }
  },

  /** A shift drawn uniformly from [0, size) per instance. */
  RANDOM {
    @Override
    public long getStaggerOffset(long currentProcessingTime, long size) {
      return (long) (ThreadLocalRandom.current().nextDouble() * size);
    }
  },

  /**
   * A shift of the time since the start of the window that the instance's first record falls in:
   * windows start when the instance starts receiving records.
   */
  NATURAL {
    @Override
    public long getStaggerOffset(long currentProcessingTime, long size) {
      long windowStart = TimeWindow.getWindowStartWithOffset(currentProcessingTime, 0, size);
      return Math.max(0, currentProcessingTime - windowStart);
    }
  };

  /** The shift, in [0, size) milliseconds, for an instance whose first record arrives at {@code currentProcessingTime}. */
  public abstract long getStaggerOffset(long currentProcessingTime, long size);
}
