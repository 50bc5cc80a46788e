package io.spate.api.connector.source.lib;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import java.util.List;

/**
 * What the sources over a range of indices share: the range is cut into contiguous splits, a few
 * per reader, handed out on request, and checkpointed as the list of unread splits. Public so that
 * generated-data connectors outside this module can build on it.
 *
 * @param <T> the record type
 */
@Internal
public abstract class IndexRangeSource<T>
    implements Source<T, NumberSequenceSplit, List<NumberSequenceSplit>>, ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;

  /** Indices a reader emits per {@code pollNext} call at most. */
  protected static final int BATCH_SIZE = 1024;

  /** The first index, inclusive. */
  protected abstract long firstIndex();

  /** The last index, inclusive; below {@link #firstIndex()} for an empty range. */
  protected abstract long lastIndex();

  /** How many of the indices {@code next..last} (non-empty) to take, at most {@code max}. */
  protected static int batchSize(long next, long last, int max) {
    // last - next may exceed Long.MAX_VALUE; read as unsigned it is exact.
    long remainingMinusOne = last - next;
    return Long.compareUnsigned(remainingMinusOne, max - 1L) >= 0 ? max : (int) remainingMinusOne + 1;
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
    return new StaticSplitEnumerator<>(enumContext, NumberSequenceSource.splitRange(
        firstIndex(), lastIndex(), enumContext.currentParallelism() * NumberSequenceSource.SPLITS_PER_READER));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> enumContext, List<NumberSequenceSplit> checkpoint) {
    return new StaticSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return NumberSequenceSplit.serializer();
  }

  @Override
  public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(NumberSequenceSplit.serializer());
  }
}
