package io.spate.table.planner.translate;

import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.connector.source.lookup.AsyncLookupFunctionProvider;
import io.spate.table.connector.source.lookup.LookupFunctionProvider;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.catalog.Column;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import io.spate.table.runtime.operators.join.LookupJoinRunner;
import io.spate.table.runtime.operators.join.ThreadedLookupFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * Translates a {@link LookupJoin} into an ordered async operator that runs the table's lookup
 * function (its connector's {@link LookupTableSource}) for each left row. A table whose connector
 * cannot look rows up fails as in Flink: a processing-time temporal join needs a lookup source.
 */
final class LookupJoinTranslator {

  /** How long one lookup may take (Flink's {@code table.exec.async-lookup.timeout} default). */
  static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** Left rows whose lookups may be in flight at once (Flink's {@code table.exec.async-lookup.buffer-capacity}). */
  static final int CAPACITY = 100;

  private final StreamTranslator translator;

  LookupJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  DataStream<Row> translate(LookupJoin join) {
    String name = join.table().getIdentifier().asSummaryString();
    if (!translator.changelog().isInsertOnly(join.getInput())) {
      throw new TableException("Spate SQL does not support a lookup join whose left side is an updating table yet"
          + " (its rows come from an aggregate or a join that retracts); table " + name + " is looked up");
    }
    if (join.table().getColumns().stream().anyMatch(c -> !(c instanceof Column.PhysicalColumn))) {
      throw new TableException("Spate SQL does not look up tables with computed or metadata columns yet (table "
          + name + ")");
    }
    DynamicTableSource source = FactoryUtil.createDynamicTableSource(translator.context(join.table()));
    if (!(source instanceof LookupTableSource lookupSource)) {
      throw new TableException("Processing-time temporal join is not supported yet: table " + name + " (connector '"
          + source.asSummaryString() + "') cannot be looked up by key. A processing-time temporal join (FOR"
          + " SYSTEM_TIME AS OF a PROCTIME() attribute) needs a lookup source such as 'jdbc'; an event-time temporal"
          + " join needs the left side's event-time attribute");
    }
    int[][] keys = join.tableKeys().stream().map(k -> new int[] {k}).toArray(int[][]::new);
    LookupTableSource.LookupRuntimeProvider provider = lookupSource.getLookupRuntimeProvider(() -> keys);
    AsyncLookupFunction function;
    if (provider instanceof AsyncLookupFunctionProvider async) {
      function = async.createAsyncLookupFunction();
    } else if (provider instanceof LookupFunctionProvider sync) {
      function = new ThreadedLookupFunction(sync.createLookupFunction(), name, CAPACITY);
    } else {
      throw new TableException("The connector of table " + name + " gives an unknown lookup provider "
          + provider.getClass().getName() + "; Spate SQL runs an AsyncLookupFunctionProvider or a"
          + " LookupFunctionProvider");
    }
    String description = PlanNodeNames.describe(join);
    KeySelector<Row, Row> keySelector = ComputedKeys.of(translator.config, translator.compiler,
        translator.classLoader, join.leftKeys(), description);
    List<RexNode> expressions = new ArrayList<>(join.leftKeys());
    JoinConditionCode condition = null;
    if (join.remaining() != null) {
      condition = JoinConditions.of(translator.config, translator.compiler, translator.classLoader, join.remaining(),
          join.getInput().getRowType().getFieldCount(), description);
      expressions.add(join.remaining());
    }
    LookupJoinRunner runner = new LookupJoinRunner(function, keySelector, condition,
        join.joinType() == JoinRelType.LEFT, join.tableType().getFieldCount(), name,
        translator.compiler.userFunctionsOf(expressions));
    DataStream<Row> left = translator.translate(join.getInput());
    return AsyncDataStream.orderedWait(left, runner, TIMEOUT, CAPACITY)
        .returns(StreamTranslator.rowTypeInfo(join.getRowType()))
        .name(description);
  }
}
