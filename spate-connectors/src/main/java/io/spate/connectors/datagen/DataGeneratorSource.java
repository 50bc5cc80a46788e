package io.spate.connectors.datagen;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.IndexRangeSource;
import io.spate.api.connector.source.lib.NumberSequenceSplit;
import io.spate.api.connector.source.lib.SequentialSplitReader;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A parallel source of generated records: record {@code i} is {@code generator.map(i)} for the
 * indices 0 to {@code count - 1}, optionally at a limited rate; a count of {@link Long#MAX_VALUE}
 * makes it unbounded.
 *
 * @param <T> the generated record type
 */
public final class DataGeneratorSource<T> extends IndexRangeSource<T> {

  private static final long serialVersionUID = 1L;

  /** Records generated per {@code pollNext} call at most; also the rate limiter's burst. */
  static final int BATCH_SIZE = IndexRangeSource.BATCH_SIZE;

  private final GeneratorFunction<Long, T> generator;
  private final long count;
  private final RateLimiterStrategy rateLimiterStrategy;
  private final TypeInformation<T> type;

  /** Generates {@code count} records as fast as they are consumed. */
  public DataGeneratorSource(GeneratorFunction<Long, T> generator, long count, TypeInformation<T> type) {
    this(generator, count, RateLimiterStrategy.noOp(), type);
  }

  /** Generates {@code count} records at the rate {@code rateLimiterStrategy} allows. */
  public DataGeneratorSource(
      GeneratorFunction<Long, T> generator,
      long count,
      RateLimiterStrategy rateLimiterStrategy,
      TypeInformation<T> type) {
    this.generator = Objects.requireNonNull(generator, "generator");
    this.rateLimiterStrategy = Objects.requireNonNull(rateLimiterStrategy, "rateLimiterStrategy");
    this.type = Objects.requireNonNull(type, "type");
    if (count < 0) {
      throw new IllegalArgumentException("DataGeneratorSource: the count must not be negative, but is " + count);
    }
    this.count = count;
  }

  /** The number of records; {@link Long#MAX_VALUE} means unbounded. */
  public long getCount() {
    return count;
  }

  @Override
  public Boundedness getBoundedness() {
    return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  @Override
  public SourceReader<T, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
    return new Reader<>(
        readerContext, generator, rateLimiterStrategy.createRateLimiter(readerContext.currentParallelism()));
  }

  @Override
  protected long firstIndex() {
    return 0;
  }

  @Override
  protected long lastIndex() {
    return count - 1;
  }

  /** Generates the records of its splits, in batches as large as the rate limiter allows. */
  private static final class Reader<T> extends SequentialSplitReader<T, NumberSequenceSplit> {

    private final GeneratorFunction<Long, T> generator;
    private final RateLimiter rateLimiter;
    private String splitId;
    private long next;
    private long last;

    Reader(SourceReaderContext context, GeneratorFunction<Long, T> generator, RateLimiter rateLimiter) {
      super(context);
      this.generator = generator;
      this.rateLimiter = rateLimiter;
    }

    @Override
    public void start() {
      try {
        generator.open(context);
      } catch (Exception e) {
        throw new IllegalStateException(
            "DataGeneratorSource: the generator function failed to open: " + e, e);
      }
      super.start();
    }

    @Override
    protected void openSplit(NumberSequenceSplit split) {
      splitId = split.splitId();
      next = split.from();
      last = split.to();
    }

    @Override
    protected SplitProgress readSplit(ReaderOutput<T> output) throws Exception {
      long first = next;
      int wanted = batchSize(first, last, BATCH_SIZE);
      long now = System.nanoTime();
      int count = rateLimiter.tryAcquire(wanted, now);
      if (count == 0) {
        scheduleWakeUp(rateLimiter.nanosUntilNextPermit(now));
        return SplitProgress.WAIT;
      }
      GeneratorFunction<Long, T> fn = generator;
      for (int i = 0; i < count; i++) {
        output.collect(fn.map(first + i));
      }
      long emittedLast = first + count - 1;
      if (emittedLast == last) {
        return SplitProgress.FINISHED;
      }
      next = emittedLast + 1;
      return SplitProgress.MORE;
    }

    private void scheduleWakeUp(long delayNanos) {
      CompletableFuture<Void> future = awaitAvailability();
      // A wake-up asked for by an earlier wait may complete this future early: we only look sooner.
      context.availableAfter(delayNanos).thenRun(() -> future.complete(null));
    }

    @Override
    protected NumberSequenceSplit currentSplitState() {
      return new NumberSequenceSplit(splitId, next, last);
    }

    @Override
    public void close() throws Exception {
      try {
        super.close();
      } finally {
        generator.close();
      }
    }
  }
}
