package io.spate.runtime.taskexecutor;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.network.remote.RemoteShuffleOptions;

/**
 * How a TaskExecutor's network data plane listens.
 *
 * @param bindHost the interface to listen on
 * @param port the port, 0 for any free one
 * @param options the data plane's limits
 * @param configuration the TaskExecutor's settings: {@code security.ssl.internal.*} turn on mutual TLS,
 *     {@code taskmanager.tmp-dir} and {@code taskmanager.job-jars.linger} govern the jars it downloads
 */
public record DataPlaneSettings(String bindHost, int port, RemoteShuffleOptions options, Configuration configuration) {

  /** Validates the settings. */
  public DataPlaneSettings {
    if (bindHost == null || bindHost.isBlank()) {
      throw new IllegalArgumentException("the data plane needs a host to listen on");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("data plane port out of range: " + port);
    }
    if (options == null || configuration == null) {
      throw new IllegalArgumentException("the data plane needs its options and configuration");
    }
  }

  /** Listens on any free port of the loopback interface, with default limits and no TLS. */
  public static DataPlaneSettings loopback() {
    return new DataPlaneSettings("127.0.0.1", 0, RemoteShuffleOptions.defaults(), new Configuration());
  }
}
