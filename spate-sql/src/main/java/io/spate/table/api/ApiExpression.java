package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of the Table API with Flink's fluent methods: {@code $("price").times(2).as("double")},
 * {@code $("amount").sum()}, {@code lit(10).minutes()}. Arguments that are not expressions are
 * literals. Spate writes it as SQL, so it has SQL's semantics and types.
 */
@PublicEvolving
public final class ApiExpression implements Expression {

  /** Marks the SQL of {@code rowInterval(n)}, which only an over window's {@code preceding} reads. */
  static final String ROW_INTERVAL = "$over:rows:";

  private final String sql;
  private final List<String> rowFields;

  ApiExpression(String sql) {
    this(sql, null);
  }

  private ApiExpression(String sql, List<String> rowFields) {
    this.sql = sql;
    this.rowFields = rowFields;
  }

  /** {@code ROW(fields...)}, whose fields {@code fromValues} takes as the fields of one row. */
  static ApiExpression row(List<String> fields) {
    return new ApiExpression("ROW(" + String.join(", ", fields) + ")", List.copyOf(fields));
  }

  /** The SQL of the fields if this is a {@code row(...)}, else null. */
  List<String> rowFields() {
    return rowFields;
  }

  /** An expression of the SQL text {@code sql}. */
  static ApiExpression sql(String sql) {
    return new ApiExpression(sql);
  }

  /** {@code value} as an expression: itself if it is one, else a literal. */
  static String operand(Object value) {
    return ValuesQuery.sql(value);
  }

  private ApiExpression binary(String operator, Object other) {
    return sql("(" + sql + " " + operator + " " + operand(other) + ")");
  }

  private ApiExpression function(String name, Object... more) {
    StringBuilder text = new StringBuilder(name).append('(').append(sql);
    for (Object argument : more) {
      text.append(", ").append(operand(argument));
    }
    return sql(text.append(')').toString());
  }

  @Override
  public String asSerializableString() {
    return sql;
  }

  @Override
  public String toString() {
    return sql;
  }

  /** The expression named {@code name} in the result (several names for a function giving several columns). */
  public ApiExpression as(String name, String... extraNames) {
    if (extraNames.length > 0) {
      StringBuilder names = new StringBuilder(SqlLiterals.identifier(name));
      for (String extra : extraNames) {
        names.append(", ").append(SqlLiterals.identifier(extra));
      }
      return sql(sql + " AS (" + names + ")");
    }
    return sql(sql + " AS " + SqlLiterals.identifier(name));
  }

  /** {@code this + other}. */
  public ApiExpression plus(Object other) {
    return binary("+", other);
  }

  /** {@code this - other}. */
  public ApiExpression minus(Object other) {
    return binary("-", other);
  }

  /** {@code this * other}. */
  public ApiExpression times(Object other) {
    return binary("*", other);
  }

  /** {@code this / other}. */
  public ApiExpression dividedBy(Object other) {
    return binary("/", other);
  }

  /** {@code MOD(this, other)}. */
  public ApiExpression mod(Object other) {
    return function("MOD", other);
  }

  /** {@code -this}. */
  public ApiExpression negate() {
    return sql("(- " + sql + ")");
  }

  /** {@code this = other}. */
  public ApiExpression isEqual(Object other) {
    return binary("=", other);
  }

  /** {@code this <> other}. */
  public ApiExpression isNotEqual(Object other) {
    return binary("<>", other);
  }

  /** {@code this > other}. */
  public ApiExpression isGreater(Object other) {
    return binary(">", other);
  }

  /** {@code this >= other}. */
  public ApiExpression isGreaterOrEqual(Object other) {
    return binary(">=", other);
  }

  /** {@code this < other}. */
  public ApiExpression isLess(Object other) {
    return binary("<", other);
  }

  /** {@code this <= other}. */
  public ApiExpression isLessOrEqual(Object other) {
    return binary("<=", other);
  }

