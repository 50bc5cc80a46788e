package io.spate.api.connector.source;

/** Whether a source ends. */
public enum Boundedness {
  /** The source ends after a finite number of records. */
  BOUNDED,
  /** The source runs until the job is cancelled. */
  CONTINUOUS_UNBOUNDED
}
