package io.spate.runtime.heartbeat;

import io.spate.api.configuration.ConfigOption;
import java.time.Duration;

/** Options of the heartbeats between the ResourceManager and the TaskExecutors. */
public final class HeartbeatOptions {

  private HeartbeatOptions() {}

  /** How often the ResourceManager asks each TaskExecutor for a heartbeat. */
  public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
      ConfigOption.key("heartbeat.interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("How often the ResourceManager sends a heartbeat request to each registered"
              + " TaskExecutor, and how often either side checks for a peer that has gone silent. Must be"
              + " shorter than heartbeat.timeout.");

  /** After how long without a heartbeat a peer is declared lost. */
  public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
      ConfigOption.key("heartbeat.timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(50))
          .withDescription("A TaskExecutor that has not answered a heartbeat for this long is declared lost:"
              + " its slots are released and the tasks it ran restart from the latest checkpoint on the slots"
              + " that remain. A TaskExecutor that has not heard from the ResourceManager for this long cancels"
              + " its tasks and registers again.");
}
