package io.spate.table.planner.translate;

import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * The physical fields a table's source must give for the columns its job reads ({@link ReadFields}),
 * as {@code SupportsProjectionPushDown#applyProjection} takes them.
 */
final class SourceProjection {

  private SourceProjection() {}

  /**
   * The paths of physical fields that {@code readColumns} (paths over the table's columns, which
   * include its computed and metadata ones) need, sorted; {@code columns} are the table's columns as
   * expressions over the source's rows, whose first {@code physicalCount} fields are physical. Null if
   * they need every physical field, so that there is nothing to push.
   */
  static int[][] of(Set<List<Integer>> readColumns, List<RexNode> columns, int physicalCount, boolean nested) {
    Set<List<Integer>> paths = new HashSet<>();
    for (List<Integer> path : readColumns) {
      RexNode column = columns.get(path.get(0));
      if (column instanceof RexInputRef ref) {
        List<Integer> physical = new ArrayList<>(path);
        physical.set(0, ref.getIndex());
        paths.add(physical);
      } else {
        paths.addAll(ReadFields.fieldsOf(List.of(column)));
      }
    }
    Set<Integer> whole = new HashSet<>();
    for (List<Integer> path : paths) {
      if (path.get(0) < physicalCount && (path.size() == 1 || !nested)) {
        whole.add(path.get(0));
      }
    }
    if (whole.size() == physicalCount) {
      return null;
    }
    List<List<Integer>> kept = new ArrayList<>();
    for (List<Integer> path : paths) {
      if (path.get(0) < physicalCount && (whole.contains(path.get(0)) ? path.size() == 1 : nested)) {
        kept.add(path);
      }
    }
    for (int column : whole) {
      if (!kept.contains(List.of(column))) {
        kept.add(List.of(column));
      }
    }
    kept.sort(Comparator.<List<Integer>>comparingInt(p -> p.get(0)).thenComparingInt(p -> p.size() > 1 ? p.get(1) : -1));
    return kept.stream().map(p -> p.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** {@code fields} by name, as {@code EXPLAIN} shows them (in brackets): {@code event_type, bid.auction, bid.price}. */
  static String describe(int[][] fields, RowType physical) {
    StringJoiner names = new StringJoiner(", ");
    for (int[] path : fields) {
      String name = physical.getFieldNames().get(path[0]);
      if (path.length > 1) {
        name += "." + ((RowType) physical.getTypeAt(path[0])).getFieldNames().get(path[1]);
      }
      names.add(name);
    }
    return names.toString();
  }
}
