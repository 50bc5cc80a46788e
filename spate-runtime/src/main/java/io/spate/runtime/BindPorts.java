package io.spate.runtime;

import io.spate.api.configuration.IllegalConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** The ports a server may bind, parsed from a spec such as {@code 8081}, {@code 8081-8090} or {@code 8081,8085}. */
public final class BindPorts {

  private static final int MAX_PORTS = 1000;

  private BindPorts() {}

  /** The ports of {@code spec} in order; {@code 0} stands for any free port. */
  public static List<Integer> parse(String option, String spec) {
    List<Integer> ports = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      if (dash < 0) {
        ports.add(port(option, spec, p));
        continue;
      }
      int from = port(option, spec, p.substring(0, dash).trim());
      int to = port(option, spec, p.substring(dash + 1).trim());
      if (from > to || from == 0) {
        throw new IllegalConfigurationException(option + " has the range '" + p + "' in '" + spec
            + "'; a range goes from a lower to a higher port, both above 0.");
      }
      for (int port = from; port <= to && ports.size() < MAX_PORTS; port++) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static int port(String option, String spec, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalConfigurationException(option + " is '" + spec + "', where '" + text
        + "' is not a port (0 to 65535); use a port, a range such as 8081-8090, or a list such as 8081,8085.");
  }
}
