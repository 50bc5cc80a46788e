package io.spate.connectors.jdbc;

import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a {@link JdbcSource}'s splits to the readers one at a time, as each asks, so that a reader
 * with quick ranges takes more of them; a reader that asks when none is left is told there are no
 * more. Its checkpoint is the splits not yet handed out.
 */
final class JdbcSplitEnumerator implements SplitEnumerator<JdbcSourceSplit, List<JdbcSourceSplit>> {

  private final SplitEnumeratorContext<JdbcSourceSplit> context;
  private final ArrayDeque<JdbcSourceSplit> unassigned;

  JdbcSplitEnumerator(SplitEnumeratorContext<JdbcSourceSplit> context, List<JdbcSourceSplit> unassigned) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(unassigned);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    JdbcSourceSplit next = unassigned.poll();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<JdbcSourceSplit> splits, int subtaskId) {
    // The reader failed before a checkpoint took these: they go out again, from their recorded offset.
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<JdbcSourceSplit> snapshotState(long checkpointId) {
    return new ArrayList<>(unassigned);
  }
}
