package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.StateRetention;

/**
 * Top-1 over inserts, per partition key ({@code rn = 1} or {@code rn <= 1}): keeps only the
 * partition's first row in the sort order, as a single value, and emits what
 * {@link AppendOnlyTopNFunction} emits for rank 1 (a later row replaces the kept one only if it sorts
 * strictly before it). With the rank number in the output, the first row is inserted and each better
 * one updates rank 1 (update-before of the old row, update-after of the new); without it, the old row
 * is deleted and the new one inserted.
 */
@Internal
public final class AppendOnlyTop1Function extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final SortOrder order;
  private final boolean outputRank;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<Row> topRow;

  /**
   * Ranks rows of {@code inputType} in {@code order} and emits rank 1, each row with its rank appended
   * if {@code outputRank}. A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public AppendOnlyTop1Function(SortOrder order, boolean outputRank, RowTypeInfo inputType,
      long stateRetentionMillis) {
    this.order = order;
    this.outputRank = outputRank;
    this.inputType = inputType;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    topRow = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("top-row", inputType), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This Top-N takes inserts only, not " + input);
    }
    Row top = topRow.value();
    if (top != null && order.compare(input, top) >= 0) {
      return;
    }
    topRow.update(input);
    if (outputRank) {
      if (top == null) {
        out.collect(AppendOnlyTopNFunction.withRank(input, 1, RowKind.INSERT, true));
      } else {
        out.collect(AppendOnlyTopNFunction.withRank(top, 1, RowKind.UPDATE_BEFORE, true));
        out.collect(AppendOnlyTopNFunction.withRank(input, 1, RowKind.UPDATE_AFTER, true));
      }
      return;
    }
    if (top != null) {
      Row deleted = Row.copy(top);
      deleted.setKind(RowKind.DELETE);
      out.collect(deleted);
    }
    // The input is an insert already; like the deduplications, emit it as it came instead of a copy.
    out.collect(input);
  }
}
