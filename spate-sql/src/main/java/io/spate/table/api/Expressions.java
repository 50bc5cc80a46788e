package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.types.DataType;
import io.spate.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /** A call of the function class {@code function}, not registered: {@code call(MyFunction.class, $("a"))}. */
  public static ApiExpression call(Class<? extends UserDefinedFunction> function, Object... arguments) {
    return call(InlineFunctions.nameOf(function), arguments);
  }

  /** A call of the function instance {@code function}, not registered: {@code call(new MyFunction(2), $("a"))}. */
  public static ApiExpression call(UserDefinedFunction function, Object... arguments) {
    return call(InlineFunctions.nameOf(function), arguments);
  }

  /** The SQL expression {@code sqlExpression}, such as {@code callSql("UPPER(name)")}. */
  public static ApiExpression callSql(String sqlExpression) {
    return ApiExpression.sql("(" + sqlExpression + ")");
  }

  /** {@code ROW(head, tail...)}: a row of the values. */
  public static ApiExpression row(Object head, Object... tail) {
    List<String> fields = new ArrayList<>();
    fields.add(ApiExpression.operand(head));
    for (Object field : tail) {
      fields.add(ApiExpression.operand(field));
    }
    return ApiExpression.row(fields);
  }

  /** {@code ARRAY[head, tail...]}. */
  public static ApiExpression array(Object head, Object... tail) {
    return ApiExpression.sql("ARRAY[" + operands(head, tail) + "]");
  }

  /** {@code NOT expression}. */
  public static ApiExpression not(Object expression) {
    return ApiExpression.sql("(NOT " + ApiExpression.operand(expression) + ")");
  }

  /** {@code -expression}. */
  public static ApiExpression negative(Object expression) {
    return ApiExpression.sql("(- " + ApiExpression.operand(expression) + ")");
  }

  /** {@code COALESCE(args...)}: the first argument that is not NULL. */
  public static ApiExpression coalesce(Object... args) {
    if (args.length == 0) {
      throw new ValidationException("coalesce(...) needs at least one argument");
    }
    return ApiExpression.sql("COALESCE(" + operands(args[0], Arrays.copyOfRange(args, 1, args.length)) + ")");
  }

  /** {@code CONCAT_WS(separator, strings...)}. */
  public static ApiExpression concatWs(Object separator, Object... strings) {
    return ApiExpression.sql("CONCAT_WS(" + operands(separator, strings) + ")");
  }

  /** The current date, {@code CURRENT_DATE}. */
  public static ApiExpression currentDate() {
    return ApiExpression.sql("CURRENT_DATE");
  }

  /** The current time, {@code CURRENT_TIME}. */
  public static ApiExpression currentTime() {
    return ApiExpression.sql("CURRENT_TIME");
  }

  /** The current time in the session's time zone, {@code LOCALTIME}. */
  public static ApiExpression localTime() {
    return ApiExpression.sql("LOCALTIME");
  }

  /** The current timestamp in the session's time zone, {@code LOCALTIMESTAMP}. */
  public static ApiExpression localTimestamp() {
    return ApiExpression.sql("LOCALTIMESTAMP");
  }

  /** {@code DATE_FORMAT(timestamp, format)}, with a Java date-time pattern. */
  public static ApiExpression dateFormat(Object timestamp, Object format) {
    return ApiExpression.sql("DATE_FORMAT(" + operands(timestamp, format) + ")");
  }

  /** {@code TO_TIMESTAMP(timestampString)}, in the format {@code yyyy-MM-dd HH:mm:ss}. */
  public static ApiExpression toTimestamp(Object timestampString) {
    return ApiExpression.sql("TO_TIMESTAMP(" + ApiExpression.operand(timestampString) + ")");
  }

  /** {@code TO_TIMESTAMP(timestampString, format)}. */
  public static ApiExpression toTimestamp(Object timestampString, Object format) {
    return ApiExpression.sql("TO_TIMESTAMP(" + operands(timestampString, format) + ")");
  }

  /** {@code TO_TIMESTAMP_LTZ(numericEpochTime, precision)}: epoch seconds (precision 0) or milliseconds (3) as an instant. */
  public static ApiExpression toTimestampLtz(Object numericEpochTime, Object precision) {
    return ApiExpression.sql("TO_TIMESTAMP_LTZ(" + operands(numericEpochTime, precision) + ")");
  }

  /** {@code FROM_UNIXTIME(seconds)}: the time {@code seconds} after the epoch as text. */
  public static ApiExpression fromUnixtime(Object seconds) {
    return ApiExpression.sql("FROM_UNIXTIME(" + ApiExpression.operand(seconds) + ")");
  }

  /** {@code UNIX_TIMESTAMP()}: the current time in seconds since the epoch. */
  public static ApiExpression unixTimestamp() {
    return ApiExpression.sql("UNIX_TIMESTAMP()");
  }

  /** {@code UNIX_TIMESTAMP(timestampString, format)}. */
  public static ApiExpression unixTimestamp(Object timestampString, Object format) {
    return ApiExpression.sql("UNIX_TIMESTAMP(" + operands(timestampString, format) + ")");
  }

  /** {@code PI}. */
  public static ApiExpression pi() {
    return ApiExpression.sql("PI");
  }

  /** {@code E()}: Euler's number. */
  public static ApiExpression e() {
    return ApiExpression.sql("EXP(1)");
  }

  /** {@code RAND()}: a random double in [0, 1). */
  public static ApiExpression rand() {
    return ApiExpression.sql("RAND()");
  }

  /** {@code RAND_INTEGER(bound)}: a random integer in [0, bound). */
  public static ApiExpression randInteger(Object bound) {
    return ApiExpression.sql("RAND_INTEGER(" + ApiExpression.operand(bound) + ")");
  }

  /** {@code UUID()}: a random (version 4) UUID as text, a new one for each call. */
  public static ApiExpression uuid() {
    return ApiExpression.sql("UUID()");
  }

  private static String operands(Object head, Object... tail) {
    StringBuilder text = new StringBuilder(ApiExpression.operand(head));
    for (Object next : tail) {
      text.append(", ").append(ApiExpression.operand(next));
    }
    return text.toString();
  }

  private static ApiExpression joined(String operator, Object first, Object second, Object[] more) {
    StringBuilder text = new StringBuilder("(").append(ApiExpression.operand(first)).append(operator)
        .append(ApiExpression.operand(second));
    for (Object next : more) {
      text.append(operator).append(ApiExpression.operand(next));
    }
    return ApiExpression.sql(text.append(')').toString());
  }

  /** {@code GREATEST(a, b, ...)}: the greatest value, in the arguments' common type; NULL if any argument is. */
  public static ApiExpression greatest(Object first, Object... more) {
    return ApiExpression.sql("GREATEST(" + operands(first, more) + ")");
  }

  /** {@code LEAST(a, b, ...)}: the least value, in the arguments' common type; NULL if any argument is. */
  public static ApiExpression least(Object first, Object... more) {
    return ApiExpression.sql("LEAST(" + operands(first, more) + ")");
  }

  /** {@code MAP[key, value, ...]}: a map of the pairs, a later key winning. */
  public static ApiExpression map(Object key, Object value, Object... more) {
    return ApiExpression.sql("MAP[" + operands(key, prepend(value, more)) + "]");
  }

  /** {@code NOW()}: the current instant, for each record. */
  public static ApiExpression now() {
    return ApiExpression.sql("NOW()");
  }

  /** {@code CURRENT_ROW_TIMESTAMP()}: the current instant, for each record. */
  public static ApiExpression currentRowTimestamp() {
    return ApiExpression.sql("CURRENT_ROW_TIMESTAMP()");
  }

  private static Object[] prepend(Object first, Object[] more) {
    Object[] all = new Object[1 + more.length];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }
}