  /** {@code this BETWEEN lower AND upper}. */
  public ApiExpression between(Object lower, Object upper) {
    return sql("(" + sql + " BETWEEN " + operand(lower) + " AND " + operand(upper) + ")");
  }

  /** {@code this IN (values...)}. */
  public ApiExpression in(Object... values) {
    return sql("(" + sql + " IN (" + Arrays.stream(values).map(ApiExpression::operand)
        .collect(Collectors.joining(", ")) + "))");
  }

  /** {@code this AND other}. */
  public ApiExpression and(Object other) {
    return binary("AND", other);
  }

  /** {@code this OR other}. */
  public ApiExpression or(Object other) {
    return binary("OR", other);
  }

  /** {@code NOT this}. */
  public ApiExpression not() {
    return sql("(NOT " + sql + ")");
  }

  /** {@code this IS NULL}. */
  public ApiExpression isNull() {
    return sql("(" + sql + " IS NULL)");
  }

  /** {@code this IS NOT NULL}. */
  public ApiExpression isNotNull() {
    return sql("(" + sql + " IS NOT NULL)");
  }

  /** {@code this IS TRUE}. */
  public ApiExpression isTrue() {
    return sql("(" + sql + " IS TRUE)");
  }

  /** {@code this IS FALSE}. */
  public ApiExpression isFalse() {
    return sql("(" + sql + " IS FALSE)");
  }

  /** {@code CAST(this AS type)}. */
  public ApiExpression cast(DataType type) {
    return sql("CAST(" + sql + " AS " + type.getLogicalType().asSerializableString() + ")");
  }

  /** {@code TRY_CAST(this AS type)}: NULL where the cast fails. */
  public ApiExpression tryCast(DataType type) {
    return sql("TRY_CAST(" + sql + " AS " + type.getLogicalType().asSerializableString() + ")");
  }

  /** {@code COUNT(this)}. */
  public ApiExpression count() {
    return function("COUNT");
  }

  /** {@code SUM(this)}. */
  public ApiExpression sum() {
    return function("SUM");
  }

  /** {@code SUM(this)}, 0 for no rows. */
  public ApiExpression sum0() {
    return sql("COALESCE(SUM(" + sql + "), 0)");
  }

  /** {@code AVG(this)}. */
  public ApiExpression avg() {
    return function("AVG");
  }

  /** {@code MIN(this)}. */
  public ApiExpression min() {
    return function("MIN");
  }

  /** {@code MAX(this)}. */
  public ApiExpression max() {
    return function("MAX");
  }

  /** This aggregate over the over window named {@code alias}: {@code $("v").sum().over($("w"))}. */
  public ApiExpression over(Expression alias) {
    return sql(sql + " OVER " + alias.asSerializableString());
  }

  /** {@code COUNT(DISTINCT this)}. */
  public ApiExpression countDistinct() {
    return sql("COUNT(DISTINCT " + sql + ")");
  }

  /** {@code LISTAGG(this)}: the group's non-NULL strings joined by ','. */
  public ApiExpression listAgg() {
    return function("LISTAGG");
  }

  /** {@code LISTAGG(this, separator)}: the group's non-NULL strings joined by {@code separator}. */
  public ApiExpression listAgg(String separator) {
    return function("LISTAGG", separator);
  }

  /** {@code ARRAY_AGG(this)}: the group's values in an array. */
  public ApiExpression arrayAgg() {
    return function("ARRAY_AGG");
  }

  /** {@code COLLECT(this)}: the group's non-NULL values as a multiset. */
  public ApiExpression collect() {
    return function("COLLECT");
  }

  /** {@code FIRST_VALUE(this)}: the group's first non-NULL value. */
  public ApiExpression firstValue() {
    return function("FIRST_VALUE");
  }

  /** {@code LAST_VALUE(this)}: the group's last non-NULL value. */
  public ApiExpression lastValue() {
    return function("LAST_VALUE");
  }

