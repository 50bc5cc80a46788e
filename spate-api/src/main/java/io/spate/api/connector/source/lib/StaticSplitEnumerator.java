package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out a fixed set of splits, one per request, and tells a reader that asks when none is left
 * that it gets no more. Its checkpoint is the list of splits not yet handed out.
 */
final class StaticSplitEnumerator<S extends SourceSplit> implements SplitEnumerator<S, List<S>> {

  private final SplitEnumeratorContext<S> context;
  private final ArrayDeque<S> remaining;

  StaticSplitEnumerator(SplitEnumeratorContext<S> context, Collection<S> splits) {
    this.context = context;
    this.remaining = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    S split = remaining.poll();
    if (split != null) {
      context.assignSplit(split, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtaskId) {
    // Returned splits go first: they hold the oldest unread data.
    for (int i = splits.size() - 1; i >= 0; i--) {
      remaining.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<S> snapshotState(long checkpointId) {
    return new ArrayList<>(remaining);
  }
}
