package io.spate.table.planner.translate;

import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.config.OptimizerConfigOptions;
import io.spate.table.api.config.TableConfigOptions;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.window.LocalSlicingWindowAggOperator;
import io.spate.table.runtime.operators.window.SlicingWindowAggFunction;
import io.spate.table.runtime.operators.window.WindowOutput;
import io.spate.table.runtime.operators.window.WindowSpec;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * Two-phase (local-global) {@code TUMBLE}, {@code HOP} and {@code CUMULATE} window aggregates, under
 * the same {@code table.optimizer.agg-phase-strategy} rule as {@link TwoPhaseAggregation}: with
 * mini-batches enabled, a strategy other than {@code ONE_PHASE} and (with {@code AUTO}) no
 * {@code DISTINCT} aggregate, a {@link LocalSlicingWindowAggOperator} chained to the input folds each
 * mini-batch per key and slice, and the global {@link SlicingWindowAggFunction} after the shuffle
 * merges the accumulators. A window aggregate without group keys then no longer sends every row to
 * one task.
 */
final class TwoPhaseWindowAggregation {

  private final StreamTranslator translator;

  TwoPhaseWindowAggregation(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether the sliced window aggregate {@code aggregate} runs in two phases with the session's {@code config}. */
  static boolean applies(LogicalAggregate aggregate, ReadableConfig config) {
    OptimizerConfigOptions.AggregatePhaseStrategy strategy =
        config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_AGG_PHASE_STRATEGY);
    if (!config.get(TableConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED)
        || strategy == OptimizerConfigOptions.AggregatePhaseStrategy.ONE_PHASE) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (strategy == OptimizerConfigOptions.AggregatePhaseStrategy.AUTO && call.isDistinct()) {
        return false; // as for GROUP BY: distinct value sets do not fold away in a local phase
      }
    }
    return true;
  }

  /**
   * The window aggregate of {@code rows} (each with its slice's end in field {@code sliceEndField}),
   * grouped by the fields {@code keys} of types {@code keyFields}, in two phases.
   */
  DataStream<Row> translate(DataStream<Row> rows, int[] keys, List<RowType.RowField> keyFields, int sliceEndField,
      WindowSpec windows, AggFunction[] functions, WindowOutput output, RowTypeInfo resultType, String name) {
    List<TypeInformation<?>> partialTypes = new ArrayList<>();
    for (RowType.RowField field : keyFields) {
      partialTypes.add(TypeInfos.of(field.getType()));
    }
    partialTypes.add(Types.LONG);
    for (AggFunction function : functions) {
      partialTypes.add(function.accumulatorType());
    }
    SingleOutputStreamOperator<Row> local = rows.transform("Local" + name,
        new RowTypeInfo(partialTypes.toArray(new TypeInformation<?>[0])),
        new LocalSlicingWindowAggOperator(keys, sliceEndField, functions, translator.miniBatchLatencyMillis(),
            translator.miniBatchSize()));
    if (rows.getParallelism() > 0) {
      local.setParallelism(rows.getParallelism()); // chained to its input
    }
    int[] partialKeys = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      partialKeys[i] = i;
    }
    return StateKeys.keyBy(local, keyFields, partialKeys)
        .process(SlicingWindowAggFunction.global(windows, keys.length, functions, output), resultType)
        .name("Global" + name);
  }
}
