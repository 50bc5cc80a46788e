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

  /** Validates the parameters. */
  public WatermarkAlignmentParams {
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
}
