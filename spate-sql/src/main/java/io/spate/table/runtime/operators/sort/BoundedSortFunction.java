package io.spate.table.runtime.operators.sort;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.rank.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ORDER BY} (with {@code OFFSET} and {@code FETCH}/{@code LIMIT}) over a bounded input, as in
 * batch mode: keeps every row and, when the input has ended (the final watermark fires its timer),
 * emits the sorted rows from the {@code offset + 1}-th to the {@code offset + fetch}-th as inserts.
 * An updating input (a {@code GROUP BY} below) is folded first: update-befores and deletes take back
 * the rows that inserts and update-afters added, so only the final rows are sorted.
 */
@Internal
public final class BoundedSortFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final long offset;
  private final long fetch;
  private final RowTypeInfo inputType;
  private transient MapState<Row, Long> rows;

  /** Sorts rows of {@code inputType} in {@code order} and emits {@code fetch} of them after the first {@code offset}. */
  public BoundedSortFunction(SortOrder order, long offset, long fetch, RowTypeInfo inputType) {
    this.order = order;
    this.offset = offset;
    this.fetch = fetch;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    rows = getRuntimeContext().getMapState(new MapStateDescriptor<>("sort-row-counts", inputType, Types.LONG));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    Row row = Row.copy(input);
    row.setKind(RowKind.INSERT);
    Long count = rows.get(row);
    long now = (count == null ? 0 : count)
        + (input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER ? 1 : -1);
    if (now > 0) {
      rows.put(row, now);
    } else {
      rows.remove(row);
    }
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Row> all = new ArrayList<>();
    for (Map.Entry<Row, Long> entry : rows.entries()) {
      for (long i = 0; i < entry.getValue(); i++) {
        all.add(entry.getKey());
      }
    }
    rows.clear();
    all.sort(order);
    long end = Math.min(all.size(), offset + Math.min(fetch, Long.MAX_VALUE - offset));
    for (long i = offset; i < end; i++) {
      out.collect(all.get((int) i));
    }
  }
}
