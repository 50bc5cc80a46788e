package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel subtask. {@link #pollNext} must never block: a reader
 * whose input comes from a blocking client reads on a thread of its own and hands records over.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@PublicEvolving
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

  /** Starts the reader; typically requests a first split. */
  void start();

  /** Emits available records (a handful, not all) and says whether more are available. */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /** Completes when {@link #pollNext} has something to do again. */
  CompletableFuture<Void> isAvailable();

  /** New splits to read. */
  void addSplits(List<SplitT> splits);

  /** No more splits will come: once the current ones are read, report END_OF_INPUT. */
  void notifyNoMoreSplits();

  /** The unfinished splits with their current positions, for checkpoint {@code checkpointId}. */
  List<SplitT> snapshotState(long checkpointId);

  /** A custom event from the enumerator. */
  default void handleSourceEvents(SourceEvent sourceEvent) {}

  /** Checkpoint {@code checkpointId} completed. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  @Override
  default void close() throws Exception {}
}
