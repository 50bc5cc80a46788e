package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.runtime.operators.ChangelogNormalizeFunction;

/** Runs a {@link ChangelogNormalize}: its input keyed by the primary key into a {@link ChangelogNormalizeFunction}. */
final class ChangelogNormalizeTranslator {

  private ChangelogNormalizeTranslator() {}

  static DataStream<Row> translate(StreamTranslator translator, ChangelogNormalize normalize) {
    DataStream<Row> input = translator.translate(normalize.getInput());
    return StateKeys.keyBy(input, normalize.getInput().getRowType(), normalize.keys())
        .process(new ChangelogNormalizeFunction(StreamTranslator.rowTypeInfo(normalize.getRowType()),
            translator.stateRetentionMillis()), StreamTranslator.rowTypeInfo(normalize.getRowType()))
        .name(PlanNodeNames.describe(normalize));
  }
}
