package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlHopTableFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlSessionTableFunction;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlTumbleTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Flink's window table functions {@code TUMBLE}, {@code HOP}, {@code CUMULATE} and {@code SESSION}:
 * Calcite's (or, for {@code CUMULATE}, like Calcite's), whose rows carry {@code window_start} and
 * {@code window_end}, with Flink's third column, {@code window_time} (the window's last instant,
 * {@code window_end} minus a millisecond).
 */
@Internal
public final class WindowTableFunctions {

  /** The names of the window columns, in order. */
  public static final List<String> WINDOW_COLUMNS = List.of("window_start", "window_end", "window_time");

  /**
   * The names of the window columns of a {@link #legacy} window function, in order: names no table's column has, so
   * that a group window over rows that have a {@code window_start} already (a window table function's) reads them.
   */
  public static final List<String> LEGACY_WINDOW_COLUMNS = List.of("$window_start", "$window_end", "$window_time");

  /** {@code TUMBLE(TABLE t, DESCRIPTOR(ts), size [, offset])}. */
  public static final SqlOperator TUMBLE = new SqlTumbleTableFunction() {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withWindowTime;
    }
  };

  /** {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size [, offset])}. */
  public static final SqlOperator HOP = new SqlHopTableFunction() {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withWindowTime;
    }
  };

  /** {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset])}. */
  public static final SqlOperator CUMULATE = new SqlWindowTableFunction("CUMULATE",
      new IntervalOperands(List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"), 4)) {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withWindowTime;
    }
  };

  /**
   * {@code SESSION(TABLE t, DESCRIPTOR(ts), gap [, DESCRIPTOR(k)])}: Flink's
   * {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} is rewritten into this form before
   * validation (see {@link WindowSqlRewriter}), the partition keys last.
   */
  public static final SqlOperator SESSION = new SqlWindowTableFunction("SESSION",
      new IntervalOperands(List.of("DATA", "TIMECOL", "GAP", "PARTITION_KEYS"), 3)) {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withWindowTime;
    }
  };

  /** {@code TUMBLE} as a legacy {@code GROUP BY TUMBLE(ts, size)} runs it: see {@link #legacy}. */
  private static final SqlOperator LEGACY_TUMBLE = new SqlTumbleTableFunction() {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withLegacyWindowTime;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return keepLegacy(this, call, super.deriveType(validator, scope, call));
    }
  };

  /** {@code HOP} as a legacy {@code GROUP BY HOP(ts, slide, size)} runs it: see {@link #legacy}. */
  private static final SqlOperator LEGACY_HOP = new SqlHopTableFunction() {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withLegacyWindowTime;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return keepLegacy(this, call, super.deriveType(validator, scope, call));
    }
  };

  /** {@code SESSION} as a legacy {@code GROUP BY SESSION(ts, gap)} runs it: see {@link #legacy}. */
  private static final SqlOperator LEGACY_SESSION = new SqlWindowTableFunction("SESSION",
      new IntervalOperands(List.of("DATA", "TIMECOL", "GAP", "PARTITION_KEYS"), 3)) {
    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return WindowTableFunctions::withLegacyWindowTime;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return keepLegacy(this, call, super.deriveType(validator, scope, call));
    }
  };

  private WindowTableFunctions() {}

  /**
   * The table function {@code function} ({@link #TUMBLE}, {@link #HOP} or {@link #SESSION}) as a legacy group
   * window runs it: the same windows, but its {@code window_time} (which {@code TUMBLE_ROWTIME} and the like
   * read) is nullable where the time column is, as Flink types a legacy group window's rowtime (a window table
   * function's {@code window_time} is always {@code NOT NULL}), and its window columns are named
   * {@link #LEGACY_WINDOW_COLUMNS}. {@link #standard} maps it back.
   */
  public static SqlOperator legacy(SqlOperator function) {
    if (function == TUMBLE) {
      return LEGACY_TUMBLE;
    }
    if (function == HOP) {
      return LEGACY_HOP;
    }
    if (function == SESSION) {
      return LEGACY_SESSION;
    }
    throw new IllegalArgumentException("No legacy group window runs as " + function);
  }

  /** The window table function {@code operator} is, if it is one {@link #legacy} gave; else {@code operator}. */
  public static SqlOperator standard(SqlOperator operator) {
    if (operator == LEGACY_TUMBLE) {
      return TUMBLE;
    }
    if (operator == LEGACY_HOP) {
      return HOP;
    }
    return operator == LEGACY_SESSION ? SESSION : operator;
  }

  /** Calcite's standard operators, with these window functions in place of its own. */
  public static SqlOperatorTable standardOperators() {
    return STANDARD;
  }

  private static final SqlOperatorTable STANDARD = new SqlOperatorTable() {
    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
        List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
      int before = operators.size();
      SqlStdOperatorTable.instance().lookupOperatorOverloads(opName, category, syntax, operators, nameMatcher);
      if (operators.size() == before && opName.isSimple()
          && nameMatcher.matches(opName.getSimple(), CUMULATE.getName())) {
        operators.add(CUMULATE);
      }
      for (int i = before; i < operators.size(); i++) {
        operators.set(i, replaced(operators.get(i)));
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      List<SqlOperator> all = new ArrayList<>(SqlStdOperatorTable.instance().getOperatorList().stream()
          .map(WindowTableFunctions::replaced).toList());
      all.add(CUMULATE);
      return all;
    }
  };

  private static SqlOperator replaced(SqlOperator operator) {
    if (operator == SqlStdOperatorTable.TRUNCATE) {
      return MathBuiltInFunctions.TRUNCATE; // Flink's result type for decimals
    }
    if (operator == SqlStdOperatorTable.ROUND) {
      return MathBuiltInFunctions.ROUND; // the same
    }
    if (operator == SqlStdOperatorTable.TYPEOF) {
      return ConditionalBuiltInFunctions.TYPEOF; // Flink's TYPEOF, not Calcite's of VARIANT values
    }
    if (operator instanceof SqlTumbleTableFunction) {
      return TUMBLE;
    }
    if (operator instanceof SqlHopTableFunction) {
      return HOP;
    }
    if (operator instanceof SqlSessionTableFunction) {
      return SESSION;
    }
    if (operator.getKind() == org.apache.calcite.sql.SqlKind.FIRST_VALUE
        || operator.getKind() == org.apache.calcite.sql.SqlKind.LAST_VALUE) {
      return operator.getKind() == org.apache.calcite.sql.SqlKind.FIRST_VALUE ? FirstLastValueFunctions.FIRST_VALUE
          : FirstLastValueFunctions.LAST_VALUE; // Flink's take a GROUP BY too
    }
    return operator;
  }

  private static RelDataType withWindowTime(SqlOperatorBinding binding) {
    RelDataType calcites = org.apache.calcite.sql.SqlWindowTableFunction.ARG0_TABLE_FUNCTION_WINDOWING
        .inferReturnType(binding);
    RelDataTypeFactory.Builder builder = binding.getTypeFactory().builder();
    for (RelDataTypeField field : calcites.getFieldList()) {
      builder.add(field);
    }
    RelDataType end = calcites.getField("window_end", true, false).getType();
    // As in Flink, window_time has the time column's type: a TIMESTAMP_LTZ's (PROCTIME()'s, say) is a TIMESTAMP_LTZ,
    // whose value is the instant the window ends; window_start and window_end stay TIMESTAMPs.
    RelDataType time = timeColumn(binding);
    RelDataTypeFactory types = binding.getTypeFactory();
    builder.add("window_time", time != null && time.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        ? types.createTypeWithNullability(types.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
            end.getPrecision()), end.isNullable())
        : end);
    return builder.build();
  }

  /** The type of the column a window function's {@code DESCRIPTOR} names, or null where that is unknown. */
  private static RelDataType timeColumn(SqlOperatorBinding binding) {
    if (binding instanceof SqlCallBinding call && call.operand(1) instanceof SqlCall descriptor
        && descriptor.operandCount() == 1 && descriptor.operand(0) instanceof SqlIdentifier timeColumn
        && timeColumn.isSimple()) { // else the validator names what is wrong with the descriptor
      RelDataTypeField field = binding.getOperandType(0).getField(timeColumn.getSimple(), true, false);
      return field == null ? null : field.getType();
    }
    return null;
  }

  /**
   * {@code type}, after putting {@code legacy} back as {@code call}'s operator: deriving a function's type looks it
   * up by name again, which would find the window table function, whose row type the validator then asks for.
   */
  private static RelDataType keepLegacy(SqlOperator legacy, SqlCall call, RelDataType type) {
    if (call instanceof SqlBasicCall basic) {
      basic.setOperator(legacy);
    }
    return type;
  }

  private static RelDataType withLegacyWindowTime(SqlOperatorBinding binding) {
    RelDataType row = withWindowTime(binding);
    RelDataType time = timeColumn(binding);
    boolean nullableTime = time != null && time.isNullable();
    RelDataTypeFactory.Builder builder = binding.getTypeFactory().builder();
    int firstWindowColumn = row.getFieldCount() - LEGACY_WINDOW_COLUMNS.size();
    for (RelDataTypeField field : row.getFieldList()) {
      int windowColumn = field.getIndex() - firstWindowColumn;
      if (windowColumn < 0) {
        builder.add(field);
      } else {
        builder.add(LEGACY_WINDOW_COLUMNS.get(windowColumn), windowColumn == 2 && nullableTime
            ? binding.getTypeFactory().createTypeWithNullability(field.getType(), true) : field.getType());
      }
    }
    return builder.build();
  }

  /** The operands of a window function: a table, a descriptor of its time column, then intervals. */
  private record IntervalOperands(List<String> paramNames, int mandatory) implements SqlOperandMetadata {

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      List<RelDataType> types = new ArrayList<>();
      for (int i = 0; i < paramNames.size(); i++) {
        types.add(typeFactory.createSqlType(SqlTypeName.ANY));
      }
      return types;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      boolean valid = binding.operand(1).getKind() == SqlKind.DESCRIPTOR;
      for (int i = 2; i < binding.getOperandCount(); i++) {
        valid &= paramNames.get(i).equals("PARTITION_KEYS") ? binding.operand(i).getKind() == SqlKind.DESCRIPTOR
            : SqlTypeUtil.isInterval(binding.getOperandType(i));
      }
      if (!valid && throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return valid;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(mandatory, paramNames.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      String table = paramNames.contains("PARTITION_KEYS") ? "TABLE table_name [PARTITION BY keys]"
          : "TABLE table_name";
      List<String> optional = paramNames.subList(mandatory, paramNames.size()).stream()
          .filter(p -> !p.equals("PARTITION_KEYS")).toList();
      return opName + "(" + table + ", DESCRIPTOR(timecol), " + String.join(", ", paramNames.subList(2, mandatory))
          + (optional.isEmpty() ? "" : " [, " + String.join(", ", optional) + "]") + ")";
    }

    @Override
    public boolean isOptional(int i) {
      return i >= mandatory;
    }
  }
}
