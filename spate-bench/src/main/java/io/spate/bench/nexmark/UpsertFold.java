package io.spate.bench.nexmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The fold of output that updates rows by key: the last row received per key wins. */
final class UpsertFold<R> implements ResultFold<R> {

  private final Function<? super R, ?> key;
  private final Map<Object, R> latest = new HashMap<>();

  UpsertFold(Function<? super R, ?> key) {
    this.key = key;
  }

  @Override
  public void add(R row) {
    latest.put(key.apply(row), row);
  }

  @Override
  public ResultSummary summary() {
    return ResultSummary.of(latest.values());
  }

  @Override
  public List<Object> rows() {
    return List.copyOf(latest.values());
  }
}
