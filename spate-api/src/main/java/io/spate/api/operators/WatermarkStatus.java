package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/** Whether a stream holds back the watermark downstream: an idle input does not. */
@PublicEvolving
public enum WatermarkStatus {
  /** The input is idle. */
  IDLE,
  /** The input is active. */
  ACTIVE;

  /** Whether this is {@link #IDLE}, named as in Flink. */
  public boolean isIdle() {
    return this == IDLE;
  }

  /** Whether this is {@link #ACTIVE}, named as in Flink. */
  public boolean isActive() {
    return this == ACTIVE;
  }
}
