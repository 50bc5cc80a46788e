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
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.EpochMillis;
import java.util.ArrayList;
import java.util.List;

/**
 * Window Top-N: a Top-N whose partitions are windows (the key holds a window table function's
 * {@code window_start} and {@code window_end}). Each partition keeps the rows it may show, those of
 * rank {@code rankEnd} or better (with {@code RANK()} and {@code DENSE_RANK()} that is every row of a
 * tie that shares such a rank, so possibly more than {@code rankEnd} rows), until the watermark passes
 * the window's last instant, then emits ranks {@code rankStart} to {@code rankEnd} once, as inserts,
 * and clears its state. Rows of equal order are numbered in arrival order by {@code ROW_NUMBER()}.
 * Rows of a window that already fired are late and dropped.
 */
@Internal
public final class WindowTopNFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final RankType rankType;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRank;
  private final int windowEndField;
  private final RowTypeInfo inputType;
  private transient ValueState<List<Row>> topRows;

  /**
   * Ranks rows of {@code inputType} in {@code order} by {@code rankType} per window, whose end is field
   * {@code windowEndField}, and emits ranks {@code rankStart} to {@code rankEnd}, with the rank
   * appended if {@code outputRank}.
   */
  public WindowTopNFunction(SortOrder order, RankType rankType, long rankStart, long rankEnd, boolean outputRank,
      int windowEndField, RowTypeInfo inputType) {
    this.order = order;
    this.rankType = rankType;
    this.rankStart = rankStart;
    this.rankEnd = rankEnd;
    this.outputRank = outputRank;
    this.windowEndField = windowEndField;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    topRows = getRuntimeContext().getState(new ValueStateDescriptor<>("window-top-rows", Types.LIST(inputType)));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window Top-N takes inserts only, not " + input);
    }
    long lastInstant = EpochMillis.of(input.getField(windowEndField)) - 1;
    if (lastInstant <= ctx.timerService().currentWatermark()) {
      return; // late: the window has fired
    }
    List<Row> top = topRows.value();
    if (top == null) {
      top = new ArrayList<>();
      ctx.timerService().registerEventTimeTimer(lastInstant);
    }
    int position = top.size();
    while (position > 0 && order.compare(input, top.get(position - 1)) < 0) {
      position--;
    }
    if (rankType == RankType.ROW_NUMBER && position >= rankEnd) {
      return;
    }
    top.add(position, input);
    int kept = rowsWithinRankEnd(top);
    if (kept <= position) {
      top.remove(position); // the row ranks below rankEnd, and so would every row after it
      return;
    }
    top.subList(kept, top.size()).clear();
    topRows.update(top);
  }

  /** How many of {@code top}'s first rows rank {@code rankEnd} or better. */
  private int rowsWithinRankEnd(List<Row> top) {
    long rank = 0;
    for (int i = 0; i < top.size(); i++) {
      rank = rankAt(top, i, rank);
      if (rank > rankEnd) {
        return i;
      }
    }
    return top.size();
  }

  /** The rank of {@code top}'s row {@code i} (in order), given the rank {@code previous} of row {@code i - 1}. */
  private long rankAt(List<Row> top, int i, long previous) {
    if (i == 0) {
      return 1;
    }
    if (rankType == RankType.ROW_NUMBER || order.compare(top.get(i - 1), top.get(i)) != 0) {
      return rankType == RankType.DENSE_RANK ? previous + 1 : i + 1;
    }
    return previous; // a tie shares its rank
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Row> top = topRows.value();
    if (top == null) {
      return;
    }
    topRows.clear();
    long rank = 0;
    for (int i = 0; i < top.size(); i++) {
      rank = rankAt(top, i, rank);
      if (rank < rankStart) {
        continue;
      }
      if (rank > rankEnd) {
        break;
      }
      Row row = top.get(i);
      Row result = new Row(RowKind.INSERT, row.getArity() + (outputRank ? 1 : 0));
      for (int f = 0; f < row.getArity(); f++) {
        result.setField(f, row.getField(f));
      }
      if (outputRank) {
        result.setField(row.getArity(), rank);
      }
      out.collect(result);
    }
  }
}
