package io.spate.table.planner.translate;

import io.spate.table.api.ValidationException;
import io.spate.table.planner.functions.WindowTableFunctions;
import io.spate.table.runtime.operators.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A window table function call of a plan, checked: its time column (a {@code TIMESTAMP} or
 * {@code TIMESTAMP_LTZ}), its constant positive intervals in milliseconds, and for {@code SESSION}
 * its partition keys. Wrong arguments fail as in Flink, naming the function and the argument.
 */
record WindowCall(SqlOperator function, int timeField, boolean localTime, WindowSpec slices, long gap,
    List<Integer> partitionKeys) {

  /** Whether {@code scan} calls one of the window table functions. */
  static boolean isWindowFunction(LogicalTableFunctionScan scan) {
    if (!(scan.getCall() instanceof RexCall call)) {
      return false;
    }
    SqlOperator function = WindowTableFunctions.standard(call.getOperator());
    return function == WindowTableFunctions.TUMBLE || function == WindowTableFunctions.HOP
        || function == WindowTableFunctions.CUMULATE || function == WindowTableFunctions.SESSION;
  }

  /** The window call of {@code scan}, which {@link #isWindowFunction} accepts. */
  static WindowCall of(LogicalTableFunctionScan scan) {
    RexCall call = (RexCall) scan.getCall();
    SqlOperator function = WindowTableFunctions.standard(call.getOperator());
    String name = function.getName();
    List<RexNode> operands = call.getOperands();
    List<Integer> timeFields = columns(operands.get(0), name, "DESCRIPTOR(time column)");
    if (timeFields.size() != 1) {
      throw new ValidationException(name + " needs DESCRIPTOR(one time column), not " + operands.get(0));
    }
    int timeField = timeFields.get(0);
    RelDataType input = scan.getInput(0).getRowType();
    RelDataType timeType = input.getFieldList().get(timeField).getType();
    SqlTypeName typeName = timeType.getSqlTypeName();
    if (typeName != SqlTypeName.TIMESTAMP && typeName != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      throw new ValidationException("The time column of " + name + " must be a TIMESTAMP or TIMESTAMP_LTZ, but "
          + input.getFieldNames().get(timeField) + " is " + timeType.getFullTypeString());
    }
    boolean local = typeName == SqlTypeName.TIMESTAMP;
    if (function == WindowTableFunctions.SESSION) {
      long gap = positive(operands.get(1), name, "gap");
      List<Integer> keys = operands.size() > 2 ? columns(operands.get(2), name, "DESCRIPTOR(partition keys)")
          : List.of();
      return new WindowCall(function, timeField, local, null, gap, keys);
    }
    long first = positive(operands.get(1), name, function == WindowTableFunctions.CUMULATE ? "step"
        : function == WindowTableFunctions.HOP ? "slide" : "size");
    WindowSpec slices;
    if (function == WindowTableFunctions.TUMBLE) {
      slices = WindowSpec.tumble(first, offset(operands, 2, name));
    } else {
      boolean cumulate = function == WindowTableFunctions.CUMULATE;
      long size = positive(operands.get(2), name, cumulate ? "max size" : "size");
      if (size % first != 0) {
        throw new ValidationException(name + "'s " + (cumulate ? "max size" : "size") + " (" + size
            + " ms) must be an integral multiple of its " + (cumulate ? "step" : "slide") + " (" + first + " ms)");
      }
      long offset = offset(operands, 3, name);
      slices = cumulate ? WindowSpec.cumulate(first, size, offset) : WindowSpec.hop(first, size, offset);
    }
    return new WindowCall(function, timeField, local, slices, 0, List.of());
  }

  /** Whether these are session windows (which merge) rather than windows cut into slices. */
  boolean isSession() {
    return slices == null;
  }

  @Override
  public String toString() {
    return isSession() ? "SESSION(gap=" + gap + " ms" + (partitionKeys.isEmpty() ? "" : ", partitionBy="
        + partitionKeys) + ")" : slices.toString();
  }

  /**
   * The input field that the {@code DESCRIPTOR} of the window function call {@code call} names, or -1 if it does
   * not name one column (which {@link #of} rejects).
   */
  static int descriptorField(RexCall call) {
    if (!call.getOperands().isEmpty() && call.getOperands().get(0) instanceof RexCall descriptor
        && descriptor.getOperands().size() == 1 && descriptor.getOperands().get(0) instanceof RexInputRef ref) {
      return ref.getIndex();
    }
    return -1;
  }

  private static List<Integer> columns(RexNode node, String function, String expected) {
    List<Integer> columns = new ArrayList<>();
    if (node instanceof RexCall descriptor) {
      for (RexNode operand : descriptor.getOperands()) {
        if (!(operand instanceof RexInputRef ref)) {
          throw new ValidationException(function + " needs " + expected + ", not " + node);
        }
        columns.add(ref.getIndex());
      }
    }
    return columns;
  }

  private static long offset(List<RexNode> operands, int index, String function) {
    return operands.size() > index ? millis(operands.get(index), function, "offset") : 0;
  }

  private static long positive(RexNode node, String function, String argument) {
    long millis = millis(node, function, argument);
    if (millis <= 0) {
      throw new ValidationException(function + "'s " + argument + " must be positive, not " + millis + " ms");
    }
    return millis;
  }

  private static long millis(RexNode node, String function, String argument) {
    if (node instanceof RexLiteral literal && literal.getValueAs(Long.class) != null) {
      return literal.getValueAs(Long.class);
    }
    throw new ValidationException(function + "'s " + argument + " must be a constant interval, not " + node);
  }
}
