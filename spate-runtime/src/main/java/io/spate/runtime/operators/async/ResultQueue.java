package io.spate.runtime.operators.async;

/**
 * The records in flight in an async operator, and the watermarks between them, in the order their
 * results may leave: strictly in input order, or as they complete but never across a watermark.
 */
interface ResultQueue {

  /** Where released results and watermarks go. */
  interface Emitter {
    /** Emits the results of {@code entry}. */
    void emitResults(AsyncEntry<?, ?> entry);

    /** Emits {@code watermark}. */
    void emitWatermark(long watermark);
  }

  /** What a checkpoint stores of the queue's contents. */
  interface PendingVisitor {
    /** A record whose results have not left yet (in flight, or completed but held back). */
    void record(AsyncEntry<?, ?> entry) throws Exception;

    /** A watermark that has not left yet. */
    void watermark(long watermark) throws Exception;
  }

  /** Appends a record that has just started. */
  void add(AsyncEntry<?, ?> entry);

  /** Appends a watermark; emitted at once when nothing is in flight before it. */
  void addWatermark(long watermark);

  /** {@code entry} has its final result: emits everything that may now leave. */
  void onFinalized(AsyncEntry<?, ?> entry);

  /**
   * Visits every record and watermark that has not left yet, in an order that, replayed into a new
   * queue, lets nothing leave earlier than it could have here.
   */
  void forEachPending(PendingVisitor visitor) throws Exception;
}