  /** The aggregate over distinct values: {@code $("a").count().distinct()} is {@code COUNT(DISTINCT a)}. */
  public ApiExpression distinct() {
    int open = sql.indexOf('(');
    if (open < 0 || !sql.endsWith(")")) {
      throw new ValidationException("distinct() applies to an aggregate such as $(\"a\").count(), not to " + sql);
    }
    return sql(sql.substring(0, open + 1) + "DISTINCT " + sql.substring(open + 1));
  }

  /** {@code UPPER(this)}. */
  public ApiExpression upperCase() {
    return function("UPPER");
  }

  /** {@code LOWER(this)}. */
  public ApiExpression lowerCase() {
    return function("LOWER");
  }

  /** {@code CHAR_LENGTH(this)}. */
  public ApiExpression charLength() {
    return function("CHAR_LENGTH");
  }

  /** {@code TRIM(this)}. */
  public ApiExpression trim() {
    return sql("TRIM(" + sql + ")");
  }

  /** {@code this LIKE pattern}. */
  public ApiExpression like(Object pattern) {
    return binary("LIKE", pattern);
  }

  /** {@code SUBSTRING(this FROM begin FOR length)}, counting from 1. */
  public ApiExpression substring(Object begin, Object length) {
    return sql("SUBSTRING(" + sql + " FROM " + operand(begin) + " FOR " + operand(length) + ")");
  }

  /** {@code SUBSTRING(this FROM begin)}, counting from 1. */
  public ApiExpression substring(Object begin) {
    return sql("SUBSTRING(" + sql + " FROM " + operand(begin) + ")");
  }

  /** {@code ABS(this)}. */
  public ApiExpression abs() {
    return function("ABS");
  }

  /** {@code FLOOR(this)}. */
  public ApiExpression floor() {
    return function("FLOOR");
  }

  /** {@code CEIL(this)}. */
  public ApiExpression ceil() {
    return function("CEIL");
  }

  /** {@code ROUND(this, places)}. */
  public ApiExpression round(Object places) {
    return function("ROUND", places);
  }

  /** {@code POWER(this, exponent)}. */
  public ApiExpression power(Object exponent) {
    return function("POWER", exponent);
  }

  /** {@code SQRT(this)}. */
  public ApiExpression sqrt() {
    return function("SQRT");
  }

  /** Ascending order, for {@code orderBy}. */
  public ApiExpression asc() {
    return sql(sql + " ASC");
  }

  /** Descending order, for {@code orderBy}. */
  public ApiExpression desc() {
    return sql(sql + " DESC");
  }

  /** This number of milliseconds as an interval. */
  public ApiExpression millis() {
    return interval("SECOND", 1000);
  }

  /** This number of seconds as an interval. */
  public ApiExpression seconds() {
    return interval("SECOND", 1);
  }

  /** This number of minutes as an interval. */
  public ApiExpression minutes() {
    return interval("MINUTE", 1);
  }

  /** This number of hours as an interval. */
  public ApiExpression hours() {
    return interval("HOUR", 1);
  }

  /** This number of days as an interval. */
  public ApiExpression days() {
    return interval("DAY", 1);
  }

  private ApiExpression interval(String unit, int divisor) {
    if (!sql.matches("\\d+")) {
      throw new ValidationException("An interval needs a literal count, as in lit(10).minutes(), not " + sql);
    }
    if (divisor == 1) {
      return sql("INTERVAL '" + sql + "' " + unit);
    }
    return sql("INTERVAL '" + new java.math.BigDecimal(sql).movePointLeft(3).toPlainString() + "' " + unit);
  }

  /** This number of milliseconds as an interval, as {@link #millis}. */
  public ApiExpression milli() {
    return millis();
  }

  /** This number of seconds as an interval, as {@link #seconds}. */
  public ApiExpression second() {
    return seconds();
  }

