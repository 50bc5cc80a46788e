package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/**
 * Creates a watermark generator per source split or parallel instance.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

  /** Creates a new generator. */
  WatermarkGenerator<T> createWatermarkGenerator();
}
