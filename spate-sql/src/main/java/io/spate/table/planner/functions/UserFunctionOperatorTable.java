package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.functions.TableFunction;
import io.spate.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The session's user-defined functions for Calcite's validator: the temporary system functions (which
 * come before the built-in ones) or the catalog functions (which come after them).
 */
@Internal
public final class UserFunctionOperatorTable implements SqlOperatorTable {

  private final FunctionCatalog functions;
  private final boolean system;
  private final Map<UserDefinedFunction, SqlOperator> operators = new IdentityHashMap<>();

  private UserFunctionOperatorTable(FunctionCatalog functions, boolean system) {
    this.functions = functions;
    this.system = system;
  }

  /** The temporary system functions of {@code functions}. */
  public static UserFunctionOperatorTable systemFunctions(FunctionCatalog functions) {
    return new UserFunctionOperatorTable(functions, true);
  }

  /** The temporary and permanent catalog functions of {@code functions}. */
  public static UserFunctionOperatorTable catalogFunctions(FunctionCatalog functions) {
    return new UserFunctionOperatorTable(functions, false);
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    if (syntax != SqlSyntax.FUNCTION) {
      return;
    }
    Optional<UserDefinedFunction> function = system
        ? (name.isSimple() ? functions.lookupSystem(name.getSimple()) : Optional.empty())
        : functions.lookup(name.names);
    function.ifPresent(f -> operatorList.add(operators.computeIfAbsent(f,
        key -> operator(name.names.get(name.names.size() - 1), key))));
  }

  private static SqlOperator operator(String name, UserDefinedFunction function) {
    if (function instanceof ScalarFunction scalar) {
      return UserScalarSqlFunction.of(name, scalar);
    }
    if (function instanceof AggregateFunction<?, ?> aggregate) {
      return UserAggSqlFunction.of(name, aggregate);
    }
    if (function instanceof TableFunction<?> table) {
      return UserTableSqlFunction.of(name, table);
    }
    if (function instanceof io.spate.table.functions.TableAggregateFunction<?, ?> tableAggregate) {
      return UserTableAggSqlFunction.of(name, tableAggregate);
    }
    throw new ValidationException("Spate SQL cannot call the function " + name + " (" + function.getClass().getName()
        + ") yet: it runs ScalarFunction, TableFunction and AggregateFunction classes");
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return new ArrayList<>(operators.values());
  }
}
