package io.spate.table.planner.codegen;

import io.spate.api.types.Row;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.runtime.generated.GeneratedCalc;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.operators.CalcFunction;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One calc, over one input row type, both as the interpreter runs it ({@link CalcFunction}) and as a
 * generated class: for tests that compare the two.
 */
final class CalcHarness {

  static final ZoneId UTC = ZoneId.of("UTC");

  final FunctionCatalog functions;
  final SqlPlanner planner;
  final ExprCompiler compiler;

  CalcHarness() {
    CatalogManager catalogs = new CatalogManager();
    functions = new FunctionCatalog(catalogs);
    planner = new SqlPlanner(catalogs, functions, () -> UTC);
    compiler = new ExprCompiler(planner.rexBuilder(), UTC);
  }

  /**
   * A row type of nullable columns, given as names and types alternating: a type is a {@link SqlTypeName} or,
   * for one with a precision, a {@link RelDataType}.
   */
  RelDataType nullableRow(Object... namesAndTypes) {
    RelDataTypeFactory types = planner.typeFactory();
    RelDataTypeFactory.Builder row = types.builder();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      RelDataType type = namesAndTypes[i + 1] instanceof SqlTypeName name ? types.createSqlType(name)
          : (RelDataType) namesAndTypes[i + 1];
      row.add((String) namesAndTypes[i], types.createTypeWithNullability(type, true));
    }
    return row.build();
  }

  /** {@code expression} (SQL) over rows of {@code rowType}. */
  RexNode rex(String expression, RelDataType rowType) {
    return planner.toRex(new SqlText(expression, 1, 1), rowType);
  }

  /** The interpreted calc of {@code condition} (or null) and {@code projections} (or null). */
  Function<Row, Row> interpreted(RexNode condition, List<RexNode> projections) {
    CalcFunction function = new CalcFunction(condition == null ? null : compiler.compile(condition),
        projections == null ? null : compiler.compileAll(projections));
    return row -> {
      List<Row> out = new ArrayList<>();
      function.flatMap(row, out::add);
      return out.isEmpty() ? null : out.get(0);
    };
  }

  /** The generated code of the same calc. */
  GeneratedCalcCode code(RexNode condition, List<RexNode> projections) {
    return CalcCodeGenerator.generate(compiler, condition, projections);
  }

  /** The generated calc, compiled. */
  GeneratedCalc generated(RexNode condition, List<RexNode> projections) {
    return code(condition, projections).newInstance(CalcHarness.class.getClassLoader());
  }
}
