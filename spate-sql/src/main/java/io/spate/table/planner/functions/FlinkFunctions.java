package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Flink's built-in functions that Calcite's standard library lacks, with Flink's signatures and
 * result types: {@code DATE_FORMAT}, {@code TO_TIMESTAMP}, {@code REGEXP_EXTRACT}, {@code SPLIT_INDEX},
 * {@code CONCAT}, {@code CONCAT_WS}, {@code REGEXP_REPLACE}, {@code FROM_UNIXTIME}, {@code UNIX_TIMESTAMP},
 * {@code TRY_CAST}.
 * Their evaluation is in the expression compiler, by name.
 */
@Internal
public final class FlinkFunctions {

  private FlinkFunctions() {}

  /** {@code DATE_FORMAT(timestamp|string, 'pattern')}: the time in a Java date-time pattern. */
  public static final SqlFunction DATE_FORMAT = function("DATE_FORMAT", string(),
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)));

  /** {@code TO_TIMESTAMP(string [, 'pattern'])}: a {@code TIMESTAMP(3)} parsed with the pattern (default {@code yyyy-MM-dd HH:mm:ss}). */
  public static final SqlFunction TO_TIMESTAMP = function("TO_TIMESTAMP", FlinkFunctions::timestamp3,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)));

  /**
   * {@code TO_TIMESTAMP_LTZ(numeric, precision)}: the instant {@code numeric} seconds ({@code precision}
   * 0) or milliseconds (3) after the epoch, a {@code TIMESTAMP_LTZ(3)}.
   */
  public static final SqlFunction TO_TIMESTAMP_LTZ = function("TO_TIMESTAMP_LTZ",
      binding -> nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          3)),
      OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER));

  /** {@code REGEXP_EXTRACT(string, regex [, group])}: the group (0, the default: the whole match) of the first match, or NULL. */
  public static final SqlFunction REGEXP_EXTRACT = function("REGEXP_EXTRACT", string(),
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)));

  /** {@code REGEXP_REPLACE(string, regex, replacement)}. */
  public static final SqlFunction REGEXP_REPLACE = function("REGEXP_REPLACE", string(),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));

  /** {@code SPLIT_INDEX(string, separator, index)}: the index-th (from 0) piece, or NULL. */
  public static final SqlFunction SPLIT_INDEX = function("SPLIT_INDEX", string(),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER));

  /** {@code CONCAT(string, ...)}: the strings joined; NULL if any is. */
  public static final SqlFunction CONCAT = function("CONCAT", string(),
      OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.CHARACTER));

  /** {@code CONCAT_WS(separator, string, ...)}: the non-NULL strings joined by the separator. */
  public static final SqlFunction CONCAT_WS = function("CONCAT_WS", string(),
      OperandTypes.repeat(SqlOperandCountRanges.from(2), OperandTypes.CHARACTER));

  /** {@code FROM_UNIXTIME(seconds [, 'pattern'])}: the time in the session's time zone, as text. */
  public static final SqlFunction FROM_UNIXTIME = function("FROM_UNIXTIME", string(),
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)));

  /**
   * {@code UNIX_TIMESTAMP([string [, 'pattern']])}: seconds since the epoch of the time the string gives,
   * or of now (per record) without arguments.
   */
  public static final SqlFunction UNIX_TIMESTAMP = BuiltInFunction.perRecord("UNIX_TIMESTAMP", FlinkFunctions::bigint,
      OperandTypes.or(OperandTypes.NILADIC, OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)), SqlFunctionCategory.TIMEDATE);

  /** {@code TRY_CAST(value AS type)}: the cast, or NULL where it would fail (Calcite's, from its library). */
  public static final SqlOperator TRY_CAST = org.apache.calcite.sql.fun.SqlLibraryOperators.TRY_CAST;

  /**
   * {@code PROCTIME()}: the processing time, a {@code TIMESTAMP_LTZ(3)}; as a computed column it makes
   * the column the table's processing-time attribute. Never folded into a constant while planning.
   */
  public static final SqlFunction PROCTIME = new SqlFunction("PROCTIME", SqlKind.OTHER_FUNCTION,
      binding -> binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), null,
      OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE) {
    @Override
    public boolean isDeterministic() {
      return false;
    }

    @Override
    public boolean isDynamicFunction() {
      return true;
    }
  };

  /**
   * {@code JSON_STRING(value)}: the value as JSON text (a string quoted, a number as it is); NULL for NULL, so
   * a {@code STRING NOT NULL} of a {@code NOT NULL} value.
   */
  public static final SqlFunction JSON_STRING = function("JSON_STRING", BuiltInFunction.string(), OperandTypes.ANY);

  private static final List<SqlOperator> ALL = List.of(DATE_FORMAT, TO_TIMESTAMP, TO_TIMESTAMP_LTZ, REGEXP_EXTRACT, REGEXP_REPLACE,
      SPLIT_INDEX, CONCAT, CONCAT_WS, FROM_UNIXTIME, UNIX_TIMESTAMP, TRY_CAST, PROCTIME, JSON_STRING);

  /** Calcite's library operators that Flink SQL has too: {@code ILIKE} and {@code NOT ILIKE} (Flink 1.17+). */
  private static final List<SqlOperator> LIBRARY = List.of(
      org.apache.calcite.sql.fun.SqlLibraryOperators.ILIKE, org.apache.calcite.sql.fun.SqlLibraryOperators.NOT_ILIKE);

  /** These functions as an operator table. */
  public static SqlOperatorTable table() {
    return SqlOperatorTables.chain(SqlOperatorTables.of(ALL), SqlOperatorTables.of(LIBRARY),
        SqlOperatorTables.of(StringBuiltInFunctions.operators()),
        SqlOperatorTables.of(ConditionalBuiltInFunctions.operators()),
        SqlOperatorTables.of(MathBuiltInFunctions.operators()),
        SqlOperatorTables.of(TimeBuiltInFunctions.operators()),
        SqlOperatorTables.of(CollectionBuiltInFunctions.operators()),
        SqlOperatorTables.of(org.apache.calcite.sql.fun.SqlLibraryOperators.ARRAY_AGG)); // ARRAY_AGG (Flink 1.19+)
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.USER_DEFINED_FUNCTION) {
      @Override
      public boolean isDeterministic() {
        return true;
      }
    };
  }

  /** A nullable {@code STRING}, as Flink's string functions return. */
  private static SqlReturnTypeInference string() {
    return binding -> nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR,
        Integer.MAX_VALUE));
  }

  private static RelDataType timestamp3(SqlOperatorBinding binding) {
    return nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3));
  }

  private static RelDataType bigint(SqlOperatorBinding binding) {
    return nullable(binding, binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
  }

  private static RelDataType nullable(SqlOperatorBinding binding, RelDataType type) {
    RelDataTypeFactory factory = binding.getTypeFactory();
    return factory.createTypeWithNullability(type, true);
  }
}
