package io.spate.runtime.rpc.remote;

import java.util.Locale;

/**
 * The address of an endpoint in another process: {@code host:port/name}, such as
 * {@code 10.0.0.5:6123/resourcemanager} or {@code [::1]:6123/taskexecutor-0}. The host is a host
 * name or an IPv4 address, or an IPv6 address in brackets; the name is the endpoint's local name
 * in that process and may contain any character but starts after the first slash.
 *
 * @param host the host name or IP address (an IPv6 address without brackets)
 * @param port the RPC port, 1 to 65535
 * @param name the endpoint's local name, not empty
 */
public record RemoteAddress(String host, int port, String name) {

  /** Checks the parts. */
  public RemoteAddress {
    if (host == null || host.isEmpty() || !validHost(host)) {
      throw new IllegalArgumentException("Not a host name or IP address: '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Not a port (1 to 65535): " + port);
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("An endpoint name must not be empty");
    }
  }

  /** Whether {@code address} has the form of a remote address rather than a plain local name. */
  public static boolean isRemote(String address) {
    int slash = address.indexOf('/');
    return slash > 0 && address.lastIndexOf(':', slash) > 0;
  }

  /**
   * Parses {@code host:port/name}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static RemoteAddress parse(String address) {
    if (address == null) {
      throw new IllegalArgumentException("A remote address must not be null; expected host:port/name");
    }
    int slash = address.indexOf('/');
    if (slash < 0) {
      throw malformed(address, "it has no '/name'");
    }
    String hostPort = address.substring(0, slash);
    String name = address.substring(slash + 1);
    String host;
    String portText;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
        throw malformed(address, "an IPv6 host must be written [address]:port");
      }
      host = hostPort.substring(1, close);
      portText = hostPort.substring(close + 2);
    } else {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        throw malformed(address, "it has no ':port'");
      }
      host = hostPort.substring(0, colon);
      portText = hostPort.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw malformed(address, "an IPv6 host must be written in brackets, [address]:port");
      }
    }
    int port;
    try {
      port = portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)
          ? -1 : Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw malformed(address, "'" + portText + "' is not a port (1 to 65535)");
    }
    if (host.isEmpty() || !validHost(host)) {
      throw malformed(address, "'" + host + "' is not a host name or IP address");
    }
    if (name.isEmpty()) {
      throw malformed(address, "the endpoint name after '/' is empty");
    }
    return new RemoteAddress(host, port, name);
  }

  /** The {@code host:port} part, with an IPv6 host in brackets. */
  public String hostAndPort() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code host:port/name}, which {@link #parse} reads back to an equal address. */
  @Override
  public String toString() {
    return hostAndPort() + "/" + name;
  }

  private static boolean validHost(String host) {
    boolean ipv6 = host.indexOf(':') >= 0;
    for (int i = 0; i < host.length(); i++) {
      char c = Character.toLowerCase(host.charAt(i));
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'
          || (ipv6 && (c == ':' || c == '%'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException malformed(String address, String why) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "'%s' is not a remote RPC address: %s; expected host:port/name, such as 127.0.0.1:6123/resourcemanager",
        address, why));
  }
}
