package io.spate.runtime.state.snapshot;

import java.io.IOException;

/** Opens the streams that one task's snapshot for one checkpoint writes into. */
public interface CheckpointStreamFactory {

  /**
   * A new stream; {@code name} (such as {@code "keyed-window-3"}) identifies the piece in file names
   * and messages.
   */
  CheckpointStateOutputStream createCheckpointStateOutputStream(String name) throws IOException;

  /**
   * Whether {@link #createSharedStateOutputStream} works: true for file checkpoints, whose files may
   * be shared by several checkpoints; false for savepoints (self-contained) and checkpoints in memory.
   */
  default boolean supportsSharedState() {
    return false;
  }

  /**
   * A new stream in the shared scope ({@code <checkpoint dir>/<job>/shared/}), for a file that later
   * checkpoints may reference too; its lifetime is managed by the coordinator's shared state registry.
   */
  default CheckpointStateOutputStream createSharedStateOutputStream(String name) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no shared scope");
  }
}
