package io.spate.table.planner.translate;

import io.spate.table.api.TableException;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.join.WindowJoinOperator;
import io.spate.table.runtime.operators.window.WindowZone;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;

/**
 * Translates a join of two window table functions' outputs on equal {@code window_start} and equal
 * {@code window_end} (and usually further keys) into a {@link WindowJoinOperator}, which joins each
 * window once the watermark passes its end.
 */
final class WindowJoinTranslator {

  /** What a field of a window table function's output is. */
  private enum WindowField { START, END, OTHER }

  private final StreamTranslator translator;

  WindowJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code join} is a window join: equal window starts and equal window ends of insert-only inputs. */
  static boolean isWindowJoin(LogicalJoin join) {
    return windowEnds(join) != null;
  }

  DataStream<Row> translate(LogicalJoin join) {
    int[] ends = windowEnds(join);
    if (WindowColumns.onProcessingTime(join.getLeft(), ends[0])
        || WindowColumns.onProcessingTime(join.getRight(), ends[1])) {
      // As Flink: a window join waits for both sides' windows to close, which only event time orders.
      throw new TableException("Processing time Window Join is not supported yet: a window join needs windows on an"
          + " event-time attribute on both sides");
    }
    JoinInfo info = join.analyzeCondition();
    JoinKeys keys = JoinKeys.of(info.leftKeys, info.rightKeys, join.getLeft().getRowType(),
        join.getRight().getRowType());
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    JoinRelType type = join.getJoinType();
    String name = "WindowJoin(joinType=[" + type + "], where=[" + join.getCondition() + "])";
    JoinConditionCode condition = remaining.isAlwaysTrue() ? null : JoinConditions.of(translator.config,
        translator.compiler, translator.classLoader, remaining, join.getLeft().getRowType().getFieldCount(), name);
    WindowJoinOperator operator = new WindowJoinOperator(StreamTranslator.rowTypeInfo(join.getLeft().getRowType()),
        StreamTranslator.rowTypeInfo(join.getRight().getRowType()), ends[0], ends[1], condition,
        type == JoinRelType.LEFT || type == JoinRelType.FULL, type == JoinRelType.RIGHT || type == JoinRelType.FULL);
    WindowZone leftZone = WindowColumns.zone(join.getLeft(), ends[0], translator.zone);
    WindowZone zone = leftZone != null ? leftZone : WindowColumns.zone(join.getRight(), ends[1], translator.zone);
    DataStream<Row> left = WallClockWindows.toWallClock(translator.translate(join.getLeft()), zone);
    DataStream<Row> right = WallClockWindows.toWallClock(translator.translate(join.getRight()), zone);
    return WallClockWindows.fromWallClock(left.connect(right)
        .keyBy(keys.leftSelector(), keys.rightSelector(), keys.type())
        .transform(name, StreamTranslator.rowTypeInfo(join.getRowType()), operator), zone);
  }

  /** The {@code window_end} fields of the left and the right side, or null if {@code join} is no window join. */
  private static int[] windowEnds(LogicalJoin join) {
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
        && type != JoinRelType.FULL) {
      return null;
    }
    if (!StreamTranslator.isInsertOnly(join.getLeft()) || !StreamTranslator.isInsertOnly(join.getRight())) {
      return null;
    }
    JoinInfo info = join.analyzeCondition();
    boolean starts = false;
    int[] ends = null;
    for (int i = 0; i < info.leftKeys.size(); i++) {
      WindowField left = windowField(join.getLeft(), info.leftKeys.get(i));
      WindowField right = windowField(join.getRight(), info.rightKeys.get(i));
      if (left == WindowField.START && right == WindowField.START) {
        starts = true;
      } else if (left == WindowField.END && right == WindowField.END) {
        ends = new int[] {info.leftKeys.get(i), info.rightKeys.get(i)};
      }
    }
    return starts ? ends : null;
  }

  /** Whether {@code field} of {@code plan} is a window's {@code window_start} or {@code window_end}. */
  private static WindowField windowField(RelNode plan, int field) {
    WindowColumns.Kind kind = WindowColumns.of(plan, field);
    return kind == WindowColumns.Kind.START ? WindowField.START
        : kind == WindowColumns.Kind.END ? WindowField.END : WindowField.OTHER;
  }

}
