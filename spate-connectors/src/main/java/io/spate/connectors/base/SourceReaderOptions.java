package io.spate.connectors.base;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SourceReaderBase} runs its fetchers.
 *
 * @param fetcherMode one fetcher thread for all splits of the reader, or one per split
 * @param handoverQueueCapacity fetched batches that may wait for the task; a fetcher that finds the
 *     queue full waits, so the memory a reader holds is this many batches
 * @param maxRecordsPerPoll elements a {@code pollNext} call emits at most before it returns
 * @param closeTimeout how long closing the reader waits for its fetcher threads to end
 */
public record SourceReaderOptions(
    FetcherMode fetcherMode, int handoverQueueCapacity, int maxRecordsPerPoll, Duration closeTimeout) {

  /** How splits are spread over fetcher threads. */
  public enum FetcherMode {
    /** One thread and one {@link SplitReader} read every split of the reader (the default). */
    SINGLE_FETCHER,
    /** Each split gets a thread and a {@link SplitReader} of its own, which end when it is read. */
    FETCHER_PER_SPLIT
  }

  /** One fetcher, two batches in the queue, 1024 elements per poll, five seconds to close. */
  public static final SourceReaderOptions DEFAULTS =
      new SourceReaderOptions(FetcherMode.SINGLE_FETCHER, 2, 1024, Duration.ofSeconds(5));

  /** Checks the options. */
  public SourceReaderOptions {
    Objects.requireNonNull(fetcherMode, "fetcherMode");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
    if (handoverQueueCapacity < 1) {
      throw new IllegalArgumentException(
          "Source reader options: the hand-over queue capacity must be at least 1, got " + handoverQueueCapacity);
    }
    if (maxRecordsPerPoll < 1) {
      throw new IllegalArgumentException(
          "Source reader options: maxRecordsPerPoll must be at least 1, got " + maxRecordsPerPoll);
    }
    if (closeTimeout.isNegative() || closeTimeout.isZero()) {
      throw new IllegalArgumentException("Source reader options: the close timeout must be positive, got " + closeTimeout);
    }
  }

  /** These options with {@code mode}. */
  public SourceReaderOptions withFetcherMode(FetcherMode mode) {
    return new SourceReaderOptions(mode, handoverQueueCapacity, maxRecordsPerPoll, closeTimeout);
  }

  /** These options with a queue of {@code capacity} batches. */
  public SourceReaderOptions withHandoverQueueCapacity(int capacity) {
    return new SourceReaderOptions(fetcherMode, capacity, maxRecordsPerPoll, closeTimeout);
  }

  /** These options with at most {@code max} elements emitted per poll. */
  public SourceReaderOptions withMaxRecordsPerPoll(int max) {
    return new SourceReaderOptions(fetcherMode, handoverQueueCapacity, max, closeTimeout);
  }
}
