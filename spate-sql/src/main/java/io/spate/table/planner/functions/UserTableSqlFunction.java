package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.TableFunction;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A user's {@link TableFunction} as a SQL table function: its {@code eval} methods give its
 * signatures; its rows are a {@code ROW} type, or one column {@code f0} of an atomic type.
 */
@Internal
public final class UserTableSqlFunction extends SqlFunction implements SqlTableFunction {

  private final TableFunction<?> function;
  private final List<FunctionSignature> signatures;
  private final RowType rowType;
  private final boolean atomic;

  private UserTableSqlFunction(String name, TableFunction<?> function, List<FunctionSignature> signatures,
      RowType rowType, boolean atomic) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new SignatureChecker(signatures),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.function = function;
    this.signatures = signatures;
    this.rowType = rowType;
    this.atomic = atomic;
  }

  /** {@code function} under the SQL name {@code name}. */
  public static UserTableSqlFunction of(String name, TableFunction<?> function) {
    Class<?> type = function.getClass();
    FunctionHint hint = type.getAnnotation(FunctionHint.class);
    LogicalType output = hint != null && !hint.output().value().isEmpty()
        ? FunctionSignature.typeOf(Object.class, hint.output(), "the rows of " + type.getSimpleName())
        : FunctionSignature.typeOf(rowClass(type), null, "the rows of " + type.getSimpleName()
            + " (the T of TableFunction<T>)");
    boolean atomic = !(output instanceof RowType);
    RowType rows = atomic ? new RowType(false, List.of(new RowType.RowField("f0", output))) : (RowType) output;
    List<FunctionSignature> signatures = FunctionSignature.of(type, "eval", 0, rows);
    return new UserTableSqlFunction(name, function, signatures, rows, atomic);
  }

  /** The user's function. */
  public TableFunction<?> function() {
    return function;
  }

  /** Whether the function's rows are single values (not {@code Row}s), for a column {@code f0}. */
  public boolean isAtomic() {
    return atomic;
  }

  /** The type of the function's rows. */
  public RowType rowType() {
    return rowType;
  }

  /** The {@code eval} method a call with arguments of {@code argumentTypes} calls. */
  public FunctionSignature signatureFor(List<RelDataType> argumentTypes) {
    return FunctionSignature.choose(signatures, SignatureChecker.logicalTypes(argumentTypes));
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return binding -> ((SpateTypeFactory) binding.getTypeFactory()).createFieldTypeFromLogicalType(rowType);
  }

  @Override
  public boolean isDeterministic() {
    return function.isDeterministic();
  }

  private static Class<?> rowClass(Class<?> type) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      Type superType = current.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized && parameterized.getRawType() == TableFunction.class
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> c) {
        return c;
      }
    }
    throw new ValidationException("Cannot tell the row type of " + type.getName() + ": extend TableFunction with a"
        + " concrete type, or give it with @FunctionHint(output = @DataTypeHint(\"ROW<...>\"))");
  }
}
