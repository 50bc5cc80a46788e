package io.spate.connectors.file;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link FileSink} closes its current part file and starts a new one between checkpoints
 * (it always does at a checkpoint): once the part reaches a size, has been open for a time, or has
 * received no record for a time.
 */
public final class DefaultRollingPolicy implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
  private static final Duration DEFAULT_ROLLOVER_INTERVAL = Duration.ofSeconds(60);
  private static final Duration DEFAULT_INACTIVITY_INTERVAL = Duration.ofSeconds(60);

  private final long maxPartSize;
  private final long rolloverIntervalMillis;
  private final long inactivityIntervalMillis;

  private DefaultRollingPolicy(long maxPartSize, long rolloverIntervalMillis, long inactivityIntervalMillis) {
    this.maxPartSize = maxPartSize;
    this.rolloverIntervalMillis = rolloverIntervalMillis;
    this.inactivityIntervalMillis = inactivityIntervalMillis;
  }

  /** Starts from the defaults: 128 MiB, 60 s since the part opened, 60 s without a record. */
  public static Builder builder() {
    return new Builder();
  }

  /** The size in bytes at which a part is closed. */
  public long getMaxPartSize() {
    return maxPartSize;
  }

  /** How long a part may stay open. */
  public Duration getRolloverInterval() {
    return Duration.ofMillis(rolloverIntervalMillis);
  }

  /** How long a part may stay open without receiving a record. */
  public Duration getInactivityInterval() {
    return Duration.ofMillis(inactivityIntervalMillis);
  }

  /** Whether a part of {@code partSize} bytes is full. */
  boolean shouldRollOnSize(long partSize) {
    return partSize >= maxPartSize;
  }

  /** Whether a part opened at {@code openedAt} and last written at {@code lastWriteAt} is due at {@code now}. */
  boolean shouldRollOnTime(long now, long openedAt, long lastWriteAt) {
    return now - openedAt >= rolloverIntervalMillis || now - lastWriteAt >= inactivityIntervalMillis;
  }

  @Override
  public String toString() {
    return "DefaultRollingPolicy(maxPartSize=" + maxPartSize + " bytes, rolloverInterval=" + getRolloverInterval()
        + ", inactivityInterval=" + getInactivityInterval() + ")";
  }

  /** Builds a {@link DefaultRollingPolicy}. */
  public static final class Builder {

    private long maxPartSize = DEFAULT_MAX_PART_SIZE;
    private Duration rolloverInterval = DEFAULT_ROLLOVER_INTERVAL;
    private Duration inactivityInterval = DEFAULT_INACTIVITY_INTERVAL;

    private Builder() {}

    /** Closes a part once it holds at least {@code bytes} bytes. */
    public Builder withMaxPartSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("DefaultRollingPolicy: the max part size must be positive, got " + bytes);
      }
      this.maxPartSize = bytes;
      return this;
    }

    /** Closes a part that has been open for {@code interval}. */
    public Builder withRolloverInterval(Duration interval) {
      this.rolloverInterval = positive(interval, "rollover interval");
      return this;
    }

    /** Closes a part that has received no record for {@code interval}. */
    public Builder withInactivityInterval(Duration interval) {
      this.inactivityInterval = positive(interval, "inactivity interval");
      return this;
    }

    private static Duration positive(Duration interval, String what) {
      Objects.requireNonNull(interval, what);
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("DefaultRollingPolicy: the " + what + " must be positive, got " + interval);
      }
      return interval;
    }

    /** The policy. */
    public DefaultRollingPolicy build() {
      return new DefaultRollingPolicy(maxPartSize, rolloverInterval.toMillis(), inactivityInterval.toMillis());
    }
  }
}
