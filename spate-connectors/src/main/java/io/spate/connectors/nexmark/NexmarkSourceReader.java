package io.spate.connectors.nexmark;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
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
  // Whether the source is rate limited: event n is then due generator.dueNanosAfterOrigin(n) after its split's origin.
  private final boolean paced;
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
        // read to the microsecond: every reader places the shared origin on its own, and reading the
        // wall clock in whole milliseconds put the readers' schedules up to a millisecond apart
        originNanos = WallClock.nanoTimeAt(split.paceOriginMillis());
      }
    }

    long remaining() {
      return (split.end() - next - 1) / split.stride() + 1;
    }
  }

  /**
   * A reader of {@code generator}'s events; if {@code paced} it emits each event no earlier than
   * {@link NexmarkGenerator#dueNanosAfterOrigin} after its split's pace origin, and catches up after
   * a stall rather than shifting the schedule, so that event time keeps step with the wall clock.
   */
  NexmarkSourceReader(SourceReaderContext context, NexmarkGenerator generator, boolean paced) {
    this.context = context;
    this.generator = generator;
    this.paced = paced;
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
    if (paced) {
      granted = due(cursor, granted);
      if (granted == 0) {
        scheduleWakeUp(cursor.originNanos + generator.dueNanosAfterOrigin(cursor.next) - System.nanoTime());
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

  /** How many of the cursor's next {@code atMost} events are due now. */
  private int due(Cursor cursor, int atMost) {
    long now = System.nanoTime();
    if (cursor.originNanos == Long.MIN_VALUE) {
      cursor.originNanos = now - generator.dueNanosAfterOrigin(cursor.next); // the first event is due now
    }
    long elapsed = now - cursor.originNanos;
    long stride = cursor.split.stride();
    int due = 0;
    for (long n = cursor.next; due < atMost && generator.dueNanosAfterOrigin(n) <= elapsed; n += stride) {
      due++;
    }
    return due;
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
