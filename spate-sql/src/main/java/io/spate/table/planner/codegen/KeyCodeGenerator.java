package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Generates the Java class of a computed key: a {@link GeneratedKey} that evaluates the key's
 * expressions with the same typed code as a calc's projections and returns them as a row of kind
 * insert, as the interpreted {@code ExprKeyProjection} does.
 */
@Internal
public final class KeyCodeGenerator {

  private KeyCodeGenerator() {}

  /**
   * The generated class of the key of {@code keys} (expressions over the input row), with
   * {@code interpreter}'s semantics.
   */
  public static GeneratedCalcCode generate(ExprCompiler interpreter, List<RexNode> keys) {
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone());
    List<RexNode> expanded = new ArrayList<>();
    for (RexNode key : keys) {
      expanded.add(RexUtil.expandSearch(interpreter.rexBuilder(), null, key));
    }
    CalcCodeGenerator.readFields(generator, expanded);
    List<Term> values = new ArrayList<>();
    for (RexNode key : expanded) {
      values.add(generator.generate(key));
    }
    generator.emit("Row out = new Row(" + values.size() + ");");
    for (int i = 0; i < values.size(); i++) {
      generator.emit("out.setField(" + i + ", " + values.get(i).boxed() + ");");
    }
    generator.emit("return out;");
    return CalcCodeGenerator.code(generator, "GeneratedKey$", GeneratedKey.class.getName(), "public Row key(Row in)",
        "");
  }
}
