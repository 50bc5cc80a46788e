package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.StateRetention;
import io.spate.api.types.RowKind;

/**
 * Deduplication in processing time ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY proctime)}
 * with {@code rn = 1}): keeping the first row, each key's first row to arrive goes out at once as an
 * insert and later ones are dropped (insert-only); keeping the last, each row replaces its key's
 * previous one, which it retracts (update-before, then update-after).
 */
@Internal
public final class ProcTimeDeduplicateFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final boolean keepLast;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<Row> kept;

  /**
   * Keeps each key's first row of {@code inputType}, or its last if {@code keepLast}.
   * A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public ProcTimeDeduplicateFunction(boolean keepLast, RowTypeInfo inputType, long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.keepLast = keepLast;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    kept = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("kept-row", inputType), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This deduplication takes inserts only, not " + input);
    }
    Row previous = kept.value();
    if (previous != null && !keepLast) {
      return;
    }
    kept.update(input);
    if (previous == null) {
      out.collect(input);
      return;
    }
    Row before = Row.copy(previous);
    before.setKind(RowKind.UPDATE_BEFORE);
    out.collect(before);
    Row after = Row.copy(input);
    after.setKind(RowKind.UPDATE_AFTER);
    out.collect(after);
  }
}
