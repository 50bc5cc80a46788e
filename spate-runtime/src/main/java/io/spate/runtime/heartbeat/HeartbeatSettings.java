package io.spate.runtime.heartbeat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.time.Duration;

/**
 * The heartbeat interval and timeout of a cluster, read once from its configuration.
 *
 * @param intervalMillis how often heartbeats are requested and silence is checked for
 * @param timeoutMillis after how long without a heartbeat a peer is declared lost
 */
public record HeartbeatSettings(long intervalMillis, long timeoutMillis) {

  /** The defaults of {@link HeartbeatOptions}: 10 s interval, 50 s timeout. */
  public static final HeartbeatSettings DEFAULT = from(new Configuration());

  /**
   * Validates the settings.
   *
   * @throws IllegalConfigurationException naming both options when the interval is not positive or
   *     the timeout is not longer than the interval
   */
  public HeartbeatSettings {
    if (intervalMillis <= 0) {
      throw new IllegalConfigurationException(HeartbeatOptions.HEARTBEAT_INTERVAL.key() + " must be positive, but is "
          + intervalMillis + " ms (" + HeartbeatOptions.HEARTBEAT_TIMEOUT.key() + " is " + timeoutMillis + " ms).");
    }
    if (timeoutMillis <= intervalMillis) {
      throw new IllegalConfigurationException(HeartbeatOptions.HEARTBEAT_TIMEOUT.key() + " (" + timeoutMillis
          + " ms) must be longer than " + HeartbeatOptions.HEARTBEAT_INTERVAL.key() + " (" + intervalMillis
          + " ms): a peer would be declared lost before it was asked for a heartbeat.");
    }
  }

  /** The settings of {@code conf}. */
  public static HeartbeatSettings from(Configuration conf) {
    return new HeartbeatSettings(conf.get(HeartbeatOptions.HEARTBEAT_INTERVAL).toMillis(),
        conf.get(HeartbeatOptions.HEARTBEAT_TIMEOUT).toMillis());
  }

  /** Settings with the given interval and timeout. */
  public static HeartbeatSettings of(Duration interval, Duration timeout) {
    return new HeartbeatSettings(interval.toMillis(), timeout.toMillis());
  }
}
