package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.join.SemiAntiJoinFunction;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;

/**
 * Translates a semi or anti join (from {@code IN}/{@code EXISTS} and their negations) into a
 * {@link SemiAntiJoinFunction}.
 */
final class SemiAntiJoinTranslator {

  private final StreamTranslator translator;

  SemiAntiJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code join} is a semi or an anti join. */
  static boolean isSemiOrAnti(LogicalJoin join) {
    return join.getJoinType() == JoinRelType.SEMI || join.getJoinType() == JoinRelType.ANTI;
  }

  DataStream<Row> translate(LogicalJoin join) {
    JoinInfo info = join.analyzeCondition();
    JoinKeys keys = JoinKeys.of(info.leftKeys, info.rightKeys, join.getLeft().getRowType(),
        join.getRight().getRowType());
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    boolean anti = join.getJoinType() == JoinRelType.ANTI;
    String name = (anti ? "AntiJoin" : "SemiJoin") + "(where=[" + join.getCondition() + "])";
    JoinConditionCode condition = remaining.isAlwaysTrue() ? null : JoinConditions.of(translator.config,
        translator.compiler, translator.classLoader, remaining, join.getLeft().getRowType().getFieldCount(), name);
    DataStream<Row> left = translator.translate(join.getLeft());
    DataStream<Row> right = translator.translate(join.getRight());
    return left.connect(right)
        .keyBy(keys.leftSelector(), keys.rightSelector(), keys.type())
        .process(new SemiAntiJoinFunction(StreamTranslator.rowTypeInfo(join.getLeft().getRowType()),
            StreamTranslator.rowTypeInfo(join.getRight().getRowType()), condition, anti,
            translator.stateRetentionMillis()),
            StreamTranslator.rowTypeInfo(join.getRowType()))
        .name(name);
  }
}
