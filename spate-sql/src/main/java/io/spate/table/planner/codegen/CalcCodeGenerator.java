package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.generated.GeneratedCalc;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Generates the Java class of one calc (a filter and projections): a {@link GeneratedCalc} whose
 * {@code process} reads each input field the calc uses once into a local, evaluates the condition,
 * and then builds the output row from all projections in one method, with typed locals and no
 * per-field calls of interpreted expressions (except for the calls {@link ExprCodeGenerator} hands
 * to the interpreter).
 */
@Internal
public final class CalcCodeGenerator {

  private static final String CLASS_NAME_PLACEHOLDER = "$CLASS$";

  private CalcCodeGenerator() {}

  /**
   * The generated class of the calc with {@code condition} (null: every row passes) and
   * {@code projections} (null: the row as it is), with {@code interpreter}'s semantics.
   */
  public static GeneratedCalcCode generate(ExprCompiler interpreter, RexNode condition, List<RexNode> projections) {
    return generate(interpreter, condition, projections, Set.of());
  }

  /**
   * The generated class of a calc as above over a table's rows as its source gives them, where
   * {@code computedColumns} are the expressions of the table's computed columns that the condition and
   * projections hold.
   */
  public static GeneratedCalcCode generate(ExprCompiler interpreter, RexNode condition, List<RexNode> projections,
      Set<RexNode> computedColumns) {
    return code(generator(interpreter, condition, projections, computedColumns), "GeneratedCalc$",
        GeneratedCalc.class.getName(), "public Row process(Row in)", "");
  }

  /**
   * The sub-expressions of the calc of {@code condition} and {@code projections} (with
   * {@code computedColumns}, as for {@link #generate}) that its generated class hands to the interpreter.
   */
  public static List<RexNode> interpretedParts(ExprCompiler interpreter, RexNode condition,
      List<RexNode> projections, Set<RexNode> computedColumns) {
    return generator(interpreter, condition, projections, computedColumns).interpreted();
  }

  private static ExprCodeGenerator generator(ExprCompiler interpreter, RexNode condition, List<RexNode> projections,
      Set<RexNode> computedColumns) {
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone());
    generator.computedColumns(computedColumns);
    emitCalc(generator, interpreter, condition, projections, "in");
    return generator;
  }

  /**
   * Emits the body of a calc into {@code generator}: {@code return null} for a row that fails {@code condition}
   * (null: every row passes), then a new row of {@code projections} with the kind of the row variable
   * {@code kindOf}, or {@code return in} when {@code projections} is null.
   */
  static void emitCalc(ExprCodeGenerator generator, ExprCompiler interpreter, RexNode condition,
      List<RexNode> projections, String kindOf) {
    RexNode expandedCondition = condition == null ? null
        : RexUtil.expandSearch(interpreter.rexBuilder(), null, condition);
    List<RexNode> expanded = new ArrayList<>();
    if (projections != null) {
      for (RexNode projection : projections) {
        expanded.add(RexUtil.expandSearch(interpreter.rexBuilder(), null, projection));
      }
    }
    List<RexNode> all = new ArrayList<>(expanded);
    if (expandedCondition != null) {
      all.add(expandedCondition);
    }
    generator.plan(all);
    if (expandedCondition != null) {
      readFields(generator, List.of(expandedCondition));
      Term passes = generator.generate(expandedCondition);
      generator.emit("if (!(" + passes.isTrue() + ")) {");
      generator.emit("  return null;");
      generator.emit("}");
    }
    if (projections == null) {
      generator.emit("return in;");
      return;
    }
    readFields(generator, expanded);
    List<Term> values = new ArrayList<>();
    for (RexNode projection : expanded) {
      values.add(generator.generate(projection));
    }
    generator.emit("Row out = new Row(" + kindOf + ".getKind(), " + values.size() + ");");
    for (int i = 0; i < values.size(); i++) {
      generator.emit("out.setField(" + i + ", " + values.get(i).boxed() + ");");
    }
    generator.emit("return out;");
  }

  /**
   * The generated class of one expression, {@code node}, as an {@link Expr} whose {@code eval} gives
   * what {@code interpreter}'s expression of it gives.
   */
  public static GeneratedCalcCode generateExpr(ExprCompiler interpreter, RexNode node) {
    ExprCodeGenerator generator = new ExprCodeGenerator(interpreter, interpreter.zone());
    RexNode expanded = RexUtil.expandSearch(interpreter.rexBuilder(), null, node);
    readFields(generator, List.of(expanded));
    Term value = generator.generate(expanded);
    generator.emit("return " + value.boxed() + ";");
    return code(generator, "GeneratedExpr$", Expr.class.getName(), "public Object eval(Row in)", "");
  }

  /**
   * The class of the statements {@code generator} holds, named {@code prefix} and a hash of its source,
   * implementing {@code interfaceName} with the method {@code header}, whose body starts with {@code prologue}.
   */
  static GeneratedCalcCode code(ExprCodeGenerator generator, String prefix, String interfaceName, String header,
      String prologue) {
    String template = classSource(generator, interfaceName, header, prologue);
    String className = prefix + Integer.toHexString(template.hashCode());
    return new GeneratedCalcCode(className, template.replace(CLASS_NAME_PLACEHOLDER, className),
        generator.references().toArray());
  }

  /**
   * Reads the input fields that {@code nodes} use into locals, in the outermost scope, so that each is
   * read once per row however many expressions use it. Fields of nested rows are read where they are
   * first used (once per scope), so that a CASE branch that is not taken reads nothing.
   */
  static void readFields(ExprCodeGenerator generator, List<RexNode> nodes) {
    List<RexNode> reads = new ArrayList<>();
    RexVisitorImpl<Void> visitor = new RexVisitorImpl<>(true) {
      @Override
      public Void visitInputRef(RexInputRef ref) {
        reads.add(ref);
        return null;
      }
    };
    for (RexNode node : nodes) {
      node.accept(visitor);
    }
    for (RexNode read : reads) {
      generator.generate(read);
    }
  }

  private static String classSource(ExprCodeGenerator generator, String interfaceName, String header,
      String prologue) {
    StringBuilder source = new StringBuilder();
    source.append("import io.spate.api.types.Row;\n");
    source.append("import io.spate.table.api.TableException;\n");
    source.append("import io.spate.table.runtime.expr.Casts;\n");
    source.append("import io.spate.table.runtime.expr.Comparisons;\n");
    source.append("import io.spate.table.runtime.expr.Expr;\n");
    source.append("import io.spate.table.runtime.expr.Numbers;\n");
    source.append("import io.spate.table.runtime.expr.ValueType;\n");
    source.append('\n');
    source.append("public final class ").append(CLASS_NAME_PLACEHOLDER).append(" implements ")
        .append(interfaceName).append(" {\n\n");
    List<String> types = generator.referenceTypes();
    for (int i = 0; i < types.size(); i++) {
      source.append("  private final ").append(types.get(i)).append(" ref").append(i).append(";\n");
    }
    source.append('\n');
    source.append("  public ").append(CLASS_NAME_PLACEHOLDER).append("(Object[] references) {\n");
    for (int i = 0; i < types.size(); i++) {
      source.append("    ref").append(i).append(" = (").append(types.get(i)).append(") references[").append(i)
          .append("];\n");
    }
    source.append("  }\n\n");
    source.append("  ").append(header).append(" {\n");
    source.append(prologue);
    source.append(generator.code());
    source.append("  }\n");
    source.append("}\n");
    return source.toString();
  }
}
