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
import io.spate.table.runtime.operators.window.WindowAssigner;
import java.util.ArrayList;
import java.util.List;

/**
 * Window Top-N: a Top-N whose partitions are windows (the key holds a window table function's
 * {@code window_start} and {@code window_end}). Each partition keeps its first {@code rankEnd} rows
 * until the watermark passes the window's last instant, then emits ranks {@code rankStart} to
 * {@code rankEnd} once, as inserts, and clears its state. Rows of a window that already fired are
 * late and dropped.
 */
@Internal
public final class WindowTopNFunction extends KeyedProcessFunction<Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRank;
  private final int windowEndField;
  private final RowTypeInfo inputType;
  private transient ValueState<List<Row>> topRows;

  /**
   * Ranks rows of {@code inputType} in {@code order} per window, whose end is field
   * {@code windowEndField}, and emits ranks {@code rankStart} to {@code rankEnd}, with the rank
   * appended if {@code outputRank}.
   */
  public WindowTopNFunction(SortOrder order, long rankStart, long rankEnd, boolean outputRank, int windowEndField,
      RowTypeInfo inputType) {
    this.order = order;
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
    long lastInstant = WindowAssigner.millis(input.getField(windowEndField)) - 1;
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
    if (position >= rankEnd) {
      return;
    }
    top.add(position, input);
    if (top.size() > rankEnd) {
      top.remove(top.size() - 1);
    }
    topRows.update(top);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Row> top = topRows.value();
    if (top == null) {
      return;
    }
    topRows.clear();
    for (long rank = rankStart; rank <= top.size(); rank++) {
      Row row = top.get((int) rank - 1);
      Row result = new Row(RowKind.INSERT, row.getArity() + (outputRank ? 1 : 0));
      for (int i = 0; i < row.getArity(); i++) {
        result.setField(i, row.getField(i));
      }
      if (outputRank) {
        result.setField(row.getArity(), rank);
      }
      out.collect(result);
    }
  }
}
