package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Rewrites Flink's window syntax that Calcite's validator does not take into window table function
 * calls, before validation:
 * <ul>
 *   <li>{@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} into
 *       {@code SESSION(TABLE t, DESCRIPTOR(ts), gap, DESCRIPTOR(k))};</li>
 *   <li>legacy group windows, {@code SELECT TUMBLE_START(ts, i), k, ... FROM t GROUP BY TUMBLE(ts, i), k}
 *       (and {@code HOP}, {@code SESSION}, their {@code _START}, {@code _END}, {@code _ROWTIME} and
 *       {@code _PROCTIME}, the last a {@code PROCTIME()} of the aggregate's row), into
 *       {@code SELECT window_start, k, ... FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), i)) GROUP BY
 *       window_start, window_end, window_time, k}, which runs as the same window aggregate (the legacy
 *       variant of the function, whose window columns have names of their own, so that the table may have
 *       columns named {@code window_start} and the like).</li>
 * </ul>
 */
@Internal
public final class WindowSqlRewriter {

  private WindowSqlRewriter() {}

  /** {@code node} with its Flink window syntax rewritten; may change {@code node} in place. */
  public static SqlNode rewrite(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, rewrite(list.get(i)));
      }
      return list;
    }
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand != null) {
        SqlNode rewritten = rewrite(operand);
        if (rewritten != operand) {
          call.setOperand(i, rewritten);
        }
      }
    }
    if (call instanceof SqlSelect select) {
      rewriteGroupWindow(select);
      return select;
    }
    if (isNamed(call, "SESSION") && !operands.isEmpty() && operands.get(0) != null
        && operands.get(0).getKind() == SqlKind.SET_SEMANTICS_TABLE) {
      return partitionedSession(call);
    }
    return call;
  }

  private static SqlNode partitionedSession(SqlCall session) {
    SqlCall table = (SqlCall) session.operand(0);
    SqlNodeList partitionKeys = table.operand(1);
    SqlNodeList order = table.operand(2);
    if (order != null && !order.isEmpty()) {
      throw new ValidationException("SESSION's table takes PARTITION BY, not ORDER BY (at " + order.getParserPosition()
          + ")");
    }
    List<SqlNode> operands = new ArrayList<>(session.getOperandList());
    operands.set(0, table.operand(0));
    if (!partitionKeys.isEmpty()) {
      operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(partitionKeys.getParserPosition(),
          partitionKeys.getList()));
    }
    return session.getOperator().createCall(session.getFunctionQuantifier(), session.getParserPosition(), operands);
  }

  private static void rewriteGroupWindow(SqlSelect select) {
    SqlNodeList groupBy = select.getGroup();
    if (groupBy == null) {
      return;
    }
    SqlCall window = null;
    int windowIndex = -1;
    for (int i = 0; i < groupBy.size(); i++) {
      SqlNode item = groupBy.get(i);
      SqlKind kind = item.getKind();
      if (kind == SqlKind.TUMBLE || kind == SqlKind.HOP || kind == SqlKind.SESSION) {
        if (window != null) {
          throw new ValidationException("A GROUP BY takes one group window, not " + window + " and " + item + " (at "
              + item.getParserPosition() + ")");
        }
        window = (SqlCall) item;
        windowIndex = i;
      }
    }
    if (window == null) {
      return;
    }
    String name = window.getKind().name();
    SqlParserPos pos = window.getParserPosition();
    int intervals = window.getKind() == SqlKind.HOP ? 2 : 1;
    if (window.operandCount() != 1 + intervals) {
      throw new ValidationException("Spate SQL supports the group window " + name + " with " + intervals
          + (intervals == 1 ? " interval" : " intervals") + " and no alignment time, not " + window + " (at " + pos + ")");
    }
    if (!(window.operand(0) instanceof SqlIdentifier time)) {
      throw new ValidationException("The group window " + name + " needs a time column as its first argument, not "
          + window.operand(0) + " (at " + pos + ")");
    }
    SqlOperator function = WindowTableFunctions.legacy(switch (window.getKind()) {
      case TUMBLE -> WindowTableFunctions.TUMBLE;
      case HOP -> WindowTableFunctions.HOP;
      default -> WindowTableFunctions.SESSION;
    });
    SqlNode from = select.getFrom();
    SqlNode table = from;
    SqlIdentifier alias = null;
    if (from.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) from;
      if (as.operandCount() != 2) {
        throw new ValidationException("A group window reads a table without column aliases (at "
            + from.getParserPosition() + ")");
      }
      table = as.operand(0);
      alias = as.operand(1);
    }
    if (table instanceof SqlIdentifier id) {
      if (alias == null) {
        alias = new SqlIdentifier(id.names.get(id.names.size() - 1), id.getParserPosition());
      }
      table = SqlStdOperatorTable.EXPLICIT_TABLE.createCall(id.getParserPosition(), id);
    } else if (table.getKind() != SqlKind.SELECT) {
      throw new ValidationException("Spate SQL runs a group window " + name + " over a table or a subquery, not over "
          + table.getKind() + " (at " + table.getParserPosition() + "); use the window table function " + name
          + "(TABLE ...) instead");
    }
    List<SqlNode> operands = new ArrayList<>();
    operands.add(table);
    operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(time.getParserPosition(),
        new SqlIdentifier(time.names.get(time.names.size() - 1), time.getParserPosition())));
    for (int i = 1; i < window.operandCount(); i++) {
      operands.add(window.operand(i));
    }
    SqlNode windowed = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos,
        function.createCall(null, pos, operands));
    select.setFrom(alias == null ? windowed : SqlStdOperatorTable.AS.createCall(from.getParserPosition(), windowed,
        alias));
    List<SqlNode> groups = new ArrayList<>(groupBy.getList());
    groups.remove(windowIndex);
    groups.add(windowIndex, windowColumn(2, pos));
    groups.add(windowIndex, windowColumn(1, pos));
    groups.add(windowIndex, windowColumn(0, pos));
    select.setGroupBy(new SqlNodeList(groups, groupBy.getParserPosition()));
    SqlNodeList selectList = select.getSelectList();
    for (int i = 0; i < selectList.size(); i++) {
      SqlNode item = selectList.get(i);
      SqlNode replaced = auxiliaries(item, name);
      if (replaced != item && isAuxiliary(item, name)) {
        replaced = SqlStdOperatorTable.AS.createCall(item.getParserPosition(), replaced,
            new SqlIdentifier("EXPR$" + i, item.getParserPosition()));
      }
      selectList.set(i, replaced);
    }
    if (select.getHaving() != null) {
      select.setHaving(auxiliaries(select.getHaving(), name));
    }
  }

  /** {@code node} with the group window's auxiliary functions ({@code TUMBLE_START(...)}) replaced by columns. */
  private static SqlNode auxiliaries(SqlNode node, String window) {
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    if (isAuxiliary(call, window) || isAuxiliary(call, null)) {
      String function = call.getOperator().getName().toUpperCase(Locale.ROOT);
      String suffix = function.substring(function.indexOf('_') + 1);
      if (!function.startsWith(window + "_")) {
        throw new ValidationException(function + " needs GROUP BY " + function.substring(0, function.indexOf('_'))
            + "(...), but the query groups by " + window + "(...) (at " + call.getParserPosition() + ")");
      }
      return switch (suffix) {
        case "START" -> windowColumn(0, call.getParserPosition());
        case "END" -> windowColumn(1, call.getParserPosition());
        case "ROWTIME" -> windowColumn(2, call.getParserPosition());
        // As in Flink, a processing-time attribute that reads the clock when the window's row is
        // computed, which is when the window fires.
        default -> FlinkFunctions.PROCTIME.createCall(call.getParserPosition());
      };
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand != null && !(operand instanceof SqlSelect)) {
        SqlNode replaced = auxiliaries(operand, window);
        if (replaced != operand) {
          call.setOperand(i, replaced);
        }
      }
    }
    return call;
  }

  /** Whether {@code node} is an auxiliary function of group window {@code window} (of any, if null). */
  private static boolean isAuxiliary(SqlNode node, String window) {
    if (!(node instanceof SqlCall call) || call instanceof SqlSelect) {
      return false;
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    for (String kind : window == null ? List.of("TUMBLE", "HOP", "SESSION") : List.of(window)) {
      for (String suffix : List.of("_START", "_END", "_ROWTIME", "_PROCTIME")) {
        if (name.equals(kind + suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNamed(SqlCall call, String name) {
    return call.getOperator().getName().equalsIgnoreCase(name) && call instanceof SqlBasicCall;
  }

  /** Window column {@code index} (start, end, time) of the legacy window function a group window runs as. */
  private static SqlIdentifier windowColumn(int index, SqlParserPos pos) {
    return new SqlIdentifier(WindowTableFunctions.LEGACY_WINDOW_COLUMNS.get(index), pos);
  }
}
