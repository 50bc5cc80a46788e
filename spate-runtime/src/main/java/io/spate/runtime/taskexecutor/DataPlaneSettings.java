package io.spate.runtime.taskexecutor;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.TaskManagerOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import io.spate.runtime.network.remote.RemoteShuffleOptions;

/**
 * How a TaskExecutor's network data plane listens.
 *
 * @param bindHost the interface to listen on
 * @param port the port, 0 for any free one
 * @param advertisedHost the host other TaskExecutors connect to, or null for {@code bindHost}
 *     (this machine's host name when that is a wildcard address)
 * @param options the data plane's limits
 * @param configuration the TaskExecutor's settings: {@code security.ssl.internal.*} turn on mutual TLS,
 *     {@code taskmanager.tmp-dir} and {@code taskmanager.job-jars.linger} govern the jars it downloads
 */
public record DataPlaneSettings(String bindHost, int port, String advertisedHost, RemoteShuffleOptions options,
    Configuration configuration) {

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
    return new DataPlaneSettings("127.0.0.1", 0, null, RemoteShuffleOptions.defaults(), new Configuration());
  }

  /** The settings of {@code conf}: {@code taskmanager.data.*}, {@code taskmanager.host} and TLS. */
  public static DataPlaneSettings from(Configuration conf) {
    int port = conf.get(TaskManagerOptions.DATA_PORT);
    if (port < 0 || port > 65_535) {
      throw new IllegalConfigurationException(TaskManagerOptions.DATA_PORT.key() + " must be a port (0-65535): " + port);
    }
    return new DataPlaneSettings(conf.get(TaskManagerOptions.DATA_BIND_HOST), port,
        conf.getOptional(TaskManagerOptions.HOST).orElse(null), RemoteShuffleOptions.defaults(), conf);
  }

  /** Where other TaskExecutors reach a data plane of these settings that bound {@code bound}. */
  public InetSocketAddress addressForPeers(InetSocketAddress bound) {
    if (advertisedHost != null) {
      return InetSocketAddress.createUnresolved(advertisedHost, bound.getPort());
    }
    if (bound.getAddress() != null && bound.getAddress().isAnyLocalAddress()) {
      try {
        return new InetSocketAddress(InetAddress.getLocalHost().getHostName(), bound.getPort());
      } catch (UnknownHostException e) {
        throw new IllegalConfigurationException("The data plane listens on all interfaces and this machine's host"
            + " name is unknown (" + e.getMessage() + "); set " + TaskManagerOptions.HOST.key());
      }
    }
    return bound;
  }
}
