package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.runtime.operators.ChangelogNormalizeFunction;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Runs a {@link ChangelogNormalize}: its input keyed by the primary key into a {@link ChangelogNormalizeFunction}. */
final class ChangelogNormalizeTranslator {

  private ChangelogNormalizeTranslator() {}

  static DataStream<Row> translate(StreamTranslator translator, ChangelogNormalize normalize) {
    DataStream<Row> input = translator.translate(normalize.getInput());
    List<RelDataTypeField> fields = normalize.getInput().getRowType().getFieldList();
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int key : normalize.keys()) {
      keyFields.add(new RowType.RowField(fields.get(key).getName(),
          SpateTypeFactory.toLogicalType(fields.get(key).getType())));
    }
    return input.keyBy(new KeyProjection(normalize.keys()), TypeInfos.ofRow(new RowType(false, keyFields)))
        .process(new ChangelogNormalizeFunction(StreamTranslator.rowTypeInfo(normalize.getRowType()),
            translator.stateRetentionMillis()), StreamTranslator.rowTypeInfo(normalize.getRowType()))
        .name(PlanNodeNames.describe(normalize));
  }
}
