package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.join.IntervalJoinOperator;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates a join whose condition bounds the difference of two event-time attributes on both sides
 * ({@code l.ts BETWEEN r.ts - INTERVAL '4' HOUR AND r.ts}, or the same with {@code >=}, {@code >},
 * {@code <=}, {@code <}) into an {@link IntervalJoinOperator}. Without such bounds, or over an updating
 * input, a join is a regular one.
 */
final class IntervalJoinTranslator {

  /** The bounds {@code lower <= l - r <= upper} (milliseconds) of two time attribute fields. */
  record Bounds(int leftTime, int rightTime, long lower, long upper) {}

  private final StreamTranslator translator;

  IntervalJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code join} is an interval join. */
  static boolean isIntervalJoin(LogicalJoin join) {
    return bounds(join) != null;
  }

  DataStream<Row> translate(LogicalJoin join) {
    Bounds bounds = bounds(join);
    JoinInfo info = join.analyzeCondition();
    JoinKeys keys = JoinKeys.of(info.leftKeys, info.rightKeys, join.getLeft().getRowType(),
        join.getRight().getRowType());
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    JoinRelType type = join.getJoinType();
    String name = "IntervalJoin(joinType=[" + type + "], lower=[" + bounds.lower() + " ms], upper=["
        + bounds.upper() + " ms], where=[" + join.getCondition() + "])";
    JoinConditionCode condition = remaining.isAlwaysTrue() ? null : JoinConditions.of(translator.config,
        translator.compiler, translator.classLoader, remaining, join.getLeft().getRowType().getFieldCount(), name);
    DataStream<Row> left = translator.translate(join.getLeft());
    DataStream<Row> right = translator.translate(join.getRight());
    IntervalJoinOperator operator = new IntervalJoinOperator(
        StreamTranslator.rowTypeInfo(join.getLeft().getRowType()),
        StreamTranslator.rowTypeInfo(join.getRight().getRowType()), bounds.leftTime(), bounds.rightTime(),
        bounds.lower(), bounds.upper(), condition, type == JoinRelType.LEFT || type == JoinRelType.FULL,
        type == JoinRelType.RIGHT || type == JoinRelType.FULL);
    return left.connect(right)
        .keyBy(keys.leftSelector(), keys.rightSelector(), keys.type())
        .transform(name, StreamTranslator.rowTypeInfo(join.getRowType()), operator);
  }

  /** The time bounds of {@code join}'s condition, or null if it is no interval join. */
  static Bounds bounds(LogicalJoin join) {
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
        && type != JoinRelType.FULL) {
      return null;
    }
    if (!StreamTranslator.isInsertOnly(join.getLeft()) || !StreamTranslator.isInsertOnly(join.getRight())) {
      return null;
    }
    Set<Integer> leftTimes = TimeAttributes.of(join.getLeft());
    Set<Integer> rightTimes = TimeAttributes.of(join.getRight());
    if (leftTimes.isEmpty() || rightTimes.isEmpty()) {
      return null;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int leftTime = -1;
    int rightTime = -1;
    long lower = Long.MIN_VALUE;
    long upper = Long.MAX_VALUE;
    boolean hasLower = false;
    boolean hasUpper = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
        continue;
      }
      SqlKind kind = call.getKind();
      if (kind != SqlKind.GREATER_THAN && kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN
          && kind != SqlKind.LESS_THAN_OR_EQUAL) {
        continue;
      }
      Term a = term(call.getOperands().get(0));
      Term b = term(call.getOperands().get(1));
      if (a == null || b == null) {
        continue;
      }
      int l;
      int r;
      long bound;
      if (a.field() < leftCount && b.field() >= leftCount) {
        l = a.field();
        r = b.field() - leftCount;
        bound = b.offset() - a.offset(); // l + ca op r + cb: l - r op cb - ca
      } else if (b.field() < leftCount && a.field() >= leftCount) {
        l = b.field();
        r = a.field() - leftCount;
        bound = a.offset() - b.offset(); // r + ca op l + cb: l - r op' ca - cb, op' the mirrored op
        kind = kind.reverse();
      } else {
        continue;
      }
      if (!leftTimes.contains(l) || !rightTimes.contains(r)
          || (leftTime >= 0 && (leftTime != l || rightTime != r))) {
        continue;
      }
      leftTime = l;
      rightTime = r;
      switch (kind) {
        case GREATER_THAN_OR_EQUAL -> {
          lower = Math.max(lower, bound);
          hasLower = true;
        }
        case GREATER_THAN -> {
          lower = Math.max(lower, bound + 1);
          hasLower = true;
        }
        case LESS_THAN_OR_EQUAL -> {
          upper = Math.min(upper, bound);
          hasUpper = true;
        }
        default -> {
          upper = Math.min(upper, bound - 1);
          hasUpper = true;
        }
      }
    }
    return hasLower && hasUpper ? new Bounds(leftTime, rightTime, lower, upper) : null;
  }

  /** A field plus a constant number of milliseconds. */
  private record Term(int field, long offset) {}

  private static Term term(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new Term(ref.getIndex(), 0);
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    if (call.getKind() == SqlKind.CAST && call.getOperands().size() == 1) {
      return term(call.getOperands().get(0));
    }
    if ((call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS) && call.getOperands().size() == 2) {
      Term base = term(call.getOperands().get(0));
      Long millis = millis(call.getOperands().get(1));
      if (base == null && call.getKind() == SqlKind.PLUS) {
        base = term(call.getOperands().get(1));
        millis = millis(call.getOperands().get(0));
      }
      if (base == null || millis == null) {
        return null;
      }
      return new Term(base.field(), call.getKind() == SqlKind.PLUS ? base.offset() + millis : base.offset() - millis);
    }
    return null;
  }

  private static Long millis(RexNode node) {
    if (node instanceof RexLiteral literal && literal.getType().getSqlTypeName().getFamily()
        == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
      return literal.getValueAs(Long.class);
    }
    return null;
  }
}
