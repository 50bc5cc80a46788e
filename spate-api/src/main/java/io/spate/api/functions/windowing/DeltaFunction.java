package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * The distance between two records, for {@link io.spate.api.windowing.evictors.DeltaEvictor}.
 *
 * @param <T> the record type
 */
@PublicEvolving
@FunctionalInterface
public interface DeltaFunction<T> extends Serializable {

  /** The distance from {@code oldDataPoint} to {@code newDataPoint}. */
  double getDelta(T oldDataPoint, T newDataPoint);
}
