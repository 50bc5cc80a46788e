package io.spate.connectors.file;

import io.spate.api.configuration.MemorySize;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link FileSink} closes its current part file and starts a new one between checkpoints
 * (it always does at a checkpoint): once the part reaches a size (checked before the next record is
 * added), has been open for a time, or has received no record for a time. The type parameters are Flink's (record and bucket type); Spate's
 * policy depends on neither.
 *
 * @param <IN> the record type
 * @param <BucketID> the bucket type
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

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
  public static PolicyBuilder builder() {
    return new PolicyBuilder();
  }

  /** Like {@link #builder()}, by Flink's older name. */
  @Deprecated
  public static PolicyBuilder create() {
    return builder();
  }

  /** The size in bytes at which a part is closed. */
  public long getMaxPartSize() {
    return maxPartSize;
  }

  /** How long a part may stay open, in milliseconds. */
  public long getRolloverInterval() {
    return rolloverIntervalMillis;
  }

  /** How long a part may stay open without receiving a record, in milliseconds. */
  public long getInactivityInterval() {
    return inactivityIntervalMillis;
  }

  /** Whether the part is full: it holds at least the max part size. */
  @Override
  public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException {
    return partFileState.getSize() >= maxPartSize;
  }

  /** Whether the part is full before {@code element} is added: it holds at least the max part size. */
  @Override
  public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException {
    return partFileState.getSize() >= maxPartSize;
  }

  /** Whether the part has been open for the rollover interval, or without a record for the inactivity interval. */
  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
    return currentTime - partFileState.getCreationTime() >= rolloverIntervalMillis
        || currentTime - partFileState.getLastUpdateTime() >= inactivityIntervalMillis;
  }

  @Override
  public String toString() {
    return "DefaultRollingPolicy(maxPartSize=" + maxPartSize + " bytes, rolloverInterval="
        + Duration.ofMillis(rolloverIntervalMillis) + ", inactivityInterval="
        + Duration.ofMillis(inactivityIntervalMillis) + ")";
  }

  /** Builds a {@link DefaultRollingPolicy}. */
  public static final class PolicyBuilder {

    private long maxPartSize = DEFAULT_MAX_PART_SIZE;
    private Duration rolloverInterval = DEFAULT_ROLLOVER_INTERVAL;
    private Duration inactivityInterval = DEFAULT_INACTIVITY_INTERVAL;

    private PolicyBuilder() {}

    /** Closes a part once it holds at least {@code bytes} bytes. */
    public PolicyBuilder withMaxPartSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("DefaultRollingPolicy: the max part size must be positive, got " + bytes);
      }
      this.maxPartSize = bytes;
      return this;
    }

    /** Closes a part once it holds at least {@code size}. */
    public PolicyBuilder withMaxPartSize(MemorySize size) {
      return withMaxPartSize(Objects.requireNonNull(size, "size").bytes());
    }

    /** Closes a part that has been open for {@code millis} milliseconds (Flink's older form). */
    @Deprecated
    public PolicyBuilder withRolloverInterval(long millis) {
      return withRolloverInterval(Duration.ofMillis(millis));
    }

    /** Closes a part that has received no record for {@code millis} milliseconds (Flink's older form). */
    @Deprecated
    public PolicyBuilder withInactivityInterval(long millis) {
      return withInactivityInterval(Duration.ofMillis(millis));
    }

    /** Closes a part that has been open for {@code interval}. */
    public PolicyBuilder withRolloverInterval(Duration interval) {
      this.rolloverInterval = positive(interval, "rollover interval");
      return this;
    }

    /** Closes a part that has received no record for {@code interval}. */
    public PolicyBuilder withInactivityInterval(Duration interval) {
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
    public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
      return new DefaultRollingPolicy<>(maxPartSize, rolloverInterval.toMillis(), inactivityInterval.toMillis());
    }
  }
}
