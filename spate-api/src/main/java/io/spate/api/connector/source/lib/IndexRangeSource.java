package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import java.util.List;

/**
 * What the sources over a range of indices share: the range is cut into contiguous splits, a few
 * per reader, handed out on request, and checkpointed as the list of unread splits.
 *
 * @param <T> the record type
 */
abstract class IndexRangeSource<T>
    implements Source<T, NumberSequenceSplit, List<NumberSequenceSplit>>, ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;

  /** The first index, inclusive. */
  abstract long firstIndex();

  /** The last index, inclusive; below {@link #firstIndex()} for an empty range. */
  abstract long lastIndex();

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
