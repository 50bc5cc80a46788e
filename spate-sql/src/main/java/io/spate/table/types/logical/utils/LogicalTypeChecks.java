package io.spate.table.types.logical.utils;

import io.spate.api.annotation.Internal;
import io.spate.table.types.logical.BinaryType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeFamily;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.util.List;

/** Questions the planner asks of any logical type: its precision, scale or length, its fields, time attributes. */
@Internal
public final class LogicalTypeChecks {

  private LogicalTypeChecks() {}

  /**
   * The precision of a type that has one: a decimal's digits, an integer type's decimal digits (INT 10, BIGINT
   * 19), a time's or timestamp's fractional-second digits.
   *
   * @throws IllegalArgumentException for a type without a precision
   */
  public static int getPrecision(LogicalType type) {
    switch (type.getTypeRoot()) {
      case DECIMAL:
        return ((DecimalType) type).getPrecision();
      case TINYINT:
        return 3;
      case SMALLINT:
        return 5;
      case INTEGER:
        return 10;
      case BIGINT:
        return 19;
      case TIME_WITHOUT_TIME_ZONE:
        return ((TimeType) type).getPrecision();
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return ((TimestampType) type).getPrecision();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return ((LocalZonedTimestampType) type).getPrecision();
      default:
        throw new IllegalArgumentException("The type " + type.asSummaryString() + " has no precision.");
    }
  }

  /**
   * The scale of an exact numeric type: a decimal's, or 0 for an integer type.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static int getScale(LogicalType type) {
    if (type instanceof DecimalType) {
      return ((DecimalType) type).getScale();
    }
    if (type.is(LogicalTypeFamily.INTEGER_NUMERIC)) {
      return 0;
    }
    throw new IllegalArgumentException("The type " + type.asSummaryString() + " has no scale.");
  }

  /**
   * The length of a character or binary string type.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static int getLength(LogicalType type) {
    switch (type.getTypeRoot()) {
      case CHAR:
        return ((CharType) type).getLength();
      case VARCHAR:
        return ((VarCharType) type).getLength();
      case BINARY:
        return ((BinaryType) type).getLength();
      case VARBINARY:
        return ((VarBinaryType) type).getLength();
      default:
        throw new IllegalArgumentException("The type " + type.asSummaryString() + " has no length.");
    }
  }

  /** The field names of a ROW type, or an empty list for any other type. */
  public static List<String> getFieldNames(LogicalType type) {
    return type instanceof RowType ? ((RowType) type).getFieldNames() : List.of();
  }

  /** The number of fields of a ROW type, or 0 for any other type. */
  public static int getFieldCount(LogicalType type) {
    return type instanceof RowType ? ((RowType) type).getFieldCount() : 0;
  }

  /** Whether {@code type} is an event-time attribute, a timestamp marked {@code *ROWTIME*}. */
  public static boolean isRowtimeAttribute(LogicalType type) {
    return kindOf(type) == TimestampKind.ROWTIME;
  }

  /** Whether {@code type} is a processing-time attribute, a timestamp marked {@code *PROCTIME*}. */
  public static boolean isProctimeAttribute(LogicalType type) {
    return kindOf(type) == TimestampKind.PROCTIME;
  }

  /** Whether {@code type} is an event-time or processing-time attribute. */
  public static boolean isTimeAttribute(LogicalType type) {
    return kindOf(type) != TimestampKind.REGULAR;
  }

  private static TimestampKind kindOf(LogicalType type) {
    if (type instanceof TimestampType) {
      return ((TimestampType) type).getKind();
    }
    if (type instanceof LocalZonedTimestampType) {
      return ((LocalZonedTimestampType) type).getKind();
    }
    return TimestampKind.REGULAR;
  }
}
