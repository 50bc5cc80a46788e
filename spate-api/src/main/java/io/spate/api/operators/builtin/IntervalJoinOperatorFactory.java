package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.typeinfo.TypeInformation;

/**
 * The operator of an interval join: a left record at time t joins right records of the same key in
 * {@code [t + lowerBound, t + upperBound]} (inclusive bounds in milliseconds); late records go to
 * the tags if set, else are dropped. Internal.
 *
 * @param leftType the left input's record type (null if unknown)
 * @param rightType the right input's record type (null if unknown)
 */
@Internal
public record IntervalJoinOperatorFactory<IN1, IN2, OUT>(
    ProcessJoinFunction<IN1, IN2, OUT> function, long lowerBound, long upperBound,
    OutputTag<IN1> leftLateDataTag, OutputTag<IN2> rightLateDataTag,
    TypeInformation<IN1> leftType, TypeInformation<IN2> rightType) implements RuntimeOperatorFactory<OUT> {

  /** A lower bound in milliseconds as an inclusive one: an exclusive bound moves one millisecond in. */
  public static long inclusiveLowerBound(long lowerBound, boolean inclusive) {
    return inclusive ? lowerBound : lowerBound + 1;
  }

  /** An upper bound in milliseconds as an inclusive one: an exclusive bound moves one millisecond in. */
  public static long inclusiveUpperBound(long upperBound, boolean inclusive) {
    return inclusive ? upperBound : upperBound - 1;
  }
}
