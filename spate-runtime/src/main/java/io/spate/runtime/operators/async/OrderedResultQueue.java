package io.spate.runtime.operators.async;

import java.util.ArrayDeque;

/** Releases results strictly in input order, watermarks in their place between them. */
final class OrderedResultQueue implements ResultQueue {

  /** A watermark waiting behind records; consecutive ones merge into the latest. */
  private static final class PendingWatermark {
    long value;

    PendingWatermark(long value) {
      this.value = value;
    }
  }

  private final ArrayDeque<Object> queue;
  private final Emitter emitter;

  OrderedResultQueue(int capacity, Emitter emitter) {
    // Holds at most capacity records, each preceded by at most one (merged) watermark.
    this.queue = new ArrayDeque<>(Math.min(2 * capacity + 1, 1024));
    this.emitter = emitter;
  }

  @Override
  public void add(AsyncEntry<?, ?> entry) {
    queue.addLast(entry);
  }

  @Override
  public void addWatermark(long watermark) {
    Object last = queue.peekLast();
    if (last == null) {
      emitter.emitWatermark(watermark);
    } else if (last instanceof PendingWatermark pending) {
      pending.value = watermark;
    } else {
      queue.addLast(new PendingWatermark(watermark));
    }
  }

  @Override
  public void onFinalized(AsyncEntry<?, ?> entry) {
    Object head;
    while ((head = queue.peekFirst()) != null) {
      if (head instanceof PendingWatermark pending) {
        queue.pollFirst();
        emitter.emitWatermark(pending.value);
      } else if (((AsyncEntry<?, ?>) head).finalized) {
        queue.pollFirst();
        emitter.emitResults((AsyncEntry<?, ?>) head);
      } else {
        return;
      }
    }
  }

  @Override
  public void forEachPending(PendingVisitor visitor) throws Exception {
    for (Object element : queue) {
      if (element instanceof PendingWatermark pending) {
        visitor.watermark(pending.value);
      } else {
        visitor.record((AsyncEntry<?, ?>) element);
      }
    }
  }
}
