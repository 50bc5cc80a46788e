package io.spate.runtime.highavailability;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.time.Duration;

/** Options of high availability: leader election, leader discovery and job recovery through ZooKeeper. */
public final class HighAvailabilityOptions {

  private HighAvailabilityOptions() {}

  /** Whether and how JobManagers fail over. */
  public static final ConfigOption<HighAvailabilityMode> TYPE = ConfigOption.key("high-availability.type")
      .enumType(HighAvailabilityMode.class).defaultValue(HighAvailabilityMode.NONE)
      .withDescription("none: a single JobManager whose jobs end with it. zookeeper: JobManagers elect a leader"
          + " through ZooKeeper, publish its addresses there and keep the submitted job graphs recoverable, so a"
          + " standby JobManager can take over.");

  /** The ZooKeeper servers. */
  public static final ConfigOption<String> ZOOKEEPER_QUORUM = ConfigOption.key("high-availability.zookeeper.quorum")
      .stringType().noDefaultValue()
      .withDescription("The ZooKeeper servers as a comma-separated host:port list (zk1:2181,zk2:2181,zk3:2181);"
          + " required with high-availability.type: zookeeper.");

  /** The ZooKeeper node under which all Spate clusters keep their data. */
  public static final ConfigOption<String> ZOOKEEPER_ROOT = ConfigOption.key("high-availability.zookeeper.path.root")
      .stringType().defaultValue("/spate")
      .withDescription("ZooKeeper node under which every Spate cluster keeps its leader and job nodes, each in a"
          + " child named by high-availability.cluster-id.");

  /** The name that separates this cluster's ZooKeeper nodes from other clusters'. */
  public static final ConfigOption<String> CLUSTER_ID = ConfigOption.key("high-availability.cluster-id")
      .stringType().defaultValue("default")
      .withDescription("Name of this cluster under high-availability.zookeeper.path.root; clusters sharing a"
          + " ZooKeeper need different ones, and every process of one cluster must use the same.");

  /** Where job graphs are written. */
  public static final ConfigOption<String> STORAGE_DIR = ConfigOption.key("high-availability.storageDir")
      .stringType().noDefaultValue()
      .withDescription("Directory the leading JobManager writes submitted job graphs to (ZooKeeper keeps only"
          + " pointers to them); every JobManager must see the same directory, so use a shared file system."
          + " Required with high-availability.type: zookeeper.");

  /** The ZooKeeper session timeout. */
  public static final ConfigOption<Duration> ZOOKEEPER_SESSION_TIMEOUT =
      ConfigOption.key("high-availability.zookeeper.client.session-timeout")
          .durationType().defaultValue(Duration.ofSeconds(60))
          .withDescription("How long ZooKeeper keeps a silent process's session (and with it its leadership)"
              + " before a standby may take over.");

  /** How long connecting to ZooKeeper may take. */
  public static final ConfigOption<Duration> ZOOKEEPER_CONNECTION_TIMEOUT =
      ConfigOption.key("high-availability.zookeeper.client.connection-timeout")
          .durationType().defaultValue(Duration.ofSeconds(15))
          .withDescription("How long a process waits for its first connection to ZooKeeper before it fails, and"
              + " how long one connection attempt may take.");

  /** The pause between attempts of a failed ZooKeeper operation. */
  public static final ConfigOption<Duration> ZOOKEEPER_RETRY_WAIT =
      ConfigOption.key("high-availability.zookeeper.client.retry-wait")
          .durationType().defaultValue(Duration.ofSeconds(5))
          .withDescription("Base pause before retrying a ZooKeeper operation that failed for a lost connection;"
              + " the pause grows exponentially over high-availability.zookeeper.client.max-retry-attempts.");

  /** How often a failed ZooKeeper operation is retried. */
  public static final ConfigOption<Integer> ZOOKEEPER_MAX_RETRY_ATTEMPTS =
      ConfigOption.key("high-availability.zookeeper.client.max-retry-attempts")
          .intType().defaultValue(3)
          .withDescription("How often a ZooKeeper operation that failed for a lost connection is retried.");

