package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;

/** Whether a timer was set in event time or in processing time. */
@PublicEvolving
public enum TimeDomain {
  /** Fires when the watermark passes the timer's timestamp. */
  EVENT_TIME,
  /** Fires when the wall clock passes the timer's timestamp. */
  PROCESSING_TIME
}
