package io.spate.api.eventtime;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the sources of an alignment group keep their watermarks together: no source reader reads
 * ahead of the slowest one in its group by more than {@code maxAllowedDrift}.
 *
 * @param groupName the alignment group; sources with the same group name are aligned together
 * @param maxAllowedDrift how far a reader's watermark may run ahead of the group's minimum
 * @param updateInterval how often readers report their watermark and learn the group's limit
 */
@PublicEvolving
public record WatermarkAlignmentParams(String groupName, Duration maxAllowedDrift, Duration updateInterval)
    implements Serializable {

  /** The update interval used when none is given. */
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(1);

  /**
   * The parameters of a source that is not aligned, as {@link WatermarkStrategy#getAlignmentParameters()}
   * returns them by default: an unbounded drift, no group.
   */
  public static final WatermarkAlignmentParams WATERMARK_ALIGNMENT_DISABLED =
      new WatermarkAlignmentParams(Long.MAX_VALUE, "", 0);

  /** Validates the parameters; an unbounded drift ({@code Long.MAX_VALUE} ms) means no alignment. */
  public WatermarkAlignmentParams {
    // an unbounded drift is Flink's way to say "not aligned", which needs no group or interval
    if (maxAllowedDrift == null || maxAllowedDrift.toMillis() != Long.MAX_VALUE) {
      validate(groupName, maxAllowedDrift, updateInterval);
    }
  }

  private static void validate(String groupName, Duration maxAllowedDrift, Duration updateInterval) {
    if (groupName == null || groupName.isBlank()) {
      throw new IllegalArgumentException("The watermark alignment group needs a non-blank name, got "
          + (groupName == null ? "null" : "'" + groupName + "'"));
    }
    if (maxAllowedDrift == null || maxAllowedDrift.isZero() || maxAllowedDrift.isNegative()) {
      throw new IllegalArgumentException("The maximum allowed watermark drift of alignment group '" + groupName
          + "' must be positive, got " + maxAllowedDrift);
    }
    if (updateInterval == null || updateInterval.isZero() || updateInterval.isNegative()) {
      throw new IllegalArgumentException("The watermark alignment update interval of group '" + groupName
          + "' must be positive, got " + updateInterval);
    }
    if (maxAllowedDrift.toMillis() == 0 || updateInterval.toMillis() == 0) {
      throw new IllegalArgumentException("Watermark alignment of group '" + groupName
          + "' works in milliseconds: the drift and update interval must be at least 1 ms, got "
          + maxAllowedDrift + " and " + updateInterval);
    }
  }

  /**
   * Flink's form: the drift and update interval in milliseconds; a drift of {@code Long.MAX_VALUE}
   * disables alignment.
   */
  public WatermarkAlignmentParams(long maxAllowedWatermarkDrift, String watermarkGroup, long updateInterval) {
    this(watermarkGroup, Duration.ofMillis(maxAllowedWatermarkDrift), Duration.ofMillis(updateInterval));
  }

  /** Whether the source is aligned at all (the drift is bounded). */
  public boolean isEnabled() {
    return maxAllowedDrift.toMillis() < Long.MAX_VALUE;
  }

  /** The maximum allowed drift in milliseconds. */
  public long getMaxAllowedWatermarkDrift() {
    return maxAllowedDrift.toMillis();
  }

  /** The alignment group. */
  public String getWatermarkGroup() {
    return groupName;
  }

  /** The update interval in milliseconds. */
  public long getUpdateInterval() {
    return updateInterval.toMillis();
  }
}
