package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.planner.codegen.CorrelateCodeGenerator;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserTableSqlFunction;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.functions.TableFunctionJoin;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedClasses;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
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
    return translate(translator, correlate, null, null, correlate.getRowType());
  }

  /**
   * The stream of the rows of the calc with {@code condition} and {@code projects} (both null: no calc)
   * over {@code correlate}'s rows, whose type is {@code rowType}. With generated code, the calc runs in
   * the join's step, over the input row and the function's row without joining them; otherwise it is a
   * step of its own.
   */
  static DataStream<Row> translate(StreamTranslator translator, LogicalCorrelate correlate, RexNode condition,
      List<RexNode> projects, RelDataType rowType) {
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
    OpenedFunction opened = new OpenedFunction(function.function());
    FunctionInvoker eval = new FunctionInvoker(opened, signature.method());
    DataStream<Row> left = translator.translate(correlate.getLeft());
    if (!conditions.isEmpty()) {
      // The filters of the function's rows join the calc above, whose condition reads the same joined row.
      if (condition != null) {
        conditions.add(condition);
      }
      condition = RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), conditions);
    }
    boolean calcAbove = condition != null || projects != null;
    String name = "Correlate(invocation=[" + function.getName() + "], joinType=[" + type + "])";
    if (!translator.config.get(CodegenOptions.CODEGEN_ENABLED)) {
      DataStream<Row> joined = left.flatMap(new TableFunctionJoin(eval, translator.compiler.compileAll(arguments),
          function.isAtomic(), function.rowType().getFieldCount(), type == JoinRelType.LEFT),
          StreamTranslator.rowTypeInfo(correlate.getRowType())).name(name);
      return calcAbove ? translator.calc(joined, condition, projects, rowType, "Calc") : joined;
    }
    ExprCompiler compiler = translator.compiler;
    GeneratedCalcCode callCode = CorrelateCodeGenerator.call(compiler, call.clone(call.getType(), arguments),
        signature, opened, function.function().functionIdentifier());
    int leftArity = correlate.getLeft().getRowType().getFieldCount();
    int functionArity = function.rowType().getFieldCount();
    List<RexNode> outputs = projects != null ? projects : identity(correlate.getRowType());
    GeneratedCalcCode calcCode = CorrelateCodeGenerator.calc(compiler, condition, outputs, leftArity, functionArity);
    List<RexNode> expressions = new ArrayList<>(arguments);
    if (condition != null) {
      expressions.add(condition);
    }
    expressions.addAll(outputs);
    ClassLoader loader = translator.classLoader != null ? translator.classLoader
        : CorrelateTranslator.class.getClassLoader();
    // Compiled here once, so that a bug in the generator fails the planning rather than the job's tasks.
    for (GeneratedCalcCode code : new GeneratedCalcCode[] {callCode, calcCode}) {
      if (code != null) {
        GeneratedClasses.compile(loader, code.className(), code.source());
      }
    }
    TableFunctionJoin join = new TableFunctionJoin(eval, compiler.compileAll(arguments), callCode, calcCode,
        compiler.userFunctionsOf(expressions), function.isAtomic(), functionArity, type == JoinRelType.LEFT);
    return left.flatMap(join, StreamTranslator.rowTypeInfo(rowType)).name(calcAbove ? name + ", Calc" : name);
  }

  private static List<RexNode> identity(RelDataType rowType) {
    List<RexNode> fields = new ArrayList<>();
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      fields.add(new RexInputRef(i, rowType.getFieldList().get(i).getType()));
    }
    return fields;
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
