package io.spate.table.planner.translate;

import io.spate.api.configuration.ReadableConfig;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.planner.codegen.JoinConditionCodeGenerator;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedClasses;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import org.apache.calcite.rex.RexNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-equi condition of a join as the job carries it: a generated class unless the session
 * switched code generation off with {@code table.exec.spate.codegen.enabled}, then the interpreted
 * expression.
 */
final class JoinConditions {

  private static final Logger LOG = LoggerFactory.getLogger(JoinConditions.class);

  private JoinConditions() {}

  /**
   * The condition {@code condition} over joined rows whose first {@code leftArity} fields are the left
   * row's. As for calcs ({@link CalcFunctions}), the generated class is compiled here once, so that a
   * bug in the generator fails the planning with the source rather than the job's tasks.
   */
  static JoinConditionCode of(ReadableConfig config, ExprCompiler compiler, ClassLoader classLoader,
      RexNode condition, int leftArity, String name) {
    if (!config.get(CodegenOptions.CODEGEN_ENABLED)) {
      return JoinConditionCode.interpreted(compiler.compile(condition));
    }
    GeneratedCalcCode code = JoinConditionCodeGenerator.generate(compiler, condition, leftArity);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Generated class {} for {}:\n{}", code.className(), name, GeneratedClasses.numbered(code.source()));
    }
    ClassLoader loader = classLoader != null ? classLoader : JoinConditions.class.getClassLoader();
    GeneratedClasses.compile(loader, code.className(), code.source());
    return JoinConditionCode.generated(code);
  }
}
