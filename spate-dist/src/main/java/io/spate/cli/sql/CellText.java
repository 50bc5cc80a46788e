package io.spate.cli.sql;

import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarCharType;
import java.time.ZoneId;

/** How the shell writes a value of a result column, and how wide a column of a type is before any row arrives. */
final class CellText {

  /** The text of SQL NULL, as Flink's client shows it. */
  static final String NULL = "<NULL>";

  /** The widest a column gets; longer values are cut, ending in {@code ...}. */
  static final int MAX_WIDTH = 30;

  private CellText() {}

  /** The text of {@code value}, a value of {@code type}, with times in {@code zone}. */
  static String of(Object value, LogicalType type, ZoneId zone) {
    if (value == null) {
      return NULL;
    }
    int precision = type instanceof TimestampType t ? t.getPrecision()
        : type instanceof LocalZonedTimestampType t ? t.getPrecision()
        : type instanceof TimeType t ? t.getPrecision() : -1;
    return Casts.toText(value, new ValueType(ValueType.Kind.OTHER, precision, -1), zone);
  }

  /** The width of a column named {@code name} of {@code type}: room for its widest value, at most {@link #MAX_WIDTH}. */
  static int width(String name, LogicalType type) {
    int values = switch (type.getTypeRoot()) {
      case BOOLEAN -> 5;
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case FLOAT, DOUBLE -> 24;
      case DECIMAL -> ((DecimalType) type).getPrecision() + 2;
      case DATE -> 10;
      case TIME_WITHOUT_TIME_ZONE -> 8 + fraction(((TimeType) type).getPrecision());
      case TIMESTAMP_WITHOUT_TIME_ZONE -> 19 + fraction(((TimestampType) type).getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 19 + fraction(((LocalZonedTimestampType) type).getPrecision());
      case CHAR -> ((CharType) type).getLength();
      case VARCHAR -> ((VarCharType) type).getLength();
      default -> MAX_WIDTH;
    };
    if (type.isNullable()) {
      values = Math.max(values, NULL.length());
    }
    return Math.min(MAX_WIDTH, Math.max(name.length(), values));
  }

  private static int fraction(int precision) {
    return precision > 0 ? precision + 1 : 0;
  }

  /** {@code text} cut to {@code width} characters, ending in {@code ...} when it was longer. */
  static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 3)) + "...";
  }
}
