package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A parallel source of generated records: record {@code i} is {@code generator.map(i)} for the
 * indices 0 to {@code count - 1}, optionally at a limited rate; a count of {@link Long#MAX_VALUE}
 * makes it unbounded.
 *
 * @param <T> the generated record type
 */
public final class DataGeneratorSource<T> extends IndexRangeSource<T> {

  private static final long serialVersionUID = 1L;

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
  long firstIndex() {
    return 0;
  }

  @Override
  long lastIndex() {
    return count - 1;
  }

  /**
   * The one timer thread that wakes up waiting readers of all generator sources. It runs only while
   * some reader holds it, so that no thread outlives the jobs that used it.
   */
  private static final class WakeUpTimer {
    private static ScheduledThreadPoolExecutor timer;
    private static int users;

    static synchronized ScheduledExecutorService acquire() {
      if (users++ == 0) {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
          Thread thread = new Thread(runnable, "spate-datagen-rate-limiter");
          thread.setDaemon(true);
          return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
      }
      return timer;
    }

    static synchronized void release() {
      if (--users == 0) {
        timer.shutdownNow();
        timer = null;
      }
    }
  }

  /** Generates the records of its splits, in batches as large as the rate limiter allows. */
  private static final class Reader<T> extends SequentialSplitReader<T, NumberSequenceSplit> {

    private final GeneratorFunction<Long, T> generator;
    private final RateLimiter rateLimiter;
    private ScheduledFuture<?> wakeUp;
    private ScheduledExecutorService timer;
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
      int wanted = NumberSequenceSource.batchSize(first, last, NumberSequenceSource.BATCH_SIZE);
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
      if (wakeUp != null) {
        wakeUp.cancel(false);
      }
      // Never 0: a permit that is due "now" by the clock was refused, so wait at least a tick.
      if (timer == null) {
        timer = WakeUpTimer.acquire();
      }
      wakeUp = timer.schedule(
          () -> future.complete(null), Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    @Override
    protected NumberSequenceSplit currentSplitState() {
      return new NumberSequenceSplit(splitId, next, last);
    }

    @Override
    public void close() throws Exception {
      if (wakeUp != null) {
        wakeUp.cancel(false);
      }
      if (timer != null) {
        timer = null;
        WakeUpTimer.release();
      }
      try {
        super.close();
      } finally {
        generator.close();
      }
    }
  }
}
