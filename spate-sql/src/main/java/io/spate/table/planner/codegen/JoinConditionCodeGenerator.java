package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.operators.join.JoinCondition;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Generates the Java class of a join's non-equi condition: a {@link JoinCondition} that reads the
 * fields it needs straight from the left and the right row, with the same typed code as a calc's
 * condition, so that a pair the condition rejects is never copied into a joined row. Only when a
 * sub-expression falls back to the interpreter does the method build the joined row first, for it.
 */
@Internal
public final class JoinConditionCodeGenerator {

  private JoinConditionCodeGenerator() {}

  /**
   * The generated class of {@code condition} over a joined row whose first {@code leftArity} fields
   * come from the left row, with {@code interpreter}'s semantics.
   */
  public static GeneratedCalcCode generate(ExprCompiler interpreter, RexNode condition, int leftArity) {
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone(), leftArity);
    RexNode expanded = RexUtil.expandSearch(interpreter.rexBuilder(), null, condition);
    CalcCodeGenerator.readFields(generator, List.of(expanded));
    Term passes = generator.generate(expanded);
    generator.emit("return " + passes.isTrue() + ";");
    String prologue = generator.fallbacks() == 0 ? "" : "    Row in = Row.join(left, right);\n";
    return CalcCodeGenerator.code(generator, "GeneratedJoinCondition$", JoinCondition.class.getName(),
        "public boolean test(Row left, Row right)", prologue);
  }
}
