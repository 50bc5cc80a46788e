package io.spate.runtime.highavailability;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the leading JobManager can be reached, as it publishes it in ZooKeeper.
 *
 * @param rpcAddress the address of its RPC endpoints' host, such as {@code 127.0.0.1:6123}
 * @param restAddress the base URL of its REST API, such as {@code http://127.0.0.1:8081}
 * @param leaderSessionId the id of this term of leadership; a new leader has a new one
 */
public record LeaderAddresses(String rpcAddress, String restAddress, UUID leaderSessionId) {

  /** Largest encoded form read back; a leader node is a few hundred bytes. */
  static final int MAX_ENCODED_BYTES = 8 * 1024;

  /** Checks the parts. */
  public LeaderAddresses {
    Objects.requireNonNull(rpcAddress, "rpcAddress");
    Objects.requireNonNull(restAddress, "restAddress");
    Objects.requireNonNull(leaderSessionId, "leaderSessionId");
    if (rpcAddress.contains("\n") || restAddress.contains("\n")) {
      throw new IllegalArgumentException("An address must not contain a line break");
    }
  }

  /** The same addresses for a new term of leadership. */
  LeaderAddresses withSessionId(UUID sessionId) {
    return new LeaderAddresses(rpcAddress, restAddress, sessionId);
  }

  /** The node's content: three lines, so that an operator can read it with the ZooKeeper CLI. */
  byte[] encode() {
    return ("rpc=" + rpcAddress + "\nrest=" + restAddress + "\nsession=" + leaderSessionId + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a node's content.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static LeaderAddresses decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_ENCODED_BYTES) {
      throw new IllegalArgumentException("The leader node holds " + (bytes == null ? 0 : bytes.length)
          + " bytes, not the leader's addresses");
    }
    String rpc = null;
    String rest = null;
    UUID session = null;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      String value = eq < 0 ? "" : line.substring(eq + 1);
      switch (key) {
        case "rpc" -> rpc = value;
        case "rest" -> rest = value;
        case "session" -> session = UUID.fromString(value);
        default -> { } // fields a newer version may add
      }
    }
    if (rpc == null || rest == null || session == null) {
      throw new IllegalArgumentException("The leader node lacks rpc=, rest= or session=");
    }
    return new LeaderAddresses(rpc, rest, session);
  }
}
