package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.metadata.RelColumnMapping;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Leaves out of a window table function's input the columns that nothing above it reads: under a
 * projection over {@code TUMBLE}, {@code HOP}, {@code CUMULATE} or {@code SESSION}, the function's input
 * is narrowed to the columns the projection reads and the function's own time column and partition
 * keys. A query's {@code TABLE bid} then carries only the bid fields it uses through slicing and the
 * network, and its source makes only those ({@link ReadFields} sees the narrowing projection).
 */
@Internal
public final class WindowInputPruning extends RelShuttleImpl {

  private WindowInputPruning() {}

  /** {@code plan} with the inputs of its window table functions narrowed to the columns read above them. */
  public static RelNode rewrite(RelNode plan) {
    return plan.accept(new WindowInputPruning());
  }

  @Override
  public RelNode visit(LogicalProject project) {
    RelNode visited = super.visit(project);
    // A subquery's correlated references to the projection's input are not among its input references.
    if (visited instanceof LogicalProject top && top.getVariablesSet().isEmpty()
        && !RexUtil.SubQueryFinder.containsSubQuery(top)
        && top.getInput() instanceof LogicalTableFunctionScan scan && scan.getInputs().size() == 1
        && WindowCall.isWindowFunction(scan)) {
      return pruned(top, scan);
    }
    return visited;
  }

  private static RelNode pruned(LogicalProject top, LogicalTableFunctionScan scan) {
    RelNode input = scan.getInput(0);
    int width = input.getRowType().getFieldCount();
    if (scan.getRowType().getFieldCount() != width + 3) {
      return top;
    }
    // The call reads the time column and a SESSION's partition keys.
    ImmutableBitSet read = RelOptUtil.InputFinder.bits(top.getProjects(), null)
        .intersect(ImmutableBitSet.range(width)).union(RelOptUtil.InputFinder.bits(scan.getCall()));
    if (read.cardinality() == width) {
      return top;
    }
    int[] kept = read.toArray();
    // The kept columns first, then the function's three window columns.
    int[] newIndex = new int[width + 3];
    for (int i = 0; i < kept.length; i++) {
      newIndex[kept[i]] = i;
    }
    for (int column = 0; column < 3; column++) {
      newIndex[width + column] = kept.length + column;
    }
    RexShuttle renumbering = FieldNarrowing.renumbering(newIndex);
    RelNode narrowed = FieldNarrowing.projection(input, read.asList());

    List<RelDataTypeField> fields = scan.getRowType().getFieldList();
    RelDataTypeFactory.Builder rowType = scan.getCluster().getTypeFactory().builder();
    for (int field : kept) {
      rowType.add(fields.get(field));
    }
    rowType.addAll(fields.subList(width, width + 3));
    Set<RelColumnMapping> mappings = null;
    if (scan.getColumnMappings() != null) {
      mappings = new LinkedHashSet<>();
      for (int i = 0; i < kept.length; i++) {
        mappings.add(new RelColumnMapping(i, 0, i, false));
      }
    }
    LogicalTableFunctionScan prunedScan = LogicalTableFunctionScan.create(scan.getCluster(), List.of(narrowed),
        scan.getCall().accept(renumbering), scan.getElementType(), rowType.build(), mappings);
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : top.getProjects()) {
      projects.add(expression.accept(renumbering));
    }
    return LogicalProject.create(prunedScan, top.getHints(), projects, top.getRowType(), Set.of());
  }
}
