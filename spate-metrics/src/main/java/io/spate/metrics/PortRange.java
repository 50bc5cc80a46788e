package io.spate.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The ports a reporter may listen on, as Flink writes them: one port ({@code 9249}), a range
 * ({@code 9250-9260}), or several of either separated by commas. A reporter takes the first free
 * one, so that several processes on one host can share a configuration.
 */
public final class PortRange {

  private final String spec;
  private final List<int[]> ranges;

  private PortRange(String spec, List<int[]> ranges) {
    this.spec = spec;
    this.ranges = ranges;
  }

  /**
   * The ports {@code spec} names.
   *
   * @param key the option, named in the error
   * @throws IllegalArgumentException naming the option and the part, if {@code spec} is malformed
   */
  public static PortRange parse(String key, String spec) {
    List<int[]> ranges = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      int from = port(key, spec, dash < 0 ? p : p.substring(0, dash));
      int to = dash < 0 ? from : port(key, spec, p.substring(dash + 1));
      if (to < from) {
        throw new IllegalArgumentException("Reporter option '" + key + "': the range '" + p + "' in '" + spec
            + "' ends before it starts");
      }
      ranges.add(new int[] {from, to});
    }
    return new PortRange(spec.strip(), List.copyOf(ranges));
  }

  private static int port(String key, String spec, String value) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Reporter option '" + key + "' must be a port (0-65535), a range such as"
        + " 9250-9260, or a comma-separated list of them; '" + value.strip() + "' in '" + spec + "' is not a port");
  }

  /** Every port, in the order written. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (int[] range : ranges) {
      for (int port = range[0]; port <= range[1]; port++) {
        ports.add(port);
      }
    }
    return ports;
  }

  @Override
  public String toString() {
    return spec;
  }
}
