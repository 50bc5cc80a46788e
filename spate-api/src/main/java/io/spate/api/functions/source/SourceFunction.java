package io.spate.api.functions.source;

import io.spate.api.annotation.Public;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.Function;

/**
 * A source whose {@link #run} loops, emitting records through its {@link SourceContext} until its
 * input ends or {@link #cancel} is called. Without {@link ParallelSourceFunction} it runs with
 * parallelism 1. Spate runs {@code run} on a thread of its own, so it may block; a function that
 * updates state it checkpoints (through {@code CheckpointedFunction}) does so, together with the
 * {@code collect} of the records that state covers, while holding {@link
 * SourceContext#getCheckpointLock()}.
 *
 * @param <T> the record type
 */
@Public
public interface SourceFunction<T> extends Function {

  /** Emits the source's records through {@code ctx}; returning ends the source. */
  void run(SourceContext<T> ctx) throws Exception;

  /**
   * Asks {@link #run} to return soon; called from another thread when the job is cancelled or
   * fails. If {@code run} is still running after a grace period its thread is interrupted.
   */
  void cancel();

  /**
   * Where a source function emits its records and watermarks.
   *
   * @param <T> the record type
   */
  @Public
  interface SourceContext<T> {

    /** Emits a record without a timestamp; blocks while the task has not taken earlier records. */
    void collect(T element);

    /** Emits a record with the event timestamp {@code timestamp} (milliseconds). */
    @PublicEvolving
    void collectWithTimestamp(T element, long timestamp);

    /** Emits a watermark: no record with a timestamp at or below it is to follow. */
    @PublicEvolving
    void emitWatermark(Watermark mark);

    /**
     * Marks the source idle: it holds back no watermark downstream until it emits a record or a
     * watermark again.
     */
    @PublicEvolving
    void markAsTemporarilyIdle();

    /**
     * The lock to hold while emitting records and updating the state that covers them: a checkpoint
     * is taken only while no one else holds it, so the state it stores matches the records emitted
     * before its barrier.
     */
    Object getCheckpointLock();

    /** Releases the context's resources; called by the runtime. */
    void close();
  }
}
