package io.spate.table.types.logical.utils;

import io.spate.api.annotation.Internal;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;

/**
 * The result types of arithmetic and aggregates as Flink derives them: decimal precision and scale of
 * {@code + - * / %}, and the result types of {@code SUM} and {@code AVG}. The planner's type system and the code
 * that computes the values both ask here, so that they agree.
 */
@Internal
public final class LogicalTypeMerging {

  /**
   * The fewest digits after the point a decimal result keeps when its precision has to be cut to 38: integer
   * digits are kept first, as SQL Server and Hive do, but not at the price of the last few fractional digits.
   */
  private static final int MINIMUM_ADJUSTED_SCALE = 6;

  private LogicalTypeMerging() {}

  /** {@code DECIMAL(p1, s1) / DECIMAL(p2, s2)}: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale. */
  public static DecimalType findDivisionDecimalType(int precision1, int scale1, int precision2, int scale2) {
    int scale = Math.max(MINIMUM_ADJUSTED_SCALE, scale1 + precision2 + 1);
    int precision = precision1 - scale1 + scale2 + scale;
    return adjustPrecisionScale(precision, scale);
  }

  /** {@code DECIMAL(p1, s1) * DECIMAL(p2, s2)}: precision p1 + p2 + 1, scale s1 + s2. */
  public static DecimalType findMultiplicationDecimalType(int precision1, int scale1, int precision2, int scale2) {
    return adjustPrecisionScale(precision1 + precision2 + 1, scale1 + scale2);
  }

  /**
   * {@code DECIMAL(p1, s1) + DECIMAL(p2, s2)} and {@code -}: scale max(s1, s2), room for the larger integer part and
   * a carry.
   */
  public static DecimalType findAdditionDecimalType(int precision1, int scale1, int precision2, int scale2) {
    int scale = Math.max(scale1, scale2);
    int precision = Math.max(precision1 - scale1, precision2 - scale2) + scale + 1;
    return adjustPrecisionScale(precision, scale);
  }

  /** {@code DECIMAL(p1, s1) % DECIMAL(p2, s2)}: scale max(s1, s2), the smaller integer part. */
  public static DecimalType findModuloDecimalType(int precision1, int scale1, int precision2, int scale2) {
    int scale = Math.max(scale1, scale2);
    int precision = Math.min(precision1 - scale1, precision2 - scale2) + scale;
    return adjustPrecisionScale(precision, scale);
  }

  /**
   * {@code SUM(x)}: {@code DECIMAL(38, s)} for a {@code DECIMAL(p, s)}, the argument's own type for every other
   * type ({@code SUM} of an {@code INT} is an {@code INT}), with the argument's nullability.
   */
  public static LogicalType findSumAggType(LogicalType argType) {
    if (argType.is(LogicalTypeRoot.DECIMAL)) {
      return new DecimalType(argType.isNullable(), DecimalType.MAX_PRECISION, ((DecimalType) argType).getScale());
    }
    return argType;
  }

  /**
   * {@code AVG(x)}: {@code DECIMAL(38, max(6, s))} for a {@code DECIMAL(p, s)}, the argument's own type for every
   * other type ({@code AVG} of a {@code BIGINT} is a {@code BIGINT}), with the argument's nullability.
   */
  public static LogicalType findAvgAggType(LogicalType argType) {
    if (argType.is(LogicalTypeRoot.DECIMAL)) {
      // The sum divided by a BIGINT count, i.e. by a DECIMAL(20, 0).
      DecimalType quotient =
          findDivisionDecimalType(DecimalType.MAX_PRECISION, ((DecimalType) argType).getScale(), 20, 0);
      return quotient.copy(argType.isNullable());
    }
    return argType;
  }

  /**
   * A decimal of the given precision and scale if the precision fits in 38 digits; else 38 digits, keeping the
   * integer part whole as long as at least {@code min(scale, 6)} fractional digits remain.
   */
  public static DecimalType adjustPrecisionScale(int precision, int scale) {
    if (precision <= DecimalType.MAX_PRECISION) {
      return new DecimalType(precision, scale);
    }
    int integerDigits = precision - scale;
    int keptScale = Math.max(DecimalType.MAX_PRECISION - integerDigits, Math.min(scale, MINIMUM_ADJUSTED_SCALE));
    return new DecimalType(DecimalType.MAX_PRECISION, keptScale);
  }
}