  /** This number of minutes as an interval, as {@link #minutes}. */
  public ApiExpression minute() {
    return minutes();
  }

  /** This number of hours as an interval, as {@link #hours}. */
  public ApiExpression hour() {
    return hours();
  }

  /** This number of days as an interval, as {@link #days}. */
  public ApiExpression day() {
    return days();
  }

  /** This number of months as an interval. */
  public ApiExpression months() {
    return interval("MONTH", 1);
  }

  /** This number of months as an interval, as {@link #months}. */
  public ApiExpression month() {
    return months();
  }

  /** This number of years as an interval. */
  public ApiExpression years() {
    return interval("YEAR", 1);
  }

  /** This number of years as an interval, as {@link #years}. */
  public ApiExpression year() {
    return years();
  }

  /** {@code this IS NOT TRUE}. */
  public ApiExpression isNotTrue() {
    return sql("(" + sql + " IS NOT TRUE)");
  }

  /** {@code this IS NOT FALSE}. */
  public ApiExpression isNotFalse() {
    return sql("(" + sql + " IS NOT FALSE)");
  }

  /** {@code this NOT BETWEEN lower AND upper}. */
  public ApiExpression notBetween(Object lower, Object upper) {
    return sql("(" + sql + " NOT BETWEEN " + operand(lower) + " AND " + operand(upper) + ")");
  }

  /** {@code this}, or {@code nullReplacement} where it is NULL. */
  public ApiExpression ifNull(Object nullReplacement) {
    return function("COALESCE", nullReplacement);
  }

  /** {@code CASE WHEN this THEN ifTrue ELSE ifFalse END}, for a condition. */
  public ApiExpression then(Object ifTrue, Object ifFalse) {
    return sql("CASE WHEN " + sql + " THEN " + operand(ifTrue) + " ELSE " + operand(ifFalse) + " END");
  }

  /** {@code EXP(this)}: e to the power of this. */
  public ApiExpression exp() {
    return function("EXP");
  }

  /** {@code LN(this)}: the natural logarithm. */
  public ApiExpression ln() {
    return function("LN");
  }

  /** {@code LOG10(this)}. */
  public ApiExpression log10() {
    return function("LOG10");
  }

  /** {@code TRUNCATE(this, places)}: cut to {@code places} decimal places. */
  public ApiExpression truncate(Object places) {
    return function("TRUNCATE", places);
  }

  /** {@code TRIM(LEADING FROM this)}. */
  public ApiExpression trimLeading() {
    return sql("TRIM(LEADING FROM " + sql + ")");
  }

  /** {@code TRIM(TRAILING FROM this)}. */
  public ApiExpression trimTrailing() {
    return sql("TRIM(TRAILING FROM " + sql + ")");
  }

  /** {@code REPLACE(this, search, replacement)}: every occurrence of {@code search} replaced. */
  public ApiExpression replace(Object search, Object replacement) {
    return function("REPLACE", search, replacement);
  }

  /** {@code INITCAP(this)}: each word's first letter upper case, the rest lower case. */
  public ApiExpression initCap() {
    return function("INITCAP");
  }

  /** {@code POSITION(this IN haystack)}: where this first occurs in {@code haystack}, from 1; 0 if nowhere. */
  public ApiExpression position(Object haystack) {
    return sql("POSITION(" + sql + " IN " + operand(haystack) + ")");
  }

  /** {@code SUBSTRING(this FROM begin FOR length)}, as {@link #substring(Object, Object)}. */
  public ApiExpression substr(Object begin, Object length) {
    return substring(begin, length);
  }

  /** {@code SUBSTRING(this FROM begin)}, as {@link #substring(Object)}. */
  public ApiExpression substr(Object begin) {
    return substring(begin);
  }

  /** {@code REGEXP_REPLACE(this, regex, replacement)}. */
  public ApiExpression regexpReplace(Object regex, Object replacement) {
    return function("REGEXP_REPLACE", regex, replacement);
  }

