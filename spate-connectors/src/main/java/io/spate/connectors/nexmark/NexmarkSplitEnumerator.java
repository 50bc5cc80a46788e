package io.spate.connectors.nexmark;

import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out the splits of a {@link NexmarkSource}, one per request, and tells a reader that asks when
 * none is left that it gets no more. Its checkpoint is the list of splits not yet handed out.
 */
final class NexmarkSplitEnumerator implements SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> {

  private final SplitEnumeratorContext<NexmarkSplit> context;
  private final ArrayDeque<NexmarkSplit> unassigned;

  NexmarkSplitEnumerator(SplitEnumeratorContext<NexmarkSplit> context, Collection<NexmarkSplit> splits) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    NexmarkSplit split = unassigned.poll();
    if (split != null) {
      context.assignSplit(split, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<NexmarkSplit> splits, int subtaskId) {
    for (int i = splits.size() - 1; i >= 0; i--) {
      unassigned.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<NexmarkSplit> snapshotState(long checkpointId) {
    return new ArrayList<>(unassigned);
  }
}
