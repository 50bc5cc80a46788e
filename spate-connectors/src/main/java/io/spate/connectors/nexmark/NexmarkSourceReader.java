package io.spate.connectors.nexmark;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
  // The pace of a rate-limited source (event n is due n * nanosPerEvent after its split's origin); 0 if unpaced.
  private final double nanosPerEvent;
  private final List<Cursor> cursors = new ArrayList<>();
  private boolean noMoreSplits;
  private boolean splitRequested;
  private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

  /** The position of the reader in one split. */
  private static final class Cursor {
    final NexmarkSplit split;
    long next;
    // System.nanoTime() at which event 0 was due; Long.MIN_VALUE until known.
    long originNanos = Long.MIN_VALUE;

    Cursor(NexmarkSplit split) {
      this.split = split;
      this.next = split.next();
      if (split.paceOriginMillis() > 0) {
        originNanos = originNanos(split.paceOriginMillis(), System.nanoTime(), Instant.now());
      }
    }

    long remaining() {
      return (split.end() - next - 1) / split.stride() + 1;
    }
  }

  /**
   * A reader of {@code generator}'s events; with {@code eventsPerSecond > 0} it emits event n no
   * earlier than n / eventsPerSecond seconds after its split's pace origin, and catches up after a
   * stall rather than shifting the schedule, so that event time keeps step with the wall clock.
   */
  NexmarkSourceReader(SourceReaderContext context, NexmarkGenerator generator, double eventsPerSecond) {
    this.context = context;
    this.generator = generator;
    this.nanosPerEvent = eventsPerSecond > 0 ? 1e9 / eventsPerSecond : 0;
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
    int granted = (int) Math.min(BATCH_SIZE, remaining);
    if (nanosPerEvent > 0) {
      granted = (int) Math.min(granted, due(cursor));
      if (granted == 0) {
        scheduleWakeUp(cursor.originNanos + (long) Math.ceil(cursor.next * nanosPerEvent) - System.nanoTime());
        return InputStatus.NOTHING_AVAILABLE;
      }
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

  /** How many of the cursor's next events are due now. */
  private long due(Cursor cursor) {
    long now = System.nanoTime();
    if (cursor.originNanos == Long.MIN_VALUE) {
      cursor.originNanos = now - (long) (cursor.next * nanosPerEvent); // the first event is due now
    }
    double lastDue = Math.floor((now - cursor.originNanos) / nanosPerEvent);
    return lastDue < cursor.next ? 0 : (long) ((lastDue - cursor.next) / cursor.split.stride()) + 1;
  }

  /**
   * The {@link System#nanoTime()} at which the epoch millisecond {@code paceOriginMillis} was, with
   * {@code nowNanos} and {@code nowWall} read together. The wall clock is read to the microsecond
   * or finer: every reader converts the shared origin on its own, and reading it in whole
   * milliseconds put the readers' schedules up to a millisecond apart.
   */
  static long originNanos(long paceOriginMillis, long nowNanos, Instant nowWall) {
    return nowNanos - Duration.between(Instant.ofEpochMilli(paceOriginMillis), nowWall).toNanos();
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
    // A new split or the end of splits completes this future early, which only makes us look sooner.
    available = context.availableAfter(delayNanos);
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
