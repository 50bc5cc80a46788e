package io.spate.api.connector.source.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, parallel source of the numbers {@code from} to {@code to} inclusive, in ascending order
 * within each split; the range is cut into a few contiguous splits per reader.
 */
@PublicEvolving
public final class NumberSequenceSource extends IndexRangeSource<Long> {

  private static final long serialVersionUID = 1L;

  /** Splits per reader: more than one so that a fast reader can take over work from a slow one. */
  static final int SPLITS_PER_READER = 4;

  private final long from;
  private final long to;

  /** A source of the numbers {@code from} to {@code to}, both inclusive. */
  public NumberSequenceSource(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException(
          "NumberSequenceSource: 'from' (" + from + ") must not be greater than 'to' (" + to + ")");
    }
    this.from = from;
    this.to = to;
  }

  /** The first number. */
  public long getFrom() {
    return from;
  }

  /** The last number. */
  public long getTo() {
    return to;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<Long> getProducedType() {
    return Types.LONG;
  }

  @Override
  public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
    return new Reader(readerContext);
  }

  @Override
  protected long firstIndex() {
    return from;
  }

  @Override
  protected long lastIndex() {
    return to;
  }

  @Override
  public String toString() {
    return "NumberSequenceSource(" + from + ".." + to + ")";
  }

  /**
   * Cuts {@code from..to} (inclusive; empty if {@code from > to}) into at most {@code maxSplits}
   * contiguous splits of nearly equal size, in ascending order, with ids "0", "1", ...
   */
  static List<NumberSequenceSplit> splitRange(long from, long to, int maxSplits) {
    if (maxSplits < 1) {
      throw new IllegalArgumentException("maxSplits must be positive, but is " + maxSplits);
    }
    if (from > to) {
      return List.of();
    }
    // The size of a range of longs can be 2^64, which only BigInteger holds; this runs once per job.
    BigInteger start = BigInteger.valueOf(from);
    BigInteger size = BigInteger.valueOf(to).subtract(start).add(BigInteger.ONE);
    int count = size.min(BigInteger.valueOf(maxSplits)).intValueExact();
    BigInteger splits = BigInteger.valueOf(count);
    List<NumberSequenceSplit> result = new ArrayList<>(count);
    long splitFrom = from;
    for (int i = 0; i < count; i++) {
      BigInteger nextStart = start.add(size.multiply(BigInteger.valueOf(i + 1L)).divide(splits));
      long splitTo = nextStart.subtract(BigInteger.ONE).longValueExact();
      result.add(new NumberSequenceSplit(Integer.toString(i), splitFrom, splitTo));
      splitFrom = splitTo + 1;
    }
    return result;
  }

  /** Emits the numbers of its splits in batches. */
  private static final class Reader extends SequentialSplitReader<Long, NumberSequenceSplit> {

    private String splitId;
    private long next;
    private long last;

    Reader(SourceReaderContext context) {
      super(context);
    }

    @Override
    protected void openSplit(NumberSequenceSplit split) {
      splitId = split.splitId();
      next = split.from();
      last = split.to();
    }

    @Override
    protected SplitProgress readSplit(ReaderOutput<Long> output) {
      long first = next;
      int count = batchSize(first, last, BATCH_SIZE);
      for (int i = 0; i < count; i++) {
        output.collect(first + i);
      }
      long emittedLast = first + count - 1;
      if (emittedLast == last) {
        return SplitProgress.FINISHED;
      }
      next = emittedLast + 1;
      return SplitProgress.MORE;
    }

    @Override
    protected NumberSequenceSplit currentSplitState() {
      return new NumberSequenceSplit(splitId, next, last);
    }
  }
}
