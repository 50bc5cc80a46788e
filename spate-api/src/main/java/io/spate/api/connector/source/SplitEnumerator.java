package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/**
 * Discovers the splits of a source and assigns them to readers. Runs single-threaded in the job's
 * coordinator; work that blocks goes through {@link SplitEnumeratorContext#callAsync}.
 *
 * @param <SplitT> the split type
 * @param <CheckpointT> the checkpoint type
 */
@PublicEvolving
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {

  /** Starts the enumerator, for example periodic split discovery. */
  void start();

  /** A reader asks for a split. */
  void handleSplitRequest(int subtaskId);

  /** Splits that a failed reader had are handed back for reassignment. */
  void addSplitsBack(List<SplitT> splits, int subtaskId);

  /** A reader has registered. */
  void addReader(int subtaskId);

  /** The enumerator's state for checkpoint {@code checkpointId}. */
  CheckpointT snapshotState(long checkpointId) throws Exception;

  /** A custom event from a reader. */
  default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {}

  /** Checkpoint {@code checkpointId} completed. */
  default void notifyCheckpointComplete(long checkpointId) {}

  @Override
  default void close() throws Exception {}
}
