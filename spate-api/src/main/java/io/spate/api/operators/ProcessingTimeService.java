package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * The clock of an operator's task and its processing-time callbacks. Callbacks run on the task's
 * thread, between records, so operator code stays single-threaded.
 */
@PublicEvolving
public interface ProcessingTimeService {

  /** Work to do at a point in processing time. */
  @FunctionalInterface
  interface ProcessingTimeCallback {
    /** Called once the clock has reached the scheduled time, which is given. */
    void onProcessingTime(long time) throws Exception;
  }

  /** The current processing time in milliseconds. */
  long getCurrentProcessingTime();

  /** Runs {@code callback} on the task's thread once the clock reaches {@code time}. */
  void registerTimer(long time, ProcessingTimeCallback callback);
}
