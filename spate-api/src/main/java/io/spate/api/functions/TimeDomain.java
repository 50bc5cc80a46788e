package io.spate.api.functions;

/** Whether a timer was set in event time or in processing time. */
public enum TimeDomain {
  /** Fires when the watermark passes the timer's timestamp. */
  EVENT_TIME,
  /** Fires when the wall clock passes the timer's timestamp. */
  PROCESSING_TIME
}
