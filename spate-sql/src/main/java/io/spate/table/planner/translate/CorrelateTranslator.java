package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserTableSqlFunction;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.functions.TableFunctionJoin;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Runs a correlate whose right side is a user's table function ({@code LATERAL TABLE(f(...))}): the
 * function's arguments refer to the left row, so it becomes one step over the left stream.
 */
@Internal
final class CorrelateTranslator {

  private CorrelateTranslator() {}

  /**
   * Whether {@code correlate} calls a user's table function on its right side, possibly under filters (the
   * optimizer moves a {@code WHERE} on the function's columns there).
   */
  static boolean isTableFunction(LogicalCorrelate correlate) {
    return functionScan(correlate) instanceof LogicalTableFunctionScan scan && scan.getCall() instanceof RexCall call
        && call.getOperator() instanceof UserTableSqlFunction;
  }

  private static RelNode functionScan(LogicalCorrelate correlate) {
    RelNode right = correlate.getRight();
    while (right instanceof LogicalFilter filter) {
      right = filter.getInput();
    }
    return right;
  }

  /** The stream of {@code correlate}'s rows. */
  static DataStream<Row> translate(StreamTranslator translator, LogicalCorrelate correlate) {
    JoinRelType type = correlate.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
      throw new TableException("Spate SQL joins a table function only with an inner or a LEFT JOIN ... ON TRUE, not"
          + " a " + type + " join");
    }
    LogicalTableFunctionScan scan = (LogicalTableFunctionScan) functionScan(correlate);
    int leftWidth = correlate.getLeft().getRowType().getFieldCount();
    List<RexNode> conditions = new ArrayList<>();
    for (RelNode right = correlate.getRight(); right instanceof LogicalFilter filter; right = filter.getInput()) {
      conditions.add(overLeftRow(RexUtil.shift(filter.getCondition(), leftWidth)));
    }
    if (!conditions.isEmpty() && type == JoinRelType.LEFT) {
      // A filter of the function's rows under a LEFT JOIN decides which left rows get NULLs: no filter after it does.
      throw new TableException("Spate SQL cannot filter the rows of a table function under a LEFT JOIN yet: filter the"
          + " joined rows in the WHERE clause, or use an inner join");
    }
    RexCall call = (RexCall) scan.getCall();
    UserTableSqlFunction function = (UserTableSqlFunction) call.getOperator();
    List<RexNode> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      arguments.add(overLeftRow(operand));
    }
    FunctionSignature signature = function.signatureFor(arguments.stream().map(RexNode::getType).toList());
    if (signature == null) {
      throw new TableException("No eval method of " + function.function().functionIdentifier() + " takes " + call);
    }
    FunctionInvoker eval = new FunctionInvoker(new OpenedFunction(function.function()), signature.method());
    DataStream<Row> left = translator.translate(correlate.getLeft());
    TableFunctionJoin join = new TableFunctionJoin(eval, translator.compiler.compileAll(arguments),
        function.isAtomic(), function.rowType().getFieldCount(), type == JoinRelType.LEFT);
    DataStream<Row> joined = left.flatMap(join, StreamTranslator.rowTypeInfo(correlate.getRowType()))
        .name("Correlate(invocation=[" + function.getName() + "], joinType=[" + type + "])");
    return conditions.isEmpty() ? joined : translator.calc(joined,
        RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), conditions), null, correlate.getRowType(),
        "Calc");
  }

  /** {@code operand} with the left row's fields ({@code $cor0.f}) as input references. */
  static RexNode overLeftRow(RexNode operand) {
    return operand.accept(new RexShuttle() {
      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable) {
          return new RexInputRef(access.getField().getIndex(), access.getField().getType());
        }
        return super.visitFieldAccess(access);
      }
    });
  }
}
