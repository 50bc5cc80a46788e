package io.spate.runtime.operators.async;

import java.util.ArrayDeque;

/**
 * Releases results as they complete, but never across a watermark: the records between two
 * watermarks form a segment, a segment's results leave only once every earlier segment and its
 * closing watermark have left, and a watermark leaves only after all results before it.
 */
final class UnorderedResultQueue implements ResultQueue {

  private static final class Segment {
    final ArrayDeque<AsyncEntry<?, ?>> ready = new ArrayDeque<>();
    int unfinished;
    boolean closed;
    long watermark;
  }

  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  // Every record not yet emitted, in arrival order, linked through the entries: what checkpoints store.
  private AsyncEntry<?, ?> oldestPending;
  private AsyncEntry<?, ?> newestPending;
  private final Emitter emitter;

  UnorderedResultQueue(Emitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void add(AsyncEntry<?, ?> entry) {
    Segment tail = segments.peekLast();
    if (tail == null || tail.closed) {
      tail = new Segment();
      segments.addLast(tail);
    }
    tail.unfinished++;
    entry.segment = tail;
    entry.previousPending = newestPending;
    if (newestPending == null) {
      oldestPending = entry;
    } else {
      newestPending.nextPending = entry;
    }
    newestPending = entry;
  }

  @Override
  public void addWatermark(long watermark) {
    Segment tail = segments.peekLast();
    if (tail == null) {
      emitter.emitWatermark(watermark);
    } else {
      // A later watermark with no record in between supersedes the earlier one.
      tail.closed = true;
      tail.watermark = watermark;
    }
  }

  @Override
  public void onFinalized(AsyncEntry<?, ?> entry) {
    Segment segment = (Segment) entry.segment;
    segment.unfinished--;
    segment.ready.addLast(entry);
    Segment head;
    while ((head = segments.peekFirst()) != null) {
      AsyncEntry<?, ?> done;
      while ((done = head.ready.pollFirst()) != null) {
        unlinkPending(done);
        emitter.emitResults(done);
      }
      if (head.unfinished > 0) {
        return;
      }
      segments.pollFirst();
      if (head.closed) {
        emitter.emitWatermark(head.watermark);
      }
    }
  }

  private void unlinkPending(AsyncEntry<?, ?> entry) {
    entry.segment = null;
    if (entry.previousPending == null) {
      oldestPending = entry.nextPending;
    } else {
      entry.previousPending.nextPending = entry.nextPending;
    }
    if (entry.nextPending == null) {
      newestPending = entry.previousPending;
    } else {
      entry.nextPending.previousPending = entry.previousPending;
    }
    entry.previousPending = null;
    entry.nextPending = null;
  }

  // Segments are contiguous in arrival order and each one still queued holds a record not yet
  // emitted, so walking the records places every closing watermark after its segment's records.
  @Override
  public void forEachPending(PendingVisitor visitor) throws Exception {
    Segment current = null;
    for (AsyncEntry<?, ?> entry = oldestPending; entry != null; entry = entry.nextPending) {
      Segment segment = (Segment) entry.segment;
      if (current != null && segment != current && current.closed) {
        visitor.watermark(current.watermark);
      }
      current = segment;
      visitor.record(entry);
    }
    if (current != null && current.closed) {
      visitor.watermark(current.watermark);
    }
  }
}
