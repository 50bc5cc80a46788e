package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.runtime.functions.UnnestJoin;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Runs {@code CROSS JOIN UNNEST(...)} and {@code LEFT JOIN UNNEST(...) ON TRUE}: a correlate whose
 * right side unnests collections of the left row becomes one {@link UnnestJoin} step over the left
 * stream, with the left side's changelog kind.
 */
@Internal
final class UnnestTranslator {

  private UnnestTranslator() {}

  /**
   * Whether {@code correlate}'s right side unnests collections, possibly under projections and filters (the
   * optimizer moves a {@code WHERE} on the unnested columns there).
   */
  static boolean isUnnest(LogicalCorrelate correlate) {
    return uncollect(correlate.getRight()) != null;
  }

  private static Uncollect uncollect(RelNode right) {
    while (right instanceof LogicalProject || right instanceof LogicalFilter) {
      right = right.getInput(0);
    }
    return right instanceof Uncollect uncollect ? uncollect : null;
  }

  /** The stream of {@code correlate}'s rows. */
  static DataStream<Row> translate(StreamTranslator translator, LogicalCorrelate correlate) {
    JoinRelType type = correlate.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
      throw new TableException("Spate SQL joins UNNEST only with CROSS JOIN or LEFT JOIN ... ON TRUE, not a " + type
          + " join");
    }
    Uncollect uncollect = uncollect(correlate.getRight());
    if (uncollect.withOrdinality) {
      throw new TableException("UNNEST ... WITH ORDINALITY is not supported: Flink 1.19 does not have it (number"
          + " the elements with a user table function instead)");
    }
    if (!(uncollect.getInput() instanceof LogicalProject collections
        && collections.getInput() instanceof LogicalValues)) {
      throw new TableException("Spate SQL cannot run this UNNEST yet: " + uncollect.explain().trim());
    }
    List<RexNode> expressions = new ArrayList<>();
    List<UnnestJoin.Shape> shapes = new ArrayList<>();
    int[] widths = new int[collections.getProjects().size()];
    for (int i = 0; i < widths.length; i++) {
      RexNode collection = collections.getProjects().get(i);
      expressions.add(CorrelateTranslator.overLeftRow(collection));
      RelDataType collectionType = collection.getType();
      RelDataType element = collectionType.getComponentType();
      if (collectionType.getSqlTypeName() == SqlTypeName.MAP) {
        shapes.add(UnnestJoin.Shape.ENTRIES);
        widths[i] = 2;
      } else {
        boolean multiset = collectionType.getSqlTypeName() == SqlTypeName.MULTISET;
        boolean rows = element.isStruct();
        shapes.add(rows ? (multiset ? UnnestJoin.Shape.MULTISET_ROWS : UnnestJoin.Shape.ROWS)
            : (multiset ? UnnestJoin.Shape.MULTISET_SCALARS : UnnestJoin.Shape.SCALARS));
        widths[i] = rows ? element.getFieldCount() : 1;
      }
    }
    DataStream<Row> left = translator.translate(correlate.getLeft());
    int leftWidth = correlate.getLeft().getRowType().getFieldCount();
    UnnestJoin join = new UnnestJoin(translator.compiler.compileAll(expressions), shapes, widths,
        type == JoinRelType.LEFT);
    String name = "Correlate(invocation=[UNNEST], joinType=[" + type + "])";
    if (correlate.getRight() == uncollect) {
      return left.flatMap(join, StreamTranslator.rowTypeInfo(correlate.getRowType())).name(name);
    }
    // Projections (aliases, reordering) and filters over the unnested columns: unnest, then run them as one
    // calc over the joined row, where the unnested columns follow the left row's.
    List<RexNode> columns = new ArrayList<>();
    List<RelDataTypeField> unnested = uncollect.getRowType().getFieldList();
    for (int i = 0; i < unnested.size(); i++) {
      columns.add(new RexInputRef(leftWidth + i, unnested.get(i).getType()));
    }
    List<RexNode> conditions = new ArrayList<>();
    List<RelNode> above = new ArrayList<>();
    for (RelNode node = correlate.getRight(); node != uncollect; node = node.getInput(0)) {
      above.add(0, node);
    }
    for (RelNode node : above) {
      RexShuttle overJoinedRow = overJoinedRow(columns);
      if (node instanceof LogicalFilter filter) {
        conditions.add(CorrelateTranslator.overLeftRow(filter.getCondition().accept(overJoinedRow)));
      } else {
        columns = ((LogicalProject) node).getProjects().stream()
            .map(e -> CorrelateTranslator.overLeftRow(e.accept(overJoinedRow))).toList();
      }
    }
    if (!conditions.isEmpty() && type == JoinRelType.LEFT) {
      // A filter of the elements under a LEFT JOIN decides which left rows get NULLs: no filter after the join does.
      throw new TableException("Spate SQL cannot filter the elements of a LEFT JOIN UNNEST yet: filter the joined"
          + " rows in the WHERE clause, or use CROSS JOIN UNNEST");
    }
    RelDataType joinedType = correlate.getCluster().getTypeFactory().createStructType(concat(
        correlate.getLeft().getRowType(), uncollect.getRowType()));
    DataStream<Row> joined = left.flatMap(join, StreamTranslator.rowTypeInfo(joinedType)).name(name);
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < leftWidth; i++) {
      projects.add(new RexInputRef(i, correlate.getLeft().getRowType().getFieldList().get(i).getType()));
    }
    projects.addAll(columns);
    RexNode condition = conditions.isEmpty() ? null
        : RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), conditions);
    return translator.calc(joined, condition, projects, correlate.getRowType(), "Calc");
  }

  /** Replaces a reference to a column of the right side's current row by that column's expression over the joined row. */
  private static RexShuttle overJoinedRow(List<RexNode> columns) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return columns.get(ref.getIndex());
      }
    };
  }

  private static List<java.util.Map.Entry<String, RelDataType>> concat(RelDataType left, RelDataType right) {
    List<java.util.Map.Entry<String, RelDataType>> fields = new ArrayList<>();
    left.getFieldList().forEach(f -> fields.add(java.util.Map.entry("l" + fields.size(), f.getType())));
    right.getFieldList().forEach(f -> fields.add(java.util.Map.entry("r" + fields.size(), f.getType())));
    return fields;
  }
}
