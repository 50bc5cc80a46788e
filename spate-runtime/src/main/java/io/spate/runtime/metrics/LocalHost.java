package io.spate.runtime.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name that the {@code <host>} variable of metric scopes stands for in this process. */
public final class LocalHost {

  private static volatile String name;

  private LocalHost() {}

  /** This machine's host name, looked up once; "localhost" if it cannot be resolved. */
  public static String name() {
    String known = name;
    if (known == null) {
      try {
        known = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException | SecurityException e) {
        known = "localhost";
      }
      name = known;
    }
    return known;
  }
}
