package io.spate.runtime.state.snapshot;

import java.io.IOException;

/** Opens the streams that one task's snapshot for one checkpoint writes into. */
public interface CheckpointStreamFactory {

  /**
   * A new stream; {@code name} (such as {@code "keyed-window-3"}) identifies the piece in file names
   * and messages.
   */
  CheckpointStateOutputStream createCheckpointStateOutputStream(String name) throws IOException;
}
