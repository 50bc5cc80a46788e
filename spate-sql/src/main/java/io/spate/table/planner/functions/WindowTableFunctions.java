package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlHopTableFunction;
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

/**
 * Flink's window table functions {@code TUMBLE} and {@code HOP}: Calcite's, whose rows carry
 * {@code window_start} and {@code window_end}, with Flink's third column, {@code window_time} (the
 * window's last instant, {@code window_end} minus a millisecond).
 */
@Internal
public final class WindowTableFunctions {

  /** The names of the window columns, in order. */
  public static final List<String> WINDOW_COLUMNS = List.of("window_start", "window_end", "window_time");

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

  private WindowTableFunctions() {}

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
      for (int i = before; i < operators.size(); i++) {
        operators.set(i, replaced(operators.get(i)));
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return SqlStdOperatorTable.instance().getOperatorList().stream().map(WindowTableFunctions::replaced).toList();
    }
  };

  private static SqlOperator replaced(SqlOperator operator) {
    if (operator instanceof SqlTumbleTableFunction) {
      return TUMBLE;
    }
    if (operator instanceof SqlHopTableFunction) {
      return HOP;
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
    builder.add("window_time", end);
    return builder.build();
  }
}
