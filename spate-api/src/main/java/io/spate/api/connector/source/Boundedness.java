package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;

/** Whether a source ends. */
@PublicEvolving
public enum Boundedness {
  /** The source ends after a finite number of records. */
  BOUNDED,
  /** The source runs until the job is cancelled. */
  CONTINUOUS_UNBOUNDED
}
