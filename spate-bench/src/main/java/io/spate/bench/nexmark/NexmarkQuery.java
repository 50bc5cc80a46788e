package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/**
 * One Nexmark query: the job on Spate's DataStream API and a single-threaded baseline that computes
 * the same result with plain Java collections.
 *
 * @param <R> the query's output row
 */
public interface NexmarkQuery<R> {

  /** The query's name, such as {@code q5}. */
  String name();

  /**
   * Adds the query to a stream of events whose timestamps and watermarks are already assigned
   * (see {@link NexmarkWatermarks}) and returns its output.
   */
  DataStream<R> build(DataStream<Event> events);

  /** Computes the query's result over {@code events} in one thread, handing each row to {@code out}. */
  void baseline(Iterable<Event> events, Consumer<? super R> out);

  /**
   * A fold that turns the query's output, in arrival order, into its canonical result: the rows
   * themselves for insert-only queries, the last row per key for queries that emit updates.
   *
   * @param keepRows whether the fold keeps the canonical rows (for tests) or only their summary
   */
  default ResultFold<R> newFold(boolean keepRows) {
    return ResultFold.insertOnly(keepRows);
  }

  /**
   * Whether the query's rows are stamped with processing time (the end of a processing-time
   * window) rather than event time; their results then depend on the clock.
   */
  default boolean processingTime() {
    return false;
  }
}
