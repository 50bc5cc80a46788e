package io.spate.connectors.base;

import io.spate.api.connector.source.SourceSplit;
import java.util.List;

/**
 * The part of a source that talks to a blocking client: it reads the splits it was given, a batch
 * at a time, on a fetcher thread of {@link SourceReaderBase}, never on a task's worker. One
 * instance serves one fetcher thread; only {@link #wakeUp()} is called from another thread.
 *
 * @param <E> what the client returns per record (a Kafka record, a row, a line)
 * @param <SplitT> the split type
 */
public interface SplitReader<E, SplitT extends SourceSplit> extends AutoCloseable {

  /**
   * Reads the next batch of the assigned splits, blocking until there is something to return or
   * {@link #wakeUp()} is called, and marks in it the splits that it has read to their end. The
   * batch size is this reader's to bound: the memory a source holds is at most the hand-over
   * queue's capacity times the largest batch.
   */
  RecordsBySplits<E> fetch() throws Exception;

  /** Starts reading {@code splits}, each from the position it carries. */
  void addSplits(List<SplitT> splits) throws Exception;

  /**
   * Makes a {@link #fetch()} that is blocked now return soon, with what it has (possibly nothing);
   * if the fetch has not started blocking yet, it returns soon once it does. Called from another
   * thread when splits are added during a fetch and when the reader closes.
   */
  void wakeUp();

  /** Releases the client; called on the fetcher thread after its last fetch. */
  @Override
  void close() throws Exception;
}
