package io.spate.api.eventtime;

import io.spate.api.annotation.Public;

/** Where a {@link WatermarkGenerator} emits watermarks and idleness. */
@Public
public interface WatermarkOutput {

  /** Emits a watermark; one that is not above the last emitted is ignored. */
  void emitWatermark(Watermark watermark);

  /** Marks the output idle until the next watermark or record. */
  void markIdle();

  /** Marks the output active again. */
  void markActive();
}
