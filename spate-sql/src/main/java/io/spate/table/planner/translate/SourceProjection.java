package io.spate.table.planner.translate;

import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The physical fields a table's source must give for the columns its job reads ({@link ReadFields}),
 * as {@code SupportsProjectionPushDown#applyProjection} takes them, the rows the source then gives, and
 * the table's columns over those rows.
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

  /**
   * The rows a source gives under projection {@code fields} of {@code physical}: one field per path, a
   * whole column under its name, a nested field as {@code column_field} (with {@code $} and a number if
   * that is one of {@code taken}, the table's column names, or of the names before it).
   */
  static RowType producedType(int[][] fields, RowType physical, Set<String> taken) {
    Set<String> names = new HashSet<>(taken);
    List<RowType.RowField> produced = new ArrayList<>();
    for (int[] path : fields) {
      RowType.RowField column = physical.getFields().get(path[0]);
      if (path.length == 1) {
        produced.add(new RowType.RowField(column.getName(), column.getType()));
        continue;
      }
      RowType.RowField field = ((RowType) column.getType()).getFields().get(path[1]);
      String name = column.getName() + "_" + field.getName();
      for (int n = 0; !names.add(name); n++) {
        name = column.getName() + "_" + field.getName() + "$" + n;
      }
      // A field of a nullable row is NULL where the row is.
      produced.add(new RowType.RowField(name, field.getType().copy(field.getType().isNullable()
          || column.getType().isNullable())));
    }
    return new RowType(false, produced);
  }

  /**
   * {@code columns}, the table's columns as expressions over rows of all its physical fields (the
   * first {@code physicalCount}) and then its metadata columns, as expressions over the rows its source
   * gives under projection {@code fields}. A read field of a nested column becomes a reference to its
   * own field, and the nested column a {@code ROW} of those fields (NULL for the others) that {@link
   * #readField} takes apart again; a column no path names is NULL.
   */
  static List<RexNode> overProjectedRows(List<RexNode> columns, int[][] fields, int physicalCount, RexBuilder rex) {
    Map<List<Integer>, Integer> positions = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      positions.put(Arrays.stream(fields[i]).boxed().toList(), i);
    }
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexInputRef ref && ref.getIndex() < physicalCount) {
          Integer at = positions.get(List.of(ref.getIndex(), access.getField().getIndex()));
          if (at != null) {
            return new RexInputRef(at, access.getType());
          }
        }
        return super.visitFieldAccess(access);
      }

      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int column = ref.getIndex();
        if (column >= physicalCount) {
          return new RexInputRef(fields.length + column - physicalCount, ref.getType());
        }
        Integer whole = positions.get(List.of(column));
        if (whole != null) {
          return new RexInputRef(whole, ref.getType());
        }
        if (!ref.getType().isStruct()) {
          return rex.makeNullLiteral(ref.getType());
        }
        List<RexNode> operands = new ArrayList<>();
        boolean any = false;
        for (RelDataTypeField field : ref.getType().getFieldList()) {
          RelDataType type = rex.getTypeFactory().createTypeWithNullability(field.getType(),
              field.getType().isNullable() || ref.getType().isNullable());
          Integer at = positions.get(List.of(column, field.getIndex()));
          any |= at != null;
          operands.add(at != null ? new RexInputRef(at, type) : rex.makeNullLiteral(type));
        }
        return any ? rex.makeCall(ref.getType(), SqlStdOperatorTable.ROW, operands) : rex.makeNullLiteral(ref.getType());
      }
    };
    return columns.stream().map(column -> column.accept(shuttle)).toList();
  }

  /**
   * {@code access} over {@code row}, its reference expression as the source's rows give it: where that
   * is the {@code ROW} of a nested column's fields ({@link #overProjectedRows}), the field's own reference.
   */
  static RexNode readField(RexFieldAccess access, RexNode row) {
    if (row instanceof RexCall call && call.getKind() == SqlKind.ROW
        && call.getOperands().get(access.getField().getIndex()) instanceof RexInputRef field) {
      return new RexInputRef(field.getIndex(), access.getType());
    }
    return null;
  }
}
