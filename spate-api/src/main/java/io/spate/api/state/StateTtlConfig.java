package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How long keyed state lives after its last access, when that access counts, whether expired
 * values may still be seen, and how expired values are cleaned up; set with
 * {@link StateDescriptor#enableTimeToLive(StateTtlConfig)}.
 *
 * <p>Time to live is measured in processing time, on the clock of the task that owns the state.
 * Immutable; build one with {@link #newBuilder(Duration)}.
 */
@PublicEvolving
public final class StateTtlConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The number of entries incremental cleanup checks per state access unless told otherwise. */
  public static final int DEFAULT_CLEANUP_SIZE = 5;

  /** How many entries the RocksDB compaction filter processes before it reads the clock again, by default. */
  public static final long DEFAULT_QUERY_TIME_AFTER_NUM_ENTRIES = 1000L;

  /** The configuration of state without a time to live. */
  public static final StateTtlConfig DISABLED = new StateTtlConfig(
      UpdateType.Disabled, StateVisibility.NeverReturnExpired, TtlTimeCharacteristic.ProcessingTime,
      Duration.ofMillis(Long.MAX_VALUE), new CleanupStrategies(false, null, null, false));

  /** Which accesses restart a value's time to live. */
  public enum UpdateType {
    /** No time to live: the value never expires. Only {@link #DISABLED} has it. */
    Disabled,
    /** Creating and writing a value restart its time to live. */
    OnCreateAndWrite,
    /** Reading a value restarts its time to live too. */
    OnReadAndWrite
  }

  /** Whether a read may still see a value that has expired but is not yet removed. */
  public enum StateVisibility {
    /** An expired value that is still stored is returned once, by the read that removes it. */
    ReturnExpiredIfNotCleanedUp,
    /** An expired value is never returned, even while it is still stored. */
    NeverReturnExpired
  }

  /** The time that a time to live is measured in. */
  public enum TtlTimeCharacteristic {
    /** The processing time of the task that owns the state. */
    ProcessingTime
  }

  private final UpdateType updateType;
  private final StateVisibility stateVisibility;
  private final TtlTimeCharacteristic ttlTimeCharacteristic;
  private final Duration ttl;
  private final CleanupStrategies cleanupStrategies;

  private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility,
      TtlTimeCharacteristic ttlTimeCharacteristic, Duration ttl, CleanupStrategies cleanupStrategies) {
    this.updateType = updateType;
    this.stateVisibility = stateVisibility;
    this.ttlTimeCharacteristic = ttlTimeCharacteristic;
    this.ttl = ttl;
    this.cleanupStrategies = cleanupStrategies;
  }

  /** A builder for values that expire {@code ttl} after their last counted access. */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  /** As {@link #newBuilder(Duration)}, with the time to live as a Flink {@link Time}. */
  @Deprecated
  public static Builder newBuilder(Time ttl) {
    return newBuilder(Time.toDuration(ttl));
  }

  /** Which accesses restart the time to live. */
  public UpdateType getUpdateType() {
    return updateType;
  }

  /** Whether expired values that are still stored may be returned. */
  public StateVisibility getStateVisibility() {
    return stateVisibility;
  }

  /** The time the time to live is measured in. */
  public TtlTimeCharacteristic getTtlTimeCharacteristic() {
    return ttlTimeCharacteristic;
  }

  /** The time to live. */
  public Duration getTtl() {
    return ttl;
  }

  /** The time to live, under the name Flink gives the {@code Duration} getter. */
  public Duration getTimeToLive() {
    return ttl;
  }

  /** The time to live in milliseconds, {@code Long.MAX_VALUE} for durations too long to count. */
  public long getTtlMillis() {
    return toMillis(ttl);
  }

  /** How expired values are removed. */
  public CleanupStrategies getCleanupStrategies() {
    return cleanupStrategies;
  }

  /** Whether values expire at all. */
  public boolean isEnabled() {
    return updateType != UpdateType.Disabled;
  }

  private static long toMillis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateTtlConfig other
        && updateType == other.updateType
        && stateVisibility == other.stateVisibility
        && ttlTimeCharacteristic == other.ttlTimeCharacteristic
        && ttl.equals(other.ttl)
        && cleanupStrategies.equals(other.cleanupStrategies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(updateType, stateVisibility, ttlTimeCharacteristic, ttl, cleanupStrategies);
  }

  @Override
  public String toString() {
    return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility=" + stateVisibility
        + ", ttlTimeCharacteristic=" + ttlTimeCharacteristic + ", cleanup=" + cleanupStrategies + "}";
  }

  /** Builds a {@link StateTtlConfig}; the defaults are OnCreateAndWrite, NeverReturnExpired and background cleanup. */
  public static final class Builder {

    private Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
    private boolean fullSnapshot;
    private IncrementalCleanupStrategy incremental;
    private RocksdbCompactFilterCleanupStrategy compactFilter;
    private boolean cleanupInBackground = true;

    private Builder(Duration ttl) {
      setTtl(ttl);
    }

    /** A builder for values that expire {@code ttl} after their last counted access, as Flink's public constructor. */
    @Deprecated
    public Builder(Time ttl) {
      this(Time.toDuration(ttl));
    }

    /** Sets the time to live: a positive duration of at least one millisecond. */
    public Builder setTtl(Duration ttl) {
      if (ttl == null) {
        throw new IllegalArgumentException("The state time to live must not be null.");
      }
      if (ttl.isNegative() || toMillis(ttl) < 1) {
        throw new IllegalArgumentException(
            "The state time to live must be at least one millisecond, but was " + ttl + ".");
      }
      this.ttl = ttl;
      return this;
    }

    /** As {@link #setTtl(Duration)}, with the time to live as a Flink {@link Time}. */
    @Deprecated
    public Builder setTtl(Time ttl) {
      return setTtl(Time.toDuration(ttl));
    }

    /** As {@link #setTtl(Duration)}, under the name Flink gives the {@code Duration} setter. */
    public Builder setTimeToLive(Duration ttl) {
      return setTtl(ttl);
    }

    /** Sets which accesses restart the time to live (not {@link UpdateType#Disabled}). */
    public Builder setUpdateType(UpdateType updateType) {
      if (updateType == null) {
        throw new IllegalArgumentException("The TTL update type must not be null.");
      }
      if (updateType == UpdateType.Disabled) {
        throw new IllegalArgumentException("The TTL update type cannot be set to Disabled: a state without "
            + "time to live simply does not call enableTimeToLive.");
      }
      this.updateType = updateType;
      return this;
    }

    /** Creating and writing restart the time to live (the default). */
    public Builder updateTtlOnCreateAndWrite() {
      return setUpdateType(UpdateType.OnCreateAndWrite);
    }

    /** Reading restarts the time to live as well. */
    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.OnReadAndWrite);
    }

    /** Sets whether expired values that are still stored may be returned. */
    public Builder setStateVisibility(StateVisibility stateVisibility) {
      if (stateVisibility == null) {
        throw new IllegalArgumentException("The TTL state visibility must not be null.");
      }
      this.stateVisibility = stateVisibility;
      return this;
    }

    /** Never return expired values (the default). */
    public Builder neverReturnExpired() {
      return setStateVisibility(StateVisibility.NeverReturnExpired);
    }

    /** Return expired values until they are removed. */
    public Builder returnExpiredIfNotCleanedUp() {
      return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
    }

    /** Sets the time the time to live is measured in; only processing time exists. */
    public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
      if (characteristic != TtlTimeCharacteristic.ProcessingTime) {
        throw new IllegalArgumentException("State time to live is measured in processing time only, not " + characteristic + ".");
      }
      return this;
    }

    /** Measures the time to live in processing time (the only choice, and the default). */
    public Builder useProcessingTime() {
      return setTtlTimeCharacteristic(TtlTimeCharacteristic.ProcessingTime);
    }

    /**
     * Leaves expired values out of full snapshots. Takes effect once the backend writes checkpoints
     * and savepoints; it removes nothing from the running state.
     */
    public Builder cleanupFullSnapshot() {
      this.fullSnapshot = true;
      return this;
    }

    /**
     * Checks up to {@code cleanupSize} entries of the state for expiry on each access to it, and,
     * if {@code runCleanupForEveryRecord}, also for each record the operator processes.
     */
    public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
      this.incremental = new IncrementalCleanupStrategy(cleanupSize, runCleanupForEveryRecord);
      return this;
    }

    /**
     * Lets the RocksDB backend drop expired values while it compacts, reading the clock after every
     * {@code queryTimeAfterNumEntries} entries (0: for every entry).
     */
    public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
      this.compactFilter = new RocksdbCompactFilterCleanupStrategy(queryTimeAfterNumEntries);
      return this;
    }

    /**
     * Turns off the cleanup that the backend does by default (incremental on the heap, compaction
     * filter on RocksDB); expired values are then removed only when read or by explicitly set
     * strategies.
     */
    public Builder disableCleanupInBackground() {
      this.cleanupInBackground = false;
      return this;
    }

    /** The configuration. */
    public StateTtlConfig build() {
      return new StateTtlConfig(updateType, stateVisibility, TtlTimeCharacteristic.ProcessingTime, ttl,
          new CleanupStrategies(fullSnapshot, incremental, compactFilter, cleanupInBackground));
    }
  }

  /** The cleanup strategies of a {@link StateTtlConfig}. */
  public static final class CleanupStrategies implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean inFullSnapshot;
    private final IncrementalCleanupStrategy incremental;
    private final RocksdbCompactFilterCleanupStrategy compactFilter;
    private final boolean inBackground;

    private CleanupStrategies(boolean inFullSnapshot, IncrementalCleanupStrategy incremental,
        RocksdbCompactFilterCleanupStrategy compactFilter, boolean inBackground) {
      this.inFullSnapshot = inFullSnapshot;
      this.incremental = incremental;
      this.compactFilter = compactFilter;
      this.inBackground = inBackground;
    }

    /** Whether full snapshots leave expired values out. */
    public boolean inFullSnapshot() {
      return inFullSnapshot;
    }

    /** Whether the backend's default background cleanup is on. */
    public boolean isCleanupInBackground() {
      return inBackground;
    }

    /** The incremental cleanup: the one set, else the default when background cleanup is on, else null. */
    public IncrementalCleanupStrategy getIncrementalCleanupStrategy() {
      if (incremental != null) {
        return incremental;
      }
      return inBackground ? new IncrementalCleanupStrategy(DEFAULT_CLEANUP_SIZE, false) : null;
    }

    /** Whether the RocksDB backend drops expired values while it compacts: set, or on by default in the background. */
    public boolean inRocksdbCompactFilter() {
      return getRocksdbCompactFilterCleanupStrategy() != null;
    }

    /** The compaction filter cleanup: the one set, else the default when background cleanup is on, else null. */
    public RocksdbCompactFilterCleanupStrategy getRocksdbCompactFilterCleanupStrategy() {
      if (compactFilter != null) {
        return compactFilter;
      }
      return inBackground ? new RocksdbCompactFilterCleanupStrategy(DEFAULT_QUERY_TIME_AFTER_NUM_ENTRIES) : null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CleanupStrategies other
          && inFullSnapshot == other.inFullSnapshot
          && inBackground == other.inBackground
          && Objects.equals(incremental, other.incremental)
          && Objects.equals(compactFilter, other.compactFilter);
    }

    @Override
    public int hashCode() {
      return Objects.hash(inFullSnapshot, incremental, compactFilter, inBackground);
    }

    @Override
    public String toString() {
      return "{fullSnapshot=" + inFullSnapshot + ", incremental=" + getIncrementalCleanupStrategy()
          + ", rocksdbCompactFilter=" + getRocksdbCompactFilterCleanupStrategy() + "}";
    }
  }

  /**
   * Incremental cleanup: each trigger checks the next {@code cleanupSize} entries of the state.
   *
   * @param cleanupSize how many entries one trigger checks, positive
   * @param runCleanupForEveryRecord whether every processed record triggers it, not only state access
   */
  public record IncrementalCleanupStrategy(int cleanupSize, boolean runCleanupForEveryRecord)
      implements Serializable {
    /** Checks the cleanup size. */
    public IncrementalCleanupStrategy {
      if (cleanupSize <= 0) {
        throw new IllegalArgumentException(
            "The incremental TTL cleanup size must be positive, but was " + cleanupSize + ".");
      }
    }

    /** How many entries one trigger checks (Flink's name for {@link #cleanupSize()}). */
    public int getCleanupSize() {
      return cleanupSize;
    }
  }

  /**
   * Cleanup by the RocksDB compaction filter.
   *
   * @param queryTimeAfterNumEntries how many entries the filter processes before reading the clock again
   */
  public record RocksdbCompactFilterCleanupStrategy(long queryTimeAfterNumEntries) implements Serializable {
    /** Checks the count. */
    public RocksdbCompactFilterCleanupStrategy {
      if (queryTimeAfterNumEntries < 0) {
        throw new IllegalArgumentException("The number of entries after which the RocksDB compaction filter "
            + "reads the clock must not be negative, but was " + queryTimeAfterNumEntries + ".");
      }
    }

    /** How many entries the filter processes before reading the clock again (Flink's name for the component). */
    public long getQueryTimeAfterNumEntries() {
      return queryTimeAfterNumEntries;
    }
  }
}
