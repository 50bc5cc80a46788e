package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import io.spate.table.runtime.operators.join.TemporalJoinOperator;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates {@code JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON ...} (Calcite's correlate over
 * a snapshot) into a {@link TemporalJoinOperator}. The versioned table needs a primary key, which the
 * join's equalities must cover, and an event-time attribute; the {@code AS OF} time must be the left
 * side's event-time attribute. Processing-time temporal joins are lookup joins ({@link LookupJoins}) and never
 * reach it; a time that is no time attribute is rejected.
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
    // A view keeping each key's last row in event time is versioned by its key: all its rows are versions.
    RankTranslator.VersionedView view = RankTranslator.versionedView(versioned);
    if (view != null) {
      versioned = view.versions();
    }
    CatalogTable table = scannedTable(versioned);
    String name = table != null ? table.getIdentifier().asSummaryString() : "the versioned table";
    int leftCount = left.getRowType().getFieldCount();
    CorrelationId id = correlate.getCorrelationId();
    int leftTime = periodField(snapshot.getPeriod(), id);
    if (!StreamTranslator.isInsertOnly(left)) {
      throw new TableException("Spate SQL does not support a temporal join whose left side is an updating table yet"
          + " (its rows come from an aggregate or a join that retracts)");
    }
    if (leftTime < 0 || !TimeAttributes.of(left).contains(leftTime)) {
      throw new TableException("Processing-time temporal join is not supported yet. A temporal join's FOR SYSTEM_TIME"
          + " AS OF needs the left table's event-time attribute (a column with a WATERMARK), not "
          + snapshot.getPeriod());
    }
    List<String> primaryKey = view != null ? view.keyNames() : table != null ? table.getPrimaryKey() : List.of();
    List<Integer> primaryKeyFields = view != null ? view.keyFields()
        : table == null ? null : passedOn(versioned, primaryKey);
    if (primaryKey.isEmpty() || primaryKeyFields == null) {
      throw new ValidationException("Temporal Table Join requires primary key in versioned table, but no primary key"
          + " can be found: " + name + " needs a PRIMARY KEY (...) NOT ENFORCED, which a view over it passes on"
          + " unchanged");
    }
    Set<Integer> rightTimes = TimeAttributes.of(versioned);
    if (rightTimes.size() != 1) {
      throw new ValidationException("Event-Time Temporal Table Join requires both primary key and row time attribute"
          + " in versioned table, but no row time attribute can be found: " + name + " needs a WATERMARK");
    }
    RexBuilder rex = correlate.getCluster().getRexBuilder();
    RexNode condition = RexUtil.composeConjunction(rex, filters);
    RexNode joinCondition = condition.accept(new CorrelatedJoinConditions.Decorrelate(id, left, leftCount, rex));
    List<RexNode> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(joinCondition)) {
      if (!CorrelatedJoinConditions.keyEquality(conjunct, leftCount, leftKeys, rightKeys, rex)) {
        rest.add(conjunct);
      }
    }
    for (int key : primaryKeyFields) {
      if (!rightKeys.contains(key)) {
        throw new ValidationException("Temporal table's primary key " + primaryKey + " must be included in the"
            + " equivalence condition of temporal join, but current temporal join condition is [" + condition + "]");
      }
    }
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int i = 0; i < rightKeys.size(); i++) {
      keyFields.add(new RowType.RowField("k" + i, SpateTypeFactory.toLogicalType(
          versioned.getRowType().getFieldList().get(rightKeys.get(i)).getType()).copy(true)));
    }
    RexNode remaining = RexUtil.composeConjunction(rex, rest);
    String operatorName = "TemporalJoin(joinType=[" + type + "], where=[" + joinCondition + "])";
    JoinConditionCode compiled = remaining.isAlwaysTrue() ? null : JoinConditions.of(translator.config,
        translator.compiler, translator.classLoader, remaining, leftCount, operatorName);
    TemporalJoinOperator operator = new TemporalJoinOperator(StreamTranslator.rowTypeInfo(left.getRowType()),
        StreamTranslator.rowTypeInfo(versioned.getRowType()), leftTime, rightTimes.iterator().next(), compiled,
        type == JoinRelType.LEFT);
    DataStream<Row> leftRows = translator.translate(left);
    DataStream<Row> rightRows = translator.translate(versioned);
    return leftRows.connect(rightRows)
        .keyBy(ComputedKeys.of(translator.config, translator.compiler, translator.classLoader, leftKeys,
            operatorName),
            new KeyProjection(rightKeys.stream().mapToInt(Integer::intValue).toArray()),
            TypeInfos.ofRow(new RowType(false, keyFields)))
        .transform(operatorName, StreamTranslator.rowTypeInfo(correlate.getRowType()), operator);
  }

  /** The table {@code plan} reads, through projections and filters; null if it reads something else. */
  private static CatalogTable scannedTable(RelNode plan) {
    while (plan instanceof LogicalProject || plan instanceof LogicalFilter || plan instanceof ChangelogNormalize) {
      plan = plan.getInput(0);
    }
    return plan instanceof TableScan scan ? scan.getTable().unwrap(CatalogTable.class) : null;
  }

  /**
   * The fields of {@code plan} that pass on the scanned table's columns {@code columns} unchanged, or null if a
   * projection drops or computes one of them.
   */
  private static List<Integer> passedOn(RelNode plan, List<String> columns) {
    if (plan instanceof TableScan scan) {
      List<Integer> fields = new ArrayList<>();
      for (String column : columns) {
        fields.add(scan.getRowType().getFieldNames().indexOf(column));
      }
      return fields;
    }
    List<Integer> below = passedOn(plan.getInput(0), columns);
    if (below == null || plan instanceof LogicalFilter || plan instanceof ChangelogNormalize) {
      return below;
    }
    List<RexNode> projects = ((LogicalProject) plan).getProjects();
    List<Integer> fields = new ArrayList<>();
    for (int field : below) {
      int index = -1;
      for (int i = 0; i < projects.size() && index < 0; i++) {
        if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == field) {
          index = i;
        }
      }
      if (index < 0) {
        return null;
      }
      fields.add(index);
    }
    return fields;
  }

  /** The left field {@code period} ({@code $cor.field}) names, or -1 if it is another expression. */
  private static int periodField(RexNode period, CorrelationId id) {
    if (period instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable variable
        && variable.id.equals(id)) {
      return access.getField().getIndex();
    }
    return -1;
  }
}
