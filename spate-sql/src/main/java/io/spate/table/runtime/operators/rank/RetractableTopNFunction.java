package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.StateRetention;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Top-N over a changelog, per partition key: keeps every row of the partition in the sort order
 * (a row that is taken back may let a lower one rise into the ranks), and after each change emits
 * how ranks {@code rankStart} to {@code rankEnd} changed. With {@code ROW_NUMBER()} and the rank
 * number in the output, a rank whose row changed retracts the old row (update-before) and adds the
 * new one (update-after), a rank filled for the first time is an insert and a rank left empty a
 * delete; otherwise rows (with their ranks, if shown) that left the ranks are deleted and rows that
 * entered them inserted. With {@code RANK()} and {@code DENSE_RANK()} ties share a rank, so more
 * than {@code rankEnd} rows may be shown. Over inserts only ({@code appendOnly}) rows ranked after
 * {@code rankEnd} are forgotten, since they can never rise again.
 */
@Internal
public final class RetractableTopNFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRank;
  private final RankType rankType;
  private final boolean appendOnly;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<List<Row>> sortedRows;

  /**
   * Ranks rows of {@code inputType} in {@code order} by {@code rankType} and emits ranks
   * {@code rankStart} to {@code rankEnd} (from 1), each row with its rank appended if
   * {@code outputRank}; {@code appendOnly} if the input has inserts only.
   * A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public RetractableTopNFunction(SortOrder order, RankType rankType, long rankStart, long rankEnd,
      boolean outputRank, boolean appendOnly, RowTypeInfo inputType, long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.order = order;
    this.rankType = rankType;
    this.rankStart = rankStart;
    this.rankEnd = rankEnd;
    this.outputRank = outputRank;
    this.appendOnly = appendOnly;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    sortedRows = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("sorted-rows", Types.LIST(inputType)), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    List<Row> rows = sortedRows.value();
    if (rows == null) {
      rows = new ArrayList<>();
    }
    List<Row> before = shown(rows);
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    if (adds) {
      int position = rows.size();
      while (position > 0 && order.compare(input, rows.get(position - 1)) < 0) {
        position--;
      }
      Row row = Row.copy(input);
      row.setKind(RowKind.INSERT);
      rows.add(position, row);
    } else {
      int index = indexOf(rows, input);
      if (index < 0) {
        return; // a retraction of a row this partition does not hold (its state expired)
      }
      rows.remove(index);
    }
    if (appendOnly) {
      while (!rows.isEmpty() && rankAt(rows, rows.size() - 1) > rankEnd) {
        rows.remove(rows.size() - 1);
      }
    }
    if (rows.isEmpty()) {
      sortedRows.clear();
    } else {
      sortedRows.update(rows);
    }
    List<Row> after = shown(rows);
    if (outputRank && rankType == RankType.ROW_NUMBER) {
      emitChangedRanks(before, after, out);
    } else {
      emitLeavingAndEntering(before, after, out);
    }
  }

  /** The rows of the shown ranks, each with its rank appended if the output shows it. */
  private List<Row> shown(List<Row> rows) {
    List<Row> shown = new ArrayList<>();
    long rank = 0;
    for (int i = 0; i < rows.size(); i++) {
      rank = i == 0 ? 1 : nextRank(rows, i, rank);
      if (rank > rankEnd) {
        break;
      }
      if (rank >= rankStart) {
        shown.add(outputRank && rankType != RankType.ROW_NUMBER ? withRank(rows.get(i), rank, RowKind.INSERT)
            : rows.get(i));
      }
    }
    return shown;
  }

  /** The rank of the row at {@code index} of {@code rows}, given the rank of the row before it. */
  private long nextRank(List<Row> rows, int index, long previousRank) {
    boolean tie = rankType != RankType.ROW_NUMBER && order.compare(rows.get(index - 1), rows.get(index)) == 0;
    if (tie) {
      return previousRank;
    }
    return rankType == RankType.DENSE_RANK ? previousRank + 1 : index + 1;
  }

  private long rankAt(List<Row> rows, int index) {
    long rank = 1;
    for (int i = 1; i <= index; i++) {
      rank = nextRank(rows, i, rank);
    }
    return rank;
  }

  private void emitChangedRanks(List<Row> before, List<Row> after, Collector<Row> out) {
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      Row old = i < before.size() ? before.get(i) : null;
      Row now = i < after.size() ? after.get(i) : null;
      long rank = rankStart + i;
      if (old == null) {
        out.collect(withRank(now, rank, RowKind.INSERT));
      } else if (now == null) {
        out.collect(withRank(old, rank, RowKind.DELETE));
      } else if (!sameFields(old, now)) {
        out.collect(withRank(old, rank, RowKind.UPDATE_BEFORE));
        out.collect(withRank(now, rank, RowKind.UPDATE_AFTER));
      }
    }
  }

  private void emitLeavingAndEntering(List<Row> before, List<Row> after, Collector<Row> out) {
    List<Row> entering = new ArrayList<>(after);
    for (Row old : before) {
      int index = indexOf(entering, old);
      if (index >= 0) {
        entering.remove(index);
      } else {
        out.collect(as(old, RowKind.DELETE));
      }
    }
    for (Row now : entering) {
      out.collect(as(now, RowKind.INSERT));
    }
  }

  /** {@code row} as {@code kind}: shown rows that carry their rank already are copied as they are. */
  private Row as(Row row, RowKind kind) {
    Row result = Row.copy(row);
    result.setKind(kind);
    return result;
  }

  private static int indexOf(List<Row> rows, Row row) {
    for (int i = 0; i < rows.size(); i++) {
      if (sameFields(rows.get(i), row)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean sameFields(Row a, Row b) {
    if (a.getArity() != b.getArity()) {
      return false;
    }
    for (int i = 0; i < a.getArity(); i++) {
      if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
        return false;
      }
    }
    return true;
  }

  private Row withRank(Row row, long rank, RowKind kind) {
    Row result = new Row(kind, row.getArity() + (outputRank ? 1 : 0));
    for (int i = 0; i < row.getArity(); i++) {
      result.setField(i, row.getField(i));
    }
    if (outputRank) {
      result.setField(row.getArity(), rank);
    }
    return result;
  }
}
