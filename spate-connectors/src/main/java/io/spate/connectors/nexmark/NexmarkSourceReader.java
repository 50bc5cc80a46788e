package io.spate.connectors.nexmark;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Generates the events of the splits given to one subtask, a batch per poll, each event stamped with
 * its event time. Several splits (after a rescale) are read side by side, the one furthest behind
 * first, so that their event times stay together.
 */
final class NexmarkSourceReader implements SourceReader<Event, NexmarkSplit> {

  /** Events emitted per {@link #pollNext} call at most. */
  static final int BATCH_SIZE = 1024;

  private final SourceReaderContext context;
  private final NexmarkGenerator generator;
  private final RateLimiter rateLimiter;
  private final List<Cursor> cursors = new ArrayList<>();
  private boolean noMoreSplits;
  private boolean splitRequested;
  // Volatile because the wake-up of a rate-limited reader completes it from a timer thread.
  private volatile CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

  /** The position of the reader in one split. */
  private static final class Cursor {
    final NexmarkSplit split;
    long next;

    Cursor(NexmarkSplit split) {
      this.split = split;
      this.next = split.next();
    }

    long remaining() {
      return (split.end() - next - 1) / split.stride() + 1;
    }
  }

  NexmarkSourceReader(SourceReaderContext context, NexmarkGenerator generator, RateLimiter rateLimiter) {
    this.context = context;
    this.generator = generator;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public void start() {
    if (cursors.isEmpty() && !noMoreSplits) {
      requestSplit();
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<Event> output) {
    if (cursors.isEmpty()) {
      return noSplitToRead();
    }
    Cursor cursor = furthestBehind();
    long remaining = cursor.remaining();
    int wanted = (int) Math.min(BATCH_SIZE, remaining);
    long now = System.nanoTime();
    int granted = rateLimiter.tryAcquire(wanted, now);
    if (granted == 0) {
      scheduleWakeUp(rateLimiter.nanosUntilNextPermit(now));
      return InputStatus.NOTHING_AVAILABLE;
    }
    NexmarkGenerator gen = generator;
    long n = cursor.next;
    long stride = cursor.split.stride();
    for (int i = 0; i < granted; i++) {
      Event event = gen.eventAt(n);
      output.collect(event, event.dateTime());
      n += stride;
    }
    cursor.next = n;
    if (granted == remaining) {
      cursors.remove(cursor);
      if (cursors.isEmpty()) {
        return noSplitToRead();
      }
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private Cursor furthestBehind() {
    Cursor min = cursors.get(0);
    for (int i = 1; i < cursors.size(); i++) {
      if (cursors.get(i).next < min.next) {
        min = cursors.get(i);
      }
    }
    return min;
  }

  private InputStatus noSplitToRead() {
    if (noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    // Arm the future before asking, in case the answer arrives synchronously.
    awaitAvailability();
    requestSplit();
    if (!cursors.isEmpty()) {
      return InputStatus.MORE_AVAILABLE;
    }
    return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
  }

  private void requestSplit() {
    if (!splitRequested) {
      splitRequested = true;
      context.sendSplitRequest();
    }
  }

  private CompletableFuture<Void> awaitAvailability() {
    CompletableFuture<Void> current = available;
    if (current.isDone()) {
      current = new CompletableFuture<>();
      available = current;
    }
    return current;
  }

  private void scheduleWakeUp(long delayNanos) {
    CompletableFuture<Void> future = awaitAvailability();
    // Never 0: a permit due "now" by the clock was refused, so wait at least a tick. The JDK's one
    // delay thread completes the future; a wake-up that comes after close() completes nothing of use.
    Executor wakeUp = CompletableFuture.delayedExecutor(Math.max(1, delayNanos), TimeUnit.NANOSECONDS, Runnable::run);
    wakeUp.execute(() -> future.complete(null));
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<NexmarkSplit> splits) {
    for (NexmarkSplit split : splits) {
      cursors.add(new Cursor(split));
    }
    splitRequested = false;
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public List<NexmarkSplit> snapshotState(long checkpointId) {
    List<NexmarkSplit> state = new ArrayList<>(cursors.size());
    for (Cursor cursor : cursors) {
      state.add(cursor.split.at(cursor.next));
    }
    return state;
  }
}
