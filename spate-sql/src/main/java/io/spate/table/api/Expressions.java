package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.types.DataType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The entry points of Table API expressions, to import statically: {@code $("name")}, {@code lit(1)}, {@code call("f", ...)}. */
@PublicEvolving
public final class Expressions {

  private Expressions() {}

  /** An over window's frame of every row before the current one, by range: {@code preceding(UNBOUNDED_RANGE)}. */
  public static final ApiExpression UNBOUNDED_RANGE = ApiExpression.sql("$over:UNBOUNDED_RANGE");

  /** An over window's frame of every row before the current one, by rows: {@code preceding(UNBOUNDED_ROW)}. */
  public static final ApiExpression UNBOUNDED_ROW = ApiExpression.sql("$over:UNBOUNDED_ROW");

  /** An over window frame of {@code rows} rows before the current one: {@code preceding(rowInterval(10L))}. */
  public static ApiExpression rowInterval(Long rows) {
    if (rows == null || rows < 0) {
      throw new ValidationException("rowInterval takes a number of rows of 0 or more, not " + rows);
    }
    return ApiExpression.sql(ApiExpression.ROW_INTERVAL + rows);
  }

  /** The column {@code name}. */
  public static ApiExpression $(String name) {
    return ApiExpression.sql(SqlLiterals.identifier(name));
  }

  /** The column {@code name}, as {@link #$}. */
  public static ApiExpression col(String name) {
    return $(name);
  }

  /** The literal {@code value}, of the SQL type of its Java class. */
  public static ApiExpression lit(Object value) {
    return ApiExpression.sql(SqlLiterals.literal(value));
  }

  /** The literal {@code value} of SQL type {@code type}. */
  public static ApiExpression lit(Object value, DataType type) {
    return lit(value).cast(type);
  }

  /** A NULL of SQL type {@code type}. */
  public static ApiExpression nullOf(DataType type) {
    return lit(null).cast(type);
  }

  /** A call of the function {@code name} (built-in or registered) with {@code arguments}. */
  public static ApiExpression call(String name, Object... arguments) {
    return ApiExpression.sql(SqlLiterals.identifier(name) + "(" + Arrays.stream(arguments).map(ApiExpression::operand)
        .collect(Collectors.joining(", ")) + ")");
  }

  /** {@code a AND b AND ...}. */
  public static ApiExpression and(Object first, Object second, Object... more) {
    return joined(" AND ", first, second, more);
  }

  /** {@code a OR b OR ...}. */
  public static ApiExpression or(Object first, Object second, Object... more) {
    return joined(" OR ", first, second, more);
  }

  /** {@code CASE WHEN condition THEN ifTrue ELSE ifFalse END}. */
  public static ApiExpression ifThenElse(Object condition, Object ifTrue, Object ifFalse) {
    return ApiExpression.sql("CASE WHEN " + ApiExpression.operand(condition) + " THEN " + ApiExpression.operand(ifTrue)
        + " ELSE " + ApiExpression.operand(ifFalse) + " END");
  }

  /** {@code CONCAT(strings...)}. */
  public static ApiExpression concat(Object... strings) {
    return ApiExpression.sql("CONCAT(" + Arrays.stream(strings).map(ApiExpression::operand)
        .collect(Collectors.joining(", ")) + ")");
  }

  /** The current timestamp, {@code CURRENT_TIMESTAMP}. */
  public static ApiExpression currentTimestamp() {
    return ApiExpression.sql("CURRENT_TIMESTAMP");
  }

  private static ApiExpression joined(String operator, Object first, Object second, Object[] more) {
    StringBuilder text = new StringBuilder("(").append(ApiExpression.operand(first)).append(operator)
        .append(ApiExpression.operand(second));
    for (Object next : more) {
      text.append(operator).append(ApiExpression.operand(next));
    }
    return ApiExpression.sql(text.append(')').toString());
  }
}
