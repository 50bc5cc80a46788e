package io.spate.table.planner.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;

/** What the rewrites that leave unread columns out of a node's input share: the narrowed input and the renumbering. */
final class FieldNarrowing {

  private FieldNarrowing() {}

  /**
   * {@code input} with only {@code fields}, under their names; {@code input} itself if that is all of
   * them. A projection below computes only those fields instead, so that they stay one step.
   */
  static RelNode projection(RelNode input, List<Integer> fields) {
    List<RelDataTypeField> all = input.getRowType().getFieldList();
    if (fields.size() == all.size()) {
      return input;
    }
    // An OVER aggregate stays where it is: its own rewrite into a window node needs its projection whole.
    LogicalProject below = input instanceof LogicalProject project
        && !RexOver.containsOver(project.getProjects(), null) ? project : null;
    List<RexNode> expressions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int field : fields) {
      expressions.add(below != null ? below.getProjects().get(field) : new RexInputRef(field, all.get(field).getType()));
      names.add(all.get(field).getName());
    }
    RelNode from = below != null ? below.getInput() : input;
    return LogicalProject.create(from, List.of(), expressions, names, Set.of());
  }

  /** Rewrites each reference to field {@code f} into one to field {@code newIndex[f]}, of the same type. */
  static RexShuttle renumbering(int[] newIndex) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
  }
}
