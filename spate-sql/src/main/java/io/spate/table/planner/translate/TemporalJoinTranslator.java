package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.operators.join.TemporalJoinOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates {@code JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON ...} (Calcite's correlate over
 * a snapshot) into a {@link TemporalJoinOperator}. The versioned table needs a primary key, which the
 * join's equalities must cover, and an event-time attribute; the {@code AS OF} time must be the left
 * side's event-time attribute. Lookup joins and processing-time temporal joins are rejected.
 */
final class TemporalJoinTranslator {

  private final StreamTranslator translator;

  TemporalJoinTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  DataStream<Row> translate(LogicalCorrelate correlate) {
    RelNode left = correlate.getLeft();
    List<RexNode> filters = new ArrayList<>();
    RelNode right = correlate.getRight();
    while (right instanceof LogicalFilter filter) {
      filters.add(filter.getCondition());
      right = filter.getInput();
    }
    if (!(right instanceof LogicalSnapshot snapshot)) {
      throw new TableException("Spate SQL cannot run this correlated subquery or lateral join yet: "
          + RelOptUtil.toString(correlate).trim());
    }
    JoinRelType type = correlate.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
      throw new TableException("A temporal join is an inner or a LEFT join, not a " + type + " join");
    }
    RelNode versioned = snapshot.getInput();
    CatalogTable table = versioned instanceof TableScan scan ? scan.getTable().unwrap(CatalogTable.class) : null;
    String name = table != null ? table.getIdentifier().asSummaryString() : "the versioned table";
    int leftCount = left.getRowType().getFieldCount();
    CorrelationId id = correlate.getCorrelationId();
    int leftTime = periodField(snapshot.getPeriod(), id);
    if (table != null && "jdbc".equals(table.getOptions().get("connector"))) {
      throw new TableException("Spate SQL does not support lookup joins yet (" + name + " has the connector 'jdbc');"
          + " they come with the jdbc SQL connector");
    }
    if (leftTime < 0 || !TimeAttributes.of(left).contains(leftTime)) {
      throw new TableException("Processing-time temporal join is not supported yet. A temporal join's FOR SYSTEM_TIME"
          + " AS OF needs the left table's event-time attribute (a column with a WATERMARK), not "
          + snapshot.getPeriod());
    }
    List<String> primaryKey = table != null ? table.getPrimaryKey() : List.of();
    if (primaryKey.isEmpty()) {
      throw new ValidationException("Temporal Table Join requires primary key in versioned table, but no primary key"
          + " can be found: " + name + " needs a PRIMARY KEY (...) NOT ENFORCED");
    }
    Set<Integer> rightTimes = TimeAttributes.of(versioned);
    if (rightTimes.size() != 1) {
      throw new ValidationException("Event-Time Temporal Table Join requires both primary key and row time attribute"
          + " in versioned table, but no row time attribute can be found: " + name + " needs a WATERMARK");
    }
    RexBuilder rex = correlate.getCluster().getRexBuilder();
    RexNode condition = RexUtil.composeConjunction(rex, filters);
    RexNode joinCondition = condition.accept(new Decorrelate(id, left, leftCount, rex));
    JoinInfo info = JoinInfo.of(left, versioned, joinCondition);
    List<String> rightNames = versioned.getRowType().getFieldNames();
    for (String key : primaryKey) {
      if (!info.rightKeys.contains(rightNames.indexOf(key))) {
        throw new ValidationException("Temporal table's primary key " + primaryKey + " must be included in the"
            + " equivalence condition of temporal join, but current temporal join condition is [" + condition + "]");
      }
    }
    JoinKeys keys = JoinKeys.of(info.leftKeys, info.rightKeys, left.getRowType(), versioned.getRowType());
    RexNode remaining = info.getRemaining(rex);
    Expr compiled = remaining.isAlwaysTrue() ? null : translator.compiler.compile(remaining);
    TemporalJoinOperator operator = new TemporalJoinOperator(StreamTranslator.rowTypeInfo(left.getRowType()),
        StreamTranslator.rowTypeInfo(versioned.getRowType()), leftTime, rightTimes.iterator().next(), compiled,
        type == JoinRelType.LEFT);
    DataStream<Row> leftRows = translator.translate(left);
    DataStream<Row> rightRows = translator.translate(versioned);
    return leftRows.connect(rightRows)
        .keyBy(keys.leftSelector(), keys.rightSelector(), keys.type())
        .transform("TemporalJoin(joinType=[" + type + "], where=[" + joinCondition + "])",
            StreamTranslator.rowTypeInfo(correlate.getRowType()), operator);
  }

  /** The left field {@code period} ({@code $cor.field}) names, or -1 if it is another expression. */
  private static int periodField(RexNode period, CorrelationId id) {
    if (period instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable variable
        && variable.id.equals(id)) {
      return access.getField().getIndex();
    }
    return -1;
  }

  /** Rewrites a condition over the correlation variable and the right side into one over the joined row. */
  private static final class Decorrelate extends RexShuttle {
    private final CorrelationId id;
    private final RelNode left;
    private final int leftCount;
    private final RexBuilder rex;

    Decorrelate(CorrelationId id, RelNode left, int leftCount, RexBuilder rex) {
      this.id = id;
      this.left = left;
      this.leftCount = leftCount;
      this.rex = rex;
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
        int field = access.getField().getIndex();
        return rex.makeInputRef(left.getRowType().getFieldList().get(field).getType(), field);
      }
      return super.visitFieldAccess(access);
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return rex.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
    }
  }
}