  /** {@code REGEXP_EXTRACT(this, regex, group)}: the group's match, or NULL. */
  public ApiExpression regexpExtract(Object regex, Object extractIndex) {
    return function("REGEXP_EXTRACT", regex, extractIndex);
  }

  /** {@code REGEXP_EXTRACT(this, regex)}: the whole first match, or NULL. */
  public ApiExpression regexpExtract(Object regex) {
    return function("REGEXP_EXTRACT", regex);
  }

  /** {@code SPLIT_INDEX(this, delimiter, index)}: the {@code index}-th piece (from 0), or NULL. */
  public ApiExpression splitIndex(Object delimiter, Object index) {
    return function("SPLIT_INDEX", delimiter, index);
  }

  /** {@code CAST(this AS DATE)}, of text such as {@code '2026-01-31'}. */
  public ApiExpression toDate() {
    return sql("CAST(" + sql + " AS DATE)");
  }

  /** {@code CAST(this AS TIME)}, of text such as {@code '10:30:00'}. */
  public ApiExpression toTime() {
    return sql("CAST(" + sql + " AS TIME)");
  }

  /** {@code CAST(this AS TIMESTAMP(3))}, of text such as {@code '2026-01-31 10:30:00.000'}. */
  public ApiExpression toTimestamp() {
    return sql("CAST(" + sql + " AS TIMESTAMP(3))");
  }

  /** The element at {@code index} (from 1) of this array, or the value of the key {@code index} of this map. */
  public ApiExpression at(Object index) {
    return sql(sql + "[" + operand(index) + "]");
  }


  /** The start of the group window this expression names ({@code $("w").start()}). */
  public ApiExpression start() {
    return windowProperty("window_start");
  }

  /** The end of the group window this expression names ({@code $("w").end()}). */
  public ApiExpression end() {
    return windowProperty("window_end");
  }

  /** The time attribute of the group window this expression names: its last instant. */
  public ApiExpression rowtime() {
    return windowProperty("window_time");
  }

  /**
   * A processing-time attribute named by this field reference, appended to a table of a DataStream
   * ({@code fromDataStream(stream, $("f0"), $("pt").proctime())}).
   */
  public ApiExpression proctime() {
    return windowProperty(PROCTIME_PROPERTY);
  }

  /** The property that {@link #proctime()} names. */
  static final String PROCTIME_PROPERTY = "window_proctime";

  private ApiExpression windowProperty(String column) {
    return sql(WindowReference.PREFIX + sql + "." + column);
  }

  // Flink's built-in scalar functions of issue 30, in the order of docs/sql/functions.md.

  /** {@code LPAD(this, length, pad)}: left-padded with {@code pad} to {@code length} characters, or cut to them. */
  public ApiExpression lpad(Object length, Object pad) {
    return function("LPAD", length, pad);
  }

  /** {@code RPAD(this, length, pad)}: right-padded with {@code pad} to {@code length} characters, or cut to them. */
  public ApiExpression rpad(Object length, Object pad) {
    return function("RPAD", length, pad);
  }

  /** {@code REPEAT(this, times)}. */
  public ApiExpression repeat(Object times) {
    return function("REPEAT", times);
  }

  /** {@code REVERSE(this)}. */
  public ApiExpression reverse() {
    return function("REVERSE");
  }

  /** {@code LEFT(this, length)}: the first {@code length} characters. */
  public ApiExpression left(Object length) {
    return function("LEFT", length);
  }

  /** {@code RIGHT(this, length)}: the last {@code length} characters. */
  public ApiExpression right(Object length) {
    return function("RIGHT", length);
  }

  /** {@code LOCATE(this, haystack)}: where this first occurs in {@code haystack}, from 1; 0 if nowhere. */
  public ApiExpression locate(Object haystack) {
    return function("LOCATE", haystack);
  }

