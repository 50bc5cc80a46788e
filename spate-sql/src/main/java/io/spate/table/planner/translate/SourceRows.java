package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * A table's rows as its source gives them, with their timestamps and watermarks, before its computed
 * columns: {@code rows}, and each of the table's columns as an expression over them ({@code
 * columns}). When {@code computedByReaders}, the table has computed columns and the steps that read
 * the table evaluate them within their own expressions ({@link #overRows}), so that no step makes a
 * row of all columns first; otherwise {@code rows} are the table's rows and {@code columns} their
 * fields. A source that took a projection gives rows of the read fields only ({@link SourceProjection}),
 * so its table counts as computed.
 */
record SourceRows(DataStream<Row> rows, List<RexNode> columns, boolean computedByReaders) {

  /** {@code expression}, over the table's columns, as an expression over {@link #rows}. */
  RexNode overRows(RexNode expression) {
    return expression.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return columns.get(ref.getIndex());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        RexNode field = SourceProjection.readField(access, access.getReferenceExpr().accept(this));
        return field != null ? field : super.visitFieldAccess(access);
      }
    });
  }

  /** Whether {@code expression}, over {@link #rows}, evaluates one of the table's computed columns somewhere. */
  boolean computes(RexNode expression) {
    boolean[] found = {false};
    expression.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        found[0] |= columns.contains(call);
        return super.visitCall(call);
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        found[0] |= columns.contains(access);
        return super.visitFieldAccess(access);
      }
    });
    return found[0];
  }

  /** The expressions of the table's computed columns, over {@link #rows}. */
  Set<RexNode> computedColumns() {
    return columns.stream().filter(column -> !(column instanceof RexInputRef || column instanceof RexLiteral))
        .collect(Collectors.toSet());
  }

  /** {@code expressions}, over the table's columns, as expressions over {@link #rows}. */
  List<RexNode> overRows(List<RexNode> expressions) {
    return expressions.stream().map(this::overRows).toList();
  }
}
