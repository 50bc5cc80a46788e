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
  private final boolean paced;
  // The wall-clock time of the first assignment: the schedule of every split that has none yet.
  private long paceOriginMillis;

  /**
   * An enumerator handing out {@code splits}; if {@code paced}, a split without a pace origin gets
   * the time of the first assignment, so that all readers keep one schedule from the moment the
   * first of them is ready (restored splits keep theirs and catch up the time they were down).
   */
  NexmarkSplitEnumerator(SplitEnumeratorContext<NexmarkSplit> context, Collection<NexmarkSplit> splits,
      boolean paced) {
    this.context = context;
    this.unassigned = new ArrayDeque<>(splits);
    this.paced = paced;
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    NexmarkSplit split = unassigned.poll();
    if (split != null) {
      if (paced && split.paceOriginMillis() == 0) {
        if (paceOriginMillis == 0) {
          paceOriginMillis = System.currentTimeMillis();
        }
        split = new NexmarkSplit(split.splitId(), split.next(), split.stride(), split.end(), paceOriginMillis);
      }
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
