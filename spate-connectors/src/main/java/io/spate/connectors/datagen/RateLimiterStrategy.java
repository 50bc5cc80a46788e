package io.spate.connectors.datagen;

import java.io.Serializable;

/** Creates the {@link RateLimiter} of each parallel reader of a {@link DataGeneratorSource}. */
@FunctionalInterface
public interface RateLimiterStrategy extends Serializable {

  /** The rate limiter of one reader of a source running with {@code parallelism} readers. */
  RateLimiter createRateLimiter(int parallelism);

  /** At most {@code recordsPerSecond} records per second for the whole source, shared evenly by its readers. */
  static RateLimiterStrategy perSecond(double recordsPerSecond) {
    if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
      throw new IllegalArgumentException(
          "RateLimiterStrategy.perSecond needs a positive, finite rate, but got " + recordsPerSecond);
    }
    return parallelism -> new PerSecondRateLimiter(recordsPerSecond / Math.max(1, parallelism));
  }

  /** No limit. */
  static RateLimiterStrategy noOp() {
    return parallelism -> UnlimitedRateLimiter.INSTANCE;
  }
}
