package io.spate.api.common;

import io.spate.api.annotation.Public;

/** How a job is executed: incrementally on unbounded data, or as a batch over bounded data. */
@Public
public enum RuntimeExecutionMode {
  /** Records are processed as they arrive; results are updated continuously. */
  STREAMING,
  /** Every input is bounded; operators see all input before emitting final results. */
  BATCH,
  /** BATCH when every source is bounded, else STREAMING. */
  AUTOMATIC
}
