package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/** Whether a stream holds back the watermark downstream: an idle input does not. */
@PublicEvolving
public enum WatermarkStatus {
  /** The input is idle. */
  IDLE,
  /** The input is active. */
  ACTIVE
}
