package io.spate.runtime.source;

import io.spate.api.connector.source.InputStatus;
import io.spate.runtime.worker.Waker;

/**
 * The head of a source task as its task sees it: polled for records on the task's thread, never
 * blocking, and woken through a {@link Waker} when it has records again. A source that must
 * coordinate with another thread before a checkpoint (a source function and its checkpoint lock)
 * says when it is ready.
 */
public interface PolledSource {

  /** Emits what is available, a bounded amount; returns the status. Never blocks. */
  InputStatus emitNext() throws Exception;

  /** The number of records emitted so far. */
  long recordsEmitted();

  /** Has {@code waker} run when a source that had nothing to emit has records again. */
  void setWaker(Waker waker);

  /** Emits the final watermark now (a draining stop-with-savepoint), so that every window fires. */
  void emitFinalWatermark();

  /**
   * Whether a checkpoint may be taken now; if not, the source prepares for one and wakes the task
   * when it is ready, and the task asks again. Never blocks.
   */
  default boolean readyForCheckpoint() {
    return true;
  }

  /** The checkpoint that {@link #readyForCheckpoint} allowed is taken (or failed to be). */
  default void checkpointTaken() {}

  /** The operator's name, for messages. */
  String getName();
}
