package io.spate.table.planner.translate;

import io.spate.api.datastream.ConnectedStreams;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.keys.SqlKeyTypeInfo;
import io.spate.table.runtime.operators.join.AppendOnlyJoinFunction;
import io.spate.table.runtime.operators.join.FieldKey;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import io.spate.table.runtime.operators.join.NonNullFields;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
  @SuppressWarnings("unchecked")
  DataStream<Row> translate(LogicalJoin join) {
    JoinInfo info = join.analyzeCondition();
    String name = PlanNodeNames.describe(join);
    int leftArity = join.getLeft().getRowType().getFieldCount();
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    JoinConditionCode condition = remaining.isAlwaysTrue() ? null : JoinConditions.of(translator.config,
        translator.compiler, translator.classLoader, remaining, leftArity, name);
    DataStream<Row> left = WindowMaxPruning.prune(join, translator.translate(join.getLeft()));
    DataStream<Row> right = translator.translate(join.getRight());
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    // A NULL key under '=' (not IS NOT DISTINCT FROM) joins nothing: such rows never reach the state.
    int[] leftNonNull = nullExcluding(leftKeys, info);
    if (leftNonNull.length > 0) {
      left = left.filter(new NonNullFields(leftNonNull)).name("NULL keys out of " + name);
      right = right.filter(new NonNullFields(nullExcluding(rightKeys, info))).name("NULL keys out of " + name);
    }
    ConnectedStreams<Row, Row> keyed = scalarKey(join, info)
        ? left.connect(right).keyBy(new FieldKey(leftKeys[0]), new FieldKey(rightKeys[0]),
            (TypeInformation<Object>) TypeInfos.of(keyType(join.getLeft().getRowType(), leftKeys[0])))
        : left.connect(right).keyBy(SqlKeySelector.of(leftKeys, keyTypes(join, info)),
            SqlKeySelector.of(rightKeys, keyTypes(join, info)), SqlKeyTypeInfo.of(keyTypes(join, info)));
    return keyed
        .process(new AppendOnlyJoinFunction(StreamTranslator.rowTypeInfo(join.getLeft().getRowType()),
            StreamTranslator.rowTypeInfo(join.getRight().getRowType()), condition, translator.stateRetentionMillis()),
            StreamTranslator.rowTypeInfo(join.getRowType()))
        .name(name);
  }

  /**
   * Whether the join is keyed by its one key field's value itself rather than by a row of it: one
   * key, under '=' (so never NULL), of a type whose Java values compare by value.
   */
  private static boolean scalarKey(LogicalJoin join, JoinInfo info) {
    if (info.leftKeys.size() != 1 || !info.nullExclusionFlags.get(0)) {
      return false;
    }
    return switch (keyType(join.getLeft().getRowType(), info.leftKeys.get(0)).getTypeRoot()) {
      case CHAR, VARCHAR, BOOLEAN, DECIMAL, TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME_WITHOUT_TIME_ZONE,
          TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
  }

  private static List<LogicalType> keyTypes(LogicalJoin join, JoinInfo info) {
    List<LogicalType> types = new ArrayList<>();
    for (int i = 0; i < info.leftKeys.size(); i++) {
      types.add(keyType(join.getLeft().getRowType(), info.leftKeys.get(i)));
    }
    return types;
  }

  /** Those of {@code keys} compared with '=', which excludes NULLs. */
  private static int[] nullExcluding(int[] keys, JoinInfo info) {
    return IntStream.range(0, keys.length).filter(i -> info.nullExclusionFlags.get(i)).map(i -> keys[i]).toArray();
  }

  private static LogicalType keyType(RelDataType rowType, int field) {
    RelDataTypeField key = rowType.getFieldList().get(field);
    return SpateTypeFactory.toLogicalType(key.getType()).copy(true);
  }
}