  /** Whether {@code configuration} asks for ZooKeeper high availability. */
  public static boolean isZooKeeper(Configuration configuration) {
    return configuration.get(TYPE) == HighAvailabilityMode.ZOOKEEPER;
  }

  /**
   * Checks the high-availability options of {@code configuration}; nothing is required when the type is none.
   *
   * @throws IllegalConfigurationException naming the option that is missing or bad
   */
  public static void validate(Configuration configuration) {
    validateConnection(configuration);
    if (isZooKeeper(configuration)
        && configuration.getOptional(STORAGE_DIR).map(String::trim).orElse("").isEmpty()) {
      throw missing(STORAGE_DIR, "a directory every JobManager can read and write");
    }
  }

  /**
   * Checks the options a process needs to reach ZooKeeper (all but the storage directory, which only
   * JobManagers use); nothing is required when the type is none.
   *
   * @throws IllegalConfigurationException naming the option that is missing or bad
   */
  public static void validateConnection(Configuration configuration) {
    if (!isZooKeeper(configuration)) {
      return;
    }
    String quorum = configuration.getOptional(ZOOKEEPER_QUORUM).map(String::trim).orElse("");
    if (quorum.isEmpty()) {
      throw missing(ZOOKEEPER_QUORUM, "the ZooKeeper servers as host:port[,host:port...]");
    }
    for (String server : quorum.split(",")) {
      String s = server.trim();
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || !isPort(s.substring(colon + 1))) {
        throw new IllegalConfigurationException("Invalid value '" + quorum + "' for option '" + ZOOKEEPER_QUORUM.key()
            + "': '" + s + "' is not host:port.");
      }
    }
    String root = configuration.get(ZOOKEEPER_ROOT).trim();
    if (!root.startsWith("/") || root.length() < 2 || root.endsWith("/") || root.contains("//")) {
      throw new IllegalConfigurationException("Invalid value '" + root + "' for option '" + ZOOKEEPER_ROOT.key()
          + "': expected an absolute ZooKeeper path such as /spate.");
    }
    String clusterId = configuration.get(CLUSTER_ID).trim();
    if (clusterId.isEmpty() || clusterId.contains("/") || clusterId.equals(".") || clusterId.equals("..")) {
      throw new IllegalConfigurationException("Invalid value '" + clusterId + "' for option '" + CLUSTER_ID.key()
          + "': expected a name without '/'.");
    }
    positive(configuration, ZOOKEEPER_SESSION_TIMEOUT);
    positive(configuration, ZOOKEEPER_CONNECTION_TIMEOUT);
    if (configuration.get(ZOOKEEPER_RETRY_WAIT).isNegative()) {
      throw new IllegalConfigurationException("Invalid value for option '" + ZOOKEEPER_RETRY_WAIT.key()
          + "': it must not be negative.");
    }
    int attempts = configuration.get(ZOOKEEPER_MAX_RETRY_ATTEMPTS);
    if (attempts < 0 || attempts > 29) {
      throw new IllegalConfigurationException("Invalid value '" + attempts + "' for option '"
          + ZOOKEEPER_MAX_RETRY_ATTEMPTS.key() + "': expected 0 to 29.");
    }
  }

  /** The ZooKeeper namespace (a path without the leading slash) that holds this cluster's nodes. */
  static String namespace(Configuration configuration) {
    return configuration.get(ZOOKEEPER_ROOT).trim().substring(1) + "/" + configuration.get(CLUSTER_ID).trim();
  }

  private static IllegalConfigurationException missing(ConfigOption<?> option, String expected) {
    return new IllegalConfigurationException("Option '" + option.key() + "' is required with '" + TYPE.key()
        + ": zookeeper': set it to " + expected + ".");
  }

  private static void positive(Configuration configuration, ConfigOption<Duration> option) {
    Duration value = configuration.get(option);
    if (value.isZero() || value.isNegative() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalConfigurationException("Invalid value for option '" + option.key()
          + "': expected a positive duration of at most " + Integer.MAX_VALUE + " ms.");
    }
  }

  private static boolean isPort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
