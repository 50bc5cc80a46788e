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
import io.spate.table.runtime.expr.EpochMillis;
import io.spate.table.runtime.operators.StateRetention;

/**
 * Deduplication that keeps each key's last row in event time ({@code ROW_NUMBER() OVER (PARTITION BY
 * k ORDER BY rowtime DESC) = 1}), as a changelog: the key's first row is inserted; a row at the same
 * or a later time replaces it, retracting the old row (update-before) and adding the new one
 * (update-after); an earlier row changes nothing.
 */
@Internal
public final class RowTimeKeepLastRowFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int timeField;
  private final RowTypeInfo inputType;
  private final long stateRetentionMillis;
  private transient ValueState<Row> last;

  /**
   * Keeps the row of rows of {@code inputType} whose field {@code timeField} is last.
   * A key idle for {@code stateRetentionMillis} (0: never) is forgotten.
   */
  public RowTimeKeepLastRowFunction(int timeField, RowTypeInfo inputType, long stateRetentionMillis) {
    this.stateRetentionMillis = stateRetentionMillis;
    this.timeField = timeField;
    this.inputType = inputType;
  }

  @Override
  public void open(OpenContext context) {
    last = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("last-row", inputType), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("This deduplication takes inserts only, not " + input);
    }
    if (input.getField(timeField) == null) {
      return;
    }
    Row previous = last.value();
    if (previous != null && EpochMillis.of(input.getField(timeField))
        < EpochMillis.of(previous.getField(timeField))) {
      return;
    }
    last.update(input);
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
