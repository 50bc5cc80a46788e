package io.spate.table.planner.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.table.api.TableConfig;
import io.spate.table.api.config.CodegenOptions;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.runtime.generated.GeneratedCalcFunction;
import io.spate.table.runtime.operators.CalcFunction;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** A calc is generated unless the session switched code generation off. */
class CalcFunctionsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final CatalogManager catalogs = new CatalogManager();
  private final SqlPlanner planner = new SqlPlanner(catalogs, new FunctionCatalog(catalogs), () -> UTC);
  private final ExprCompiler compiler = new ExprCompiler(planner.rexBuilder(), UTC);

  private Object calcWith(TableConfig config) {
    RelDataTypeFactory types = planner.typeFactory();
    RelDataType rowType = types.builder().add("n", types.createSqlType(SqlTypeName.INTEGER)).build();
    RexNode condition = planner.toRex(new SqlText("n > 1", 1, 1), rowType);
    List<RexNode> projections = List.of(planner.toRex(new SqlText("n * 2", 1, 1), rowType));
    return CalcFunctions.of(config, compiler, getClass().getClassLoader(), condition, projections,
        compiler.compile(condition), compiler.compileAll(projections), List.of(), Set.of(), "Calc");
  }

  @Test
  void codeIsGeneratedByDefault() {
    TableConfig config = TableConfig.getDefault();
    assertThat(config.get(CodegenOptions.CODEGEN_ENABLED)).isTrue();
    Object calc = calcWith(config);
    assertThat(calc).isInstanceOf(GeneratedCalcFunction.class);
    assertThat(((GeneratedCalcFunction) calc).code().newInstance(getClass().getClassLoader()).process(Row.of(3)))
        .isEqualTo(Row.of(6));
  }

  @Test
  void theOptionSwitchesToTheInterpretedCalc() {
    TableConfig config = TableConfig.getDefault();
    config.set("table.exec.spate.codegen.enabled", "false");
    assertThat(calcWith(config)).isInstanceOf(CalcFunction.class);
  }
}
