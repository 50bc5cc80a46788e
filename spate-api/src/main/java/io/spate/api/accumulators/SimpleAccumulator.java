package io.spate.api.accumulators;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/**
 * An accumulator whose result has the type of the values added (a counter, a minimum, ...).
 *
 * @param <T> the type of the values and of the result
 */
@Public
public interface SimpleAccumulator<T extends Serializable> extends Accumulator<T, T> {}
