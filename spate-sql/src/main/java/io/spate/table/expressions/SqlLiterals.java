package io.spate.table.expressions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** SQL text of Java values and names, for expressions written with the Table API. */
@Internal
public final class SqlLiterals {

  private SqlLiterals() {}

  /** {@code name} as a back-quoted SQL identifier. */
  public static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** {@code value} as a SQL literal of the type Flink gives it ({@code 1L} a {@code BIGINT}, {@code 1.5} a {@code DOUBLE}). */
  public static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof Integer i) {
      return i < 0 ? "(" + i + ")" : i.toString();
    }
    if (value instanceof Long || value instanceof Short || value instanceof Byte) {
      String type = value instanceof Long ? "BIGINT" : value instanceof Short ? "SMALLINT" : "TINYINT";
      return "CAST(" + value + " AS " + type + ")";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ValidationException("lit(" + value + "): SQL has no literal for " + value);
      }
      return "CAST(" + BigDecimal.valueOf(d).toPlainString() + " AS " + (value instanceof Double ? "DOUBLE" : "FLOAT")
          + ")";
    }
    if (value instanceof BigDecimal d) {
      return d.signum() < 0 ? "(" + d.toPlainString() + ")" : d.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (value instanceof LocalTime t) {
      return "TIME '" + timeText(t) + "'";
    }
    if (value instanceof LocalDateTime t) {
      return "TIMESTAMP '" + t.toLocalDate() + " " + timeText(t.toLocalTime()) + "'";
    }
    throw new ValidationException("lit(" + value + "): the Table API has no literal of " + value.getClass().getName());
  }

  /** {@code t} with its seconds always written: Java leaves out zero seconds, which SQL's literals need. */
  private static String timeText(LocalTime t) {
    return t.getSecond() == 0 && t.getNano() == 0 ? t + ":00" : t.toString();
  }
}
