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
    entry.segment = null;
    segment.unfinished--;
    segment.ready.addLast(entry);
    Segment head;
    while ((head = segments.peekFirst()) != null) {
      AsyncEntry<?, ?> done;
      while ((done = head.ready.pollFirst()) != null) {
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
}
