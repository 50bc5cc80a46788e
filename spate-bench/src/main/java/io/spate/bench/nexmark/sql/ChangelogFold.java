package io.spate.bench.nexmark.sql;

import io.spate.api.util.PaddedLong;
import io.spate.bench.nexmark.CanonicalHash;
import io.spate.bench.nexmark.ResultSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a SQL result's changes into the {@link ResultSummary} of its final table: an insertion (or
 * update-after) adds the row, a retraction (update-before or delete) takes it away again. The
 * summary's count and checksum are sums, so the folds of parallel sink subtasks add up to the whole
 * table's whatever subtask a change arrives at, and an insert-only result folds as it would row by
 * row.
 */
public final class ChangelogFold {

  // Written for every change, by one sink subtask's thread: on cache lines of their own, as in the
  // DataStream versions' fold, so that the folds of parallel subtasks do not share one.
  private final PaddedLong count = new PaddedLong();
  private final PaddedLong checksum = new PaddedLong();
  private final Map<Object, Long> rows;

  /** A fold that keeps the final rows ({@code keepRows}, for tests) or only their summary. */
  public ChangelogFold(boolean keepRows) {
    this.rows = keepRows ? new HashMap<>() : null;
  }

  /** Adds {@code row} to the table. */
  public void insert(Object row) {
    count.increment();
    checksum.add(CanonicalHash.of(row));
    if (rows != null) {
      rows.merge(row, 1L, Long::sum);
    }
  }

  /** Takes {@code row} away from the table. */
  public void retract(Object row) {
    count.add(-1);
    checksum.add(-CanonicalHash.of(row));
    if (rows != null) {
      rows.merge(row, -1L, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  /**
   * Adds the row whose {@link CanonicalHash#of} is {@code hash}, as {@link #insert} adds the row
   * itself; only for a fold that keeps no rows.
   */
  public void insertHashed(long hash) {
    checkNoRows();
    count.increment();
    checksum.add(hash);
  }

  /** Takes away the row whose {@link CanonicalHash#of} is {@code hash}; only for a fold that keeps no rows. */
  public void retractHashed(long hash) {
    checkNoRows();
    count.add(-1);
    checksum.add(-hash);
  }

  private void checkNoRows() {
    if (rows != null) {
      throw new IllegalStateException("This fold keeps its rows, so it must be given rows, not their hashes.");
    }
  }

  /** The summary of the table so far. */
  public ResultSummary summary() {
    return new ResultSummary(count.get(), checksum.get());
  }

  /** The table's rows so far, each as often as it occurs; only for a fold made to keep them. */
  public List<Object> rows() {
    if (rows == null) {
      throw new IllegalStateException("This fold was made without keeping its rows.");
    }
    List<Object> table = new ArrayList<>();
    rows.forEach((row, n) -> {
      for (long i = 0; i < n; i++) {
        table.add(row);
      }
    });
    return table;
  }
}
