package io.spate.table.planner.translate;

import io.spate.api.configuration.ReadableConfig;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.planner.codegen.CalcCodeGenerator;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedCalcFunction;
import io.spate.table.runtime.generated.GeneratedClasses;
import io.spate.table.runtime.operators.CalcFunction;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The function that runs a calc: a generated class ({@link GeneratedCalcFunction}) unless the session
 * switched code generation off with {@code table.exec.spate.codegen.enabled}, then the interpreted
 * {@link CalcFunction}.
 */
final class CalcFunctions {

  private static final Logger LOG = LoggerFactory.getLogger(CalcFunctions.class);

  private CalcFunctions() {}

  /**
   * The calc of {@code condition} and {@code projects} (either may be null), given also as the
   * interpreter compiled them, calling the user functions {@code functions}; {@code computedColumns} are
   * the computed columns' expressions in a calc over a table's source rows (see {@link SourceRows}).
   *
   * <p>The generated class is compiled here once, with {@code classLoader}, so that a bug in the
   * generator fails the planning with the source rather than the job's tasks; the job carries the
   * source, which its tasks compile again (or take from the cache when they run in this JVM).
   */
  static RichFlatMapFunction<Row, Row> of(ReadableConfig config, ExprCompiler compiler, ClassLoader classLoader,
      RexNode condition, List<RexNode> projects, Expr interpretedCondition, List<Expr> interpretedProjects,
      List<OpenedFunction> functions, Set<RexNode> computedColumns, String name) {
    if (!config.get(CodegenOptions.CODEGEN_ENABLED)) {
      return new CalcFunction(interpretedCondition, interpretedProjects, functions);
    }
    GeneratedCalcCode code = CalcCodeGenerator.generate(compiler, condition, projects, computedColumns);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Generated class {} for {}:\n{}", code.className(), name, GeneratedClasses.numbered(code.source()));
    }
    ClassLoader loader = classLoader != null ? classLoader : CalcFunctions.class.getClassLoader();
    GeneratedClasses.compile(loader, code.className(), code.source());
    return new GeneratedCalcFunction(code, functions);
  }
}
