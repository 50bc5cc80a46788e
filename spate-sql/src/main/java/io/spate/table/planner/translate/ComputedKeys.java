package io.spate.table.planner.translate;

import io.spate.api.configuration.ReadableConfig;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.planner.codegen.KeyCodeGenerator;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedClasses;
import io.spate.table.runtime.generated.GeneratedKeySelector;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.join.ExprKeyProjection;
import java.util.List;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key selector of a key computed by expressions (a temporal join's key on {@code o.id % 2 + 1}):
 * a generated class unless the session switched code generation off with
 * {@code table.exec.spate.codegen.enabled}, then the interpreted expressions.
 */
final class ComputedKeys {

  private static final Logger LOG = LoggerFactory.getLogger(ComputedKeys.class);

  private ComputedKeys() {}

  /**
   * The key of {@code keys}, expressions over the input row (the fields themselves, as a
   * {@link KeyProjection}, when every key is a field). As for calcs ({@link CalcFunctions}), the
   * generated class is compiled here once, so that a bug in the generator fails the planning with the
   * source rather than the job's tasks.
   */
  static KeySelector<Row, Row> of(ReadableConfig config, ExprCompiler compiler, ClassLoader classLoader,
      List<RexNode> keys, String name) {
    if (keys.stream().allMatch(key -> key instanceof RexInputRef)) {
      return new KeyProjection(keys.stream().mapToInt(key -> ((RexInputRef) key).getIndex()).toArray());
    }
    if (!config.get(CodegenOptions.CODEGEN_ENABLED)) {
      return new ExprKeyProjection(compiler.compileAll(keys));
    }
    GeneratedCalcCode code = KeyCodeGenerator.generate(compiler, keys);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Generated class {} for the key of {}:\n{}", code.className(), name,
          GeneratedClasses.numbered(code.source()));
    }
    ClassLoader loader = classLoader != null ? classLoader : ComputedKeys.class.getClassLoader();
    GeneratedClasses.compile(loader, code.className(), code.source());
    return new GeneratedKeySelector(code);
  }
}
