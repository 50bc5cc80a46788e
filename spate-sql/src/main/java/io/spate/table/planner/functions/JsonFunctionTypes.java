package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.fun.SqlJsonArrayFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectFunction;
import org.apache.calcite.sql.fun.SqlJsonQueryFunction;
import org.apache.calcite.sql.fun.SqlJsonValueFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Gives Calcite's JSON functions Flink's result types: {@code JSON_VALUE} (without {@code RETURNING}),
 * {@code JSON_QUERY}, {@code JSON_OBJECT}, {@code JSON_ARRAY}, {@code JSON_ARRAYAGG} and {@code
 * JSON_OBJECTAGG} return {@code STRING}, where
 * Calcite's return {@code VARCHAR(2000)}. The parsed statement's calls are pointed at subclasses of
 * Calcite's operators that differ only in that, so that Calcite's validation and conversion of
 * their clauses stay as they are.
 */
@Internal
public final class JsonFunctionTypes {

  private static final SqlFunction JSON_VALUE = new SqlJsonValueFunction("JSON_VALUE") {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }
  };

  private static final SqlFunction JSON_QUERY = new SqlJsonQueryFunction() {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }
  };

  private static final SqlFunction JSON_OBJECT = new SqlJsonObjectFunction() {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }
  };

  private static final SqlFunction JSON_ARRAY = new SqlJsonArrayFunction() {
    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }
  };

  private static final Map<SqlOperator, SqlOperator> REPLACEMENTS = Map.of(
      SqlStdOperatorTable.JSON_VALUE, JSON_VALUE,
      SqlStdOperatorTable.JSON_QUERY, JSON_QUERY,
      SqlStdOperatorTable.JSON_OBJECT, JSON_OBJECT,
      SqlStdOperatorTable.JSON_ARRAY, JSON_ARRAY);

  private JsonFunctionTypes() {}

  /**
   * These operators as a table, to chain before the standard operators: the validator looks a
   * function's name up again while it derives the call's type, and must find these first.
   */
  public static SqlOperatorTable table() {
    return SqlOperatorTables.of(REPLACEMENTS.values());
  }

  /** {@code node}, whose JSON function calls now use the operators with Flink's result types (changed in place). */
  public static SqlNode rewrite(SqlNode node) {
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        SqlOperator replacement = REPLACEMENTS.get(call.getOperator());
        if (replacement == null) {
          replacement = aggregate(call.getOperator());
        }
        if (replacement != null && call instanceof SqlBasicCall basic) {
          basic.setOperator(replacement);
        }
        return super.visit(call);
      }
    });
    return node;
  }

  /** {@code JSON_ARRAYAGG} or {@code JSON_OBJECTAGG} (with its ON NULL clause) typed as Flink types it, or null for another operator. */
  private static SqlOperator aggregate(SqlOperator operator) {
    if (operator instanceof SqlJsonArrayAggAggFunction arrayAgg && !(operator instanceof FlinkArrayAgg)) {
      return new FlinkArrayAgg(arrayAgg.getKind(), arrayAgg.getNullClause());
    }
    if (operator instanceof SqlJsonObjectAggAggFunction objectAgg && !(operator instanceof FlinkObjectAgg)) {
      return new FlinkObjectAgg(objectAgg.getKind(), objectAgg.getNullClause());
    }
    return null;
  }

  /** {@code JSON_ARRAYAGG} returning {@code STRING}. */
  private static final class FlinkArrayAgg extends SqlJsonArrayAggAggFunction {
    FlinkArrayAgg(SqlKind kind, SqlJsonConstructorNullClause nullClause) {
      super(kind, nullClause);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return asString(validator.getTypeFactory(), super.deriveType(validator, scope, call));
    }
  }

  /** {@code JSON_OBJECTAGG} returning {@code STRING}. */
  private static final class FlinkObjectAgg extends SqlJsonObjectAggAggFunction {
    FlinkObjectAgg(SqlKind kind, SqlJsonConstructorNullClause nullClause) {
      super(kind, nullClause);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      return asString(binding, super.inferReturnType(binding));
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return asString(validator.getTypeFactory(), super.deriveType(validator, scope, call));
    }
  }

  /** A {@code VARCHAR(2000)} as a {@code STRING} of the same nullability; other types as they are. */
  private static RelDataType asString(SqlOperatorBinding binding, RelDataType type) {
    return asString(binding.getTypeFactory(), type);
  }

  private static RelDataType asString(RelDataTypeFactory types, RelDataType type) {
    if (type.getSqlTypeName() != SqlTypeName.VARCHAR || type.getPrecision() != 2000) {
      return type;
    }
    return types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
        type.isNullable());
  }
}
