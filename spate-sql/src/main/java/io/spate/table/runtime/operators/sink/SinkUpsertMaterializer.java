package io.spate.table.runtime.operators.sink;

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
import io.spate.table.runtime.operators.StateRetention;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a changelog into upserts by the sink's primary key when the query does not update by that
 * key: per key it keeps the rows currently valid, in the order they came, and the sink always holds
 * the latest of them. A retraction removes its row; if that was the latest, the one before it is
 * written again (or the key deleted if none is left). Without this, the changes of two query keys
 * that share a sink key could leave the sink holding a row that was retracted, or deleting one that is
 * still valid.
 */
@Internal
public final class SinkUpsertMaterializer extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final RowTypeInfo rowType;
  private final long stateRetentionMillis;
  private transient ValueState<List<Row>> validRows;

  /** Materializes rows of {@code rowType}; a key idle for {@code stateRetentionMillis} (0: never) is forgotten. */
  public SinkUpsertMaterializer(RowTypeInfo rowType, long stateRetentionMillis) {
    this.rowType = rowType;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    validRows = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("sink-valid-rows", Types.LIST(rowType)), stateRetentionMillis));
  }

  @Override
  public void processElement(Row change, Context ctx, Collector<Row> out) throws Exception {
    List<Row> rows = validRows.value();
    if (rows == null) {
      rows = new ArrayList<>();
    }
    Row row = Row.copy(change);
    row.setKind(RowKind.INSERT);
    if (change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER) {
      rows.add(row);
      validRows.update(rows);
      out.collect(withKind(row, rows.size() == 1 ? RowKind.INSERT : RowKind.UPDATE_AFTER));
      return;
    }
    int index = rows.lastIndexOf(row);
    if (index < 0) {
      return; // retracts a row this key no longer holds (its state expired): nothing the sink shows changes
    }
    rows.remove(index);
    if (rows.isEmpty()) {
      validRows.clear();
      out.collect(withKind(row, RowKind.DELETE));
      return;
    }
    validRows.update(rows);
    if (index == rows.size()) {
      out.collect(withKind(rows.get(rows.size() - 1), RowKind.UPDATE_AFTER));
    }
  }

  private static Row withKind(Row row, RowKind kind) {
    Row copy = Row.copy(row);
    copy.setKind(kind);
    return copy;
  }
}
