package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.config.OptimizerConfigOptions;
import io.spate.table.api.config.TableConfigOptions;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.GlobalGroupAggOperator;
import io.spate.table.runtime.operators.aggregate.GroupAggregation;
import io.spate.table.runtime.operators.aggregate.LocalGroupAggOperator;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Two-phase (local-global) {@code GROUP BY}, as Flink's {@code table.optimizer.agg-phase-strategy}
 * makes it: with mini-batches enabled, a strategy other than {@code ONE_PHASE}, and aggregates that
 * all merge accumulators (with {@code AUTO}: and none of them {@code DISTINCT}), a {@link LocalGroupAggOperator} before the shuffle folds each mini-batch
 * per key into accumulators and a {@link GlobalGroupAggOperator} after it merges them into the key's
 * state. Otherwise the aggregate runs in one phase. {@link #rewrite} shows the two phases in a plan
 * for {@code EXPLAIN}.
 */
@Internal
public final class TwoPhaseAggregation {

  private final StreamTranslator translator;

  TwoPhaseAggregation(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code aggregate} runs in two phases with the session's {@code config}. */
  static boolean applies(LogicalAggregate aggregate, ReadableConfig config) {
    if (!config.get(TableConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED)
        || config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_AGG_PHASE_STRATEGY)
        == OptimizerConfigOptions.AggregatePhaseStrategy.ONE_PHASE
        || aggregate.getGroupType() != Aggregate.Group.SIMPLE
        || WindowTranslator.handles(aggregate) || StreamTranslator.windowEndField(aggregate) >= 0) {
      return false;
    }
    boolean auto = config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_AGG_PHASE_STRATEGY)
        == OptimizerConfigOptions.AggregatePhaseStrategy.AUTO;
    RelDataType inputType = aggregate.getInput().getRowType();
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (auto && call.isDistinct()) {
        // A local phase cannot fold distinct values away: it only builds value sets that the global
        // phase merges again, which costs more than it saves when the shuffle hands rows over in memory.
        return false;
      }
      if (CollectingAggregates.handles(call)) {
        return false; // a local phase would take back values it never saw, which a value list cannot hold
      }
      try {
        if (!StreamTranslator.aggFunction(call, inputType, false).canMerge()) {
          return false;
        }
      } catch (RuntimeException unsupported) {
        return false; // the one-phase translation reports it
      }
    }
    return true;
  }

  /** {@code plan} with every aggregate that {@link #applies} replaced by its global phase over its local one. */
  public static RelNode rewrite(RelNode plan, ReadableConfig config) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : plan.getInputs()) {
      RelNode rewritten = rewrite(input, config);
      changed |= rewritten != input;
      inputs.add(rewritten);
    }
    RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
    if (node instanceof LogicalAggregate aggregate && applies(aggregate, config)) {
      LocalGroupAggregate local = new LocalGroupAggregate(aggregate.getCluster(), aggregate.getTraitSet(),
          aggregate.getInput(), aggregate);
      return new GlobalGroupAggregate(aggregate.getCluster(), aggregate.getTraitSet(), local, aggregate);
    }
    return node;
  }

  /** The stream of {@code aggregate}'s changes, computed in two phases. */
  DataStream<Row> translate(LogicalAggregate aggregate) {
    RelNode inputPlan = aggregate.getInput();
    DataStream<Row> input = translator.translate(inputPlan);
    boolean retract = !translator.changelog().isInsertOnly(inputPlan);
    RelDataType inputType = inputPlan.getRowType();
    int[] keys = aggregate.getGroupSet().toArray();
    List<AggregateCall> calls = aggregate.getAggCallList();
    AggFunction[] functions = new AggFunction[calls.size()];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = StreamTranslator.aggFunction(calls.get(i), inputType, retract);
    }
    List<RelDataTypeField> fields = inputType.getFieldList();
    List<RowType.RowField> keyFields = new ArrayList<>();
    List<TypeInformation<?>> partialTypes = new ArrayList<>();
    for (int key : keys) {
      RowType.RowField field = new RowType.RowField(fields.get(key).getName(),
          SpateTypeFactory.toLogicalType(fields.get(key).getType()));
      keyFields.add(field);
      partialTypes.add(TypeInfos.of(field.getType()));
    }
    for (AggFunction function : functions) {
      partialTypes.add(function.accumulatorType());
    }
    partialTypes.add(GroupAggregation.ROW_COUNT_TYPE);
    long latency = translator.miniBatchLatencyMillis();
    long size = translator.miniBatchSize();
    String name = PlanNodeNames.describe(aggregate);
    SingleOutputStreamOperator<Row> local = input.transform("Local" + name,
        new RowTypeInfo(partialTypes.toArray(new TypeInformation<?>[0])),
        new LocalGroupAggOperator(keys, functions, latency, size));
    if (input.getParallelism() > 0) {
      local.setParallelism(input.getParallelism()); // chained to its input, so each key's changes keep their order
    }
    int[] partialKeys = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      partialKeys[i] = i;
    }
    return StateKeys.keyBy(local, keyFields, partialKeys)
        .transform("Global" + name, StreamTranslator.rowTypeInfo(aggregate.getRowType()),
            new GlobalGroupAggOperator(keys.length, functions, translator.stateRetentionMillis(), latency, size));
  }
}
