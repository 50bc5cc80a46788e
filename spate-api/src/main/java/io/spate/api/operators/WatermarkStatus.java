package io.spate.api.operators;

/** Whether a stream holds back the watermark downstream: an idle input does not. */
public enum WatermarkStatus {
  /** The input is idle. */
  IDLE,
  /** The input is active. */
  ACTIVE
}
