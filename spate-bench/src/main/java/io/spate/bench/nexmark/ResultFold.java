package io.spate.bench.nexmark;

import java.util.List;
import java.util.function.Function;

/**
 * Folds a query's output rows, in arrival order, into its canonical result and that result's
 * {@link ResultSummary}.
 *
 * @param <R> the output row
 */
public interface ResultFold<R> {

  /** Takes the next output row. */
  void add(R row);

  /** The summary of the canonical result so far. */
  ResultSummary summary();

  /** The canonical rows so far; only for folds made to keep them. */
  List<Object> rows();

  /** A fold for insert-only output: the canonical result is the multiset of rows. */
  static <R> ResultFold<R> insertOnly(boolean keepRows) {
    return new InsertOnlyFold<>(keepRows);
  }

  /** A fold for output that updates rows by key: the canonical result is the last row per key. */
  static <R> ResultFold<R> upsert(Function<? super R, ?> key) {
    return new UpsertFold<>(key);
  }
}
