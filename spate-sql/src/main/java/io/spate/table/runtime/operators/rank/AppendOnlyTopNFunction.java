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

/**
 * Top-N over inserts, per partition key: keeps the partition's first {@code rankEnd} rows in the
 * sort order (a later row ranks after the rows it ties with) and emits how the ranks
 * {@code rankStart} to {@code rankEnd} change. With the rank number in the output, each rank whose
 * row changed emits the old row as an update-before and the new one as an update-after (a rank
 * filled for the first time: an insert), so the row pushed out of the last rank is retracted there.
 * Without it, only the row that enters the ranks is inserted and the row that leaves them deleted.
 * Rows that cannot enter the first {@code rankEnd} are dropped, since with inserts only they never can.
 */
@Internal
public final class AppendOnlyTopNFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRank;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<List<Row>> topRows;

  /**
   * Ranks rows of {@code inputType} in {@code order} and emits ranks {@code rankStart} to
   * {@code rankEnd} (from 1), each row with its rank appended if {@code outputRank}.
   * A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public AppendOnlyTopNFunction(SortOrder order, long rankStart, long rankEnd, boolean outputRank,
      RowTypeInfo inputType, long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.order = order;
    this.rankStart = rankStart;
    this.rankEnd = rankEnd;
    this.outputRank = outputRank;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    topRows = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("top-rows", Types.LIST(inputType)), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This Top-N takes inserts only, not " + input);
    }
    List<Row> top = topRows.value();
    if (top == null) {
      top = new ArrayList<>();
    }
    int position = top.size();
    while (position > 0 && order.compare(input, top.get(position - 1)) < 0) {
      position--;
    }
    if (position >= rankEnd) {
      return;
    }
    Row pushedOut = top.size() == rankEnd ? top.remove(top.size() - 1) : null;
    top.add(position, input);
    topRows.update(top);
    if (outputRank) {
      emitChangedRanks(top, position, pushedOut, out);
    } else {
      emitEnteringAndLeaving(top, position, pushedOut, out);
    }
  }

  /** Ranks from the new row's on moved down by one: each shows its new row instead of its old one. */
  private void emitChangedRanks(List<Row> top, int position, Row pushedOut, Collector<Row> out) {
    for (long rank = Math.max(position + 1, rankStart); rank <= top.size(); rank++) {
      Row now = top.get((int) rank - 1);
      Row before = rank < top.size() ? top.get((int) rank) : pushedOut;
      if (before == null) {
        out.collect(withRank(now, rank, RowKind.INSERT));
      } else {
        out.collect(withRank(before, rank, RowKind.UPDATE_BEFORE));
        out.collect(withRank(now, rank, RowKind.UPDATE_AFTER));
      }
    }
  }

  private void emitEnteringAndLeaving(List<Row> top, int position, Row pushedOut, Collector<Row> out) {
    int firstShown = (int) rankStart - 1;
    if (top.size() <= firstShown) {
      return; // the shown ranks are still empty
    }
    if (pushedOut != null) {
      out.collect(withRank(pushedOut, 0, RowKind.DELETE));
    }
    out.collect(withRank(top.get(Math.max(position, firstShown)), 0, RowKind.INSERT));
  }

  private Row withRank(Row row, long rank, RowKind kind) {
    return withRank(row, rank, kind, outputRank);
  }

  /** A copy of {@code row} of kind {@code kind}, with {@code rank} appended if {@code outputRank}. */
  static Row withRank(Row row, long rank, RowKind kind, boolean outputRank) {
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
