package io.spate.connectors.nexmark;

import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Hands out the splits of a {@link NexmarkSource}: a reader that asks gets all the splits it owns
 * (split {@code i} belongs to subtask {@code i} modulo the parallelism) and, in the same answer,
 * that it gets no more. A reader never takes another reader's split: every split spans the whole
 * event-time range, so a reader that finished its own and went on with another's would go back in
 * event time, behind a watermark it had already emitted, and its events would all be late. Its
 * checkpoint is the list of splits not yet handed out.
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
    int parallelism = context.currentParallelism();
    for (Iterator<NexmarkSplit> it = unassigned.iterator(); it.hasNext(); ) {
      NexmarkSplit split = it.next();
      if (ownerOf(split, parallelism) != subtaskId) {
        continue;
      }
      it.remove();
      if (paced && split.paceOriginMillis() == 0) {
        if (paceOriginMillis == 0) {
          paceOriginMillis = System.currentTimeMillis();
        }
        split = new NexmarkSplit(split.splitId(), split.next(), split.stride(), split.end(), paceOriginMillis);
      }
      context.assignSplit(split, subtaskId);
    }
    // Said with the splits rather than at the next request: a reader that has read them all ends at
    // once instead of a round trip to the coordinator later, which delayed the last windows' results.
    context.signalNoMoreSplits(subtaskId);
  }

  /**
   * The subtask that reads {@code split}: the residue of its event numbers (split {@code i} of a cut
   * holds the numbers congruent to {@code i}) modulo the parallelism, also after a rescale.
   */
  static int ownerOf(NexmarkSplit split, int parallelism) {
    return (int) (split.next() % split.stride() % parallelism);
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
