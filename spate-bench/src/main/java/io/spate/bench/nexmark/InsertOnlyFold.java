package io.spate.bench.nexmark;

import java.util.ArrayList;
import java.util.List;

/** The fold of insert-only output: counts and sums hashes, and keeps the rows if asked. */
final class InsertOnlyFold<R> implements ResultFold<R> {

  private final List<Object> rows;
  private long count;
  private long checksum;

  InsertOnlyFold(boolean keepRows) {
    this.rows = keepRows ? new ArrayList<>() : null;
  }

  @Override
  public void add(R row) {
    count++;
    checksum += CanonicalHash.of(row);
    if (rows != null) {
      rows.add(row);
    }
  }

  @Override
  public ResultSummary summary() {
    return new ResultSummary(count, checksum);
  }

  @Override
  public List<Object> rows() {
    if (rows == null) {
      throw new IllegalStateException("This fold was made without keeping its rows.");
    }
    return List.copyOf(rows);
  }
}
