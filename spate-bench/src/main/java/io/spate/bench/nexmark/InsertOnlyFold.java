package io.spate.bench.nexmark;

import io.spate.api.util.PaddedLong;
import java.util.ArrayList;
import java.util.List;

/** The fold of insert-only output: counts and sums hashes, and keeps the rows if asked. */
final class InsertOnlyFold<R> implements ResultFold<R> {

  private final List<Object> rows;
  // Written for every row, by one subtask's thread: on cache lines of their own, so that the folds of
  // parallel subtasks (and whatever the collector copies beside them) do not share one.
  private final PaddedLong count = new PaddedLong();
  private final PaddedLong checksum = new PaddedLong();

  InsertOnlyFold(boolean keepRows) {
    this.rows = keepRows ? new ArrayList<>() : null;
  }

  @Override
  public void add(R row) {
    count.increment();
    checksum.add(CanonicalHash.of(row));
    if (rows != null) {
      rows.add(row);
    }
  }

  @Override
  public ResultSummary summary() {
    return new ResultSummary(count.get(), checksum.get());
  }

  @Override
  public List<Object> rows() {
    if (rows == null) {
      throw new IllegalStateException("This fold was made without keeping its rows.");
    }
    return List.copyOf(rows);
  }
}
