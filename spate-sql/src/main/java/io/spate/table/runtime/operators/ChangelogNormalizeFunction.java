package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;

/**
 * Turns an upsert stream (inserts and update-afters carry a key's new row, deletes remove the key)
 * into a full changelog, per key of the primary key: the first row of a key is an insert, a new row
 * of a known key an update-before of the last row and an update-after of the new one, a delete a
 * delete of the last row. A row equal to the last one emits nothing, and so does a delete of a key
 * without row (a tombstone of a key never seen, or seen deleted). The last row per key is keyed state.
 */
@Internal
public final class ChangelogNormalizeFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo rowType;
  private final long stateRetentionMillis;
  private transient ValueState<Row> last;

  /** Normalizes rows of {@code rowType}; a key without change for {@code stateRetentionMillis} (0: for ever) is forgotten. */
  public ChangelogNormalizeFunction(RowTypeInfo rowType, long stateRetentionMillis) {
    this.rowType = rowType;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    last = getRuntimeContext().getState(StateRetention.apply(new ValueStateDescriptor<>("last-row", rowType),
        stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    Row previous = last.value();
    RowKind kind = input.getKind();
    if (kind == RowKind.UPDATE_BEFORE) {
      return; // an upsert stream's update-after says all; the before row is the state's
    }
    if (kind == RowKind.DELETE) {
      if (previous != null) {
        last.clear();
        out.collect(withKind(previous, RowKind.DELETE));
      }
      return;
    }
    Row current = withKind(input, RowKind.INSERT);
    if (previous == null) {
      last.update(current);
      out.collect(current);
      return;
    }
    if (previous.equals(current)) {
      return;
    }
    last.update(current);
    out.collect(withKind(previous, RowKind.UPDATE_BEFORE));
    out.collect(withKind(current, RowKind.UPDATE_AFTER));
  }

  private static Row withKind(Row row, RowKind kind) {
    Row copy = Row.copy(row);
    copy.setKind(kind);
    return copy;
  }
}
