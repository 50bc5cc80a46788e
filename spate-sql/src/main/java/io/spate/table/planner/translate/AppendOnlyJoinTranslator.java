package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.join.AppendOnlyJoinFunction;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * A regular inner join of two insert-only inputs, which {@link AppendOnlyJoinFunction} runs with a
 * list of rows per key and side instead of counts of equal rows; other regular joins stay with
 * {@link StreamTranslator}.
 */
final class AppendOnlyJoinTranslator {

  private final StreamTranslator translator;

  AppendOnlyJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code join} is a regular inner join of insert-only inputs on equal keys of equal types. */
  static boolean handles(LogicalJoin join, ChangelogInference changelog) {
    if (join.getJoinType() != JoinRelType.INNER || JoinTranslators.handles(join)
        || !changelog.isInsertOnly(join.getLeft()) || !changelog.isInsertOnly(join.getRight())) {
      return false;
    }
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      return false;
    }
    for (int i = 0; i < info.leftKeys.size(); i++) {
      if (!keyType(join.getLeft().getRowType(), info.leftKeys.get(i))
          .equals(keyType(join.getRight().getRowType(), info.rightKeys.get(i)))) {
        return false; // the general translation explains the mismatch
      }
    }
    return true;
  }

  /** The stream of {@code join}'s rows; only for a join this {@link #handles}. */
  DataStream<Row> translate(LogicalJoin join) {
    JoinInfo info = join.analyzeCondition();
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      keyFields.add(new RowType.RowField("k" + i, keyType(join.getLeft().getRowType(), info.leftKeys.get(i))));
    }
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    Expr condition = remaining.isAlwaysTrue() ? null : translator.compiler.compile(remaining);
    DataStream<Row> left = WindowMaxPruning.prune(join, translator.translate(join.getLeft()));
    DataStream<Row> right = translator.translate(join.getRight());
    return left.connect(right)
        .keyBy(new KeyProjection(info.leftKeys.toIntArray()), new KeyProjection(info.rightKeys.toIntArray()),
            TypeInfos.ofRow(new RowType(false, keyFields)))
        .process(new AppendOnlyJoinFunction(StreamTranslator.rowTypeInfo(join.getLeft().getRowType()),
            StreamTranslator.rowTypeInfo(join.getRight().getRowType()), condition, translator.stateRetentionMillis()),
            StreamTranslator.rowTypeInfo(join.getRowType()))
        .name(PlanNodeNames.describe(join));
  }

  private static LogicalType keyType(RelDataType rowType, int field) {
    RelDataTypeField key = rowType.getFieldList().get(field);
    return SpateTypeFactory.toLogicalType(key.getType()).copy(true);
  }
}
