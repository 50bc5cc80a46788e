package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedJoinedCalc;
import io.spate.table.runtime.generated.GeneratedTableCall;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Generates the classes of a join with a user's table function ({@code LATERAL TABLE(f(...))}): the
 * call of the function for an input row ({@link GeneratedTableCall}), which evaluates the arguments
 * with typed code and calls {@code eval} directly, and the calc above the join over the input row and
 * one row of the function ({@link GeneratedJoinedCalc}), which reads their fields as they are.
 */
@Internal
public final class CorrelateCodeGenerator {

  private CorrelateCodeGenerator() {}

  /**
   * The generated class of {@code call} (whose arguments refer to the input row) of {@code function}
   * with {@code signature}, or null if its {@code eval} method cannot be called directly (see
   * {@link UserFunctionCalls}), so that the reflective call, which converts arguments, must make it.
   */
  public static GeneratedCalcCode call(ExprCompiler interpreter, RexCall call, FunctionSignature signature,
      OpenedFunction function, String functionIdentifier) {
    Method method = UserFunctionCalls.direct(call, signature);
    if (method == null) {
      return null;
    }
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone());
    List<RexNode> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      arguments.add(RexUtil.expandSearch(interpreter.rexBuilder(), null, operand));
    }
    CalcCodeGenerator.readFields(generator, arguments);
    generator.callDirectly(call.clone(call.getType(), arguments), method, function, functionIdentifier);
    return CalcCodeGenerator.code(generator, "GeneratedTableCall$", GeneratedTableCall.class.getName(),
        "public void call(Row in)", "");
  }

  /**
   * The generated class of the calc with {@code condition} (null: every row passes) and {@code projections}
   * over rows whose first {@code leftArity} fields are the input row's and whose {@code rightArity} others
   * are the function's row's.
   */
  public static GeneratedCalcCode calc(ExprCompiler interpreter, RexNode condition, List<RexNode> projections,
      int leftArity, int rightArity) {
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone(), leftArity);
    CalcCodeGenerator.emitCalc(generator, interpreter, condition, projections, "left");
    // The interpreter's fallbacks read the joined row: built only for them, field by field.
    String prologue = generator.fallbacks() == 0 ? ""
        : "    Row in = new Row(left.getKind(), " + (leftArity + rightArity) + ");\n"
            + "    for (int i = 0; i < " + leftArity + "; i++) {\n"
            + "      in.setField(i, left.getField(i));\n"
            + "    }\n"
            + "    for (int i = 0; i < " + rightArity + "; i++) {\n"
            + "      in.setField(" + leftArity + " + i, right.getField(i));\n"
            + "    }\n";
    return CalcCodeGenerator.code(generator, "GeneratedJoinedCalc$", GeneratedJoinedCalc.class.getName(),
        "public Row process(Row left, Row right)", prologue);
  }
}
