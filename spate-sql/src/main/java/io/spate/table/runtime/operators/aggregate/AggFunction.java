package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import java.io.Serializable;

/**
 * One aggregate of a {@code GROUP BY} (COUNT, SUM, AVG, MIN, MAX, COUNT DISTINCT) over a key's rows,
 * kept in an accumulator that can take rows back ({@link #retract}) when the input is a changelog.
 */
@Internal
public interface AggFunction extends Serializable {

  /** The type of the accumulator, for state. */
  TypeInformation<?> accumulatorType();

  /** A new, empty accumulator. */
  Object createAccumulator();

  /** {@code acc} with {@code input} added; may change and return {@code acc}. */
  Object accumulate(Object acc, Row input);

  /** {@code acc} with {@code input} taken back; may change and return {@code acc}. */
  Object retract(Object acc, Row input);

  /**
   * {@code acc} with the rows of {@code other} added, as if they had been accumulated into it: for
   * window slices shared by overlapping windows. May change and return {@code acc}; never changes
   * {@code other}. Throws if the function cannot merge (callers then keep one accumulator per window).
   */
  default Object merge(Object acc, Object other) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot merge accumulators");
  }

  /** Whether {@link #merge} works for this function. */
  default boolean canMerge() {
    return false;
  }

  /**
   * Whether every accumulator {@link #createAccumulator} makes is null, or a {@code long[]} with the
   * same values as the first, so that a copy of the first serves as a fresh one. False unless an
   * implementation is sure.
   */
  default boolean emptyAccumulatorIsConstant() {
    return false;
  }

  /** The aggregate's value for {@code acc}; does not change it. */
  Object getValue(Object acc);
}
