package io.spate.runtime.network;

import java.io.Serializable;
import java.net.InetSocketAddress;

/**
 * Where a subtask runs, as its peers' channels need to know it.
 *
 * @param taskExecutorAddress the RPC address of the TaskExecutor that runs it
 * @param dataAddress where that TaskExecutor's data plane listens, or null if it has none (every
 *     TaskExecutor in one process sharing in-process channels)
 */
public record SubtaskLocation(String taskExecutorAddress, InetSocketAddress dataAddress) implements Serializable {

  /** Requires the TaskExecutor's address. */
  public SubtaskLocation {
    if (taskExecutorAddress == null) {
      throw new IllegalArgumentException("a subtask location needs its TaskExecutor's address");
    }
  }
}