  /** {@code LOCATE(this, haystack, from)}: as {@link #locate(Object)}, searching from position {@code from}. */
  public ApiExpression locate(Object haystack, Object from) {
    return function("LOCATE", haystack, from);
  }

  /** {@code INSTR(this, needle)}: where {@code needle} first occurs in this, from 1; 0 if nowhere. */
  public ApiExpression instr(Object needle) {
    return function("INSTR", needle);
  }

  /** {@code CHR(this)}: the character of this code (modulo 256). */
  public ApiExpression chr() {
    return function("CHR");
  }

  /** {@code HEX(this)}: an integer or the UTF-8 bytes of a string in hexadecimal digits. */
  public ApiExpression hex() {
    return function("HEX");
  }

  /** {@code BIN(this)}: an integer in binary digits. */
  public ApiExpression bin() {
    return function("BIN");
  }

  /** {@code TO_BASE64(this)}. */
  public ApiExpression toBase64() {
    return function("TO_BASE64");
  }

  /** {@code FROM_BASE64(this)}. */
  public ApiExpression fromBase64() {
    return function("FROM_BASE64");
  }

  /** {@code MD5(this)}: 32 hexadecimal digits. */
  public ApiExpression md5() {
    return function("MD5");
  }

  /** {@code SHA1(this)}: 40 hexadecimal digits. */
  public ApiExpression sha1() {
    return function("SHA1");
  }

  /** {@code SHA224(this)}. */
  public ApiExpression sha224() {
    return function("SHA224");
  }

  /** {@code SHA256(this)}: 64 hexadecimal digits. */
  public ApiExpression sha256() {
    return function("SHA256");
  }

  /** {@code SHA384(this)}. */
  public ApiExpression sha384() {
    return function("SHA384");
  }

  /** {@code SHA512(this)}. */
  public ApiExpression sha512() {
    return function("SHA512");
  }

  /** {@code SHA2(this, hashLength)}: the SHA-2 hash of 224, 256, 384 or 512 bits. */
  public ApiExpression sha2(Object hashLength) {
    return function("SHA2", hashLength);
  }

  /** {@code STR_TO_MAP(this)}: entries split at {@code ,}, keys and values at {@code =}. */
  public ApiExpression strToMap() {
    return function("STR_TO_MAP");
  }

  /** {@code STR_TO_MAP(this, listDelimiter, keyValueDelimiter)}, the delimiters being regular expressions. */
  public ApiExpression strToMap(Object listDelimiter, Object keyValueDelimiter) {
    return function("STR_TO_MAP", listDelimiter, keyValueDelimiter);
  }

  /** {@code REGEXP(this, regex)}: whether some part of this matches {@code regex}. */
  public ApiExpression regexp(Object regex) {
    return function("REGEXP", regex);
  }

  /** {@code this SIMILAR TO pattern}. */
  public ApiExpression similar(Object pattern) {
    return sql("(" + sql + " SIMILAR TO " + operand(pattern) + ")");
  }

  /** {@code LOG(this, x)}: the logarithm of {@code x} to the base this. */
  public ApiExpression log(Object x) {
    return function("LOG", x);
  }

  /** {@code LOG(this)}: the natural logarithm. */
  public ApiExpression log() {
    return function("LOG");
  }

  /** {@code LOG2(this)}. */
  public ApiExpression log2() {
    return function("LOG2");
  }

  /** {@code ARRAY_CONTAINS(this, needle)}: whether this array has an element equal to {@code needle}. */
  public ApiExpression arrayContains(Object needle) {
    return function("ARRAY_CONTAINS", needle);
  }

  /** {@code ARRAY_DISTINCT(this)}: this array's elements once each, in the order they first occur. */
  public ApiExpression arrayDistinct() {
    return function("ARRAY_DISTINCT");
  }

  /** {@code CARDINALITY(this)}: the number of elements of this array or entries of this map. */
  public ApiExpression cardinality() {
    return function("CARDINALITY");
  }
}
